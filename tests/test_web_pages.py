"""The public pages and the page furniture in real headless Chromium: the export check with its
chart and CSV, the entry form with every field, CJK text, phone widths, offline API docs."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from web_browser import chromium, serving

from corridor.packs.registry import load_packs

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serving(f"sqlite:///{tmp_path_factory.mktemp('web') / 'corridor.db'}") as (url, _app, _tokens):
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as running:
        yield running


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


def test_resists_to_korea_after_the_2019_measure_need_an_individual_licence(page, server):
    page.goto(server + "/")
    page.fill("input[name=item]", "3C002")
    page.fill("input[name=on]", "2019-08-19")
    page.click("form.fields button[type=submit]")
    assert page.inner_text("#outcome") == "Licence required"
    assert page.inner_text("#group") == "A"
    assert page.get_attribute("[data-licence=individual] td:nth-child(2)", "class") is None
    assert page.inner_text("[data-licence=individual]").startswith("個別許可 (individual licence)\topen")
    closed = page.inner_text("[data-licence=general_bulk]")
    assert "closed by jp-measure-2019-07-04-korea-three-items" in closed
    source = page.locator("#rules a[href^='https://']").first
    assert source.get_attribute("href").startswith("https://")


def test_the_timeline_is_a_chart_with_lanes_and_notes_stay_hidden_unless_asked(page, server):
    page.goto(server + "/?exporter=JP&destination=KR&item=3C002&on=2019-08-19")
    page.wait_for_selector("#chart svg")
    lanes = page.get_attribute("#chart", "data-lanes").split("|")
    assert "Export rules" in lanes and "Entry rules" in lanes
    assert int(page.get_attribute("#chart", "data-points")) == page.locator("#timeline tr").count() - 1
    assert page.locator("#timeline .note").count() == 0
    page.goto(server + "/?exporter=JP&destination=KR&item=3C002&on=2019-08-19&notes=true")
    assert page.locator("#timeline .note").count() > 0
    assert page.evaluate("document.body.scrollHeight") < 3000


def test_a_day_before_the_pack_explains_the_covered_window(page, server):
    page.goto(server + "/?exporter=JP&destination=KR&item=3C002&on=2010-08-19")
    assert page.inner_text("#outcome") == "Not covered by corridor's packs"
    start = load_packs().get("JP", "export").meta.coverage.start.isoformat()
    assert f"covers {start} to" in page.inner_text("#coverage")
    assert page.locator("#group").count() == 0


def test_the_determination_downloads_as_csv(page, server):
    page.goto(server + "/?exporter=JP&destination=KR&item=3C002&on=2023-08-01")
    with page.expect_download() as download:
        page.click("#csv")
    text = Path(download.value.path()).read_text()
    rows = {r["field"]: r for r in csv.DictReader(io.StringIO(text))}
    assert rows["destination_group"]["value"] == "A"
    assert "general_bulk" in rows["licence_types_open"]["value"].split()


def test_a_typo_in_the_destination_is_named_on_the_page(page, server):
    page.goto(server + "/?exporter=JP&destination=KX&item=3C002&on=2019-08-19")
    alert = page.inner_text("[role=alert]")
    assert "destination" in alert and "'KX'" in alert
    assert page.locator("#answer").count() == 0


def test_business_track_with_pledge_and_plan_is_allowed_with_conditions(page, server):
    page.goto(server + "/entry")
    page.select_option("select[name=track]", "business")
    page.fill("input[name=on]", "2020-10-20")
    page.click("form.fields button[type=submit]")
    assert page.get_attribute("#verdict", "data-verdict") == "denied"
    assert "sponsor documents missing: pledge" in page.inner_text("#rules")
    page.check("input[name=pledge]")
    page.check("input[name=activity_plan]")
    page.select_option("select[name=test_type]", "PCR")
    page.fill("input[name=test_taken_at]", "2020-10-18T10:00")
    page.click("form.fields button[type=submit]")
    assert page.get_attribute("#verdict", "data-verdict") == "allowed_with_conditions"


def test_a_bad_number_is_shown_beside_its_field_not_as_json(page, server):
    page.goto(server + "/entry?on=2020-10-20&vaccine_doses=-3")
    assert "greater than or equal to 0" in page.inner_text("#error-vaccine_doses")
    assert page.get_attribute("input[name=vaccine_doses]", "aria-invalid") == "true"


def test_a_korean_tourist_in_april_2020_is_denied(page, server):
    page.goto(server + "/entry?destination=JP&origin=KR&nationality=KR&purpose=tourism&on=2020-04-10")
    assert page.inner_text("#verdict") == "Denied"
    assert "jp-landing-denial-korea" in page.inner_text("#rules")


def _glyph(page, text: str) -> bytes:
    """A screenshot of `text` alone, in the page's own font stack."""
    page.evaluate("""text => { const s = document.createElement('span'); s.id = 'glyph';
        s.style.cssText = 'font-size: 40px; display: inline-block; min-width: 48px';
        s.textContent = text; document.body.prepend(s); }""", text)
    shot = page.locator("#glyph").screenshot()
    page.evaluate("document.getElementById('glyph').remove()")
    return shot


def test_japanese_and_korean_render_as_glyphs_not_empty_boxes(page, server):
    """Without a CJK font every character draws the same 'missing glyph' box as a private-use code
    point; with one, each character has its own picture."""
    page.goto(server + "/?exporter=JP&destination=KR&item=3C002&on=2019-08-19")
    missing = _glyph(page, "\ue000")
    for text in ("日", "本", "語", "한", "국", "어"):
        assert _glyph(page, text) != missing, f"{text} renders as a missing-glyph box"
    shots = {_glyph(page, text) for text in ("日", "本", "語", "한", "국", "어")}
    assert len(shots) == 6


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_no_page_scrolls_sideways(browser, server, viewport, tmp_path):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    for path in ("/?exporter=JP&destination=KR&item=3C002&on=2019-08-19&notes=true",
                 "/entry?on=2020-10-20&track=business&pledge=1", "/signin", "/docs"):
        page.goto(server + path)
        page.screenshot(path=str(tmp_path / "page.png"), full_page=True)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], f"{path} is {width}px wide at {viewport['width']}px"
    context.close()


def test_api_docs_work_with_no_network_beyond_the_server(browser, server):
    context = browser.new_context()
    outside = []

    def local_only(route):
        if route.request.url.startswith(server):
            return route.continue_()
        outside.append(route.request.url)
        return route.abort()

    context.route("**/*", local_only)
    page = context.new_page()
    page.goto(server + "/docs")
    page.wait_for_selector(".swagger-ui .info .title")
    assert "corridor" in page.inner_text(".swagger-ui .info .title")
    assert page.locator(".opblock-tag").count() >= 5
    assert outside == []
    assert page.request.get(server + "/health").json()["status"] == "ok"
    context.close()
