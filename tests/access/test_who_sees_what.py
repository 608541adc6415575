"""The table of who sees what, through every read path of the API, for every persona."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from fastapi.testclient import TestClient

from tansiq.services import Tansiq
from tansiq.services.auth import principal_by_email
from tansiq.services.sharing import decide_release, list_releases
from tests import personas
from tests.access.world import DATASETS, PERSONAS, YES, World, build, person_id


@pytest.fixture
def world(app: Tansiq, tmp_path: Path) -> World:
    return build(app, tmp_path)


def _as(http: TestClient, app: Tansiq, email: str) -> TestClient:
    http.headers["Authorization"] = f"Bearer {personas.token_for(app, email)}"
    return http


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_each_persona_sees_exactly_what_markings_and_releases_allow(
    persona: str, world: World, app: Tansiq, anonymous: TestClient
) -> None:
    http = _as(anonymous, app, world.emails[persona])
    expected = YES[persona]
    if not expected:  # the auditor reads the audit trail, not the data
        for path in ("/api/v1/search?q=zarif", f"/api/v1/entities/{person_id('a-clear')}"):
            assert http.get(path).status_code == 403
        assert http.get("/api/v1/audit").status_code == 200
        return
    entity_codes = {
        name: http.get(f"/api/v1/entities/{person_id(name)}").status_code for name in DATASETS
    }
    assert entity_codes == {name: 200 if name in expected else 404 for name in DATASETS}

    found = http.get("/api/v1/search", params={"q": "zarif oulmane", "limit": 50}).json()
    assert {h["id"] for h in found["results"]} == {person_id(n) for n in expected}
    assert found["total"] == len(expected)
    assert sum(found["facets"]["dataset"].values()) == len(expected)

    listed = {d["name"]: d["statement_count"] for d in http.get("/api/v1/datasets").json()}
    assert {n for n, count in listed.items() if count} == expected

    exported = http.get("/api/v1/export").text.splitlines()
    ids = {orjson.loads(line)["id"] for line in exported}
    assert {person_id(n) for n in DATASETS} & ids == {person_id(n) for n in expected}

    for name in DATASETS:
        statements = http.get(f"/api/v1/entities/{person_id(name)}/statements")
        assert (statements.status_code == 200) == (name in expected)

    green = http.get(f"/api/v1/entities/{person_id('a-green')}").json()
    linked = {r["entity"]["id"] for r in green["relations"]}
    assert ("o-cell" in linked) is ("a-red" in expected)  # graph edges go through the gate too


@pytest.mark.parametrize(
    ("persona", "passport"),
    [("analyst_a", True), ("analyst_b", False), ("airline_d", True), ("liaison_c", False)],
)
def test_an_entity_is_built_only_from_the_statements_the_reader_may_see(
    persona: str, passport: bool, world: World, app: Tansiq, anonymous: TestClient
) -> None:
    http = _as(anonymous, app, world.emails[persona])
    entity = http.get("/api/v1/entities/p-shared").json()
    assert entity["properties"]["name"] == ["Nadir Ksentini"]
    assert ("passportNumber" in entity["properties"]) is passport
    markings = {s["marking"] for s in http.get("/api/v1/entities/p-shared/statements").json()}
    assert ("TLP:AMBER" in markings) is passport


def test_a_revoked_release_stops_sharing(world: World, app: Tansiq, anonymous: TestClient) -> None:
    http = _as(anonymous, app, world.emails["analyst_b"])
    assert http.get(f"/api/v1/entities/{person_id('a-amber')}").status_code == 200
    supervisor = principal_by_email(app, world.emails["supervisor_a"])
    release = next(r for r in list_releases(app, supervisor) if r.dataset == "a-amber")
    decide_release(app, supervisor, release.id, approve=False, reason="operation over")
    assert http.get(f"/api/v1/entities/{person_id('a-amber')}").status_code == 404
