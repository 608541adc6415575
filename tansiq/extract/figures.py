"""Figures: numbers with their qualifier ('at least'), unit ('cell') and period ('since 2002')."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from tansiq.extract.dates import YEAR, DateSpan
from tansiq.extract.model import Figure, Span
from tansiq.extract.numbers import NumberSpan, find_numbers, parse_digits, parse_words

QUALIFIERS = (
    "at least|at most|more than|over|less than|fewer than|nearly|almost|about|around|some|up to"
    "|approximately|roughly|an estimated|no fewer than|no less than|as many as|close to"
    "|au moins|plus de|près de|environ|moins de|quelque|jusqu'à|pas moins de|au total|quelques"
)
QUALIFIER = re.compile(rf"\b({QUALIFIERS})\s+$", re.IGNORECASE)
PART_OF = re.compile(r"\b(including|among them|of whom|of which|dont|parmi eux|parmi lesquels)\W*$")
PERIOD_WORDS = {"since", "in", "during", "throughout", "over", "depuis", "dès", "en", "pendant"}
PERIOD_WORDS |= {"this", "last", "past", "cette", "l'année", "l’année", "l'an", "l’an"}
OPEN_ENDED = {"since", "depuis", "dès"}
PERIOD_RANGE = re.compile(
    rf"\b(?:between|from|entre|de)\s+{YEAR}\s*(?:and|to|until|through|-|–|et|à|au)\s*{YEAR}\b",
    re.IGNORECASE,
)
PAST_YEARS = re.compile(
    r"\b(?:(?:over|in|during|for|within)\s+the\s+(?:past|last|previous)"
    r"|(?:au cours des|pendant les|ces|sur les)(?=\s+\w+\s+dernières))"
    r"\s+(\w+)\s+(?:dernières\s+)?(?:years|années|ans)\b",
    re.IGNORECASE,
)
SAME_PERIOD = re.compile(
    r"\b(?:the same period|that period|this period|la même période|cette période)\b",
    re.IGNORECASE,
)
WORD_BEFORE = re.compile(r"([\w'’]+)\W*$")
UNIT_POS = {"NOUN", "PROPN"}
COUNT_VERBS = {"total", "number", "reach", "amount", "stand", "totaling", "totalling"}
COUNT_VERBS |= {"totaliser", "atteindre", "s'élever", "élever", "chiffrer"}
TOTAL_NOUNS = {"number", "total", "count", "tally", "nombre", "bilan"}
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
    return counted_subject(token)


def counted_subject(token: Any) -> Any:
    """The subject a number totals: 'recruits numbered 1,600', 'Totaling 1,664, recruits make up',
    'the number of returnees reached 270' -> recruits, recruits, returnees."""
    verb = token.head
    if verb.pos_ == "ADP" and token.dep_ == "pobj":  # 'numbered about 1,600'
        verb = verb.head
    if token.dep_ not in ("dobj", "obj", "attr", "pobj") or verb.lemma_.lower() not in COUNT_VERBS:
        return None
    subject = _subject(verb)
    if subject is None and verb.dep_ in ("advcl", "xcomp", "acl") and verb.head is not verb:
        subject = _subject(verb.head)
    if subject is not None and subject.lemma_.lower() in TOTAL_NOUNS:
        subject = next(
            (g for c in subject.children if c.lower_ in ("of", "de", "d'") for g in c.children),
            None,
        )
    return subject if subject is not None and subject.pos_ not in ("PRON", "NUM") else None


def _subject(verb: Any) -> Any:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)


@dataclass(frozen=True)
class Period:
    """A period a figure can cover: its span and ISO 8601 value ('2021', '2002/..', '2015/2020')."""

    start: int
    end: int
    value: str


def find_periods(text: str, dates: list[DateSpan], reference: date | None = None) -> list[Period]:
    """Periods in ``text``: year ranges, 'over the past five years', and dates introduced by a
    period word ('since 2002' -> '2002/..', 'in March 2021' -> '2021-03', 'en 2021')."""
    found = [
        Period(m.start(), m.end(), f"{m.group(1)}/{m.group(2)}")
        for m in PERIOD_RANGE.finditer(text)
    ]
    for m in PAST_YEARS.finditer(text):
        value = _past_years(m.group(1), reference)
        if value is not None:
            found.append(Period(m.start(), m.end(), value))
    for d in dates:
        if d.value is None or any(p.start <= d.start < p.end for p in found):
            continue
        lead = _period_word(text, d)
        if lead is not None:
            value = f"{d.value}/.." if lead in OPEN_ENDED else d.value
            found.append(Period(d.start, d.end, value))
    return sorted(found, key=lambda p: p.start)


def _past_years(count: str, reference: date | None) -> str | None:
    """'five' in 'over the past five years' -> '2017/2022' (article of 2022) or 'P5Y'."""
    years = parse_digits(count) if count.isdigit() else parse_words(count)
    if not years:
        return None
    if reference is None:
        return f"P{int(years)}Y"
    return f"{reference.year - int(years)}/{reference.year}"


def _period_word(text: str, d: DateSpan) -> str | None:
    """The period word a date starts with ('since 2002') or follows ('in | March 2021')."""
    first = d.text.split()[0].lower() if d.text.split() else ""
    if first in PERIOD_WORDS:
        return first
    before = WORD_BEFORE.search(text, max(0, d.start - 20), d.start)
    word = before.group(1).lower() if before else ""
    return word if word in PERIOD_WORDS else None


def period_of(
    sentence: Span, number: NumberSpan, periods: list[Period], previous: list[Figure], text: str
) -> str | None:
    """The period a figure covers: the first period after it in its sentence, else the last one
    before it; 'during the same period' takes the period of the previous figure that has one."""
    inside = [p for p in periods if sentence.start <= p.start < sentence.end]
    if inside:
        after = [p for p in inside if p.start >= number.end]
        return (after[0] if after else inside[-1]).value
    if SAME_PERIOD.search(text, sentence.start, sentence.end):
        return next((f.period for f in reversed(previous) if f.period), None)
    return None


def find_figures(
    doc: Any,
    text: str,
    sentences: list[Span],
    dates: list[DateSpan],
    lang: str,
    reference: date | None = None,
) -> list[Figure]:
    """Figures in a parsed document: numbers that count something, outside dates, years and
    periods; ``reference`` (the article date) anchors 'over the past five years'."""
    figures: list[Figure] = []
    periods = find_periods(text, dates, reference)
    spans = [(d.start, d.end) for d in dates] + [(p.start, p.end) for p in periods]
    for number in find_numbers(text, lang):
        if is_year(number, text) or any(s <= number.start < e for s, e in spans):
            continue
        sentence = next((s for s in sentences if s.start <= number.start < s.end), None)
        if sentence is None:
            continue
        figure = _figure(doc, text, number, sentence, periods, figures)
        if figure is not None:
            figures.append(figure)
    return figures


def _figure(
    doc: Any,
    text: str,
    number: NumberSpan,
    sentence: Span,
    periods: list[Period],
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
        period=period_of(sentence, number, periods, previous, text),
        of=parent,
    )
