from __future__ import annotations

import pytest

from tansiq.extract.numbers import find_numbers, parse_words


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("over 2,009 cells", "en", 2009),
        ("2 009 cellules", "fr", 2009),
        ("2.009 cellules", "fr", 2009),
        ("fifty-five men", "en", 55),
        ("two hundred and five", "en", 205),
        ("cinquante-cinq personnes", "fr", 55),
        ("quatre-vingt-dix", "fr", 90),
        ("soixante-dix-sept", "fr", 77),
        ("1.5 million dollars", "en", 1_500_000),
        ("2,5 tonnes", "fr", 2.5),
    ],
)
def test_it_reads_numbers_in_digits_and_words(text: str, lang: str, value: float) -> None:
    assert [n.value for n in find_numbers(text, lang)] == [value]


def test_it_ignores_numbers_glued_to_words_and_articles() -> None:
    assert find_numbers("COVID-19, 2M, a 34-year-old and une femme", "fr") == []


def test_it_rejects_words_that_are_not_numbers() -> None:
    assert parse_words("fifty cats") is None
