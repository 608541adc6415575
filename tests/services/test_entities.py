from pathlib import Path

import pytest

from tansiq.domain.principal import Principal
from tansiq.exceptions import NotFound
from tansiq.services import Tansiq
from tansiq.services.entities import get_entity, view_dict
from tansiq.services.search import search
from tansiq.store.port import SearchQuery
from tests.factories import WORLD, e, load


@pytest.fixture
def world(app: Tansiq, admin: Principal, tmp_path: Path) -> None:
    load(app, admin, tmp_path, "watchlist", WORLD, marking="TLP:AMBER", grade="B2")
    news = [e("Person", "p-amina", name="Amina Tidrani", birthDate="1984")]
    load(app, admin, tmp_path, "news", news, marking="TLP:CLEAR", grade="C3")


def test_an_entity_merges_what_every_dataset_says(
    world: None, app: Tansiq, admin: Principal
) -> None:
    view = get_entity(app, admin, "p-amina")
    assert view.datasets == ["news", "watchlist"]
    assert sorted(view.entity.get("birthDate")) == ["1984", "1984-05-02"]
    by_dataset = {
        (s.dataset, s.value): (str(s.marking), str(s.grade))
        for s in view.statements
        if s.prop == "birthDate"
    }
    assert by_dataset == {
        ("news", "1984"): ("TLP:CLEAR", "C3"),
        ("watchlist", "1984-05-02"): ("TLP:AMBER", "B2"),
    }


def test_related_entities_include_memberships_and_documents(
    world: None, app: Tansiq, admin: Principal
) -> None:
    view = get_entity(app, admin, "p-amina")
    related = {(r.label, r.via.id if r.via else None, r.other.id) for r in view.relations}
    assert ("Membership", "m-1", "o-dunes") in related
    assert ("Passport", None, "pp-1") in related
    group = get_entity(app, admin, "o-dunes")
    assert [(r.via.id if r.via else None, r.other.id) for r in group.relations] == [
        ("m-1", "p-amina")
    ]


def test_an_unknown_entity_is_not_found(world: None, app: Tansiq, admin: Principal) -> None:
    with pytest.raises(NotFound):
        get_entity(app, admin, "p-nobody")


def test_the_json_twin_carries_statements_and_relations(
    world: None, app: Tansiq, admin: Principal
) -> None:
    data = view_dict(get_entity(app, admin, "pp-1"))
    assert data["caption"] == "ZX1234567"
    assert data["relations"][0]["entity"]["id"] == "p-amina"
    assert {s["prop"] for s in data["statements"]} == {"id", "holder", "number", "country"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("amina", ["p-amina"]),
        ("tidr", ["p-amina"]),
        ("AMÍNA tidrani", ["p-amina"]),
        ("التدراني", ["p-amina"]),
        ("ZX1234567", ["p-amina", "pp-1"]),
        ("southern dunes", ["o-dunes"]),
        ("amina oumezrou", []),
    ],
)
def test_search_finds_names_in_any_script_and_identifiers(
    world: None, app: Tansiq, admin: Principal, text: str, expected: list[str]
) -> None:
    result = search(app, admin, SearchQuery(text))
    assert sorted(h.entity.id for h in result.hits) == expected
    assert result.total == len(expected)


def test_search_facets_count_entities_and_filter(
    world: None, app: Tansiq, admin: Principal
) -> None:
    everything = search(app, admin, SearchQuery())
    assert everything.total == 5
    assert everything.facets["schema"] == {
        "Person": 2,
        "Membership": 1,
        "Organization": 1,
        "Passport": 1,
    }
    assert everything.facets["dataset"] == {"watchlist": 5, "news": 1}
    clear = search(app, admin, SearchQuery(tlps=("TLP:CLEAR",)))
    assert [h.entity.id for h in clear.hits] == ["p-amina"]
    people = search(app, admin, SearchQuery(schemata=("Person",), limit=1))
    assert (people.total, len(people.hits)) == (2, 1)
    assert people.facets["schema"]["Organization"] == 1  # other values of a facet stay visible
