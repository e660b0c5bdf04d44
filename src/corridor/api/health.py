"""`/health`: is the server up, can it reach its database, and which packs does it answer from.

Load balancers and monitors call it without a token; it names no user and no secret, only the
schema revisions applied and each pack's version (the same version an answer cites).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

import corridor
from corridor.api.deps import Sessions
from corridor.packs.registry import load_packs

router = APIRouter(tags=["health"])


@router.get("/health")
def health(sessions: Sessions) -> JSONResponse:
    """200 with the database revisions and pack versions; 503 when the database does not answer."""
    body: dict[str, Any] = {"status": "ok", "version": getattr(corridor, "__version__", "0.1.0"),
                            "packs": {pack.key: pack.version for pack in load_packs()}}
    try:
        with sessions() as session:
            revisions = session.execute(text("SELECT version_num FROM alembic_version")).scalars()
            body["database"] = {"reachable": True, "backend": session.get_bind().dialect.name,
                                "revisions": sorted(revisions)}
    except SQLAlchemyError as error:
        body["status"] = "unavailable"
        body["database"] = {"reachable": False, "reason": type(error).__name__}
        return JSONResponse(body, status_code=503)
    return JSONResponse(body)
