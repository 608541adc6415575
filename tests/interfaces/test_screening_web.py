import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tansiq.domain.principal import Principal
from tansiq.services import Tansiq
from tests.screening_fixtures import PNRGOV, load_watchlist


@pytest.fixture
def watchlist(app: Tansiq, admin: Principal, tmp_path: Path) -> None:
    load_watchlist(app, admin, tmp_path)


def test_the_screen_page_offers_datasets_and_says_no_one_is_flagged_by_the_machine(
    watchlist: None, client: TestClient
) -> None:
    html = client.get("/screen").text
    assert 'name="against" value="watchlist"' in html
    assert "nobody is flagged by the machine" in html


def test_screening_a_person_leads_to_the_alert_and_a_decision(
    watchlist: None, client: TestClient
) -> None:
    res = client.post("/screen/person", data={"name": "Amina Tidrany", "against": "watchlist"})
    assert res.status_code == 200 and "/screenings/" in str(res.url)
    assert "1</strong> alert for review" in res.text
    alert_url = res.text.split('href="/alerts/', 1)[1].split('"', 1)[0]
    page = client.get(f"/alerts/{alert_url}").text
    assert "Amina Tidrani" in page and "ZX1234567" in page and "Why this score" in page
    decided = client.post(
        f"/alerts/{alert_url}/decision", data={"decision": "match", "reason": "Same passport"}
    )
    assert decided.status_code == 200 and "Same passport" in decided.text
    entity = client.get("/entities/p-amina").text
    assert "Screening alerts" in entity and "status-match" in entity


def test_a_decision_without_reason_is_refused_on_the_page(
    watchlist: None, client: TestClient
) -> None:
    client.post("/screen/person", data={"name": "Amina Tidrany", "against": "watchlist"})
    alert_id = client.get("/api/v1/alerts").json()["alerts"][0]["id"]
    res = client.post(f"/alerts/{alert_id}/decision", data={"decision": "match", "reason": ""})
    assert res.status_code == 422 and "needs a reason" in res.text


def test_a_pnrgov_push_uploaded_on_the_page_is_screened(
    watchlist: None, client: TestClient
) -> None:
    assert "IATA PNRGOV" in client.get("/screen").text
    res = client.post(
        "/screenings",
        files={"file": ("push.edi", PNRGOV.read_bytes())},
        data={"against": "watchlist"},
    )
    screening_id = str(res.url).rsplit("/", 1)[1]
    deadline = time.monotonic() + 60
    while client.get(f"/api/v1/screenings/{screening_id}").json()["status"] == "running":
        assert time.monotonic() < deadline, "screening did not finish"
        time.sleep(0.1)
    html = client.get(f"/screenings/{screening_id}").text
    assert "ABDELKARIM ZERHOUNI BELLAOUI" in html and "Abdelkarim Zerhouni-Bellaoui" in html
    assert "HELGA" not in html
