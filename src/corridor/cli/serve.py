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
        """Serve the web pages and the API (docs at /docs); users and tokens from `corridor users add`."""
        import uvicorn  # imported here so other commands start without loading the web stack

        from corridor.api import create_app

        application = create_app(db)
        typer.echo(f"corridor: pages at http://{host}:{port}/ · API docs at http://{host}:{port}/docs")
        uvicorn.run(application, host=host, port=port, log_level="warning")
