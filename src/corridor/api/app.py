"""`create_app(db_url)`: the FastAPI application over one database (migrated on start)."""

from __future__ import annotations

from fastapi import FastAPI

import corridor
from corridor.api import applications, audit, checks, entry, errors, health, licences, news, screening
from corridor.api.access_log import AccessLog
from corridor.api.auth import Tokens
from corridor.api.errors import SafeJSONResponse
from corridor.api.guards import Guards
from corridor.store.db import open_database
from corridor.web.app import install as install_web


def create_app(db_url: str | None = None) -> FastAPI:
    """The API over `db_url` (a path or URL; default as for the CLI's `--db`)."""
    app = FastAPI(title="corridor", version=getattr(corridor, "__version__", "0.1.0"),
                  default_response_class=SafeJSONResponse,
                  description="Cross-border rules as code: export checks, timelines, entry rules, "
                              "screening, news, licence applications, licences, drawdowns and the audit log.",
                  docs_url=None, redoc_url=None)
    app.state.sessions = open_database(db_url)
    app.state.tokens = Tokens(app.state.sessions)
    app.add_middleware(Guards)
    errors.install(app)
    for module in (health, checks, entry, screening, news, applications, licences, audit):
        app.include_router(module.router)
    install_web(app)
    app.add_middleware(AccessLog)
    return app
