"""Fitting the per-role logistic regressions (scikit-learn's liblinear) into plain weights."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from tansiq.extract.lazy import require
from tansiq.extract.roles.features import Candidates
from tansiq.extract.roles.model import POOLS, PoolWeights
from tansiq.extract.roles.selection import ROLES

C = 1.0
"""Inverse L2 strength of the logistic regressions (chosen by cross-validation on MUC-4 train)."""
MIN_DF = 2
"""Features on fewer rows than this are left out."""
NEVER = -20.0
"""The intercept of a role no training word has: a probability of about 2e-9."""


def flatten(
    docs: Sequence[Candidates], relevance: Sequence[float], pool: str
) -> tuple[list[frozenset[str]], list[float], list[tuple[int, str]]]:
    """The rows of every document for ``pool``, their relevance and (document, word) owners."""
    rows, rels, owners = [], [], []
    for i, (words, p) in enumerate(zip(docs, relevance, strict=True)):
        for w, found in words.items():
            if pool == "word":
                pooled: list[frozenset[str]] = [frozenset().union(*(o.features for o in found))]
            else:
                pooled = [o.features for o in found]
            for row in pooled:
                rows.append(row)
                rels.append(p)
                owners.append((i, w))
    return rows, rels, owners


def design_matrix(
    rows: Sequence[frozenset[str]], rels: Sequence[float], columns: dict[str, int]
) -> Any:
    """A sparse 0/1 matrix of the rows' known features, the relevance as a last column."""
    sparse = require("scipy.sparse", "training a role model")
    indptr, indices, values = [0], [], []
    last = len(columns)
    for row, p in zip(rows, rels, strict=True):
        cols = sorted(columns[f] for f in row if f in columns)
        indices += [*cols, last]
        values += [1.0] * len(cols) + [p]
        indptr.append(len(indices))
    return sparse.csr_matrix((values, indices, indptr), shape=(len(rows), last + 1))


def fit_pool(
    docs: Sequence[Candidates],
    relevance: Sequence[float],
    gold_heads: Sequence[dict[str, set[str]]],
    pool: str,
    c: float = C,
) -> PoolWeights:
    """Per-role models of one pooling; a word is positive for a role when it heads a gold
    mention of that role."""
    linear = require("sklearn.linear_model", "training a role model")
    rows, rels, owners = flatten(docs, relevance, pool)
    df = Counter(f for row in rows for f in row)
    names = sorted(f for f, n in df.items() if n >= MIN_DF)
    columns = {f: i for i, f in enumerate(names)}
    x = design_matrix(rows, rels, columns)
    weights = np.zeros((len(names) + 1, len(ROLES)))
    intercept, rel = np.zeros(len(ROLES)), np.zeros(len(ROLES))
    for k, role in enumerate(ROLES):
        y = np.array([w in gold_heads[i][role] for i, w in owners], dtype=int)
        if not 0 < y.sum() < len(y):  # one class only: never (or always) this role
            intercept[k] = NEVER if not y.any() else -NEVER
            continue
        model = linear.LogisticRegression(C=c, solver="liblinear", max_iter=200, random_state=0)
        fitted = model.fit(x, y)
        weights[: len(names), k] = fitted.coef_[0][:-1]
        rel[k], intercept[k] = fitted.coef_[0][-1], fitted.intercept_[0]
    return PoolWeights(pool, columns, weights, intercept, rel)


def fit_pools(
    docs: Sequence[Candidates],
    relevance: Sequence[float],
    gold_heads: Sequence[dict[str, set[str]]],
    c: float = C,
) -> tuple[PoolWeights, ...]:
    return tuple(fit_pool(docs, relevance, gold_heads, pool, c) for pool in POOLS)
