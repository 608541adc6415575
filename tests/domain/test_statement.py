from hypothesis import given
from hypothesis import strategies as st

from tansiq.domain.statement import Provenance, make_statement_id

text = st.text(min_size=1, max_size=30)


@given(text, text, text, text)
def test_statement_ids_are_deterministic(dataset: str, entity: str, prop: str, value: str) -> None:
    first = make_statement_id(dataset, entity, prop, value)
    assert first == make_statement_id(dataset, entity, prop, value)
    assert len(first) == 40


@given(text, text)
def test_different_values_make_different_statements(a: str, b: str) -> None:
    if a != b:
        assert make_statement_id("d", "e", "name", a) != make_statement_id("d", "e", "name", b)


def test_the_same_value_from_another_dataset_or_place_is_another_statement() -> None:
    base = make_statement_id("list-a", "p1", "name", "Amina")
    assert base != make_statement_id("list-b", "p1", "name", "Amina")
    assert base != make_statement_id("list-a", "p1", "name", "Amina", "ara")
    here = make_statement_id("list-a", "p1", "name", "Amina", None, Provenance("doc1", 10, 15))
    there = make_statement_id("list-a", "p1", "name", "Amina", None, Provenance("doc1", 40, 45))
    assert base != here != there
