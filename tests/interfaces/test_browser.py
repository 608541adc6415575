"""The web pages in a real headless Chromium (Debian's), driven by Playwright."""

from __future__ import annotations

import json
import re
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
from tansiq.services.accounts import create_group
from tansiq.settings import Settings
from tests import personas
from tests.factories import e, load
from tests.personas import PASSWORD
from tests.screening_fixtures import MANIFEST, load_watchlist
from tests.services.test_claims import FIRST, SECOND

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
def browser(live_server: str) -> Iterator[playwright_api.Browser]:
    with playwright_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def browser_context(
    browser: playwright_api.Browser, live_server: str
) -> playwright_api.BrowserContext:
    return browser.new_context(base_url=live_server)


def signed_in(browser: playwright_api.Browser, live_server: str, email: str) -> Page:
    """A tab in a browser context of its own (its own cookies), signed in as ``email``."""
    tab = browser.new_context(base_url=live_server).new_page()
    tab.set_default_timeout(15_000)
    log_in(tab, email)
    return tab


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


def test_users_log_in_see_only_what_they_may_and_share_with_approval(
    browser: playwright_api.Browser, live_server: str, app: Tansiq, tmp_path: Path
) -> None:
    ana = personas.user(app, "ana@agency-a.test", "agency-a", "analyst")
    personas.user(app, "sam@agency-a.test", "agency-a", "supervisor")
    personas.user(app, "bob@agency-b.test", "agency-b", "analyst")
    create_group(app, app.local_admin(), "ab", organisations=["agency-a", "agency-b"])
    person = [e("Person", "p-selim", name="Selim Achour")]
    load(app, ana, tmp_path, "a-leads", person, marking="TLP:AMBER")

    anonymous = browser.new_context(base_url=live_server).new_page()
    anonymous.goto("/search?q=selim")
    expect(anonymous).to_have_url(re.compile(r"/login\?next="))
    anonymous.fill("input[name=email]", "bob@agency-b.test")
    anonymous.fill("input[name=password]", "not the password")
    anonymous.click("#login button[type=submit]")
    expect(anonymous.locator("#login-error")).to_contain_text("wrong email, password or code")

    bob = signed_in(browser, live_server, "bob@agency-b.test")
    bob.goto("/search?q=selim")
    expect(bob.locator("#total")).to_contain_text("0 entities")
    bob.goto("/admin")
    expect(bob.locator("h1")).to_contain_text("Permission denied")
    expect(bob.locator("nav")).not_to_contain_text("Admin")

    analyst = signed_in(browser, live_server, "ana@agency-a.test")
    analyst.goto("/releases")
    analyst.select_option("#request-release select[name=dataset]", "a-leads")
    analyst.select_option("#request-release select[name=group]", "ab")
    analyst.click("#request-release button[type=submit]")
    row = analyst.locator("#releases tbody tr").first
    expect(row.locator(".status")).to_have_text("requested")
    expect(row.get_by_role("button", name="Approve")).to_have_count(0)

    supervisor = signed_in(browser, live_server, "sam@agency-a.test")
    supervisor.goto("/releases")
    supervisor.get_by_role("button", name="Approve").click()
    expect(supervisor.locator("#releases .status").first).to_have_text("approved")

    bob.goto("/search?q=selim")
    expect(bob.locator("#total")).to_contain_text("1 entit")
    bob.click("text=Selim Achour")
    expect(bob.locator("h1")).to_contain_text("Selim Achour")


def test_a_user_uploads_two_reports_and_sees_where_they_disagree(
    page: Page, tmp_path: Path
) -> None:
    tab = page
    for name, text, dataset, grade in (
        ("first.txt", FIRST, "reports", "B2"),
        ("second.txt", SECOND, "reports-two", "C3"),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        tab.goto("/documents")
        tab.set_input_files("#upload-documents input[name=files]", str(path))
        tab.fill("#upload-documents input[name=dataset]", dataset)
        tab.fill("#upload-documents input[name=grade]", grade)
        tab.click("#upload-documents button[type=submit]")
        expect(tab.locator("#ingest-report")).to_contain_text("ingested", timeout=30_000)
    tab.goto("/events")
    flags = tab.locator("a.disagree-flag")
    expect(flags).to_have_count(2)
    flags.first.click()
    section = tab.locator("#disagreements")
    expect(section).to_contain_text("date of the attack")
    expect(section).to_contain_text("officer count in the attack")
    for expected in ("2024-03-14", "2024-03-16", "first.txt", "second.txt", "B2", "C3"):
        expect(section.locator(".disagreement[data-kind=date]")).to_contain_text(expected)
    section.locator("a.claim-source:text('second.txt')").first.click()
    expect(tab.locator("h1")).to_contain_text("second.txt")
    expect(tab.locator("#disagreements")).to_contain_text("first.txt")
    tab.goto("/entities/o-dunes")
    expect(tab.locator("#disagreements .disagreement")).to_have_count(2)
