"""From per-role word probabilities to the predicted fillers of a document."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
NO_CAP = 1000

Probabilities = dict[str, dict[str, float]]
"""Role -> candidate word -> probability, for one document."""


@dataclass(frozen=True)
class Thresholds:
    """Per-role probability thresholds, at most ``top[role]`` words per document and role, and
    the relevance gate under which nothing is predicted."""

    role: Mapping[str, float]
    top: Mapping[str, int]
    gate: float = 0.0


def select(probs: Probabilities, relevance: float, thresholds: Thresholds) -> dict[str, list[str]]:
    """The words predicted for each role of one document, sorted."""
    if relevance < thresholds.gate:
        return {role: [] for role in ROLES}
    out = {}
    for role in ROLES:
        ranked = sorted(probs.get(role, {}).items(), key=lambda wp: (-wp[1], wp[0]))
        kept = [w for w, p in ranked[: thresholds.top[role]] if p >= thresholds.role[role]]
        out[role] = sorted(kept)
    return out
