"""Read one YAML file into plain data plus a map from each value's path to its line.

pydantic reports errors by path (`measures.0.from`); the map turns that into `file:line`, so
an author fixes the right line. PyYAML's node tree carries the marks; we keep them. libyaml's
parser (CSafeLoader) builds the same tree several times faster than the pure-Python one, whose
scanning dominated cold pack loading.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from corridor.packs.errors import PackError

Path_ = tuple[str | int, ...]
PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SCALARS = yaml.SafeLoader("")  # one constructor for every scalar; building one per value is slow


def read_yaml(file: Path) -> tuple[Any, dict[Path_, int]]:
    """Parse `file`; return its data and `{path: line}` (1-based) for every node."""
    try:
        node = yaml.compose(file.read_text(encoding="utf-8"), Loader=PARSER)
    except UnicodeDecodeError as error:
        raise PackError(file, None, f"not UTF-8 text: {error}") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise PackError(file, mark.line + 1 if mark else None, f"invalid YAML: {error}") from error
    lines: dict[Path_, int] = {}
    return (_build(node, (), lines, file) if node else None), lines


def _build(node: yaml.Node, path: Path_, lines: dict[Path_, int], file: Path) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in result:
                raise PackError(file, key_node.start_mark.line + 1, f"duplicate key {key!r}")
            result[key] = _build(value_node, (*path, key), lines, file)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), lines, file) for i, item in enumerate(node.value)]
    try:
        value = _SCALARS.construct_object(node, deep=True)
    except (ValueError, yaml.YAMLError) as error:  # e.g. `2020-13-01` looks like a date but is none
        raise PackError(file, lines[path], f"cannot read {node.value!r}: {error}") from error
    finally:
        _SCALARS.constructed_objects.pop(node, None)  # the shared constructor must not keep every node
    return value


def validate(file: Path, data: Any, lines: dict[Path_, int], shape: Any) -> Any:
    """Validate `data` as `shape`; on failure raise PackError at the first bad value's line."""
    try:
        return TypeAdapter(shape).validate_python(data)
    except ValidationError as error:
        first = error.errors()[0]
        loc = tuple(first["loc"])
        where = ".".join(str(p) for p in loc) or "(top)"
        value = first.get("input")
        shown = f" (value {value!r})" if not isinstance(value, dict | list) else ""
        more = f"; and {error.error_count() - 1} more error(s)" if error.error_count() > 1 else ""
        message = f"{where}: {first['msg']}{shown}{more}"
        raise PackError(file, _line_of(loc, lines), message) from error


def _line_of(loc: tuple, lines: dict[Path_, int]) -> int | None:
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def resolve_sources(data: Any, known: dict[str, Any], file: Path, lines: dict, path=()) -> Any:
    """Replace `source: key` / `sources: [key]` with the pack's shared source of that key."""
    if isinstance(data, dict):
        out = {}
        for key, value in data.items():
            if key == "sources" and isinstance(value, list):
                value = [_lookup(v, known, file, lines, (*path, key, i)) for i, v in enumerate(value)]
            out[key] = resolve_sources(value, known, file, lines, (*path, key))
        return out
    if isinstance(data, list):
        return [resolve_sources(v, known, file, lines, (*path, i)) for i, v in enumerate(data)]
    return data


def _lookup(value: Any, known: dict[str, Any], file: Path, lines: dict, path: Path_) -> Any:
    if not isinstance(value, str):
        return value
    if value not in known:
        raise PackError(
            file, lines.get(path), f"unknown source key {value!r}; known: {', '.join(known)}"
        )
    return known[value]
