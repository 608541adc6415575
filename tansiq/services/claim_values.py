"""Values of claims as ranges (what a date or a count allows, and whether two can both be true)
and the sentence around a span.

No I/O here; used by ``claim_match`` and ``claims``.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date

from tansiq.extract.to_entities import FigureClaim

Interval = tuple[date, date]


def date_interval(value: str) -> Interval | None:
    """'2024' -> the year, '2024-03' -> the month, '2024-03-14' -> the day; None if unreadable."""
    parts = value.strip()[:10].split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 1:
            return date(numbers[0], 1, 1), date(numbers[0], 12, 31)
        if len(numbers) == 2:
            last = calendar.monthrange(numbers[0], numbers[1])[1]
            return date(numbers[0], numbers[1], 1), date(numbers[0], numbers[1], last)
        if len(numbers) == 3:
            day = date(numbers[0], numbers[1], numbers[2])
            return day, day
    except ValueError:
        return None
    return None


def gap_days(first: Interval, second: Interval) -> int:
    """Days between two intervals (0 when they overlap)."""
    return max(0, (second[0] - first[1]).days, (first[0] - second[1]).days)


def precise(interval: Interval) -> bool:
    """A day or a month: a bare year says too little to tell one event from another."""
    return (interval[1] - interval[0]).days <= 31


def disjoint(first: Interval, second: Interval) -> bool:
    """True when no day lies in both: the two dates cannot both be right."""
    return first[1] < second[0] or second[1] < first[0]


_ENDS = ".!?\n"


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a span: from after the previous full stop (or line) to the next."""
    before = max(text.rfind(c, 0, start) for c in _ENDS)
    after = [i for i in (text.find(c, end) for c in _ENDS) if i >= 0]
    left = before + 1 if before >= 0 else 0
    right = min(after) + 1 if after else len(text)
    while left < start and text[left].isspace():
        left += 1
    return left, right


AT_LEAST = {"at least", "no fewer than", "no less than", "au moins", "pas moins de"}
MORE_THAN = {"more than", "over", "plus de"}
AT_MOST = {"at most", "up to", "as many as", "jusqu'à"}
LESS_THAN = {"less than", "fewer than", "moins de"}
NEARLY = {"nearly", "almost", "close to", "près de"}
ABOUT = {"about", "around", "some", "approximately", "roughly", "an estimated", "environ"}
ABOUT |= {"quelque", "quelques"}
ROUGHLY = 0.1
"""How far an approximate count ('about 40', 'nearly 40') may be from its value."""
Range = tuple[float, bool, float, bool]
"""low, low excluded, high, high excluded."""


def figure_range(claim: FigureClaim) -> Range:
    """The values a count allows: 'at least 6' is 6 or more, 'about 40' is 36 to 44."""
    value, qualifier = claim.value, (claim.qualifier or "").lower()
    if qualifier in AT_LEAST or qualifier in MORE_THAN:
        return value, qualifier in MORE_THAN, float("inf"), False
    if qualifier in AT_MOST or qualifier in LESS_THAN:
        return 0.0, False, value, qualifier in LESS_THAN
    if qualifier in NEARLY:
        return value * (1 - ROUGHLY), False, value, False
    if qualifier in ABOUT:
        return value * (1 - ROUGHLY), False, value * (1 + ROUGHLY), False
    return value, False, value, False


def consistent(claims: Iterable[FigureClaim]) -> bool:
    """True when one value satisfies every claim ('at least 6' and '8'): a difference of
    precision, not a contradiction."""
    ranges = [figure_range(c) for c in claims]
    low, low_excluded = max((r[0], r[1]) for r in ranges)  # the tightest lower bound
    high, high_included = min((r[2], not r[3]) for r in ranges)  # the tightest upper bound
    return low < high or (low == high and not low_excluded and high_included)
