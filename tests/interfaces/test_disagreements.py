"""Claims that disagree through the ASGI app: the API (disagreements, entity, event, events,
document) and the entity/event and timeline pages, for a reader who sees both reports and one
who sees only one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tansiq.domain.principal import Principal
from tansiq.interfaces.app import create_app
from tansiq.services import Tansiq
from tansiq.settings import Settings
from tests import personas
from tests.factories import WORLD, load
from tests.services.test_claims import FIRST, SECOND

Json = dict[str, Any]


def _upload(client: TestClient, name: str, text: str, marking: str, grade: str) -> str:
    res = client.post(
        "/api/v1/documents",
        files=[("files", (name, text.encode()))],
        data={"dataset": f"reports-{grade.lower()}", "marking": marking, "grade": grade},
    )
    assert res.status_code == 200, res.text
    [done] = res.json()["files"]
    assert done["status"] == "ingested"
    return str(done["document_id"])


@pytest.fixture
def reports(client: TestClient, app: Tansiq, admin: Principal, tmp_path: Path) -> dict[str, str]:
    load(app, admin, tmp_path, "watchlist", WORLD, marking="TLP:GREEN")
    return {
        "first": _upload(client, "first.txt", FIRST, "TLP:GREEN", "B2"),
        "second": _upload(client, "second.txt", SECOND, "TLP:AMBER", "C3"),
    }


def _by_kind(items: list[Json]) -> dict[str, Json]:
    return {item["kind"]: item for item in items}


def test_the_api_lists_each_disagreement_with_both_sources(
    reports: dict[str, str], client: TestClient
) -> None:
    found = _by_kind(client.get("/api/v1/disagreements").json())
    assert set(found) == {"date", "figure"}
    date = found["date"]
    claims = {c["document_id"]: c for c in date["claims"]}
    assert set(claims) == set(reports.values())
    first, second = claims[reports["first"]], claims[reports["second"]]
    assert (first["value"], first["grade"], first["document"]) == ("2024-03-14", "B2", "first.txt")
    assert (second["value"], second["grade"], second["document"]) == (
        "2024-03-16",
        "C3",
        "second.txt",
    )
    assert "14 March 2024" in first["sentence"] and first["span"][0] is not None
    assert date["entities"] == ["o-dunes"] and len(date["events"]) == 2
    toll = found["figure"]
    assert sorted(c["value"] for c in toll["claims"]) == [7, 9] and toll["unit"] == "officer"
    assert toll["consistent"] is True and date["consistent"] is False


def test_the_entity_event_document_and_events_endpoints_carry_the_disagreements(
    reports: dict[str, str], client: TestClient
) -> None:
    date = _by_kind(client.get("/api/v1/disagreements").json())["date"]
    group = client.get("/api/v1/entities/o-dunes").json()
    assert {d["kind"] for d in group["disagreements"]} == {"date", "figure"}
    for event_id in date["events"]:
        event = client.get(f"/api/v1/entities/{event_id}").json()
        assert date["id"] in {d["id"] for d in event["disagreements"]}
    document = client.get(f"/api/v1/documents/{reports['second']}").json()
    assert {d["kind"] for d in document["disagreements"]} == {"date", "figure"}
    events = {e["id"]: e for e in client.get("/api/v1/events").json()}
    assert {i for i, e in events.items() if e["disagreements"]} == set(date["events"])
    assert client.get("/api/v1/entities/p-amina").json()["disagreements"] == []


def test_the_event_page_and_the_timeline_show_both_sources(
    reports: dict[str, str], client: TestClient
) -> None:
    date = _by_kind(client.get("/api/v1/disagreements").json())["date"]
    for event_id in date["events"]:
        html = client.get(f"/entities/{event_id}").text
        assert 'id="disagreements"' in html and f'id="d-{date["id"]}"' in html
        for expected in ("first.txt", "second.txt", "2024-03-14", "2024-03-16", "B2", "C3"):
            assert expected in html
    entity = client.get("/entities/o-dunes").text
    assert 'id="disagreements"' in entity and "date of the attack" in entity
    timeline = client.get("/events").text
    assert timeline.count('class="disagree-flag"') == 2


def test_a_reader_who_cannot_see_one_report_sees_no_disagreement_over_http(
    reports: dict[str, str], app: Tansiq, settings: Settings
) -> None:
    email = "noor@partner-b.test"
    personas.user(app, email, "partner-b", "analyst")
    with TestClient(create_app(settings)) as http:
        personas.authenticated(http, app, email)
        assert http.get("/api/v1/disagreements").json() == []
        assert http.get("/api/v1/entities/o-dunes").json()["disagreements"] == []
        assert http.get(f"/api/v1/documents/{reports['first']}").json()["disagreements"] == []
        assert http.get(f"/api/v1/documents/{reports['second']}").status_code == 404
        events = http.get("/api/v1/events").json()
        assert len(events) == 1 and events[0]["disagreements"] == []
        assert 'id="disagreements"' not in http.get("/entities/o-dunes").text
