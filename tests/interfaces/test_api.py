from pathlib import Path

import orjson
import pytest
from fastapi.testclient import TestClient

from tansiq.domain.principal import Principal
from tansiq.services import Tansiq
from tests.factories import WORLD, load


@pytest.fixture
def world(app: Tansiq, admin: Principal, tmp_path: Path) -> None:
    load(app, admin, tmp_path, "watchlist", WORLD, marking="TLP:AMBER", grade="B2")


def test_an_entity_comes_with_statements_and_relations(world: None, client: TestClient) -> None:
    res = client.get("/api/v1/entities/p-amina")
    assert res.status_code == 200
    data = res.json()
    assert data["caption"] == "Amina Tidrani"
    assert "Amina Tidrany" in data["properties"]["alias"]
    assert {r["entity"]["id"] for r in data["relations"]} == {"o-dunes", "pp-1"}
    statements = client.get("/api/v1/entities/p-amina/statements").json()
    assert len(statements) == 7
    assert {(s["marking"], s["grade"], s["dataset"]) for s in statements} == {
        ("TLP:AMBER", "B2", "watchlist")
    }


def test_search_answers_with_results_and_facets(world: None, client: TestClient) -> None:
    data = client.get("/api/v1/search", params={"q": "amina", "schema": "Person"}).json()
    assert data["total"] == 1
    assert data["results"][0]["id"] == "p-amina"
    assert data["facets"]["dataset"] == {"watchlist": 1}


def test_datasets_list_their_size_and_default_marking(world: None, client: TestClient) -> None:
    [ds] = client.get("/api/v1/datasets").json()
    assert (ds["name"], ds["tlp"], ds["grade"], ds["entity_count"]) == (
        "watchlist",
        "TLP:AMBER",
        "B2",
        5,
    )
    assert client.get("/api/v1/datasets/watchlist").json()["statement_count"] == 22


def test_export_streams_ftm_json_lines(world: None, client: TestClient) -> None:
    res = client.get("/api/v1/export", params={"dataset": "watchlist"})
    assert res.headers["content-type"] == "application/x-ndjson"
    lines = [orjson.loads(x) for x in res.content.splitlines()]
    assert sorted(x["id"] for x in lines) == ["m-1", "o-dunes", "p-amina", "p-yassin", "pp-1"]


@pytest.mark.parametrize(
    ("url", "status", "detail"),
    [
        ("/api/v1/entities/nobody", 404, "no entity 'nobody'"),
        ("/api/v1/datasets/nothing", 404, "no dataset called 'nothing'"),
        ("/api/v1/export?dataset=nothing", 404, "no dataset called 'nothing'"),
        ("/api/v1/search?limit=0", 422, "query.limit"),
        ("/api/v1/search?limit=abc", 422, "query.limit"),
        ("/api/v1/search?q=" + "x" * 501, 422, "query.q"),
        ("/api/v1/nowhere", 404, "Not Found"),
    ],
)
def test_client_mistakes_get_problem_details_never_500(
    world: None, client: TestClient, url: str, status: int, detail: str
) -> None:
    res = client.get(url)
    assert res.status_code == status
    assert res.headers["content-type"] == "application/problem+json"
    body = res.json()
    assert body["status"] == status and detail in body["detail"]


def test_the_api_is_described_by_openapi(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in [
        "/api/v1/search",
        "/api/v1/entities/{entity_id}",
        "/api/v1/entities/{entity_id}/statements",
        "/api/v1/datasets",
    ]:
        assert path in spec["paths"]
    assert client.get("/docs").status_code == 200
