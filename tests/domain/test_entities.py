import pytest
from followthemoney.types import registry
from hypothesis import given
from hypothesis import strategies as st

from tansiq.domain.entities import _clean, build_entity, entity_statements
from tansiq.domain.grading import Grade
from tansiq.domain.markings import TLP, Marking
from tansiq.domain.statement import BASE_PROP, StatementContext
from tansiq.exceptions import InvalidData
from tests.factories import e

CTX = StatementContext("list", "Agency A", Marking(TLP.AMBER), Grade("B", 2), "file.json", "2026")


def test_an_entity_becomes_one_statement_per_value_plus_its_id() -> None:
    stmts = list(entity_statements(e("Person", "p1", name=["A B", "C D"], birthDate="1980"), CTX))
    assert [(s.prop, s.value) for s in stmts] == [
        (BASE_PROP, "p1"),
        ("name", "A B"),
        ("name", "C D"),
        ("birthDate", "1980"),
    ]
    assert {(s.tlp, s.reliability, s.credibility, s.organisation) for s in stmts} == {
        (TLP.AMBER, "B", 2, "Agency A")
    }


def test_it_keeps_the_original_when_cleaning_changes_a_value() -> None:
    stmts = list(entity_statements(e("Person", "p1", nationality="Morocco"), CTX))
    assert (stmts[1].value, stmts[1].original_value) == ("ma", "Morocco")


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"id": "x", "schema": "Alien"}, "schema", "unknown schema 'Alien'"),
        ({"id": "x"}, "schema", "a schema name is required"),
        ({"schema": "Person"}, "id", "invalid entity id"),
        ({"id": "a b", "schema": "Person"}, "id", "invalid entity id"),
        (e("Person", "x", wingspan="3m"), "wingspan", "Person has no property 'wingspan'"),
        (e("Person", "x", birthDate="1980-13-45"), "birthDate", "invalid date '1980-13-45'"),
        (e("Person", "x", name={"first": "A"}), "name", "value must be text"),
    ],
)
def test_it_refuses_bad_entities_naming_the_field(data: dict, field: str, message: str) -> None:
    with pytest.raises(InvalidData, match=message) as info:
        list(entity_statements(data, CTX))
    assert info.value.field == field


def test_an_entity_is_built_back_from_its_statements() -> None:
    data = e("Person", "p1", name="Amina", alias=["أمينة"], birthDate="1984-05-02")
    stmts = list(entity_statements(data, CTX))
    entity = build_entity("p1", stmts)
    assert entity.to_dict()["properties"] == {k: sorted(v) for k, v in data["properties"].items()}


def test_retracted_statements_do_not_build_the_entity() -> None:
    stmts = list(entity_statements(e("Person", "p1", name=["Amina", "Wrong Name"]), CTX))
    stmts[2].retracted = True
    assert build_entity("p1", stmts).get("name") == ["Amina"]


def test_statements_of_related_schemata_build_the_more_specific_entity() -> None:
    legal = list(entity_statements(e("LegalEntity", "x1", name="Karim"), CTX))
    person = list(entity_statements(e("Person", "x1", birthDate="1970"), CTX))
    assert build_entity("x1", legal + person).schema.name == "Person"


@pytest.mark.parametrize("type_name", ["name", "string", "text", "date"])
@given(
    text=st.one_of(st.text(max_size=30), st.from_regex(r"\d{4}(-\d{2}(-\d{2})?)?", fullmatch=True))
)
def test_fast_cleaning_agrees_with_followthemoney(type_name: str, text: str) -> None:
    assert _clean(type_name, text) == registry.get(type_name).clean(text)
