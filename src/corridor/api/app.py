"""`create_app(db_url)`: the FastAPI application over one database (migrated on start)."""

from __future__ import annotations

from fastapi import FastAPI

import corridor
from corridor.api import applications, audit, checks, entry, errors, licences, news, screening
from corridor.api.auth import Tokens
from corridor.api.errors import SafeJSONResponse
from corridor.api.guards import Guards
from corridor.store.db import open_database
from corridor.web import router as web_pages


def create_app(db_url: str | None = None) -> FastAPI:
    """The API over `db_url` (a path or URL; default as for the CLI's `--db`)."""
    app = FastAPI(title="corridor", version=getattr(corridor, "__version__", "0.1.0"),
                  default_response_class=SafeJSONResponse,
                  description="Cross-border rules as code: export checks, timelines, entry rules, "
                              "screening, news, licence applications, licences, drawdowns and the audit log.")
    app.state.sessions = open_database(db_url)
    app.state.tokens = Tokens(app.state.sessions)
    app.add_middleware(Guards)
    errors.install(app)
    for module in (checks, entry, screening, news, applications, licences, audit):
        app.include_router(module.router)
    app.include_router(web_pages)
    return app
