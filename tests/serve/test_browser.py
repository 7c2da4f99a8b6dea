"""The web workspace in headless Debian Chromium, driven by Playwright: it loads, an event shows its
citation highlighted in the source text, search marks its matches, filters and zoom narrow the
timeline, and a document full of markup runs nothing."""

from __future__ import annotations

import os
import shutil

import httpx
import pytest

from newsline.pipeline import run
from newsline.store import Store

from .serving import CHROMIUM, chromium, live_server
from .test_api import HOSTILE

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium and chromium-driver")
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium chromium-driver)", allow_module_level=True)


@pytest.fixture(scope="module")
def server(examples_run, tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    shutil.copy(examples_run["db"], folder / "newsline.db")
    (folder / "hostile.html").write_text(HOSTILE)
    with Store(folder / "newsline.db") as store:
        run([str(folder / "hostile.html")], store)
    with live_server(folder / "newsline.db") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture()
def page(browser, server):
    """A fresh page; fails the test on any script error or dialog (an injected alert would be one)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("console", lambda msg: msg.type == "error" and problems.append(f"console: {msg.text}"))
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready=timeline]")
    yield page
    page.close()
    assert problems == []


def _open(page, hash_: str, view: str) -> None:
    page.evaluate("h => { location.hash = h; }", hash_)
    page.wait_for_selector(f"body[data-ready={view}]")


def test_the_workspace_opens_on_the_timeline(page, server):
    stats = httpx.get(server + "/api/stats").json()
    assert page.locator("a.event").count() >= 10
    assert f"{stats['documents']} documents" in page.inner_text("footer")
    assert page.locator(".density button").count() >= 2
    assert page.locator("a.event.planned").count() >= 1  # "is due to arrive": planned, and marked so
    assert "since 1994" not in page.inner_text("main")  # kept apart: known only to the year
    assert page.locator("#show-apart").count() == 1


def test_an_event_page_says_what_its_reports_disagree_on(page, server):
    events = httpx.get(server + "/api/events", params={"limit": 500}).json()["items"]
    event = next(e for e in events if e["evidence"])
    _open(page, f"#/event/{event['id']}", "event")
    assert page.locator("p.evidence").first.inner_text() == event["evidence"][0]


def test_an_event_shows_its_citation_highlighted_in_its_source(page, server):
    # an entry of the timeline the workspace opens on (events kept apart are not listed there)
    events = httpx.get(server + "/api/events", params={"limit": 500, "entries": "true"}).json()["items"]
    event = next(e for e in events if e["documents"] >= 2 and e["start"])
    page.click(f"a.event[href='#/event/{event['id']}']")
    page.wait_for_selector("body[data-ready=event]")
    full = httpx.get(f"{server}/api/events/{event['id']}").json()
    marks = page.locator(".source-text mark.citation")
    assert marks.count() == len(full["citations"])
    first = page.locator("#first-citation")
    assert " ".join(first.inner_text().split()) == " ".join(full["citations"][0]["text"].split())
    box, mark = page.locator(".source-text").first.bounding_box(), first.bounding_box()
    assert box["y"] <= mark["y"] < box["y"] + box["height"]  # scrolled into view inside its source


def test_search_lists_documents_with_their_matches_marked(page):
    page.fill("#search-input", "visit")
    page.press("#search-input", "Enter")
    page.wait_for_selector("body[data-ready=search]")
    assert page.locator(".hits li").count() >= 3
    assert page.locator(".hits li mark").first.inner_text().lower().startswith("visit")
    page.locator(".hits li a").first.click()
    page.wait_for_selector("body[data-ready=document]")
    assert page.locator(".source-text").inner_text()


def test_a_density_bar_zooms_the_timeline_in(page):
    before = page.locator("a.event").count()
    page.locator(".density button").last.click()
    page.wait_for_function("location.hash.includes('from=')")
    page.wait_for_selector("body[data-ready=timeline]")
    days = [t for t in page.locator("section.day time").all_inner_texts()]
    assert days and page.locator("a.event").count() < before
    start, end = page.input_value("input[name=from]"), page.input_value("input[name=to]")
    assert all(start[:len(day)] <= day <= end[:len(day)] for day in days)  # a day in it, or a year around it


def test_the_entity_and_source_views_show_framing_side_by_side(page):
    _open(page, "#/entity/person:alexander-lukashenko", "entity")
    assert page.locator("#framing tbody tr").count() >= 3
    assert "illegitimate" in page.inner_text("#framing")
    _open(page, "#/compare?verdict=all", "compare")
    assert page.locator(".comparison .pair").count() >= 1


def test_a_hostile_document_runs_no_script(page, server):
    found = httpx.get(server + "/api/documents", params={"q": "hostile"}).json()["items"]
    assert len(found) == 1
    _open(page, f"#/document/{found[0]['id']}", "document")
    text = page.inner_text(".source-text")
    assert "<script>window.pwned=1</script>" in text and "onerror" in text  # shown as words
    assert page.locator(".source-text img, .source-text script").count() == 0
    _open(page, "#/search?q=pwned", "search")
    assert page.locator(".hits li").count() == 1
    _open(page, "#/documents?q=Hostile", "documents")
    assert page.evaluate("window.pwned") is None  # no script ran anywhere (the page fixture checks dialogs)


def test_a_large_collection_opens_on_the_span_where_its_story_is(page):
    dates = {"1439": 1, "1900-01-01": 3, "2099-01-01": 1, **{f"2010-{m:02d}-15": 10 for m in range(4, 10)}}
    assert page.evaluate("d => centralSpan(d)", dates) == ["2010-04-15", "2010-09-15"]  # 80% of 64 days: all six months
    assert page.evaluate("d => centralSpan(d)", {"2023-02-28": 20, "2023-12-04": 10}) is None  # read whole
    assert page.evaluate("d => centralSpan(d)", {"2010-02": 30, "2010-05": 30}) is None  # not narrower
