"""`/audit/verify`: recompute the hash chain and name the first edited or deleted entry."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter
from pydantic import BaseModel

from corridor.api.auth import Viewer
from corridor.api.deps import Sessions
from corridor.licences import service

router = APIRouter(tags=["audit"])


class AuditVerdict(BaseModel):
    entries: int
    intact: bool
    seq: int | None = None
    problem: str | None = None
    head_hash: str | None = None


@router.get("/audit/verify", response_model=AuditVerdict)
def verify(_caller: Viewer, sessions: Sessions) -> AuditVerdict:
    verdict = service.verify_audit(sessions)
    return AuditVerdict(**asdict(verdict))
