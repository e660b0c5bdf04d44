"""Shared pieces of the browser tests: a real server on a free port, headless Chromium, users
for each role, and a signed-in page."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import uvicorn

CHROMIUM = os.environ.get("CORRIDOR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ROLES = {"viewer": "viewer", "alice": "analyst", "olga": "officer", "oscar": "officer"}


@contextmanager
def serving(db_url: str) -> Iterator[tuple[str, object, dict[str, str]]]:
    """The app over `db_url` on a free local port, with one user per entry of ROLES: (url, app, tokens)."""
    from corridor.api.app import create_app
    from corridor.licences import service
    from corridor.store.users import Role

    app = create_app(db_url)
    tokens = {name: service.add_user(app.state.sessions, name, Role(role), "setup")
              for name, role in ROLES.items()}
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    served = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=served.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not served.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", app, tokens
    finally:
        served.should_exit = True
        thread.join(10)


@contextmanager
def chromium() -> Iterator[object]:
    """Headless Chromium from the system (Debian package `chromium`); skipped when absent outside CI."""
    if not shutil.which(CHROMIUM):
        reason = f"Chromium not installed at {CHROMIUM} (Debian package 'chromium'; .ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def sign_in(page, server: str, name: str, token: str) -> None:
    page.goto(server + "/signin")
    page.fill("input[name=name]", name)
    page.fill("input[name=token]", token)
    page.click("form[action='/signin'] button[type=submit]")
    assert name in page.inner_text("#signed-in")
