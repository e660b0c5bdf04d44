"""The audit log in the browser: verify the chain, filter entries by actor, object and day, and
download what is shown as CSV."""

from __future__ import annotations

import csv
import io
from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import Response

from corridor.licences import service
from corridor.web import ledger
from corridor.web.render import BROWSER_PREFIX, page
from corridor.web.session import AsViewer

router = APIRouter(prefix=BROWSER_PREFIX, include_in_schema=False)
SHOWN = 500
COLUMNS = ("seq", "at", "actor", "action", "subject", "before", "after", "hash")


def _filtered(request: Request, actor: str, subject: str, day: str, limit: int | None) -> list:
    """Entries matching the filters, newest first; `subject` is an object (`application:3`) or a
    prefix ending in `:` (`licence:`)."""
    exact = subject if subject and not subject.endswith(":") else None
    prefix = subject if subject.endswith(":") else None
    return ledger.entries(request.app.state.sessions, actor=actor or None, subject=exact,
                          subject_prefix=prefix,
                          day=date.fromisoformat(day) if day else None, limit=limit, newest_first=True)


@router.get("/audit")
def audit_page(request: Request, me: AsViewer, actor: str = "", subject: str = "", day: str = "",
               verify: bool = False) -> Response:
    try:
        shown = _filtered(request, actor, subject, day, SHOWN)
        error = None
    except ValueError:
        shown, error = [], f"day: {day!r} is not a date (YYYY-MM-DD)"
    verdict = service.verify_audit(request.app.state.sessions) if verify else None
    return page(request, "audit.html", 422 if error else 200, entries=shown, verdict=verdict, error=error,
                form={"actor": actor, "subject": subject, "day": day}, limit=SHOWN)


@router.get("/audit.csv")
def audit_csv(request: Request, me: AsViewer, actor: str = "", subject: str = "", day: str = "") -> Response:
    """Every entry matching the filters (not only the first page), with its hash."""
    try:
        found = _filtered(request, actor, subject, day, None)
    except ValueError:
        return Response(f"day: {day!r} is not a date (YYYY-MM-DD)", 422, media_type="text/plain")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for entry in found:
        writer.writerow([getattr(entry, column) or "" for column in COLUMNS])
    return Response(out.getvalue(), media_type="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="corridor-audit.csv"'})
