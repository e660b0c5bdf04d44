"""Mount the web pages on the API's application: static files, the session cookie, refusals as
pages, and `/docs` from local Swagger UI files (`/health` is `corridor.api.health`)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from corridor.web import applications, audit, news, pages, screening, signin
from corridor.web.render import BROWSER_PREFIX, page
from corridor.web.session import BadCsrf, NotAllowed, secret_key, write_cookie

STATIC = Path(__file__).parent / "static"
# First path segments the API answers with JSON and the pages with HTML.
SHARED_SECTIONS = {"applications", "licences", "screen", "audit", "news", "timeline"}
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
SWAGGER = "/static/vendor/swagger-ui"


def install(app: FastAPI) -> None:
    """Add every page, the static files and the handlers to `app` (built with docs_url=None)."""
    app.state.web_secret = secret_key()
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (signin, pages, screening, applications, news, audit):
        app.include_router(module.router)
    app.add_api_route("/docs", api_docs, include_in_schema=False)
    app.add_api_route("/redoc", lambda: RedirectResponse("/docs", 308), include_in_schema=False)
    app.add_exception_handler(NotAllowed, _refused)
    app.add_exception_handler(BadCsrf, _forged)
    app.add_middleware(BrowserPages)

    @app.middleware("http")
    async def session_cookie(request: Request, call_next) -> Response:
        response = await call_next(request)
        write_cookie(request, response)
        return response


def api_docs() -> HTMLResponse:
    """Swagger UI from files this package ships, so the API reference works offline."""
    return get_swagger_ui_html(openapi_url="/openapi.json", title="corridor API",
                               swagger_js_url=f"{SWAGGER}/swagger-ui-bundle.js",
                               swagger_css_url=f"{SWAGGER}/swagger-ui.css",
                               swagger_favicon_url="/static/favicon.svg")


def _refused(request: Request, refusal: NotAllowed) -> Response:
    """Anonymous visitors are sent to sign in and back; signed-in ones are told what is needed."""
    asked = request.url.path.removeprefix(BROWSER_PREFIX) or "/"
    if refusal.visitor.name is None and request.method == "GET":
        return RedirectResponse(f"/signin?next={quote(asked)}", 303)
    return page(request, "refused.html", 403, error=str(refusal), next=asked)


def _forged(request: Request, refusal: BadCsrf) -> Response:
    return page(request, "refused.html", 400, error=str(refusal), next=request.url.path)


class BrowserPages:
    """Send a browser's request for a shared address (`/applications`) to the page, a program's to
    the API: without an Authorization header, a GET asking for HTML or a POST of a form is a
    person's; everything else reaches the API exactly as before."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and _from_browser(scope):
            path = BROWSER_PREFIX + scope["path"]
            scope = {**scope, "path": path, "raw_path": path.encode()}
        await self.app(scope, receive, send)


def _from_browser(scope: dict) -> bool:
    if scope["path"].split("/", 2)[1] not in SHARED_SECTIONS:
        return False
    headers = dict(scope["headers"])
    if b"authorization" in headers:
        return False
    if scope["method"] in ("GET", "HEAD"):
        return b"text/html" in headers.get(b"accept", b"")
    content_type = headers.get(b"content-type", b"").decode("latin-1")
    return scope["method"] == "POST" and content_type.startswith(FORM_TYPES)
