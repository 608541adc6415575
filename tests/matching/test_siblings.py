"""Siblings, parents and namesakes who share most of a long name (fictional names)."""

from __future__ import annotations

from typing import Any

from followthemoney import model

from tansiq.matching import compare
from tansiq.matching.names import given_conflict, name_similarity
from tansiq.matching.tokens import name_tokens

from .conftest import person

FAMILY = "Talmund Orvayi Kessan"
"""The family part (father, grandfather, family name) that siblings share."""


def _name_detail(query: Any, cand: Any) -> str:
    return compare(query, cand).explanation[0].detail


def test_sibling_with_another_given_name_is_not_a_match() -> None:
    bashir = person(f"Bashir {FAMILY}", birthDate="1970-07-17")
    dalia = person(f"Dalia {FAMILY}", birthDate="1970")
    match = compare(bashir, dalia)
    assert not match.is_match, match.text
    assert "same place: bashir / dalia" in match.explanation[0].detail


def test_sibling_given_name_paired_weakly_is_still_another_name() -> None:
    # Omar~Ayman pair weakly through their folded keys; their spellings are unlike
    match = compare(person(f"Omar {FAMILY}"), person(f"Ayman {FAMILY}"))
    assert not match.is_match, match.text
    assert "same place: omar / ayman" in match.explanation[0].detail


def test_garbled_given_name_is_no_sibling() -> None:
    # a transposition typo keeps most of the spelling: the same person
    match = compare(person(f"Bardu {FAMILY}"), person(f"Badru {FAMILY}"))
    assert match.is_match, match.text
    assert "same place" not in match.explanation[0].detail


def test_initial_or_short_form_is_no_sibling() -> None:
    assert "same place" not in _name_detail(person(f"T {FAMILY}"), person(f"Tamsin {FAMILY}"))
    assert "same place" not in _name_detail(person(f"Tam {FAMILY}"), person(f"Tamsin {FAMILY}"))


def test_another_name_in_the_same_middle_place_is_not_a_match() -> None:
    match = compare(person("Nadir Qorvesh Halloran"), person("Nadir Belmiro Halloran"))
    assert not match.is_match, match.text
    assert "same place: qorvesh / belmiro" in match.explanation[0].detail


def test_missing_or_reordered_names_are_no_conflict() -> None:
    # a dropped given name and a listing that starts with the family name
    assert compare(person(FAMILY), person(f"Bashir {FAMILY}")).is_match
    assert compare(person("Orvayi Kessan Bashir"), person(f"Bashir {FAMILY}")).is_match


def test_first_name_property_is_the_given_name() -> None:
    parts = model.make_entity("Person")
    parts.id = "parts-dalia"
    parts.add("firstName", "Dalia")
    parts.add("fatherName", "Talmund Orvayi")
    parts.add("lastName", "Kessan")
    match = compare(person(f"Bashir {FAMILY}"), parts)
    assert not match.is_match, match.text
    assert compare(person(f"Dalia {FAMILY}"), parts).is_match


def test_arabic_letters_have_no_spelling_to_compare() -> None:
    query, cand = name_tokens("زرفلان بوكتار"), name_tokens("Quennel Bukatar")
    assert not query[0].vowelled
    pairs = [(1, 1, 0.97)]
    assert given_conflict(query, cand, pairs) is None
    assert given_conflict(name_tokens("Zaraf Bukatar"), cand, pairs) == ("zaraf", "quennel")


def test_conflict_only_lowers_the_name_score() -> None:
    same = name_similarity(name_tokens(f"Bashir {FAMILY}"), name_tokens(f"Bashir {FAMILY}"))
    other = name_similarity(name_tokens(f"Bashir {FAMILY}"), name_tokens(f"Dalia {FAMILY}"))
    assert other.given == ("bashir", "dalia")
    assert 0 < other.score < 0.75 * same.score


def test_parent_a_generation_older_is_not_a_match() -> None:
    father = person(FAMILY, birthDate="1947")
    son = person(f"Bashir {FAMILY}", birthDate="1970-07-17")
    match = compare(son, father)
    assert not match.is_match, match.text
    # the same names with a birth year one off remain a match
    assert compare(person(FAMILY, birthDate="1969"), son).is_match


def test_a_decade_apart_keeps_the_whole_conflict_after_a_long_name() -> None:
    def date_weight(query_date: str, cand_date: str) -> float:
        match = compare(
            person(f"Bashir Brisco {FAMILY}", birthDate=query_date),
            person(f"Brisco {FAMILY}", birthDate=cand_date),
        )
        return next(r.weight for r in match.explanation if r.name == "birth_date")

    assert date_weight("1970", "1958") > 1.9 * date_weight("1970", "1964")
    # the same day and month years apart may be a typo: still weighed as one
    typo = date_weight("1970-03-25", "1980-03-25")
    assert typo < date_weight("1970-03-25", "1980-06-11")
