"""Small weighted features: each compares one kind of evidence and explains itself.

A feature returns a score in [-1, 1] (negative = evidence against identity,
0 = no evidence) and a detail naming the values it compared. Nationality is
identity evidence only: it can lower a score on disagreement, never raise it.
No feature treats religion, ethnicity or nationality as a risk factor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .names import NameScore, name_similarity
from .prepare import BirthDate, PreparedEntity

__all__ = [
    "Feature",
    "FeatureResult",
    "birth_date",
    "document_number",
    "gender",
    "name_match",
    "nationality",
]

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


def _describe(best: NameScore) -> str:
    pairs = ", ".join(f"{a}~{b} {s:.2f}" for a, b, s in best.pairs) or "no token in common"
    extra = f"; unmatched: {' '.join(best.unmatched)}" if best.unmatched else ""
    return pairs + extra


def name_match(query: PreparedEntity, cand: PreparedEntity) -> tuple[float, str]:
    """Best rarity-weighted name similarity over all name pairs (0..1)."""
    best = NameScore(0.0, (), ())
    for tokens_q in query.name_tokens:
        for tokens_c in cand.name_tokens:
            result = name_similarity(tokens_q, tokens_c)
            if result.score > best.score:
                best = result
    return best.score, _describe(best)


def _fmt(date: BirthDate) -> str:
    return "-".join(f"{part:02d}" for part in date if part is not None)


def _date_score(a: BirthDate, b: BirthDate) -> tuple[float, str]:
    gap = abs(a[0] - b[0])
    full = None not in (a[1], a[2], b[1], b[2])
    same_md = full and a[1:] == b[1:]
    if gap == 0:
        if same_md:
            return 1.0, "same date of birth"
        if not full:
            return 0.6, "same birth year (no full date on one side)"
        if a[1] == b[2] and a[2] == b[1]:
            return 0.6, "same year, day and month swapped"
        return -0.3, "same birth year, different day and month"
    if gap == 1:
        if full:
            if same_md:
                return 0.3, "year off by one, same day"
            return -0.3, "year off by one, other day"
        return 0.2, "birth year off by one"
    if gap <= 3:
        return -0.3, f"birth years {gap} apart"
    if gap < 10:
        return -0.6, f"birth years {gap} apart"
    return -1.0, f"birth years {gap} apart"


def birth_date(query: PreparedEntity, cand: PreparedEntity) -> tuple[float, str]:
    """Exact > year-only > day/month swap > ±1 year; a conflict lowers but never vetoes."""
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
