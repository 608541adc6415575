from __future__ import annotations

import csv
import io
from typing import Any

from tansiq.demo import DemoWorld
from tansiq.demo.variants import fold

HEADER = [
    "id",
    "full_name",
    "first_name",
    "middle_name",
    "last_name",
    "gender",
    "date_of_birth",
    "place_of_birth",
    "nationality",
    "document_number",
    "flight",
    "departure",
    "arrival",
    "date",
]


def _rows(world: DemoWorld) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(world.manifest_csv)))


def test_manifest_has_the_expected_header_and_about_500_rows(world: DemoWorld) -> None:
    assert world.manifest_csv.splitlines()[0].split(",") == HEADER
    rows = _rows(world)
    assert len(rows) == 500
    assert [r["id"] for r in rows] == [f"PAX-{n:04d}" for n in range(1, 501)]
    assert all(len(r["date_of_birth"]) == 10 for r in rows)
    assert len({r["nationality"] for r in rows}) >= 15


def test_manifest_contains_known_watchlist_hits(
    world: DemoWorld, entities: dict[str, dict[str, Any]]
) -> None:
    rows = {r["id"]: r for r in _rows(world)}
    assert len(world.manifest_hits) == 15
    for hit in world.manifest_hits:
        row, person = rows[hit.pax_id], entities[hit.entity_id]["properties"]
        assert entities[hit.entity_id]["schema"] == "Person"
        assert fold(row["full_name"]) != fold(person["name"][0]), hit
        year_gap = abs(int(row["date_of_birth"][:4]) - int(person["birthDate"][0][:4]))
        assert year_gap == (1 if "off_by_one" in hit.variation else 0), hit
        if "passport" in hit.variation:
            assert row["document_number"] in person["passportNumber"], hit


def test_manifest_hits_cover_every_kind_of_variation(world: DemoWorld) -> None:
    kinds = {h.variation for h in world.manifest_hits}
    assert {
        "spelling",
        "spelling+passport",
        "birth_year_off_by_one",
        "swapped_names",
        "year_only_dob",
    } <= kinds


def test_clean_travellers_do_not_share_a_surname_with_the_watchlist(
    world: DemoWorld, persons: list[dict[str, Any]]
) -> None:
    hit_ids = {h.pax_id for h in world.manifest_hits}
    listed = {fold(n) for p in persons for n in p["properties"]["lastName"]}
    for row in _rows(world):
        if row["id"] not in hit_ids:
            assert fold(row["last_name"]) not in listed, row
            assert fold(row["full_name"]) not in listed


def test_clean_travellers_do_not_reuse_watchlist_passports(
    world: DemoWorld, persons: list[dict[str, Any]]
) -> None:
    hit_ids = {h.pax_id for h in world.manifest_hits}
    numbers = {n for p in persons for n in p["properties"].get("passportNumber", [])}
    clean = [r for r in _rows(world) if r["id"] not in hit_ids]
    assert not {r["document_number"] for r in clean} & numbers
