"""The web pages in a real headless Chromium (Debian's), driven by Playwright."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from tansiq.domain.principal import Principal
from tansiq.interfaces.app import create_app
from tansiq.services import Tansiq
from tansiq.settings import Settings
from tests.personas import PASSWORD
from tests.screening_fixtures import MANIFEST, load_watchlist

playwright_api = pytest.importorskip("playwright.sync_api")
Page = playwright_api.Page
expect = playwright_api.expect
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def live_server(settings: Settings, app: Tansiq, admin: Principal, tmp_path: Path) -> Iterator[str]:
    """The real app served by uvicorn on loopback, with the test world loaded."""
    load_watchlist(app, admin, tmp_path)
    port = _free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="error")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def log_in(tab: Page, email: str, password: str = PASSWORD) -> None:
    tab.goto("/login")
    tab.fill("input[name=email]", email)
    tab.fill("input[name=password]", password)
    tab.click("#login button[type=submit]")
    expect(tab.locator("#whoami")).to_have_text(email)


@pytest.fixture
def browser_context(live_server: str) -> Iterator[playwright_api.BrowserContext]:
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser.new_context(base_url=live_server)
        browser.close()


@pytest.fixture
def page(browser_context: playwright_api.BrowserContext, operator: Principal) -> Page:
    """A tab signed in as the operator's officer."""
    tab = browser_context.new_page()
    tab.set_default_timeout(15_000)
    log_in(tab, operator.id)
    return tab


def test_a_user_searches_as_they_type_and_narrows_by_facet(page: Page) -> None:
    tab = page
    tab.goto("/search")
    expect(tab.locator("#total")).to_contain_text("7 entities")
    tab.fill("#q", "amina")
    tab.wait_for_url("**/search?q=amina")
    expect(tab.locator("#total")).to_contain_text("1 entity")
    assert tab.locator("a.caption").all_inner_texts() == ["Amina Tidrani"]
    tab.fill("#q", "")
    expect(tab.locator("#total")).to_contain_text("7 entities")
    tab.check("input[name=schema][value=Organization]")
    expect(tab.locator("#total")).to_contain_text("1 entity")
    captions = tab.locator("a.caption").all_inner_texts()
    assert captions == ["Brigade of the Southern Dunes"]


def test_a_user_opens_an_entity_and_follows_a_relation(page: Page) -> None:
    tab = page
    tab.goto("/")
    tab.fill("header input[name=q]", "tidrani")
    tab.press("header input[name=q]", "Enter")
    tab.click("a.caption:text('Amina Tidrani')")
    tab.wait_for_selector("h1:has-text('Amina Tidrani')")
    rows = tab.locator("table.provenance tbody tr").count()
    assert rows == 6
    assert tab.locator("table.provenance .tlp-amber").count() == 6
    tab.click(".relations a:text('Brigade of the Southern Dunes')")
    tab.wait_for_selector("h1:has-text('Brigade of the Southern Dunes')")
    tab.click("#json-twin")
    tab.wait_for_url("**/api/v1/entities/o-dunes")
    twin = json.loads(tab.inner_text("pre"))
    assert (twin["id"], twin["caption"]) == ("o-dunes", "Brigade of the Southern Dunes")


def test_a_missing_page_shows_a_readable_error(page: Page) -> None:
    tab = page
    response = tab.goto("/entities/does-not-exist")
    assert response.status == 404
    assert "no entity 'does-not-exist'" in tab.inner_text("#error-detail")


def test_a_user_uploads_a_manifest_watches_progress_and_decides_an_alert(
    page: Page, tmp_path: Path
) -> None:
    manifest = tmp_path / "flight.csv"
    manifest.write_text(MANIFEST, encoding="utf-8")
    tab = page
    tab.goto("/screen")
    tab.set_input_files("#screen-manifest input[name=file]", str(manifest))
    tab.check("#manifest-watchlist")
    tab.click("#screen-manifest button[type=submit]")
    expect(tab.locator("#screening-summary")).to_contain_text("3 alerts for review", timeout=30_000)
    tab.click("tr.alert-row >> nth=0 >> a")
    expect(tab.locator("h1")).to_contain_text("Possible match")
    tab.check("input[name=decision][value=no_match]")
    tab.fill("textarea[name=reason]", "Different person: birth place and parents differ")
    tab.click("#decide button[type=submit]")
    expect(tab.locator("ol.history")).to_contain_text("no match")
    tab.goto("/alerts")
    expect(tab.locator("#total")).to_contain_text("2 alerts")
