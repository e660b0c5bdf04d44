"""Templates and the words people read instead of the engines' enums.

Labels are presentation only: an unknown value is shown as written, never hidden, so a new
outcome added to an engine still reaches the page.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from corridor.packs.registry import load_packs
from corridor.packs.schema.entry import PURPOSES, TRACKS
from corridor.web.session import visitor

LABELS = {
    "no_licence_required": "No licence required",
    "licence_required": "Licence required",
    "prohibited": "Prohibited",
    "not_covered": "Not covered by corridor's packs",
    "allowed": "Allowed",
    "allowed_with_conditions": "Allowed, with conditions",
    "denied": "Denied",
    "denied_unless_exempt": "Denied unless exempt",
    "applies": "applies",
    "exempt": "exempt",
    "draft": "Draft",
    "internally_approved": "Approved internally",
    "filed": "Filed with the authority",
    "approved": "Approved by the authority",
    "withdrawn": "Withdrawn",
    "match": "Match",
    "review": "Needs review",
    "cleared": "Cleared",
    "confirmed": "Confirmed match",
    "proposed": "Proposed",
    "accepted": "Accepted",
    "rejected": "Rejected",
}
# Pages whose paths the API also answers (with JSON) live under this prefix; `app.BrowserPages`
# sends a browser's requests there, so people and programs use the same addresses.
BROWSER_PREFIX = "/web"
CITATION = re.compile(r"^(?P<text>.*?)\s*<(?P<url>https?://[^>\s]+)>\s*$")

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


@cache
def licence_names() -> dict[str, str]:
    """Each licence type's name as the packs write it (`個別許可 (individual licence)`)."""
    names: dict[str, str] = {}
    for pack in load_packs().by_domain("export"):
        for fact in pack.facts():
            if getattr(fact, "licence", None) and getattr(fact, "name", None):
                names.setdefault(fact.licence, fact.name)
    return names


def label(value: Any) -> str:
    """The human label of an outcome, verdict, status or licence type."""
    text = "" if value is None else str(value)
    return LABELS.get(text) or licence_names().get(text) or text.replace("_", " ")


def cite(source: str | None) -> Markup:
    """A pack citation ("issuer: title, date <url>") with its URL as a link."""
    if not source:
        return Markup("")
    found = CITATION.match(source)
    if not found:
        return escape(source)
    return Markup('<a href="{url}" rel="noopener noreferrer" target="_blank">{text}</a>').format(
        url=found["url"], text=found["text"])


templates.env.filters.update(label=label, cite=cite)
templates.env.globals.update(purposes=PURPOSES, tracks=TRACKS, end_uses=("civil", "military", "wmd"))


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render `template` with the visitor (for the menu, the role and the CSRF field)."""
    return templates.TemplateResponse(request, template, {"me": visitor(request), **context},
                                      status_code=status_code)


class FieldError(ValueError):
    """A form value the shell itself could not read (a date, a time), naming its field."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(f"{field}: {message}")


def field_errors(failure: ValueError) -> dict[str, str]:
    """pydantic's errors keyed by field path (`trip.stayed.0.region`); other errors under their
    `field` attribute, or `form` when they name none."""
    errors = getattr(failure, "errors", None)
    if callable(errors):
        return {".".join(str(part) for part in e["loc"]) or "form": f"{e['msg']} (value {e.get('input')!r})"
                for e in errors()}
    return {getattr(failure, "field", None) or "form": str(failure)}


def alert(errors: dict[str, str]) -> str | None:
    """The errors as one line for the page's alert, each naming its field once."""
    if not errors:
        return None
    named = (message if message.startswith(f"{field}:") else f"{field}: {message}"
             for field, message in errors.items())
    return "Please correct: " + "; ".join(named)
