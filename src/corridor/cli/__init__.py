"""The `corridor` command: a thin shell that parses, calls an engine or the store, renders."""
