"""What a date or a count allows, whether claims can all be true, and the sentence of a span."""

from __future__ import annotations

from datetime import date

import pytest

from tansiq.extract.to_entities import FigureClaim
from tansiq.services.claim_values import (
    consistent,
    date_interval,
    disjoint,
    gap_days,
    sentence_bounds,
)


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2024-03-14", date(2024, 3, 14), date(2024, 3, 14)),
    ],
)
def test_a_date_is_the_interval_it_names(value: str, first: date, last: date) -> None:
    assert date_interval(value) == (first, last)


@pytest.mark.parametrize("value", ["", "March", "2024-13", "2024-02-30", "1-2-3-4"])
def test_an_unreadable_date_is_no_interval(value: str) -> None:
    assert date_interval(value) is None


def test_dates_disagree_only_when_no_day_can_be_both() -> None:
    day, next_day = date_interval("2024-03-14"), date_interval("2024-03-15")
    month = date_interval("2024-03")
    assert day and next_day and month
    assert disjoint(day, next_day) and gap_days(day, next_day) == 1
    assert not disjoint(day, month) and gap_days(month, day) == 0


def _count(value: float, qualifier: str | None = None) -> FigureClaim:
    return FigureClaim(value, qualifier, "officer", None)


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ([_count(7, "at least"), _count(9)], True),
        ([_count(7, "more than"), _count(7)], False),
        ([_count(7), _count(9)], False),
        ([_count(40, "about"), _count(42)], True),
        ([_count(40, "about"), _count(50)], False),
        ([_count(40, "nearly"), _count(38)], True),
        ([_count(40, "nearly"), _count(41)], False),
        ([_count(10, "up to"), _count(10, "at least")], True),
        ([_count(10, "less than"), _count(10, "at least")], False),
        ([_count(6, "at least"), _count(9, "at most"), _count(8)], True),
    ],
)
def test_counts_are_consistent_when_one_value_satisfies_every_qualifier(
    claims: list[FigureClaim], expected: bool
) -> None:
    assert consistent(claims) is expected


def test_the_sentence_around_a_figure() -> None:
    text = "First sentence. The bureau dismantled 12 cells since 2015. Last one\nnext line"
    start = text.index("12")
    left, right = sentence_bounds(text, start, start + 8)
    assert text[left:right] == "The bureau dismantled 12 cells since 2015."
    start = text.index("next")
    assert text[slice(*sentence_bounds(text, start, start + 4))] == "next line"
