from __future__ import annotations

from datetime import date

import pytest

from tansiq.extract.dates import find_dates

REF = date(2023, 3, 1)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("on February 21, when", "2023-02-21"),
        ("le 3 février 2021 à Tessaoua", "2021-02-03"),
        ("In December 2018, the", "2018-12"),
        ("since 2002 and", "2002"),
        ("depuis 2015", "2015"),
        ("he said Tuesday", "2023-02-28"),
        ("hier soir", "2023-02-28"),
        ("in late August", "2022-08"),
        ("l'année dernière", "2022"),
    ],
)
def test_it_normalises_absolute_and_relative_dates(text: str, value: str) -> None:
    assert [d.value for d in find_dates(text, REF)] == [value]


def test_relative_dates_need_an_article_date() -> None:
    assert [d.value for d in find_dates("yesterday", None)] == [None]
