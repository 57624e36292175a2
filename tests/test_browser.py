"""The workbench in a real browser (Playwright driving the system's chromium) over a real server.

Every page must load with no console error and no request leaving 127.0.0.1; clicking, filtering,
searching and pasting must work as an analyst would use them; article text must never run as code.
Set WATCHFLOOR_SCREENSHOTS=DIR to save a screenshot of each page (``make screenshots`` does).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import pytest
import uvicorn

from watchfloor.pipeline import Pipeline
from watchfloor.settings import load_settings
from watchfloor.sources import make_document
from watchfloor.store import open_store
from watchfloor.web import create_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
HOSTILE_TITLE = "<img src=x onerror=window.pwned=1> Hostile page"
HOSTILE_TEXT = (
    "TOKYO - Japan scrambled fighter jets on Monday after Chinese aircraft approached its airspace. "
    '<script>window.pwned = 1</script> <img src="x" onerror="window.pwned = 2"> <a href="javascript:window.pwned=3">x</a>'
)

if not Path(CHROMIUM).exists():
    if os.environ.get("WATCHFLOOR_REQUIRE_BROWSER"):
        raise RuntimeError(f"WATCHFLOOR_REQUIRE_BROWSER is set but there is no chromium at {CHROMIUM}")
    pytest.skip("chromium is not installed (make test installs it with apt)", allow_module_level=True)

from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright  # noqa: E402


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(examples_db: Path, pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real uvicorn server on 127.0.0.1 over a copy of the examples database plus one hostile page."""
    db = tmp_path_factory.mktemp("browser") / "workbench.duckdb"
    shutil.copy(examples_db, db)
    hostile = make_document(HOSTILE_TEXT, "hostile.txt", {"id": "hostile", "title": HOSTILE_TITLE}, date(2025, 12, 8))
    with open_store(db) as store:
        store.ingest([pipeline.analyze(hostile)])
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(load_settings(db=str(db))), host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=[*args, "--no-first-run"])
        yield launched
        launched.close()


class Watched:
    """A page with everything it logged and requested, to assert nothing went wrong or left the machine."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.problems: list[str] = []
        self.hosts: set[str] = set()
        self.dialogs: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("request", lambda request: self.hosts.add(urlparse(request.url).hostname or request.url))
        page.on("dialog", self._dialog)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            self.problems.append(f"console {message.type}: {message.text}")

    def _dialog(self, dialog: object) -> None:
        self.dialogs.append(str(dialog))
        dialog.dismiss()  # type: ignore[attr-defined]

    def clean(self) -> None:
        assert not self.problems, self.problems
        assert self.hosts <= {"127.0.0.1"}, f"requests left the machine: {self.hosts}"
        assert not self.dialogs and self.page.evaluate("window.pwned") is None


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield Watched(context.new_page())
    context.close()


def _shoot(page: Page, name: str) -> None:
    folder = os.environ.get("WATCHFLOOR_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


PAGES = [
    ("documents", "/", "Documents"),
    ("timeline", "/timeline?include_aux=true", "Event timeline"),
    ("map", "/map", "Where events happened"),
    ("network", "/network?include_aux=true", "Who acts on whom"),
    ("claims", "/claims", "Claims and verdicts"),
    ("search", "/search?q=Senkaku", "Search"),
    ("paste", "/analyze", "Paste an article"),
    ("document", "/documents/2024-09-18-liaoning-yonaguni", "Liaoning"),
    ("api", "/docs", "watchfloor"),
]


@pytest.mark.parametrize(("name", "path", "heading"), PAGES, ids=[page[0] for page in PAGES])
def test_every_page_loads_cleanly_and_stays_local(watched: Watched, base_url: str, name: str, path: str, heading: str) -> None:
    response = watched.page.goto(base_url + path)
    assert response is not None and response.status == 200
    watched.page.wait_for_load_state("networkidle")
    assert heading in watched.page.inner_text("body")
    _shoot(watched.page, name)
    watched.clean()


def test_clicking_an_event_shows_its_evidence(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "/documents/2024-09-18-liaoning-yonaguni")
    page.locator("mark.ev").first.click()
    card = page.locator("#details section.card.event").first
    card.wait_for()
    assert "Actor" in card.inner_text() and "Why" in card.inner_text()
    assert page.locator("mark.selected").count() >= 1
    _shoot(page, "document-event")
    page.locator("ol.marks a[data-mark^='c-']").first.click()
    assert page.locator("#details section.card.claim .reason").first.inner_text()
    watched.clean()


def test_timeline_link_opens_the_event_in_its_document(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "/timeline")
    page.locator("td.evidence a").first.click()
    page.wait_for_url("**/documents/**#e-*")
    assert page.locator("#details section.card.event").count() == 1
    watched.clean()


def test_timeline_filters_by_type_and_aux_toggle(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "/timeline")
    hidden = page.locator("table.events tbody tr").count()
    page.check("input[name=include_aux]")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**include_aux=true**")
    assert page.locator("table.events tbody tr").count() > hidden
    page.select_option("select[name=type]", "MOBILIZE")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**type=MOBILIZE**")
    badges = page.locator("table.events tbody .badge").all_inner_texts()
    assert badges and set(badges) == {"MOBILIZE"}
    assert page.locator("circle.dot").count() >= 1
    watched.clean()


def test_map_clusters_open_a_popup_with_links_to_evidence(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "/map?include_aux=true")
    for _ in range(6):
        markers = page.locator("#markers g.marker")
        if markers.count():
            break
        page.locator("#markers g.cluster").first.click()
    markers.first.click()
    popup = page.locator("#popup")
    popup.wait_for(state="visible")
    assert popup.locator("a[href^='/documents/']").count() >= 1
    watched.clean()


def test_search_from_the_header(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "/")
    page.fill("header input[name=q]", "Second Thomas Shoal")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    results = page.locator("ol.results li")
    assert results.count() >= 1 and "Shoal" in results.first.inner_text()
    watched.clean()


def test_paste_an_article_and_see_it_analysed(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "/analyze")
    page.fill("input[name=title]", "Pasted")
    page.fill("input[name=published]", "2025-12-10")
    page.fill("textarea[name=text]", HOSTILE_TEXT)
    page.click("form.paste button[type=submit]")
    page.wait_for_selector("#doc-text")
    assert "analysed, not stored" in page.inner_text("body")
    assert page.locator("mark.ev").count() >= 1
    assert "<script>window.pwned = 1</script>" in page.inner_text("#doc-text")
    _shoot(page, "paste-result")
    watched.clean()


def test_stored_hostile_markup_is_shown_as_text_and_never_runs(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "/documents/hostile")
    page.wait_for_load_state("networkidle")
    text = page.inner_text("#doc-text")
    assert "<script>" in text and 'onerror="window.pwned = 2"' in text
    assert HOSTILE_TITLE in page.inner_text("h1")
    assert page.locator("#doc-text script, #doc-text img, h1 img").count() == 0
    for link in page.locator("#doc-text a").all():
        link.click()
    watched.clean()
