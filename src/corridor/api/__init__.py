"""The HTTP API: the CLI's capabilities behind bearer tokens (`corridor serve`)."""

from corridor.api.app import create_app

__all__ = ["create_app"]
