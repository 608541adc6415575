"""Dates in English and French text, normalised to ISO 8601 (absolute, or relative to a date)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS_EN = "january february march april may june july august september october november december"
MONTHS_FR = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
MONTHS = {m: i + 1 for i, m in enumerate(MONTHS_EN.split())}
MONTHS |= {m: i + 1 for i, m in enumerate(MONTHS_FR.split())} | {"fevrier": 2, "aout": 8}
MONTHS |= {m[:3]: i + 1 for i, m in enumerate(MONTHS_EN.split()) if m != "may"} | {"sept": 9}
DAYS = "monday tuesday wednesday thursday friday saturday sunday"
WEEKDAYS = {d: i for i, d in enumerate(DAYS.split())}
WEEKDAYS |= {
    d: i
    for i, d in enumerate(["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"])
}
_M = "|".join(sorted(MONTHS, key=len, reverse=True))
_D = "|".join(WEEKDAYS)
YEAR = r"(1[89]\d\d|20\d\d)"
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("iso", rf"\b{YEAR}-(\d\d)-(\d\d)\b"),
        ("dmy", rf"\b(\d{{1,2}})(?:er)?\s+({_M})\.?(?:,?\s+{YEAR})?\b"),
        ("mdy", rf"\b({_M})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*{YEAR}|\s+{YEAR})?\b(?!\s*\d)"),
        ("my", rf"\b(?:(?:early|mid|late|début|mi|fin)[\s-]+)?({_M})\.?(?:\s+(?:de\s+)?{YEAR})?\b"),
        ("year", rf"\b(?:in|since|during|by|until|from|of|en|depuis|dès|pendant|année)\s+{YEAR}\b"),
        ("weekday", rf"\b({_D})\b"),
        (
            "rel",
            r"\b(yesterday|today|hier|aujourd'hui|last (?:week|month|year)|this (?:week|month"
            r"|year)|(?:la semaine|le mois|l'année|l'an) (?:dernière?|passée?)"
            r"|cette (?:semaine|année)|ce mois-ci)\b",
        ),
    )
)
RELATIVE_DAYS = {"yesterday": 1, "hier": 1, "today": 0, "aujourd'hui": 0}


@dataclass(frozen=True)
class DateSpan:
    """A date expression, its span and ISO value ('2021', '2021-02', '2021-02-21') if known."""

    text: str
    start: int
    end: int
    value: str | None


def parse_reference(published: str | None) -> date | None:
    """The article date as a ``date``, from an ISO string; None when unknown or partial."""
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


DATELINE_HEAD = re.compile(r"^\s*[^\n]{0,80}?\s[–—-]\s")
"""The head of a dateline: 'Abuja, 14 June 2024 – ', up to the dash."""


def dateline_reference(text: str) -> date | None:
    """The full date of the text's dateline ('Abuja, 14 June 2024 – ...'), if it has one: the
    reference for 'on Sunday' when the file carries no publication date."""
    head = DATELINE_HEAD.match(text)
    if head is None:
        return None
    for found in find_dates(head.group(0)):
        if found.value and len(found.value) == 10:
            return parse_reference(found.value)
    return None


def find_dates(text: str, reference: date | None = None) -> list[DateSpan]:
    """Date expressions in ``text``, longest first where they overlap, in text order."""
    spans: list[DateSpan] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(s.start <= m.start() < s.end or m.start() <= s.start < m.end() for s in spans):
                continue
            if (
                kind == "my"
                and m.group(1).lower() in ("may", "mai", "mars", "march")
                and not m.group(2)
            ):
                continue
            spans.append(DateSpan(m.group(0), m.start(), m.end(), _value(kind, m, reference)))
    return sorted(spans, key=lambda s: s.start)


def _value(kind: str, m: re.Match[str], ref: date | None) -> str | None:
    g = [x.lower() if x else None for x in m.groups()]
    if kind == "iso":
        return m.group(0)
    if kind == "dmy":
        return _day(g[2], MONTHS[g[1].rstrip(".")], int(g[0]), ref)  # type: ignore[union-attr,arg-type]
    if kind == "mdy":
        return _day(g[2] or g[3], MONTHS[g[0].rstrip(".")], int(g[1]), ref)  # type: ignore[union-attr,arg-type]
    if kind == "my":
        month = MONTHS[g[0]]  # type: ignore[index]
        year = g[1] or (str(ref.year - (month > ref.month)) if ref else None)
        return f"{year}-{month:02d}" if year else None
    if kind == "year":
        return g[0]
    if ref is None:
        return None
    if kind == "weekday":
        back = (ref.weekday() - WEEKDAYS[g[0]]) % 7  # type: ignore[index]
        return (ref - timedelta(days=back)).isoformat()
    return _relative(g[0] or "", ref)


def _day(year: str | None, month: int, day: int, ref: date | None) -> str | None:
    if year is None and ref is None:
        return None
    try:
        found = date(int(year) if year else ref.year, month, day)  # type: ignore[union-attr]
    except ValueError:
        return None
    if year is None and ref is not None and found > ref + timedelta(days=7):
        found = found.replace(year=found.year - 1)
    return found.isoformat()


def _relative(phrase: str, ref: date) -> str:
    if phrase in RELATIVE_DAYS:
        return (ref - timedelta(days=RELATIVE_DAYS[phrase])).isoformat()
    last = any(w in phrase for w in ("last", "dernier", "dernière", "passé"))
    if "year" in phrase or "an" in phrase.split("'")[-1].split() or "année" in phrase:
        return str(ref.year - 1 if last else ref.year)
    if "month" in phrase or "mois" in phrase:
        first = ref.replace(day=1)
        return (first - timedelta(days=1) if last else ref).strftime("%Y-%m")
    return (ref - timedelta(days=7 if last else 0)).strftime("%Y-%m")
