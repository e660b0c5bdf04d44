"""Find, load and cache every pack under `packs/data`, whole or not at all."""

from __future__ import annotations

import hashlib
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from corridor.packs.errors import PackError
from corridor.packs.loader import read_yaml, resolve_sources, validate
from corridor.packs.schema import model_for
from corridor.packs.schema.base import Fact, PackMeta

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Pack:
    """One loaded pack: its metadata, its validated content, and a digest of its files.

    The digest is the pack's identity for audit: an application records the version and
    digest of the pack its determination rested on.
    """

    meta: PackMeta
    content: Any
    folder: Path
    digest: str

    @property
    def key(self) -> str:
        return f"{self.meta.jurisdiction.lower()}/{self.meta.domain}"

    @property
    def version(self) -> str:
        return f"{self.meta.version}+{self.digest[:12]}"

    def facts(self) -> list[Fact]:
        """Every dated fact in the pack, wherever the domain model nests it."""
        return list(self._facts)

    @cached_property
    def _facts(self) -> tuple[Fact, ...]:
        """Walked once: a loaded pack never changes, and news links read its facts per article."""
        return tuple(_walk_facts(self.content))


@dataclass(frozen=True)
class PackSet:
    packs: tuple[Pack, ...]

    def __iter__(self) -> Iterator[Pack]:
        return iter(self.packs)

    def get(self, jurisdiction: str, domain: str) -> Pack | None:
        for pack in self.packs:
            if pack.meta.jurisdiction.upper() == jurisdiction.upper() and pack.meta.domain == domain:
                return pack
        return None

    def by_domain(self, domain: str) -> list[Pack]:
        return [p for p in self.packs if p.meta.domain == domain]


def load_pack(folder: Path) -> Pack:
    """Load and validate every file of one pack; raise PackError naming the first bad line."""
    meta_file = folder / "pack.yaml"
    raw, lines = read_yaml(meta_file)
    meta: PackMeta = validate(meta_file, raw, lines, PackMeta)
    model = model_for(meta.domain)
    known = {k: v.model_dump(by_alias=True) for k, v in meta.sources.items()}
    content: dict[str, Any] = {}
    used = {meta_file}
    for name, field in model.model_fields.items():
        file, sub = folder / f"{name}.yaml", folder / name
        if file.exists():
            content[name] = _load_file(file, field.annotation, known)
            used.add(file)
        elif sub.is_dir():
            (item,) = typing.get_args(field.annotation) or (Any,)
            files = sorted(sub.glob("*.yaml"))
            content[name] = [_load_file(f, item, known) for f in files]
            used.update(files)
    stray = sorted(set(folder.rglob("*.yaml")) - used)
    if stray:
        raise PackError(stray[0], None, f"not part of the {meta.domain} schema; expected one of "
                        f"{', '.join(model.model_fields)}")
    validated = validate(meta_file, content, {}, model)
    return Pack(meta, validated, folder, _digest(sorted(used)))


def _load_file(file: Path, shape: Any, known: dict[str, Any]) -> BaseModel:
    data, lines = read_yaml(file)
    return validate(file, resolve_sources(data, known, file, lines), lines, shape)


def _digest(files: list[Path]) -> str:
    sha = hashlib.sha256()
    for file in files:
        sha.update(file.name.encode())
        sha.update(file.read_bytes())
    return sha.hexdigest()


def _walk_facts(value: Any) -> Iterator[Fact]:
    if isinstance(value, Fact):
        yield value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk_facts(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _walk_facts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _walk_facts(item)


def pack_folders(root: Path = DATA) -> list[Path]:
    return sorted(p.parent for p in root.glob("*/*/pack.yaml"))


@cache
def load_packs(root: Path = DATA) -> PackSet:
    """All packs under `root`, loaded once per process (the engines compile from these)."""
    return PackSet(tuple(load_pack(folder) for folder in pack_folders(root)))
