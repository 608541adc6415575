"""Choosing the thresholds, caps and gate by cross-validation on the training reports."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from tansiq.extract.roles.heads import Counts
from tansiq.extract.roles.selection import NO_CAP, ROLES, Probabilities, Thresholds, select

TOPS = (1, 2, 3, 4, 6, NO_CAP)
"""The caps on words per document and role to choose from."""
GRID = tuple(round(0.05 * k, 2) for k in range(2, 15))
"""The probability thresholds to choose from."""
GATES = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)

Scorer = Callable[[list[dict[str, list[str]]]], Counts]


def folds(n: int, k: int = 5, seed: int = 13) -> list[list[int]]:
    """``k`` disjoint index folds of ``range(n)``, shuffled with a fixed seed."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [sorted(order[i::k]) for i in range(k)]


def tune(probs: Sequence[Probabilities], relevance: Sequence[float], scorer: Scorer) -> Thresholds:
    """Thresholds maximising the micro F1 of ``scorer`` (coordinate ascent, two passes)."""
    best = Thresholds(dict.fromkeys(ROLES, 0.3), dict.fromkeys(ROLES, NO_CAP), 0.0)
    kept = [
        {r: {w: p for w, p in ps.items() if p >= GRID[0]} for r, ps in d.items()} for d in probs
    ]

    def f1(t: Thresholds) -> float:
        c, p, g = scorer([select(pr, r, t) for pr, r in zip(kept, relevance, strict=True)])
        return 2 * c / (p + g) if p + g else 0.0

    for _ in range(2):
        for role in ROLES:
            by_value = [Thresholds({**best.role, role: v}, best.top, best.gate) for v in GRID]
            best = max(by_value, key=f1)
            by_cap = [Thresholds(best.role, {**best.top, role: k}, best.gate) for k in TOPS]
            best = max(by_cap, key=f1)
        best = max((Thresholds(best.role, best.top, v) for v in GATES), key=f1)
    return best
