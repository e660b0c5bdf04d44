"""Freeze the test split of bench/screening_eval.py, once, before any scoring rule is tuned.

Writes `bench/screening_frozen/`:

- `split.csv` (`set,case_id,part`): every case of the four evaluation sets and whether it is
  `dev` (tuning and cross-validation) or `test` (scored, never looked at when changing rules).
  A case's part is a hash of its id, so the split does not depend on file order;
- `unlisted.csv`: synthetic Korean and Japanese people and firms that are on no list, made with
  Faker (MIT; `pip install faker==40.54.0`) under a fixed seed — the alert-rate negatives besides
  the LoC names;
- `MANIFEST.sha256`: the digest of both files and of the shared data files they index, so the
  bench refuses a changed split or changed data.

Never freezes again when the folder already holds a manifest (re-freezing after rules were tuned
on the data would make the test split dev): it then only checks the frozen split against its
manifest. Either way it prints the split's size, cases per set in dev and test, as one JSON line.
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FROZEN = ROOT / "bench" / "screening_frozen"
DATA = ROOT.parent / "shared" / "data"
SALT = "corridor-screening-split-1"
TEST_SHARE = 5  # one case in five is test
SOURCES = (
    "nk-name-bench/cases.csv",
    "nk-name-bench/logicv2-frozen.csv",
    "loc-korean-romanization/korean.csv",
    "yente-screening-fixtures/positives_un_untreated.csv",
    "ofac-sdn-2021/sdn.csv",
    "ofac-sdn-2021/alt.csv",
    "ofac-sdn-2021/csl_sample.csv",
    "un-sc-consolidated-2026/UN_consolidated.xml",
)
SEED = 20261203


def case_id(*fields: str) -> str:
    return hashlib.sha256("\x1f".join(fields).encode()).hexdigest()[:12]


def part_of(set_name: str, identifier: str) -> str:
    digest = hashlib.sha256(f"{SALT}:{set_name}:{identifier}".encode()).digest()
    return "test" if int.from_bytes(digest[:4], "big") % TEST_SHARE == 0 else "dev"


def name_bench_ids() -> list[str]:
    with (DATA / "nk-name-bench" / "cases.csv").open(encoding="utf-8", newline="") as handle:
        return [case_id(r["case_group"], r["schema"], r["name1"], r["name2"]) for r in csv.DictReader(handle)]


def loc_ids() -> list[str]:
    with (DATA / "loc-korean-romanization" / "korean.csv").open(encoding="utf-8", newline="") as handle:
        return [case_id(row[1], row[2]) for row in csv.reader(handle) if row and row[0] == "korean_names"]


def un_ids() -> list[str]:
    path = DATA / "yente-screening-fixtures" / "positives_un_untreated.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [case_id(r["full_name"]) for r in csv.DictReader(handle)]


def unlisted_names() -> list[dict[str, str]]:
    """Korean and Japanese people and firms, as officers meet them on orders, in the scripts
    they are written in: Hangul, kanji, katakana, Latin."""
    from faker import Faker

    korean, japanese = Faker("ko_KR"), Faker("ja_JP")
    korean.seed_instance(SEED)
    japanese.seed_instance(SEED)
    makers = (
        ("faker ko_KR name", "Person", korean.name, 400),
        ("faker ko_KR company", "Company", korean.company, 200),
        ("faker ja_JP name (kanji)", "Person", japanese.name, 200),
        ("faker ja_JP kana_name", "Person", japanese.kana_name, 100),
        ("faker ja_JP romanized_name", "Person", japanese.romanized_name, 100),
        ("faker ja_JP company", "Company", japanese.company, 100),
    )
    seen: set[str] = set()
    names = []
    for source, schema, make, count in makers:
        made = 0
        while made < count:
            name = make()
            if name in seen:
                continue
            seen.add(name)
            made += 1
            names.append({"case_id": case_id(schema, name), "source": source, "schema": schema, "name": name})
    return names


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def frozen_split() -> dict[tuple[str, str], str]:
    """(set, case id) → `dev` | `test`, after checking every pinned file against the manifest."""
    for line in (FROZEN / "MANIFEST.sha256").read_text().splitlines():
        digest, name = line.split(maxsplit=1)
        if sha256(FROZEN / name) != digest:
            raise SystemExit(f"{name}: changed since the split was frozen (MANIFEST.sha256)")
    with (FROZEN / "split.csv").open(encoding="utf-8", newline="") as handle:
        return {(r["set"], r["case_id"]): r["part"] for r in csv.DictReader(handle)}


def freeze() -> None:
    FROZEN.mkdir(exist_ok=True)
    unlisted = unlisted_names()
    with (FROZEN / "unlisted.csv").open("w", encoding="utf-8", newline="") as handle:
        columns = ["case_id", "source", "schema", "name"]
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(unlisted)
    sets = {
        "name_bench": name_bench_ids(),
        "loc_korean_names": loc_ids(),
        "un_positives": un_ids(),
        "unlisted": [u["case_id"] for u in unlisted],
    }
    with (FROZEN / "split.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["set", "case_id", "part"])
        for set_name, ids in sets.items():
            for identifier in dict.fromkeys(ids):  # a repeated case is one case
                writer.writerow([set_name, identifier, part_of(set_name, identifier)])
    lines = [f"{sha256(FROZEN / f)}  {f}" for f in ("split.csv", "unlisted.csv")]
    lines += [f"{sha256(DATA / s)}  ../../../shared/data/{s}" for s in SOURCES]
    (FROZEN / "MANIFEST.sha256").write_text("\n".join(lines) + "\n")


def main() -> None:
    """Freeze the split if it is not frozen (never again once it is), check it against its
    manifest, and print its size: cases per set in dev and in test."""
    if not DATA.is_dir():
        print(f"skipped: real data not found at {DATA}")
        print(json.dumps({"skipped": True, "reason": f"{DATA} absent"}))
        return
    newly_frozen = not (FROZEN / "MANIFEST.sha256").exists()
    if newly_frozen:
        freeze()
    else:
        print(f"{FROZEN} is frozen already and is not frozen again (delete it only to start a new split)")
    split = frozen_split()
    sets = {name: {part: sum(1 for (s, _), p in split.items() if s == name and p == part)
                   for part in ("dev", "test")} for name in dict.fromkeys(s for s, _ in split)}
    for name, parts in sets.items():
        print(f"{name:<18} dev {parts['dev']:>5}  test {parts['test']:>5}")
    print(json.dumps({"newly_frozen": newly_frozen, "manifest_checked": True, "cases": len(split),
                      "sets": sets}))


if __name__ == "__main__":
    main()
