import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tansiq.domain.principal import Principal
from tansiq.services import Tansiq
from tests.screening_fixtures import MANIFEST, PNRGOV, PNRGOV_PLANTED, load_watchlist


@pytest.fixture
def watchlist(app: Tansiq, admin: Principal, tmp_path: Path) -> None:
    load_watchlist(app, admin, tmp_path)


def _wait(client: TestClient, url: str) -> dict:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        body = client.get(url).json()
        if body["status"] != "running":
            return body
        time.sleep(0.1)
    raise AssertionError("screening did not finish")


def test_a_manifest_upload_is_a_job_with_progress_and_alerts(
    watchlist: None, client: TestClient
) -> None:
    res = client.post(
        "/api/v1/screenings",
        files={"file": ("flight.csv", MANIFEST.encode())},
        data={"against": ["watchlist"]},
    )
    assert res.status_code == 202
    url = res.headers["location"]
    body = _wait(client, url)
    assert body["status"] == "done" and (body["total"], body["processed"]) == (5, 5)
    assert body["source"] == "flight.csv"
    assert {a["traveller"]["reference"] for a in body["alerts"]} == {"PAX-1", "PAX-3", "PAX-5"}
    assert body["alerts"][0]["entry"]["caption"]


def test_a_pnrgov_upload_is_screened_traveller_by_traveller(
    watchlist: None, client: TestClient
) -> None:
    res = client.post(
        "/api/v1/screenings",
        files={"file": ("push.edi", PNRGOV.read_bytes())},
        data={"against": ["watchlist"]},
    )
    body = _wait(client, res.headers["location"])
    assert body["status"] == "done" and body["total"] == 4
    assert [a["traveller"]["reference"] for a in body["alerts"]] == [PNRGOV_PLANTED]


def test_one_person_is_screened_and_decided_through_the_api(
    watchlist: None, client: TestClient
) -> None:
    res = client.post(
        "/api/v1/screen",
        json={"name": "Amina Tidrany", "birth_date": "1984", "against": ["watchlist"]},
    )
    assert res.status_code == 200, res.text
    [alert] = res.json()["alerts"]
    assert alert["entity_id"] == "p-amina"
    queue = client.get("/api/v1/alerts", params={"status": "open"}).json()
    assert [a["id"] for a in queue["alerts"]] == [alert["id"]]
    decided = client.post(
        f"/api/v1/alerts/{alert['id']}/decision",
        json={"decision": "no_match", "reason": "Different mother's name"},
    )
    assert decided.status_code == 200
    assert decided.json()["status"] == "no_match"
    assert decided.json()["history"][0]["reason"] == "Different mother's name"
    again = client.post(
        "/api/v1/screen",
        json={"name": "Amina Tidrany", "birth_date": "1984", "against": ["watchlist"]},
    ).json()
    assert again["alerts"] == [] and again["suppressed"] == 1


@pytest.mark.parametrize(
    ("method", "url", "kwargs", "status"),
    [
        ("post", "/api/v1/screen", {"json": {"name": "X", "against": ["nowhere"]}}, 404),
        ("post", "/api/v1/screen", {"json": {"name": "", "against": ["watchlist"]}}, 422),
        (
            "post",
            "/api/v1/screen",
            {"json": {"name": "X", "birth_date": "1990-13-45", "against": ["watchlist"]}},
            422,
        ),
        ("post", "/api/v1/screenings", {"data": {"against": ["watchlist"]}}, 422),
        (
            "post",
            "/api/v1/screenings",
            {"files": {"file": ("a.csv", b"")}, "data": {"against": ["watchlist"]}},
            422,
        ),
        ("get", "/api/v1/alerts/nothing", {}, 404),
        ("get", "/api/v1/alerts?status=maybe", {}, 422),
        (
            "post",
            "/api/v1/alerts/nothing/decision",
            {"json": {"decision": "match", "reason": "x"}},
            404,
        ),
        ("get", "/api/v1/screenings/nothing", {}, 404),
    ],
)
def test_screening_mistakes_get_problem_details(
    watchlist: None, client: TestClient, method: str, url: str, kwargs: dict, status: int
) -> None:
    res = getattr(client, method)(url, **kwargs)
    assert res.status_code == status, res.text
    assert res.headers["content-type"] == "application/problem+json"


def test_an_edifact_upload_of_an_unknown_type_fails_the_job_with_a_reason(
    watchlist: None, client: TestClient
) -> None:
    res = client.post(
        "/api/v1/screenings",
        files={"file": ("x.edi", b"UNB+UNOA:4+X'UNH+1+CUSRES:D:05B:UN'")},
        data={"against": ["watchlist"]},
    )
    body = _wait(client, res.headers["location"])
    assert body["status"] == "failed" and "unknown EDIFACT message type" in body["error"]
