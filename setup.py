"""corridor's metadata is in pyproject.toml; this file only compiles the name comparison.

The comparison (`corridor/screening/compare.py`) scores every candidate of every screened name,
and a batch spends a third of its time there. mypyc compiles it to C from its own type hints
(the module stays plain, readable Python; `CORRIDOR_PURE_PYTHON=1` installs it uncompiled).
A compiled module older than its source is not used (see `corridor.compiled`).
"""

import os

from setuptools import setup

COMPILED = ["src/corridor/screening/compare.py"]


def compiled_modules() -> list:
    if os.environ.get("CORRIDOR_PURE_PYTHON"):
        return []
    from mypyc.build import mypycify

    # the build has corridor's sources but not its dependencies: their types are left unknown
    return mypycify(["--ignore-missing-imports", "--follow-imports=silent", *COMPILED])


setup(ext_modules=compiled_modules())
