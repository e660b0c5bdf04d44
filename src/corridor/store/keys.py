"""The audit key: a secret kept outside the database, so that someone who can write to the
database (or holds a copy of it) cannot forge, re-hash or extend the audit chain.

Servers pass it in `CORRIDOR_AUDIT_KEY` (from their secret store); a workstation keeps it in
`$CORRIDOR_HOME/audit.key`, created on first use with 0600 permissions and refused when
anyone but its owner may read it. Losing the key means old entries can no longer be checked,
so back it up separately from the database.
"""

from __future__ import annotations

import os
import secrets
import stat
from functools import cache
from pathlib import Path

from corridor.store.db import corridor_home

KEY_ENV = "CORRIDOR_AUDIT_KEY"
KEY_FILE = "audit.key"
MIN_KEY_CHARS = 32


class AuditKeyError(Exception):
    """The key is missing, too short or readable by others; nothing is written without it."""

    field = "audit_key"


def audit_key() -> bytes:
    """The key from the environment, else from the key file (created once if absent)."""
    if value := os.environ.get(KEY_ENV):
        if len(value) < MIN_KEY_CHARS:
            raise AuditKeyError(f"{KEY_ENV} must hold at least {MIN_KEY_CHARS} characters")
        return value.encode()
    return _key_file(corridor_home() / KEY_FILE)


def _key_file(path: Path) -> bytes:
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_hex(32))
    status = path.stat()
    if status.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise AuditKeyError(f"{path} may be read by others (mode {stat.filemode(status.st_mode)}); "
                            f"run `chmod 600 {path}`")
    return _read_key(path, status.st_mtime_ns, status.st_ino)


@cache
def _read_key(path: Path, _modified: int, _inode: int) -> bytes:
    """Read once per file version: an append checks the mode each time, not the content."""
    key = path.read_text().strip()
    if len(key) < MIN_KEY_CHARS:
        raise AuditKeyError(f"{path} must hold at least {MIN_KEY_CHARS} characters")
    return key.encode()
