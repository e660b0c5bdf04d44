"""Loaded restricted-party lists: one row per list, one row per party (its record as JSON).

A load replaces a list in a single transaction: the old parties are deleted and the new ones
inserted together, so a load that fails half-way leaves the list as it was. The in-memory
screening index is rebuilt from these rows after a restart; building it takes about a second
for OFAC + UN, so the names as read are cached under `$CORRIDOR_HOME/cache`, keyed by the
revisions of the lists it holds, a digest of the engine's code and the versions of the name
readers it uses (a reload or an upgrade changes the key, so a stale cache is never used).

The cache is data, never code: the index's arrays (`.npy`, read with pickle refused) and
JSON records, in a 0700 folder whose manifest of SHA-256 digests is sealed by an HMAC-SHA256
whose key lives beside it in a 0600 file. A cache that was swapped or edited fails the check
and is refused (deleted and rebuilt from the database); pickle is never used, so even a file
that passed would only hold names and numbers, not something to run. The index is opened by
memory map, so a large list costs little memory and no load time.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
import shutil
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, sessionmaker

from corridor import names, screening
from corridor.screening.errors import ListFormatError
from corridor.screening.formats import FORMATS, parse_csl, parse_ftm, parse_meti, parse_ofac, parse_un
from corridor.screening.index import ScreeningIndex
from corridor.screening.party import Party
from corridor.store import list_versions
from corridor.store.db import Base

CACHE_FORMAT = 11  # 11: Arabic-script names read without their article
READER_PACKAGES = ("rigour", "rapidfuzz", "cutlet", "fugashi", "unidic-lite", "pypinyin", "normality")
log = logging.getLogger(__name__)


class ScreeningList(Base):
    __tablename__ = "screening_lists"

    name: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    format: Mapped[str] = mapped_column(sa.String(16))
    source: Mapped[str] = mapped_column(sa.String(2000))
    revision: Mapped[str] = mapped_column(sa.String(64))
    party_count: Mapped[int] = mapped_column(sa.Integer)
    loaded_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))


class ScreeningParty(Base):
    __tablename__ = "screening_parties"
    __table_args__ = (sa.UniqueConstraint("list_name", "party_id"),)

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    list_name: Mapped[str] = mapped_column(
        sa.ForeignKey("screening_lists.name", ondelete="CASCADE"), index=True
    )
    party_id: Mapped[str] = mapped_column(sa.String(200))
    record: Mapped[dict] = mapped_column(sa.JSON)


class ScreeningListVersion(Base):
    """One load of a list: what it added, removed and changed against the load before it."""

    __tablename__ = "screening_list_versions"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    list_name: Mapped[str] = mapped_column(sa.String(64), index=True)
    revision: Mapped[str] = mapped_column(sa.String(64))
    loaded_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    party_count: Mapped[int] = mapped_column(sa.Integer)
    added: Mapped[list] = mapped_column(sa.JSON)
    removed: Mapped[list] = mapped_column(sa.JSON)
    changed: Mapped[list] = mapped_column(sa.JSON)


@dataclass(frozen=True, slots=True)
class ListChanges:
    """Party ids a load added, removed and changed (same id, different record)."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()

    @property
    def touched(self) -> frozenset[str]:
        return frozenset(self.added + self.changed)


def list_changes(old: dict[str, dict], new: dict[str, dict]) -> ListChanges:
    """The difference between two versions of a list, each keyed by party id."""
    return ListChanges(
        added=tuple(sorted(new.keys() - old.keys())),
        removed=tuple(sorted(old.keys() - new.keys())),
        changed=tuple(sorted(k for k in new.keys() & old.keys() if new[k] != old[k])),
    )


def record_revision(record: dict) -> str:
    """A short digest of one party's record: a decision holds until this changes."""
    return hashlib.sha256(json.dumps(record, sort_keys=True, default=str).encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class ListStatus:
    name: str
    format: str
    source: str
    revision: str
    party_count: int
    loaded_at: datetime
    changes: ListChanges | None = None


def save_list(
    sessions: sessionmaker,
    name: str,
    list_format: str,
    source: str,
    parties: list[Party],
    loaded_at: datetime,
    actor: str = "system",
) -> ListStatus:
    """Replace list `name` by `parties`, all or nothing; keep the version and what it changed,
    and write the load to the audit log in the same transaction."""
    records = [json.loads(json.dumps(p.to_record(), default=str)) for p in parties]
    revision = hashlib.sha256(json.dumps(records, sort_keys=True, default=str).encode()).hexdigest()[:16]
    with sessions.begin() as session:
        version = list_versions.lock(session, actor)
        old = {
            party_id: record
            for party_id, record in session.execute(
                sa.select(ScreeningParty.party_id, ScreeningParty.record).where(
                    ScreeningParty.list_name == name
                )
            )
        }
        changes = list_changes(old, {r["id"]: r for r in records})
        session.add(
            ScreeningListVersion(
                list_name=name,
                revision=revision,
                loaded_at=loaded_at,
                party_count=len(records),
                added=list(changes.added),
                removed=list(changes.removed),
                changed=list(changes.changed),
            )
        )
        session.execute(sa.delete(ScreeningParty).where(ScreeningParty.list_name == name))
        session.merge(
            ScreeningList(
                name=name,
                format=list_format,
                source=source,
                revision=revision,
                party_count=len(parties),
                loaded_at=loaded_at,
            )
        )
        session.flush()
        session.execute(
            sa.insert(ScreeningParty),
            [{"list_name": name, "party_id": r["id"], "record": r} for r in records],
        )
        status = ListStatus(name, list_format, source, revision, len(parties), loaded_at, changes)
        version.record(session, status)
    return status


def list_status(sessions: sessionmaker) -> list[ListStatus]:
    with sessions() as session:
        rows = session.scalars(sa.select(ScreeningList).order_by(ScreeningList.name)).all()
        return [ListStatus(r.name, r.format, r.source, r.revision, r.party_count, r.loaded_at) for r in rows]


def load_parties(sessions: sessionmaker, names: list[str] | None = None) -> list[Party]:
    query = sa.select(ScreeningParty.record).order_by(ScreeningParty.list_name, ScreeningParty.id)
    if names:
        query = query.where(ScreeningParty.list_name.in_(names))
    with sessions() as session:
        return [Party.from_record(record) for record in session.scalars(query)]


@cache
def _engine_digest() -> str:
    """A digest of the screening and name code and the readers' versions: an index written by
    other code, or read by other readers, is never reused."""
    digest = hashlib.sha256(str(CACHE_FORMAT).encode())
    for package in (screening, names):
        for source in sorted(Path(package.__file__).parent.rglob("*.py")):
            digest.update(source.read_bytes())
    for package in READER_PACKAGES:
        try:
            digest.update(f"{package}=={version(package)}".encode())
        except PackageNotFoundError:
            digest.update(f"{package} absent".encode())
    return digest.hexdigest()


def _cache_key(cache_dir: Path) -> bytes:
    """The HMAC key of this cache folder, made on first use, readable by its owner only."""
    path = cache_dir / "cache.key"
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes()
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(secrets.token_bytes(32))
    return path.read_bytes()


def _read_cache(folder: Path, key: bytes) -> ScreeningIndex | None:
    """The cached index, or None (and the folder removed) when it is missing or fails its check:
    the seal is an HMAC of the manifest, and the manifest holds the SHA-256 of every file."""
    try:
        seal, _, manifest = (folder / "seal").read_bytes().partition(b"\n")
    except (FileNotFoundError, NotADirectoryError):
        _remove(folder)
        return None
    expected = hmac.new(key, manifest, hashlib.sha256).hexdigest().encode()
    if hmac.compare_digest(seal, expected):
        try:
            return ScreeningIndex.open(folder, json.loads(manifest))
        except ValueError:
            pass
    log.warning("screening cache %s failed its integrity check; refused and rebuilt", folder)
    _remove(folder)
    return None


def _write_cache(folder: Path, key: bytes, index: ScreeningIndex) -> None:
    """Write the index beside the folder, seal it, then move it into place (never half-written)."""
    for old in folder.parent.glob("screening-*"):
        _remove(old)
    partial = folder.with_name(f"{folder.name}.{os.getpid()}.partial")
    manifest = json.dumps(index.save(partial), sort_keys=True).encode()
    descriptor = os.open(partial / "seal", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(hmac.new(key, manifest, hashlib.sha256).hexdigest().encode() + b"\n" + manifest)
    partial.rename(folder)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def load_index(sessions: sessionmaker, cache_dir: Path | None = None) -> ScreeningIndex:
    """The index of every loaded list, from the sealed cache when the lists have not changed."""
    lists = [(s.name, s.revision) for s in list_status(sessions)]
    if cache_dir is None:
        return ScreeningIndex(load_parties(sessions))
    cache_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = _cache_key(cache_dir)
    digest = hashlib.sha256(repr([*lists, _engine_digest()]).encode()).hexdigest()
    folder = cache_dir / f"screening-{digest[:24]}"
    index = _read_cache(folder, key)
    if index is None:
        index = ScreeningIndex(load_parties(sessions))
        _write_cache(folder, key, index)
    return index


# Reading list files: the one place that touches the file system for lists; parsers stay pure.
# OFAC's SDN list is three files side by side (sdn.csv, alt.csv, add.csv), so a load names the
# folder or sdn.csv and the siblings are found next to it.


def read_list(path: Path, list_format: str, list_name: str) -> list[Party]:
    """Parse the list at `path`; raises ValueError for an unknown format, a missing or empty
    file, or a file with no parties (an empty download must not replace a list)."""
    parties = _parse_list(path, list_format, list_name)
    if not parties:
        raise ValueError(f"list file {str(path)!r} holds no parties in format {list_format}")
    return parties


def _parse_list(path: Path, list_format: str, list_name: str) -> list[Party]:
    if path.is_file() and not path.read_bytes().strip():
        raise ValueError(f"list file {str(path)!r} is empty")
    if list_format not in FORMATS:
        raise ValueError(f"format {list_format!r} is not known; use one of: {', '.join(FORMATS)}")
    if not path.exists():
        raise ValueError(f"list file {str(path)!r} does not exist")
    if list_format == "ofac":
        folder = path if path.is_dir() else path.parent
        sdn = folder / "sdn.csv" if path.is_dir() else path
        if not sdn.is_file():
            raise ValueError(
                f"no sdn.csv in {str(folder)!r}; OFAC's legacy list is sdn.csv + alt.csv + add.csv"
            )
        siblings = [folder / n for n in ("alt.csv", "add.csv")]
        return parse_ofac(
            _text(sdn), *(_text(s) if s.is_file() else "" for s in siblings), list_name=list_name
        )
    if path.is_dir():
        raise ValueError(f"{str(path)!r} is a folder; format {list_format} reads one file")
    if list_format == "un":
        return parse_un(path.read_bytes(), list_name=list_name)
    parser = {"csl": parse_csl, "ftm": parse_ftm, "meti": parse_meti}[list_format]
    return parser(_text(path), list_name=list_name)


def _text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ListFormatError(path.name, f"line {line}", "is not UTF-8 text") from error
