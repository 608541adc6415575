"""Name and identity matching engine (pure: no I/O, no framework imports).

``compare(query, candidate)`` takes FollowTheMoney entities (or entities
already passed through :func:`prepare`) and returns a :class:`Match` with a
score in [0, 1], an ``is_match`` decision and a feature-by-feature explanation.
:class:`CandidateIndex` screens a query against a whole watchlist: it proposes
candidates (blocking), learns how common each name is in the list and scores.
"""

from .algorithm import ALGORITHM, Algorithm, Match, Threshold, compare
from .features import Feature, FeatureResult
from .index import CandidateIndex
from .prepare import PreparedEntity, prepare
from .rarity import NameStats

__all__ = [
    "ALGORITHM",
    "Algorithm",
    "CandidateIndex",
    "Feature",
    "FeatureResult",
    "Match",
    "NameStats",
    "PreparedEntity",
    "Threshold",
    "compare",
    "prepare",
]
