"""`/audit/verify`: recompute the keyed chain and its checkpoints, name the first edited, deleted
or forged entry, and list every row that disagrees with the entries."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter
from pydantic import BaseModel

from corridor.api.auth import Viewer
from corridor.api.deps import Sessions
from corridor.licences import service
from corridor.store.reconcile import Disagreement

router = APIRouter(tags=["audit"])


class AuditVerdict(BaseModel):
    entries: int
    intact: bool
    seq: int | None = None
    problem: str | None = None
    head_hash: str | None = None
    checkpoints: int = 0
    disagreements: list[Disagreement] = []


@router.get("/audit/verify", response_model=AuditVerdict)
def verify(_caller: Viewer, sessions: Sessions) -> AuditVerdict:
    verdict = service.verify_audit(sessions)
    return AuditVerdict(**asdict(verdict))
