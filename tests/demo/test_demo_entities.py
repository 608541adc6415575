from __future__ import annotations

import re
from collections import Counter
from typing import Any

from followthemoney import model

from tansiq.demo import DemoWorld

ARABIC = re.compile(r"[\u0600-\u06ff]")


def test_every_entity_is_valid_ftm(world: DemoWorld) -> None:
    for ds in world.datasets:
        for data in ds.entities:
            assert set(data) == {"id", "schema", "properties"}
            proxy = model.get_proxy(data, cleaned=False)
            assert proxy.to_dict()["properties"] == data["properties"], data
            assert data["properties"], data


def test_entity_ids_are_unique_and_prefixed_with_their_dataset(world: DemoWorld) -> None:
    ids = [e["id"] for ds in world.datasets for e in ds.entities]
    assert len(ids) == len(set(ids))
    for ds in world.datasets:
        assert all(e["id"].startswith(f"{ds.name}-") for e in ds.entities)


def test_every_entity_reference_points_into_the_world(
    world: DemoWorld, entities: dict[str, dict[str, Any]]
) -> None:
    for entity in entities.values():
        schema = model.get(entity["schema"])
        assert schema is not None
        for name, values in entity["properties"].items():
            prop = schema.get(name)
            if prop is not None and prop.type.name == "entity":
                for value in values:
                    assert value in entities, (entity["id"], name, value)
                    target = model.get(entities[value]["schema"])
                    assert target is not None and prop.range is not None
                    assert target.is_a(prop.range)


def test_watchlist_persons_have_arabic_aliases(persons: list[dict[str, Any]]) -> None:
    with_arabic = [p for p in persons if any(ARABIC.search(a) for a in p["properties"]["alias"])]
    assert len(with_arabic) >= 0.8 * len(persons)


def test_watchlist_persons_have_several_latin_spelling_variants(
    persons: list[dict[str, Any]],
) -> None:
    for person in persons:
        props = person["properties"]
        latin = [a for a in props["alias"] if not ARABIC.search(a)]
        assert latin, props["name"]
        assert all(a != props["name"][0] for a in latin)
    rich = [p for p in persons if len(p["properties"]["alias"]) >= 3]
    assert len(rich) >= 0.7 * len(persons)


def test_common_romanisation_variants_appear(persons: list[dict[str, Any]]) -> None:
    aliases = " | ".join(a for p in persons for a in p["properties"]["alias"])
    for variant in ("Mohamed", "Muhammad", "Abdul", "Abd al-", "Al-", "Ben "):
        assert variant in aliases, variant


def test_watchlist_persons_have_full_birth_data(persons: list[dict[str, Any]]) -> None:
    dates = [p["properties"]["birthDate"][0] for p in persons]
    year_only = [d for d in dates if len(d) == 4]
    assert 0 < len(year_only) < 0.3 * len(dates)
    assert all(len(d) in (4, 10) for d in dates)
    for person in persons:
        props = person["properties"]
        for prop in ("firstName", "lastName", "gender", "birthPlace", "nationality"):
            assert props.get(prop), (props["name"], prop)


def test_watchlist_nationalities_vary_widely(persons: list[dict[str, Any]]) -> None:
    nationalities = Counter(n for p in persons for n in p["properties"]["nationality"])
    assert len(nationalities) >= 12
    assert {"ma", "dz", "tn", "ml", "ne", "fr", "be", "es", "sn", "ng"} <= set(nationalities)


def test_most_persons_hold_a_passport(world: DemoWorld, persons: list[dict[str, Any]]) -> None:
    entities = world.dataset("demo-watchlist").entities
    holders = {e["properties"]["holder"][0] for e in entities if e["schema"] == "Passport"}
    assert len(holders) >= 0.8 * len(persons)
    numbers = [e["properties"]["number"][0] for e in entities if e["schema"] == "Passport"]
    assert len(numbers) == len(set(numbers))


def test_every_watchlist_entry_is_sanctioned(world: DemoWorld) -> None:
    entities = world.dataset("demo-watchlist").entities
    listed = {e["id"] for e in entities if e["schema"] in ("Person", "Organization")}
    sanctions = [e for e in entities if e["schema"] == "Sanction"]
    assert {s["properties"]["entity"][0] for s in sanctions} == listed
    assert all(s["properties"]["authority"] == ["Demo Joint Watchlist"] for s in sanctions)


def test_groups_have_memberships_of_watchlist_persons(
    world: DemoWorld, entities: dict[str, dict[str, Any]]
) -> None:
    groups = world.dataset("demo-groups").entities
    memberships = [e for e in groups if e["schema"] == "Membership"]
    members = {m["properties"]["member"][0] for m in memberships}
    assert len(members) == 40
    assert all(entities[m]["id"].startswith("demo-watchlist-") for m in members)
    orgs = {m["properties"]["organization"][0] for m in memberships}
    assert len(orgs) == 6
    for org in (e for e in groups if e["schema"] == "Organization"):
        aliases = org["properties"]["alias"]
        assert any(ARABIC.search(a) for a in aliases)
