"""Each role through its job in real headless Chromium, on SQLite and on PostgreSQL: an analyst
drafts and a second officer approves, files, decides and draws down; an officer screens a name
and clears the hit; an analyst accepts a news event and sees it on the chart; a viewer is
refused every write."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from web_browser import chromium, serving
from web_browser import sign_in as signed_in

SAMPLE_LIST = Path(__file__).parent / "data" / "meti_end_user_sample.csv"
PHONE = {"width": 375, "height": 740}
ARTICLE = ("Japan and South Korea will start a business track on Oct. 8 allowing short-term business "
           "travellers to skip the 14-day quarantine, the foreign ministry said on Tuesday, October 6, 2020.")


@pytest.fixture(scope="module")
def browser():
    with chromium() as running:
        yield running


@pytest.fixture
def site(db_url):
    from corridor.store.lists import read_list, save_list

    with serving(db_url) as (url, app, tokens):
        parties = read_list(SAMPLE_LIST, "meti", "meti-sample")
        save_list(app.state.sessions, "meti-sample", "meti", str(SAMPLE_LIST), parties, datetime.now(UTC))
        yield url, tokens


@pytest.fixture
def person(browser, site):
    """A fresh browser (own cookies) for each user a test signs in; `person(name)` → page."""
    url, tokens = site
    contexts = []

    def as_user(name: str, viewport: dict | None = None):
        context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900},
                                      accept_downloads=True)
        contexts.append(context)
        page = context.new_page()
        signed_in(page, url, name, tokens[name])
        return page

    yield as_user
    for context in contexts:
        context.close()


def _status(page) -> str:
    return page.get_attribute("#status", "data-status")


def test_analyst_drafts_a_second_officer_approves_and_the_licence_is_drawn_down(site, person):
    url, _ = site
    alice = person("alice")
    alice.goto(url + "/?exporter=JP&destination=KR&item=3C002&on=2019-08-01")
    alice.click("#draft-from-check button")
    assert _status(alice) == "draft"
    assert "review up to 90 days" in alice.inner_text("body")
    application = alice.url
    for party, (name, country) in {"applicant": ("JSR Corporation", "JP"), "purchaser": ("삼성전자", "KR"),
                                   "ultimate_consignee": ("Samsung Hwaseong", "KR"),
                                   "end_user": ("Samsung Electronics", "KR")}.items():
        alice.fill(f"input[name='{party}.name']", name)
        alice.fill(f"input[name='{party}.country']", country)
    alice.fill("input[name=end_use]", "EUV lithography")
    for field, value in {"control_number": "3C002", "description": "EUV photoresist", "quantity": "100",
                         "unit": "kg", "value": "5000000", "currency": "JPY"}.items():
        alice.fill(f"input[name='items.0.{field}']", value)
    alice.click("#parties button[type=submit]")
    assert _status(alice) == "draft" and alice.locator("[role=alert]").count() == 0
    assert alice.locator("#approve").count() == 0  # an analyst is never offered the approval

    olga = person("olga")  # an officer who edits the draft may not approve it herself
    olga.goto(application)
    olga.fill("input[name=end_use]", "EUV lithography for memory")
    olga.click("#parties button[type=submit]")
    olga.click("#approve button")
    assert "second officer must approve" in olga.inner_text("[role=alert]")
    assert _status(olga) == "draft"

    oscar = person("oscar", PHONE)
    oscar.goto(application)
    oscar.click("#approve button")
    assert _status(oscar) == "internally_approved"
    alice.goto(application)
    alice.fill("#file input[name=filed_on]", "2019-08-02")
    alice.fill("#file input[name=reference]", "METI-2019-0815")
    alice.click("#file button")
    assert _status(alice) == "filed"
    oscar.goto(application)
    oscar.fill("#decide input[name=decided_on]", "2019-09-01")
    oscar.fill("#decide input[name=licence_number]", "JP-L-9")
    oscar.fill("#decide input[name=valid_until]", "2020-02-29")
    oscar.fill("#decide input[name=quantity_limit]", "50")
    oscar.click("#decide button")
    assert _status(oscar) == "approved"

    alice.goto(application)
    alice.click("#licence-link")
    alice.fill("#drawdown input[name=quantity]", "30")
    alice.fill("#drawdown input[name=value]", "1500000")
    alice.fill("#drawdown input[name=shipped_on]", "2019-09-10")
    alice.click("#drawdown button")
    assert alice.inner_text("#quantity-left") == "20"
    alice.fill("#drawdown input[name=quantity]", "21")
    alice.fill("#drawdown input[name=value]", "1")
    alice.fill("#drawdown input[name=shipped_on]", "2019-09-11")
    alice.click("#drawdown button")
    assert "only 20 kg left" in alice.inner_text("[role=alert]")
    assert alice.inner_text("#quantity-left") == "20"

    oscar.goto(application)
    history = oscar.inner_text("#history")
    for action in ("application.drafted", "application.edited", "application.approved_internally",
                   "application.filed", "application.decided_approved"):
        assert action in history
    assert oscar.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    oscar.goto(url + "/audit")
    oscar.click("#verify")
    assert oscar.inner_text("#verdict").startswith("Intact")
    oscar.fill("#filters input[name=actor]", "oscar")
    oscar.click("#filters button")
    assert set(oscar.locator("#entries td:nth-child(3)").all_inner_texts()) == {"oscar"}
    assert oscar.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    with oscar.expect_download() as download:
        oscar.click("#audit-csv")
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text())))
    assert rows and {r["actor"] for r in rows} == {"oscar"}
    assert "licence.granted" in {r["action"] for r in rows}


def test_an_officer_screens_a_korean_name_and_clears_the_hit_with_a_reason(site, person):
    url, _ = site
    olga = person("olga")
    olga.goto(url + "/screen")
    olga.fill("input[name=name]", "조선견본무역회사")
    olga.fill("input[name=on]", "2020-01-01")
    olga.click("form.fields button[type=submit]")
    hit = olga.locator("article.hit").first
    assert "Korea Sample Trading Corporation" in hit.inner_text()
    hit.locator("summary").click()
    assert "met list name" in hit.inner_text()
    hit.locator("select[name=verdict]").select_option("cleared")
    hit.locator("input[name=reason]").fill("our consignee is in Busan, registration 123-45")
    hit.locator("button[type=submit]").click()
    decision = olga.locator("article.hit .decision").first
    assert decision.inner_text() == "Cleared"
    assert "registration 123-45" in olga.locator("article.hit").first.inner_text()

    viewer = person("viewer", PHONE)
    viewer.goto(olga.url)
    assert viewer.locator("article.hit").count() >= 1
    assert viewer.locator("form.decide").count() == 0
    assert viewer.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_batch_of_names_shows_progress_and_downloads_with_bad_rows_named(site, person, tmp_path):
    url, _ = site
    upload = tmp_path / "names.csv"
    upload.write_text("name,country\nKorea Sample Trading Corporation,KP\nAcme Widgets,US\n,KR\n"
                      "Tehran Sample Chemical Industries,XX1\n", encoding="utf-8")
    viewer = person("viewer")
    viewer.goto(url + "/screen")
    viewer.set_input_files("#batch input[type=file]", str(upload))
    viewer.click("#batch button")
    viewer.wait_for_selector("#batch-download:not([hidden])")
    assert "4 of 4 names screened" in viewer.inner_text("#batch-status")
    with viewer.expect_download() as download:
        viewer.click("#batch-download")
    text = Path(download.value.path()).read_text()
    rows = list(csv.DictReader(io.StringIO(text.split("\n", 1)[1])))
    assert [r["status"] for r in rows][:2] == ["match", "clear"]
    assert rows[2]["status"] == "error" and rows[3]["status"] == "error" and "XX1" in rows[3]["error"]


def test_an_analyst_accepts_a_news_event_and_sees_it_on_the_chart(site, person):
    url, _ = site
    alice = person("alice")
    alice.goto(url + "/news/review")
    alice.fill("#article textarea", ARTICLE)
    alice.fill("#article input[name=source]", "https://example.org/business-track")
    alice.click("#article button")
    proposed = alice.locator("tr[data-state=proposed]").first
    proposed.locator("input[name=summary]").fill("Japan–Korea business track opens")
    proposed.locator("button[value=accepted]").click()
    assert alice.locator("tr[data-state=accepted]").count() == 1
    alice.goto(url + "/?exporter=JP&destination=KR&item=3C002&on=2020-10-20")
    alice.wait_for_selector("#chart svg")
    assert "News (accepted)" in alice.get_attribute("#chart", "data-lanes").split("|")
    assert "Japan–Korea business track opens" in alice.text_content("#timeline")


def test_a_viewer_sees_no_write_forms_and_a_forged_post_is_refused(site, person):
    url, _ = site
    viewer = person("viewer")
    viewer.goto(url + "/applications")
    assert viewer.locator("#draft").count() == 0
    viewer.goto(url + "/news/review")
    assert viewer.locator("#article").count() == 0
    csrf = viewer.get_attribute("nav input[name=csrf]", "value")
    refused = viewer.request.post(url + "/applications", form={
        "csrf": csrf, "exporter": "JP", "destination": "KR", "item": "3C002", "on": "2019-08-01"},
        headers={"accept": "text/html"})
    assert refused.status == 403 and "viewer" in refused.text()
    forged = viewer.request.post(url + "/news/review/articles", form={"content": ARTICLE},
                                 headers={"accept": "text/html"})
    assert forged.status in (400, 403)
    viewer.goto(url + "/applications")
    assert "No applications yet" in viewer.inner_text("#applications")
