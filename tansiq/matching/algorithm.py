"""The named, versioned matching algorithm and its public :func:`compare`.

``tansiq-name-v1`` adds the weighted contributions of small features and
clamps the total to [0, 1]. Weights are chosen so that an exact, rare name with
nothing else known scores about 0.8 (an alert for human review), while a full
identity (name, birth date, document) reaches 1.0.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .features import (
    Feature,
    FeatureResult,
    birth_date,
    document_number,
    gender,
    name_match,
    nationality,
)
from .prepare import PreparedEntity, prepare

__all__ = ["ALGORITHM", "Algorithm", "Match", "Threshold", "compare"]


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

    def score(self, query: PreparedEntity, cand: PreparedEntity) -> Match:
        """Score two prepared entities."""
        if not query.schema.can_match(cand.schema):
            detail = f"{query.schema.name} cannot match {cand.schema.name}"
            result = FeatureResult("schema", 0.0, 0.0, detail)
            return Match(0.0, False, (result,), self.name, self.version)
        results = tuple(feature(query, cand) for feature in self.features)
        total = min(1.0, max(0.0, sum(r.contribution for r in results)))
        is_match = total >= self.match_threshold.value
        return Match(total, is_match, results, self.name, self.version)


ALGORITHM = Algorithm(
    name="tansiq-name-v1",
    version="1.0.0",
    features=(
        Feature("name", 0.85, name_match, "rarity-weighted similarity of the best name pair"),
        Feature("birth_date", 0.2, birth_date, "exact / year / swapped / ±1 year / conflict"),
        Feature("document", 0.35, document_number, "same normalised passport or ID number"),
        Feature("gender", 0.1, gender, "recorded genders disagree"),
        Feature("nationality", 0.05, nationality, "nationalities disagree (never raises)"),
    ),
    match_threshold=Threshold("match", 0.7, "alert for human review at or above this score"),
)


def _prepared(entity: Any) -> PreparedEntity:
    return entity if isinstance(entity, PreparedEntity) else prepare(entity)


def compare(query: Any, candidate: Any, algorithm: Algorithm = ALGORITHM) -> Match:
    """Compare two FtM entities (or :class:`PreparedEntity` s) and explain the score."""
    return algorithm.score(_prepared(query), _prepared(candidate))
