"""corridor: cross-border rules as code, every answer dated, explained and cited."""

__version__ = "0.1.0"
