"""Rule packs: legal facts as versioned, cited YAML data, loaded, validated and linted.

A pack is a folder `data/<jurisdiction>/<domain>/` with a `pack.yaml` (what it covers, its
version, its shared sources) and one YAML file per concept. `corridor.packs.schema` holds the
pydantic model of each domain; the loader here is the same for every domain.
"""

from corridor.packs.errors import PackError
from corridor.packs.registry import Pack, PackSet, load_packs

__all__ = ["Pack", "PackError", "PackSet", "load_packs"]
