"""Pydantic models of each pack domain. `DOMAINS` maps a pack's `domain` to its model."""

from __future__ import annotations

from importlib import import_module

from pydantic import BaseModel

# domain name → "module:Class"; imported lazily so one domain's model never slows another's load.
DOMAINS: dict[str, str] = {
    "export": "corridor.packs.schema.export:ExportRules",
    "entry": "corridor.packs.schema.entry:EntryRules",
    "relations": "corridor.packs.schema.relations:RelationsRecord",
}


def model_for(domain: str) -> type[BaseModel]:
    if domain not in DOMAINS:
        raise KeyError(f"domain: unknown pack domain {domain!r}; known: {', '.join(DOMAINS)}")
    module, name = DOMAINS[domain].split(":")
    return getattr(import_module(module), name)
