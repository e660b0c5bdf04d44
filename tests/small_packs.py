"""A minimal, valid export pack written to a temporary folder, for loader and lint tests.

Tests replace one file with a broken or edge-case version and check what the loader or the
linter says about it.
"""

from __future__ import annotations

from pathlib import Path

FILES = {
    "pack.yaml": """\
jurisdiction: JP
domain: export
title: Small test pack
version: "0.1"
covers_from: 2020-01-01
covers_to: 2021-01-01
sources:
  law:
    issuer: Test issuer
    title: Test law
""",
    "control_list.yaml": """\
- id: cl-3C002
  code: 3C002
  summary: Resists
  reference: row 7(19)
  from: 2020-01-01
  sources: [law]
- id: cl-not-listed
  code: not-listed
  summary: Nothing listed
  reference: row 16
  listed: false
  bulk: []
  from: 2020-01-01
  sources: [law]
""",
    "country_groups.yaml": """\
- id: group-a
  summary: Group A
  group: A
  countries: [US, "NO"]
  from: 2020-01-01
  sources: [law]
- id: group-c
  summary: Everyone else
  group: C
  rest: true
  from: 2020-01-01
  sources: [law]
""",
    "licence_types.yaml": """\
- id: licence-individual
  summary: Individual licence
  licence: individual
  kind: individual
  name: individual
  review_days: {"*": 90}
  from: 2020-01-01
  sources: [law]
""",
    "catch_all.yaml": """\
- id: catch-all
  summary: Catch-all
  reference: row 16
  exempt_groups: [A]
  from: 2020-01-01
  sources: [law]
""",
}


def write_pack(root: Path, jurisdiction: str = "jp", **replaced: str | None) -> Path:
    """Write the small pack under `root/<jurisdiction>/export`; `name_yaml=text` replaces a file
    (`measures_x_yaml` → `measures/x.yaml`), `None` leaves it out."""
    folder = root / jurisdiction / "export"
    files = dict(FILES, **{"pack.yaml": FILES["pack.yaml"].replace("JP", jurisdiction.upper())})
    files.update({_file_name(key): text for key, text in replaced.items()})
    for name, text in files.items():
        if text is not None:
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
    return folder


def _file_name(key: str) -> str:
    stem = key.removesuffix("_yaml")
    if stem.startswith("measures_"):
        return f"measures/{stem.removeprefix('measures_')}.yaml"
    return f"{stem}.yaml"
