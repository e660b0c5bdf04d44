"""The web pages in real headless Chromium: a person fills the form and reads the answer."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time

import pytest
import uvicorn

CHROMIUM = os.environ.get("CORRIDOR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from corridor.api.app import create_app

    app = create_app(f"sqlite:///{tmp_path_factory.mktemp('web') / 'corridor.db'}")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    served = uvicorn.Server(config)
    thread = threading.Thread(target=served.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not served.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    served.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def page(server):
    if not shutil.which(CHROMIUM):
        reason = f"Chromium not installed at {CHROMIUM} (Debian package 'chromium'; .ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser.new_page()
        browser.close()


def test_officer_checks_resists_to_korea_after_the_2019_measure(page, server, tmp_path):
    page.goto(server + "/")
    page.fill("input[name=item]", "3C002")
    page.fill("input[name=on]", "2019-08-19")
    page.click("button[type=submit]")
    assert page.inner_text("#outcome") == "licence_required"
    assert page.inner_text("#group") == "A"
    licences = page.inner_text("#licences")
    assert "individual\topen" in licences
    assert "general_bulk\tclosed" in licences
    assert "jp-measure-2019-07-04-korea-three-items" in page.inner_text("#rules")
    assert "2019-08-28" in page.inner_text("#timeline")
    page.screenshot(path="/tmp/corridor-check.png", full_page=True)


def test_the_same_item_after_korea_returned_to_group_a_needs_no_individual_licence(page, server):
    page.goto(server + "/?from=JP&to=KR&item=3C002&on=2023-08-01")
    assert page.inner_text("#group") == "A"
    assert "general_bulk\topen" in page.inner_text("#licences")


def test_a_typo_in_the_destination_is_named_on_the_page(page, server):
    page.goto(server + "/?from=JP&to=KX&item=3C002&on=2019-08-19")
    alert = page.inner_text("[role=alert]")
    assert "destination" in alert and "'KX'" in alert
    assert page.locator("#answer").count() == 0


def test_business_track_without_the_sponsor_pledge_is_denied_with_the_reason(page, server, tmp_path):
    page.goto(server + "/entry")
    page.select_option("select[name=track]", "business")
    page.fill("input[name=on]", "2020-10-20")
    page.click("button[type=submit]")
    assert page.inner_text("#verdict") == "denied"
    assert "sponsor documents missing: pledge" in page.inner_text("#rules")
    page.screenshot(path="/tmp/corridor-entry.png", full_page=True)


def test_a_korean_tourist_in_april_2020_is_denied(page, server):
    page.goto(server + "/entry?to=JP&from=KR&nationality=KR&purpose=tourism&on=2020-04-10")
    assert page.inner_text("#verdict") == "denied"
    assert "jp-landing-denial-korea" in page.inner_text("#rules")
