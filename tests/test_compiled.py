"""The name comparison compiled by mypyc (setup.py) answers as its source does, and a source edited
after it was compiled is what runs: an older compiled module must never answer for it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import corridor
import corridor.screening.compare as compare

PROBE = """
import json
import corridor.screening.compare as compare
from corridor.screening.names import name_forms

PAIRS = [("Kim Jong Un", "KIM Jong-un", True), ("Oleg Deripasca", "DERIPASKA, Oleg Vladimirovich", True),
         ("김정은", "KIM Jong Un", True), ("Hasan Nasrallah", "NASRALLAH, Hasan", True),
         ("Guangzhou Haige Comm Grp", "GUANGZHOU HAIGE COMMUNICATIONS GROUP CO LTD", False),
         ("Hana Bank", "HANA BANKING CORPORATION", False), ("Maria Gonzalez", "Mario Gonzales", True)]
scores = []
for query, listed, person in PAIRS:
    found = compare.compare_names(name_forms(query, person), name_forms(listed, person), person)
    scores.append(found and [found.score, found.caps, found.features])
print(json.dumps({"module": compare.__file__, "scores": scores}))
"""


@pytest.fixture
def copied_package(tmp_path: Path) -> Path:
    """corridor as installed, compiled module and all, in a folder of its own (the tests may
    change its files' times without touching the installed package)."""
    shutil.copytree(Path(corridor.__file__).parent, tmp_path / "corridor",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def probe(folder: Path) -> tuple[dict, str]:
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(folder)})
    return json.loads(run.stdout), run.stderr


@pytest.mark.skipif(compare.__file__.endswith(".py"), reason="installed uncompiled (CORRIDOR_PURE_PYTHON)")
def test_compiled_comparison_answers_as_its_source_and_yields_to_an_edited_source(copied_package: Path):
    screening = copied_package / "corridor" / "screening"
    source = screening / "compare.py"
    built = next(screening.glob("compare.*.so"))
    os.utime(source, (built.stat().st_mtime - 60,) * 2)
    compiled, warned = probe(copied_package)
    assert compiled["module"].endswith(".so") and not warned

    os.utime(source, (built.stat().st_mtime + 60,) * 2)  # as an edit after the build would leave it
    uncompiled, warned = probe(copied_package)
    assert uncompiled["module"] == str(source)
    assert "changed after it was compiled" in warned
    assert uncompiled["scores"] == compiled["scores"]
    assert any(score and score[0] >= 0.85 for score in compiled["scores"])  # the pairs do meet
