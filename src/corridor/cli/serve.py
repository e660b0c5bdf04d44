"""`corridor serve`: the HTTP API under uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add `corridor serve` to the `corridor` app."""

    @app.command("serve")
    def serve(
        host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
        db: Annotated[str | None, typer.Option("--db", help="SQLite path or database URL.")] = None,
    ) -> None:
        """Serve the API and pages; print where, then one Combined Log Format line per request."""
        import logging

        import uvicorn  # imported here so other commands start without loading the web stack

        from corridor.api import create_app
        from corridor.store.db import database_url, redacted_url

        app = create_app(db)
        access = logging.getLogger("corridor.access")
        access.addHandler(logging.StreamHandler())
        access.setLevel(logging.INFO)
        typer.echo(f"corridor serving http://{host}:{port}/ (pages /, API docs /docs, health /health) "
                   f"on {redacted_url(database_url(db))}; Ctrl+C stops", err=True)
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
