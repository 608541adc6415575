"""Name and identity matching engine (pure: no I/O, no framework imports).

``compare(query, candidate)`` takes FollowTheMoney entities (or entities
already passed through :func:`prepare`) and returns a :class:`Match` with a
score in [0, 1], an ``is_match`` decision and a feature-by-feature explanation.
"""

from .algorithm import ALGORITHM, Algorithm, Match, Threshold, compare
from .features import Feature, FeatureResult
from .prepare import PreparedEntity, prepare

__all__ = [
    "ALGORITHM",
    "Algorithm",
    "Feature",
    "FeatureResult",
    "Match",
    "PreparedEntity",
    "Threshold",
    "compare",
    "prepare",
]
