"""Sign in with the API's user name and token; sign out."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from corridor.web.render import page
from corridor.web.session import Form, sign_in, sign_out

router = APIRouter(include_in_schema=False)


def _local(target: str | None) -> str:
    """Only paths on this site are followed after sign-in (no open redirect)."""
    return target if target and target.startswith("/") and not target.startswith("//") else "/"


@router.get("/signin")
def signin_page(request: Request, next: str = "/") -> Response:
    return page(request, "signin.html", next=_local(next))


@router.post("/signin")
def signin(request: Request, form: Form) -> Response:
    if sign_in(request, form.get("name", "").strip(), form.get("token", "").strip()) is None:
        return page(request, "signin.html", 401, error="unknown user name or token", name=form.get("name"),
                    next=_local(form.get("next")))
    return RedirectResponse(_local(form.get("next")), 303)


@router.post("/signout")
def signout(request: Request, _form: Form) -> Response:
    sign_out(request)
    return RedirectResponse("/", 303)
