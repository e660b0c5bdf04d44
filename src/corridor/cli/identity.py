"""Who acts on the CLI: the user whose token is presented, never a name typed on the line.

`--actor` and `CORRIDOR_ACTOR` used to be free text, so one person could draft, approve and
decide as three users. Now every write needs a user's token, from `CORRIDOR_TOKEN` or the
file `$CORRIDOR_HOME/token` (mode 0600); the actor recorded in the audit log is that token's
user, and the user's role must allow the command, as in the API. `--actor`, if given, must
name the same user. Revoked and expired tokens are refused.

Bootstrap: while the database has no users at all, the actor is the operating-system login
(so a single-user install works, and four-eyes still refuses the same login approving its own
draft); the first `corridor users add NAME --role admin` ends that.
"""

from __future__ import annotations

import getpass
import os
import stat
from datetime import UTC, datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import sessionmaker

from corridor.licences.errors import LicenceError
from corridor.store.db import corridor_home
from corridor.store.users import Role, User, user_for_token

TOKEN_ENV = "CORRIDOR_TOKEN"
TOKEN_FILE = "token"


class IdentityError(LicenceError):
    """No usable credential, or one whose user may not do this; nothing was written."""

    status = 401


def presented_token() -> str | None:
    """The token from `CORRIDOR_TOKEN`, else from `$CORRIDOR_HOME/token` (refused if others may read it)."""
    if token := os.environ.get(TOKEN_ENV, "").strip():
        return token
    path = corridor_home() / TOKEN_FILE
    if not path.exists():
        return None
    mode = path.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise IdentityError("token", f"{path} may be read by others (mode {stat.filemode(mode)}); "
                            f"run `chmod 600 {path}`", str(path))
    return path.read_text().strip() or None


def acting_user(sessions: sessionmaker, role: str | None = None) -> str:
    """The name of the user acting, checked against `role` (viewer < analyst < officer < admin)."""
    token = presented_token()
    with sessions() as session:
        if token is None:
            if session.scalar(select(exists().where(User.id.is_not(None)))):
                raise IdentityError("token", f"this needs a user's token: set {TOKEN_ENV} or write it to "
                                    f"{corridor_home() / TOKEN_FILE} (mode 0600); an admin gives one with "
                                    "`corridor users add NAME --role ROLE`")
            return getpass.getuser()
        user = user_for_token(session, token)
    if user is None:
        raise IdentityError("token", "unknown token (rotated, or never issued)")
    if refusal := user.refusal(datetime.now(UTC)):
        raise IdentityError("token", refusal)
    if role and not Role(user.role).allows(Role(role)):
        raise IdentityError("role", f"{user.name} is {user.role}; this needs {role} or above", user.role)
    return user.name


def checked_actor(sessions: sessionmaker, claimed: str | None, role: str | None = None) -> str:
    """`acting_user`, refusing a `--actor` / `CORRIDOR_ACTOR` that names someone else."""
    name = acting_user(sessions, role)
    if claimed and claimed != name:
        raise IdentityError("actor", f"--actor {claimed!r} is not the user whose token is presented "
                            f"({name!r}); the actor is always the token's user", claimed)
    return name
