"""Figures: numbers with their qualifier ('at least'), unit ('cell') and period ('since 2002')."""

from __future__ import annotations

import re
from typing import Any

from tansiq.extract.dates import DateSpan
from tansiq.extract.model import Figure, Span
from tansiq.extract.numbers import NumberSpan, find_numbers

QUALIFIERS = (
    "at least|at most|more than|over|less than|fewer than|nearly|almost|about|around|some|up to"
    "|approximately|roughly|an estimated|no fewer than|no less than|as many as|close to"
    "|au moins|plus de|près de|environ|moins de|quelque|jusqu'à|pas moins de|au total|quelques"
)
QUALIFIER = re.compile(rf"\b({QUALIFIERS})\s+$", re.IGNORECASE)
PART_OF = re.compile(r"\b(including|among them|of whom|of which|dont|parmi eux|parmi lesquels)\W*$")
PERIOD_WORDS = ("since", "in ", "during", "between", "depuis", "en ", "pendant", "this ", "cette ")
UNIT_POS = {"NOUN", "PROPN"}
MIN_WORD_FIGURE = 10
"""Below this, a number in words without a qualifier is prose, not a figure."""


def is_year(number: NumberSpan, text: str) -> bool:
    """A bare four-digit number between 1800 and 2100 is a year, not a figure."""
    raw = text[number.start : number.end]
    return raw.isdigit() and len(raw) == 4 and 1800 <= number.value <= 2100


def unit_token(doc: Any, number: NumberSpan) -> Any:
    """The noun a number counts, from the dependency parse ('2,009 terrorist cells' -> cells)."""
    span = doc.char_span(number.start, number.end, alignment_mode="expand")
    if span is None:
        return None
    token = span[-1]
    while token.dep_ in ("compound", "quantmod", "nmod") and token.head is not token:
        token = token.head
    head = token.head
    if token.dep_ == "nummod" and head.pos_ in UNIT_POS:
        return head
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in ("of", "de", "d'") and nxt.i + 1 < len(doc):
        nxt = doc[nxt.i + 1]
    if nxt is not None and nxt.pos_ in UNIT_POS:
        return nxt
    return None


def period_of(sentence: Span, number: NumberSpan, dates: list[DateSpan]) -> str | None:
    """The period a figure covers: 'since 2002' -> '2002/..', 'in 2021' -> '2021'."""
    inside = [d for d in dates if sentence.start <= d.start < sentence.end and d.value]
    periods = [d for d in inside if d.text.lower().startswith(PERIOD_WORDS)]
    if not periods:
        return None
    after = [d for d in periods if d.start >= number.end]
    chosen = after[0] if after else periods[-1]
    open_ended = chosen.text.lower().startswith(("since", "depuis"))
    return f"{chosen.value}/.." if open_ended else chosen.value


def find_figures(
    doc: Any, text: str, sentences: list[Span], dates: list[DateSpan], lang: str
) -> list[Figure]:
    """Figures in a parsed document: numbers that count something, outside dates and years."""
    figures: list[Figure] = []
    for number in find_numbers(text, lang):
        if is_year(number, text) or any(d.start <= number.start < d.end for d in dates):
            continue
        sentence = next((s for s in sentences if s.start <= number.start < s.end), None)
        if sentence is None:
            continue
        figure = _figure(doc, text, number, sentence, dates, figures)
        if figure is not None:
            figures.append(figure)
    return figures


def _figure(
    doc: Any,
    text: str,
    number: NumberSpan,
    sentence: Span,
    dates: list[DateSpan],
    previous: list[Figure],
) -> Figure | None:
    before = text[max(sentence.start, number.start - 40) : number.start]
    qualifier = QUALIFIER.search(before)
    unit = unit_token(doc, number)
    if (unit is None or (number.words and number.value < MIN_WORD_FIGURE)) and qualifier is None:
        return None
    start = number.start - len(qualifier.group(0)) if qualifier else number.start
    end = unit.idx + len(unit.text) if unit is not None and unit.idx > number.start else number.end
    parent = None
    if PART_OF.search(before.lower()) and previous and previous[-1].sentence == sentence:
        parent = previous[-1].text
    return Figure(
        value=number.value,
        text=text[start:end],
        start=start,
        end=end,
        sentence=sentence,
        qualifier=qualifier.group(1).lower() if qualifier else None,
        unit=unit.lemma_.lower() if unit is not None else None,
        period=period_of(sentence, number, dates),
        of=parent,
    )
