"""The named, versioned matching algorithm and its public :func:`compare`.

``tansiq-name-v1`` adds the weighted contributions of small features and
clamps the total to [0, 1]. Weights are chosen so that an exact, rare name with
nothing else known scores about 0.8 (an alert for human review), while a full
identity (name, birth date, document) reaches 1.0.

A birth-date conflict weighs more after a weak name match (common tokens,
little identifying weight) and less after a long, rare one: the same long
name with a typo'd or estimated birth year is still worth a look, a common
name with another birth date is not. Birth dates a decade or more apart keep
the whole conflict (a parent or namesake shares most of a long name). With ``stats`` (from a
:class:`~tansiq.matching.index.CandidateIndex`) names common in the watchlist
weigh less. Nationality is identity evidence only and never raises a score.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .features import (
    FAR_YEARS,
    Feature,
    FeatureResult,
    birth_date,
    birth_year_gap,
    describe_name,
    document_number,
    full_dates_on_both,
    gender,
    name_evidence,
    name_match,
    nationality,
)
from .prepare import PreparedEntity, prepare, reweigh
from .rarity import NameStats

__all__ = ["ALGORITHM", "Algorithm", "Match", "Threshold", "compare"]

FULL_NAME_MASS = 2.0
"""Matched name weight (about one per rare token) below which a name counts as common."""
LONG_NAME_TOKENS = (2, 4)
"""Matched tokens from which a birth-date conflict starts to weigh less, and halves."""
COMPLETE_NAME_CONFLICT = 0.5
"""Share of a birth-date conflict's weight kept when every token of both names found a
close partner (0.95 or more): the whole name agrees, and a date a few years off is often
an estimate, a typo or a second recorded date. Two full dates that disagree need three
matched tokens for this (namesakes share two-token names); dates a generation apart
(-1) keep their full weight."""
COMPLETE_TOKEN = 0.95
FAR_CONFLICT = -0.6
"""A birth-date conflict this strong between dates ``FAR_YEARS`` or more apart keeps its
whole weight however long the shared name: a decade is no estimate or typo (the same day
and month years apart, -0.25, may be one), and a parent's or namesake's full name is
often all of a child's but the given name (SAB'AWI / BASHAR SABAWI IBRAHIM HASAN
AL-TIKRITI)."""


@dataclass(frozen=True, slots=True)
class Threshold:
    """A declared decision threshold on the score."""

    name: str
    value: float
    description: str


@dataclass(frozen=True, slots=True)
class Match:
    """Result of comparing two entities: score, decision and explanation."""

    score: float
    is_match: bool
    explanation: tuple[FeatureResult, ...]
    algorithm: str
    version: str
    threshold: float = 0.7
    query_id: str | None = None
    candidate_id: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form, e.g. to store with an alert."""
        return {
            "score": round(self.score, 4),
            "is_match": self.is_match,
            "algorithm": self.algorithm,
            "version": self.version,
            "threshold": self.threshold,
            "query_id": self.query_id,
            "candidate_id": self.candidate_id,
            "explanation": [
                {
                    "feature": item.name,
                    "score": round(item.score, 4),
                    "weight": round(item.weight, 4),
                    "contribution": round(item.contribution, 4),
                    "detail": item.detail,
                }
                for item in self.explanation
            ],
        }

    def with_threshold(self, threshold: float) -> Match:
        """The same result decided against another threshold."""
        return replace(self, threshold=threshold, is_match=self.score >= threshold)

    @property
    def text(self) -> str:
        """Readable multi-line explanation of the score."""
        lines = [f"{self.algorithm} {self.version}: score {self.score:.2f}"]
        for item in self.explanation:
            lines.append(f"  {item.name} {item.contribution:+.2f}: {item.detail}")
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class Algorithm:
    """A named, versioned set of weighted features and decision thresholds."""

    name: str
    version: str
    features: tuple[Feature, ...]
    match_threshold: Threshold
    date_conflict_weights: tuple[float, float] = (0.2, 0.2)
    """Weight of a birth-date conflict after a strong name match and after a weak one."""

    @staticmethod
    def _long_name_share(
        query: PreparedEntity,
        cand: PreparedEntity,
        result: FeatureResult,
        tokens: int,
        complete: bool,
    ) -> float:
        """Share of a birth-date conflict kept after a long (and complete) name match."""
        gap = birth_year_gap(query, cand) or 0
        if gap >= FAR_YEARS and result.score <= FAR_CONFLICT:
            return 1.0  # a decade or more apart and no typo: a parent, a namesake
        first, full = LONG_NAME_TOKENS
        share = 1.0 - 0.5 * min(1.0, max(0, tokens - first) / (full - first))
        if complete and result.score > -1.0:
            # two full dates disagreeing need a longer name than a year alone does
            needed = first + 1 if full_dates_on_both(query, cand) else first
            share *= COMPLETE_NAME_CONFLICT if tokens >= needed else 1.0
        return share

    def score(
        self, query: PreparedEntity, cand: PreparedEntity, stats: NameStats | None = None
    ) -> Match:
        """Score two prepared entities; ``stats`` re-weighs name tokens by list frequency."""
        threshold = self.match_threshold.value
        if not query.schema.can_match(cand.schema):
            detail = f"{query.schema.name} cannot match {cand.schema.name}"
            result = FeatureResult("schema", 0.0, 0.0, detail)
            return Match(
                0.0, False, (result,), self.name, self.version, threshold, query.id, cand.id
            )
        if stats is not None:
            query, cand = reweigh(query, stats), reweigh(cand, stats)
        results: list[FeatureResult] = []
        commonness, tokens, complete = 0.0, 0, False
        for feature in self.features:
            if feature.name == "name":
                best = name_evidence(query, cand)
                commonness = 1.0 - min(1.0, best.mass / FULL_NAME_MASS)
                tokens = len(best.pairs)
                complete = not best.unmatched and all(s >= COMPLETE_TOKEN for *_, s in best.pairs)
                results.append(
                    FeatureResult("name", best.score, feature.weight, describe_name(best))
                )
                continue
            result = feature(query, cand)
            if feature.name == "birth_date" and result.score < 0:
                low, high = self.date_conflict_weights
                weight = low + (high - low) * commonness
                weight *= self._long_name_share(query, cand, result, tokens, complete)
                result = replace(result, weight=round(weight, 4))
            results.append(result)
        total = min(1.0, max(0.0, sum(r.contribution for r in results)))
        return Match(
            total,
            total >= threshold,
            tuple(results),
            self.name,
            self.version,
            threshold,
            query.id,
            cand.id,
        )


ALGORITHM = Algorithm(
    name="tansiq-name-v1",
    version="1.4.0",
    features=(
        Feature("name", 0.85, name_match, "rarity-weighted similarity of the best name pair"),
        Feature("birth_date", 0.2, birth_date, "exact / year / swapped / ±1 year / conflict"),
        Feature("document", 0.35, document_number, "same normalised passport or ID number"),
        Feature("gender", 0.1, gender, "recorded genders disagree"),
        Feature("nationality", 0.05, nationality, "nationalities disagree (never raises)"),
    ),
    match_threshold=Threshold("match", 0.7, "alert for human review at or above this score"),
    date_conflict_weights=(0.15, 0.45),
)


def _prepared(entity: Any) -> PreparedEntity:
    return entity if isinstance(entity, PreparedEntity) else prepare(entity)


def compare(
    query: Any,
    candidate: Any,
    algorithm: Algorithm = ALGORITHM,
    stats: NameStats | None = None,
) -> Match:
    """Compare two FtM entities (or :class:`PreparedEntity` s) and explain the score.

    ``stats`` (e.g. ``CandidateIndex.stats``) lowers the weight of names that are
    common in the watchlist.
    """
    return algorithm.score(_prepared(query), _prepared(candidate), stats)
