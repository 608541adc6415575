"""The role model as plain weights: scoring, saving and loading without scikit-learn.

Two logistic regressions per role are averaged: ``word`` scores one row per candidate word (the
features of all its occurrences pooled), ``token`` one row per occurrence (a word's probability is
the maximum over its occurrences). Each row also has the document's relevance probability as a
feature. See :mod:`tansiq.extract.roles.store` for the file format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from tansiq.extract.roles.features import Candidates
from tansiq.extract.roles.relevance import Relevance
from tansiq.extract.roles.selection import ROLES, Probabilities, Thresholds, select

POOLS = ("word", "token")


@dataclass(frozen=True)
class PoolWeights:
    """One logistic regression per role over the rows of one pooling.

    ``weights`` has a row per feature of ``columns`` plus a last row of zeros (so a row with no
    known feature still sums), and a column per role."""

    pool: str
    columns: dict[str, int]
    weights: np.ndarray
    intercept: np.ndarray
    relevance: np.ndarray

    def rows(self, candidates: Candidates) -> tuple[list[frozenset[str]], list[tuple[str, int]]]:
        """The rows of a document and their (word, token index) owners."""
        rows, owners = [], []
        for w, found in candidates.items():
            if self.pool == "word":
                rows.append(frozenset().union(*(o.features for o in found)))
                owners.append((w, found[0].index))
            else:
                rows += [o.features for o in found]
                owners += [(w, o.index) for o in found]
        return rows, owners

    def probabilities(self, rows: Sequence[frozenset[str]], relevance: float) -> np.ndarray:
        """(rows, roles) probabilities."""
        blank = len(self.columns)
        cols: list[int] = []
        starts: list[int] = []
        for row in rows:
            starts.append(len(cols))
            cols.append(blank)
            cols += [self.columns[f] for f in row if f in self.columns]
        if not rows:
            return np.zeros((0, len(ROLES)))
        z = np.add.reduceat(self.weights[cols], starts, axis=0)
        z += self.intercept + relevance * self.relevance
        return np.asarray(1.0 / (1.0 + np.exp(-z)))


@dataclass(frozen=True)
class Scored:
    """A candidate word's probability for one role and the token it is most likely at."""

    probability: float
    index: int


@dataclass(frozen=True)
class Prediction:
    """A predicted filler: the role, the word, its probability and its token index."""

    role: str
    word: str
    probability: float
    index: int


@dataclass(frozen=True)
class RoleModel:
    """Everything the extraction needs to predict role fillers; ``meta`` says where it came from
    (``id``, ``data``, ``sha256``, ``documents``, ``trained``, ``cv``)."""

    pools: tuple[PoolWeights, ...]
    thresholds: Thresholds
    relevance: Relevance
    df: dict[str, int]
    language: str = "en"
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return str(self.meta.get("id", "unsaved"))

    def frequency(self, word: str) -> int:
        return self.df.get(word, 0)

    def scores(self, candidates: Candidates, relevance: float) -> dict[str, dict[str, Scored]]:
        """Role -> word -> mean probability of the pools, at its most likely occurrence (the
        token pool's best row; the first occurrence without one)."""
        words = list(candidates)
        if not words:
            return {r: {} for r in ROLES}
        total = np.zeros((len(words), len(ROLES)))
        where = np.array([[found[0].index] * len(ROLES) for found in candidates.values()])
        for pool in self.pools:
            rows, owners = pool.rows(candidates)
            probs = pool.probabilities(rows, relevance)
            starts = _starts([w for w, _ in owners])
            total += np.maximum.reduceat(probs, starts, axis=0) / len(self.pools)
            if pool.pool == "token":
                ends = [*starts[1:], len(owners)]
                for k, (start, end) in enumerate(zip(starts, ends, strict=True)):
                    best = probs[start:end].argmax(axis=0) + start
                    where[k] = [owners[b][1] for b in best]
        return {
            role: {w: Scored(float(total[k, r]), int(where[k, r])) for k, w in enumerate(words)}
            for r, role in enumerate(ROLES)
        }

    def probabilities(self, candidates: Candidates, relevance: float) -> Probabilities:
        """Role -> word -> probability."""
        scored = self.scores(candidates, relevance)
        return {r: {w: s.probability for w, s in ws.items()} for r, ws in scored.items()}

    def predict(self, candidates: Candidates, relevance: float) -> list[Prediction]:
        """The fillers the thresholds keep, with probabilities and token indexes."""
        scored = self.scores(candidates, relevance)
        probs = {r: {w: s.probability for w, s in ws.items()} for r, ws in scored.items()}
        chosen = select(probs, relevance, self.thresholds)
        return [
            Prediction(role, w, scored[role][w].probability, scored[role][w].index)
            for role in ROLES
            for w in chosen[role]
        ]


def _starts(owners: list[str]) -> list[int]:
    """The first row of each word in rows grouped by word."""
    return [i for i, w in enumerate(owners) if i == 0 or owners[i - 1] != w]


def load_role_model(path: Path) -> RoleModel:
    """The model saved at ``path``, read once per file version (cached)."""
    from tansiq.extract.roles.store import load_cached

    stat = path.stat()
    return load_cached(str(path.resolve()), stat.st_mtime_ns, stat.st_size)
