"""Checks a reviewer would otherwise do by hand: missing sources, overlaps, gaps, bad codes.

Domain models can add two hooks: `series()` names groups of facts that must never overlap
(one value per day, e.g. a country's group), and `lint()` returns domain findings such as
unknown control numbers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from corridor.packs.errors import PackError
from corridor.packs.registry import DATA, Pack, load_pack, pack_folders
from corridor.time import Timeline


@dataclass(frozen=True)
class Finding:
    level: Literal["error", "warning"]
    pack: str
    message: str
    fact: str | None = None

    def __str__(self) -> str:
        about = f" [{self.fact}]" if self.fact else ""
        return f"{self.level}: {self.pack}{about}: {self.message}"


def lint_all(root: Path = DATA) -> list[Finding]:
    findings: list[Finding] = []
    for folder in pack_folders(root):
        name = f"{folder.parent.name}/{folder.name}"
        try:
            pack = load_pack(folder)
        except PackError as error:
            findings.append(Finding("error", name, str(error)))
            continue
        findings.extend(lint_pack(pack))
    return findings


def lint_pack(pack: Pack) -> list[Finding]:
    facts = pack.facts()
    findings = [
        Finding("error", pack.key, "fact has no source", f.id) for f in facts if not f.sources
    ]
    for fact_id, count in Counter(f.id for f in facts).items():
        if count > 1:
            findings.append(Finding("error", pack.key, f"id used by {count} facts", fact_id))
    series = getattr(pack.content, "series", None)
    for name, members in (series() if series else {}).items():
        findings.extend(_check_series(pack, name, members))
    domain_lint = getattr(pack.content, "lint", None)
    if domain_lint:
        findings.extend(Finding(level, pack.key, msg, fact) for level, fact, msg in domain_lint())
    return findings


def _check_series(pack: Pack, name: str, members: list) -> list[Finding]:
    try:
        timeline = Timeline((f.interval, f.id) for f in members)
    except ValueError as error:
        ids = ", ".join(f.id for f in members)
        return [Finding("error", pack.key, f"series {name}: {error} among {ids}")]
    return [
        Finding("warning", pack.key, f"series {name}: nothing in force during {gap}")
        for gap in timeline.gaps(pack.meta.coverage)
    ]
