"""Loaded restricted-party lists: one row per list, one row per party (its record as JSON).

A load replaces a list in a single transaction: the old parties are deleted and the new ones
inserted together, so a load that fails half-way leaves the list as it was. The in-memory
screening index is rebuilt from these rows after a restart; building it takes about a second
for OFAC + UN, so it is cached as a pickle under `$CORRIDOR_HOME/cache`, keyed by the
revisions of the lists it holds and a digest of the engine's code (a reload or an upgrade
changes the key, so a stale cache is never used).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, sessionmaker

from corridor import screening
from corridor.screening.errors import ListFormatError
from corridor.screening.formats import FORMATS, parse_csl, parse_ftm, parse_meti, parse_ofac, parse_un
from corridor.screening.index import ScreeningIndex
from corridor.screening.party import Party
from corridor.store import list_versions
from corridor.store.db import Base

CACHE_FORMAT = 1


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


@dataclass(frozen=True, slots=True)
class ListStatus:
    name: str
    format: str
    source: str
    revision: str
    party_count: int
    loaded_at: datetime


def save_list(
    sessions: sessionmaker,
    name: str,
    list_format: str,
    source: str,
    parties: list[Party],
    loaded_at: datetime,
) -> ListStatus:
    """Replace list `name` by `parties`, all or nothing."""
    records = [p.to_record() for p in parties]
    revision = hashlib.sha256(json.dumps(records, sort_keys=True, default=str).encode()).hexdigest()[:16]
    with sessions.begin() as session:
        version = list_versions.lock(session)
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
        status = ListStatus(name, list_format, source, revision, len(parties), loaded_at)
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
    """A digest of the screening engine's code: an index pickled by other code is never reused."""
    digest = hashlib.sha256(str(CACHE_FORMAT).encode())
    for source in sorted(Path(screening.__file__).parent.rglob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()


def load_index(sessions: sessionmaker, cache_dir: Path | None = None) -> ScreeningIndex:
    """The index of every loaded list, from the pickle cache when the lists have not changed."""
    statuses = list_status(sessions)
    lists = [(s.name, s.revision) for s in statuses]
    key = hashlib.sha256(repr([*lists, _engine_digest()]).encode()).hexdigest()
    cached = cache_dir / f"screening-{key[:24]}.pickle" if cache_dir else None
    if cached and cached.exists():
        try:
            return pickle.loads(cached.read_bytes())
        except (pickle.UnpicklingError, EOFError, AttributeError):
            cached.unlink(missing_ok=True)
    index = ScreeningIndex(load_parties(sessions))
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        for old in cached.parent.glob("screening-*.pickle"):
            old.unlink(missing_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.partial")
        partial.write_bytes(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(cached)
    return index


# Reading list files: the one place that touches the file system for lists; parsers stay pure.
# OFAC's SDN list is three files side by side (sdn.csv, alt.csv, add.csv), so a load names the
# folder or sdn.csv and the siblings are found next to it.


def read_list(path: Path, list_format: str, list_name: str) -> list[Party]:
    """Parse the list at `path`; raises ValueError for an unknown format or a missing file."""
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
