"""Small weighted features: each compares one kind of evidence and explains itself.

A feature returns a score in [-1, 1] (negative = evidence against identity,
0 = no evidence) and a detail naming the values it compared. Nationality is
identity evidence only: it can lower a score on disagreement, never raise it.
No feature treats religion, ethnicity or nationality as a risk factor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .names import STRONG_TOKEN, NameScore, name_similarity
from .prepare import BirthDate, PreparedEntity

__all__ = [
    "Feature",
    "FeatureResult",
    "birth_date",
    "birth_year_gap",
    "describe_name",
    "document_number",
    "full_dates_on_both",
    "gender",
    "name_evidence",
    "name_match",
    "nationality",
]

FAR_YEARS = 10
"""Two full birth dates further apart than this are the strongest conflict (-1)."""

FeatureFunc = Callable[[PreparedEntity, PreparedEntity], tuple[float, str]]


@dataclass(frozen=True, slots=True)
class FeatureResult:
    """Outcome of one feature: its raw score, weight and a readable detail."""

    name: str
    score: float
    weight: float
    detail: str

    @property
    def contribution(self) -> float:
        """Weighted contribution of this feature to the match score."""
        return self.score * self.weight


@dataclass(frozen=True, slots=True)
class Feature:
    """A named, weighted comparison function over two prepared entities."""

    name: str
    weight: float
    func: FeatureFunc
    description: str

    def __call__(self, query: PreparedEntity, cand: PreparedEntity) -> FeatureResult:
        score, detail = self.func(query, cand)
        return FeatureResult(self.name, score, self.weight, detail)


def describe_name(best: NameScore) -> str:
    """Readable list of the aligned token pairs and the unmatched tokens."""
    pairs = (
        ", ".join(
            f"{a}~{b} {s:.2f}{' (weak)' if s < STRONG_TOKEN else ''}" for a, b, s in best.pairs
        )
        or "no token in common"
    )
    extra = f"; unmatched: {' '.join(best.unmatched)}" if best.unmatched else ""
    if best.given is not None:
        first, second = best.given
        extra += f"; other name in the same place: {first} / {second} (sibling, namesake?)"
    return pairs + extra


def name_evidence(query: PreparedEntity, cand: PreparedEntity) -> NameScore:
    """The best-scoring pair of names of the two entities, with its alignment."""
    best = NameScore(0.0, (), ())
    for tokens_q in query.name_tokens:
        for tokens_c in cand.name_tokens:
            result = name_similarity(tokens_q, tokens_c)
            if result.score > best.score:
                best = result
    return best


def name_match(query: PreparedEntity, cand: PreparedEntity) -> tuple[float, str]:
    """Best rarity-weighted name similarity over all name pairs (0..1)."""
    best = name_evidence(query, cand)
    return best.score, describe_name(best)


def _fmt(date: BirthDate) -> str:
    return "-".join(f"{part:02d}" for part in date if part is not None)


def _precise(date: BirthDate) -> bool:
    """Day and month known; 1 January is treated as a placeholder for "year only"."""
    return date[1] is not None and date[2] is not None and (date[1], date[2]) != (1, 1)


def full_dates_on_both(query: PreparedEntity, cand: PreparedEntity) -> bool:
    """Whether both sides record a full birth date (day and month, not 1 January)."""
    return any(_precise(d) for d in query.birth_dates) and any(
        _precise(d) for d in cand.birth_dates
    )


def _near_day_month(a: BirthDate, b: BirthDate) -> bool:
    """Same day and month, swapped, or one of the two differs by a typo-sized step."""
    if a[1:] == b[1:] or (a[1] == b[2] and a[2] == b[1]):
        return True
    assert a[1] is not None and a[2] is not None and b[1] is not None and b[2] is not None
    return (a[1] == b[1] and abs(a[2] - b[2]) <= 1) or (a[2] == b[2] and abs(a[1] - b[1]) <= 1)


def _date_score(a: BirthDate, b: BirthDate) -> tuple[float, str]:
    gap = abs(a[0] - b[0])
    full = _precise(a) and _precise(b)
    same_md = full and a[1:] == b[1:]
    if gap == 0:
        if same_md:
            return 1.0, "same date of birth"
        if not full:
            return 0.6, "same birth year (no full date on one side)"
        if a[1] == b[2] and a[2] == b[1]:
            return 0.6, "same year, day and month swapped"
        if _near_day_month(a, b):
            return 0.4, "same year, day or month one apart"
        return -0.3, "same birth year, different day and month"
    if gap == 1:
        if full:
            if same_md:
                return 0.3, "year off by one, same day"
            return -0.2, "year off by one, other day"
        return 0.2, "birth year off by one"
    if full:
        if _near_day_month(a, b):
            return -0.25, f"same day and month, years {gap} apart (typo?)"
        if gap <= FAR_YEARS:
            return -0.8, f"different dates of birth, years {gap} apart"
        return -1.0, f"different dates of birth, years {gap} apart (another generation?)"
    # A year alone is often an estimate ("circa"): weaker evidence than two full dates.
    if gap <= 3:
        return -0.2, f"birth years {gap} apart"
    if gap < 10:
        return -0.4, f"birth years {gap} apart"
    if gap < 20:
        return -0.6, f"birth years {gap} apart"
    return -1.0, f"birth years {gap} apart"


def birth_year_gap(query: PreparedEntity, cand: PreparedEntity) -> int | None:
    """Smallest gap in years between the two sides' birth dates (None without dates)."""
    gaps = [abs(a[0] - b[0]) for a in query.birth_dates for b in cand.birth_dates]
    return min(gaps) if gaps else None


def birth_date(query: PreparedEntity, cand: PreparedEntity) -> tuple[float, str]:
    """Exact > year-only > day/month swap > ±1 year; a conflict lowers but never vetoes.

    1 January counts as "year only" (a common placeholder). Two full dates that
    differ in year, month and day are a strong conflict; the same day and month
    with another year looks like a typo and is a weak one.
    """
    if not query.birth_dates or not cand.birth_dates:
        return 0.0, "no birth date on one side"
    best: tuple[float, str] = (-2.0, "")
    for a in query.birth_dates:
        for b in cand.birth_dates:
            score, why = _date_score(a, b)
            if score > best[0]:
                best = (score, f"{why}: {_fmt(a)} vs {_fmt(b)}")
    return best


def gender(query: PreparedEntity, cand: PreparedEntity) -> tuple[float, str]:
    """Different recorded genders count against identity; agreement is neutral."""
    known = {"male", "female"}
    q, c = query.genders & known, cand.genders & known
    if not q or not c:
        return 0.0, "gender not known on both sides"
    if q & c:
        return 0.0, f"gender consistent ({', '.join(sorted(q & c))})"
    return -1.0, f"gender differs: {', '.join(sorted(q))} vs {', '.join(sorted(c))}"


def document_number(query: PreparedEntity, cand: PreparedEntity) -> tuple[float, str]:
    """A shared normalised document number is strong evidence of identity."""
    shared = query.documents & cand.documents
    if shared:
        return 1.0, f"same document number {sorted(shared)[0]}"
    if query.documents and cand.documents:
        return 0.0, "different document numbers (people hold several)"
    return 0.0, "no document number on one side"


def nationality(query: PreparedEntity, cand: PreparedEntity) -> tuple[float, str]:
    """Identity comparison only: disagreement lowers weakly, agreement adds nothing."""
    if not query.countries or not cand.countries:
        return 0.0, "nationality not known on both sides"
    shared = query.countries & cand.countries
    if shared:
        return 0.0, f"nationality consistent ({', '.join(sorted(shared))})"
    q, c = ", ".join(sorted(query.countries)), ", ".join(sorted(cand.countries))
    return -1.0, f"nationality differs: {q} vs {c}"
