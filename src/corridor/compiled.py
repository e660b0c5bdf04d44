"""Modules compiled with mypyc (see setup.py) are used only while they match their source.

Python prefers a compiled module to the `.py` beside it. After the source is edited, the old
compiled module would go on answering until the package is built again (`make`, or
`pip install -e .`), and tests would check code that is no longer there; so a compiled module
older than its source is passed over for the source, with a warning.
"""

from __future__ import annotations

import importlib.util
import sys
import warnings
from importlib.machinery import ExtensionFileLoader, SourceFileLoader
from pathlib import Path


def use_source_if_newer(name: str) -> None:
    """Load module `name` (not yet imported) from its `.py` when that changed after it was compiled."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.origin or not isinstance(spec.loader, ExtensionFileLoader):
        return
    compiled = Path(spec.origin)
    source = compiled.with_name(name.rpartition(".")[2] + ".py")
    if not source.is_file() or source.stat().st_mtime <= compiled.stat().st_mtime:
        return
    warnings.warn(f"{source} changed after it was compiled; running it uncompiled (slower) until "
                  "corridor is built again: make, or pip install -e .", stacklevel=2)
    loader = SourceFileLoader(name, str(source))
    fresh = importlib.util.spec_from_loader(name, loader)
    assert fresh is not None
    module = importlib.util.module_from_spec(fresh)
    sys.modules[name] = module
    loader.exec_module(module)
