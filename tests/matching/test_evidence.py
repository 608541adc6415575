"""Birth date, document, gender and nationality evidence."""

from __future__ import annotations

import pytest

from tansiq.matching import compare

from .conftest import person

NAME = "Abdelhak El Khiabe"


def _score(query_props: dict[str, str], cand_props: dict[str, str]) -> float:
    return compare(person(NAME, **query_props), person(NAME, **cand_props)).score


DATE_ORDER = [
    ("1960-03-04", "1960-03-04"),  # exact
    ("1960-03-04", "1960"),  # year only
    ("1960-03-04", "1960-04-03"),  # day / month swapped
    ("1960-03-04", "1961-03-04"),  # year off by one
    (None, None),  # nothing known
    ("1960-03-04", "1975-03-04"),  # conflict
]


def test_birth_date_evidence_is_ordered() -> None:
    scores = []
    for query_date, cand_date in DATE_ORDER:
        query = {"birthDate": query_date} if query_date else {}
        cand = {"birthDate": cand_date} if cand_date else {}
        scores.append(_score(query, cand))
    assert scores == sorted(scores, reverse=True)
    assert scores[1] > scores[3]


@pytest.mark.parametrize("cand_date", ["1961-03-04", "1959", "1960-04-03"])
def test_near_birth_date_is_not_a_veto(cand_date: str) -> None:
    match = compare(person(NAME, birthDate="1960-03-04"), person(NAME, birthDate=cand_date))
    assert match.is_match, match.text


def test_year_off_by_one_for_treated_style_query() -> None:
    match = compare(
        person("Luckson Elan", birthDate="1989-01-06"),
        person("LUCKSON ELAN", birthDate="1988-01-06"),
    )
    assert match.is_match


def test_document_number_is_strong_evidence() -> None:
    weak_name = compare(person("A. Khiabe"), person("Abdelhak El Khiabe"))
    with_doc = compare(
        person("A. Khiabe", passportNumber="MA-1234567"),
        person("Abdelhak El Khiabe", passportNumber="ma1234567"),
    )
    assert with_doc.score >= weak_name.score + 0.3
    assert with_doc.is_match


def test_different_document_numbers_do_not_veto() -> None:
    match = compare(
        person(NAME, passportNumber="X1234567"), person(NAME, passportNumber="Y7654321")
    )
    assert match.is_match


def test_gender_conflict_lowers_score() -> None:
    assert _score({"gender": "male"}, {"gender": "female"}) < _score({"gender": "male"}, {})


def test_nationality_never_raises_score() -> None:
    for name_b in (NAME, "Pierre Dupont", "Khiabe"):
        base = compare(person(NAME), person(name_b)).score
        same = compare(person(NAME, nationality="ma"), person(name_b, nationality="ma")).score
        assert same <= base


def test_nationality_alone_does_not_match() -> None:
    match = compare(person("Pierre Dupont", nationality="ma"), person(NAME, nationality="ma"))
    assert not match.is_match
    assert match.score < 0.3


def test_nationality_disagreement_lowers_weakly() -> None:
    same = _score({"nationality": "ma"}, {"nationality": "ma"})
    other = _score({"nationality": "ma"}, {"nationality": "fr"})
    assert 0 < same - other <= 0.06
