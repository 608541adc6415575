"""Upper bounds of name similarity for many candidates at once (a screening helper).

Before :func:`~tansiq.matching.names.name_similarity` runs on a candidate, the
index asks how high it could possibly score. Edit similarities of all query
tokens against all candidate tokens are computed in one C call per kind
(spelling, phonetic keys, consonant skeletons) with ``rapidfuzz.process.cdist``:

* a token pair scores at most 1 when spelled alike, else at most ``KEY_EQUAL``
  times the best edit similarity of spellings or keys, ``SKELETON_EQUAL``
  times that of skeletons, or ``COMPOUND_PART`` for compounds: every branch
  of :func:`~tansiq.matching.names.token_similarity` stays below that;
* a token is aligned at most once, to a partner at least ``TOKEN_FLOOR``
  alike, so each side's coverage is at most the weighted share of its tokens
  with such a partner, at its best partner's bound;
* the matched mass (information) is at most half the weight of all tokens
  that have a partner, on both sides;
* the joined-keys score is bounded by the same formula on the edit similarity
  of the joined keys.

The bound is never below the exact score (plus float slack), so skipping
candidates whose bound cannot reach the threshold changes no result. It
follows the formulas of ``names`` and must be kept in step with them: tests
compare bound and exact score on a fictional list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA

from .names import (
    COMPOUND_PART,
    INFO_BASE,
    INFO_FULL,
    JOINED_DISCOUNT,
    JOINED_MIN,
    KEY_EQUAL,
    LONG_SIDE_FLOOR,
    SKELETON_EQUAL,
    TOKEN_FLOOR,
)
from .tokens import NameToken

__all__ = ["ListedTokens", "Names", "name_upper_bounds", "token_upper_bounds"]

F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]
SLACK = 1e-6
"""Added to every token bound: C and Python float rounding may differ in the last bits."""


@dataclass(frozen=True, slots=True)
class ListedTokens:
    """Per listed (interned) token: its weight and whether it is vowelled, as arrays."""

    tokens: Sequence[NameToken]
    weight: F64
    vowelled: npt.NDArray[np.bool_]

    @classmethod
    def of(cls, tokens: Sequence[NameToken]) -> ListedTokens:
        return cls(
            tokens,
            np.array([t.weight for t in tokens], dtype=np.float64),
            np.array([t.vowelled for t in tokens], dtype=bool),
        )


@dataclass(frozen=True, slots=True)
class Names:
    """The names of some candidates: flat token ids, where each name starts, whose it is."""

    token_ids: I64
    starts: I64
    owner: I64
    candidates: int


def _pairwise_max(left: Sequence[Sequence[str]], right: Sequence[Sequence[str]]) -> F64:
    """Best edit similarity between any string of ``left[i]`` and any of ``right[j]``."""
    flat_l = [s for group in left for s in group]
    flat_r = [s for group in right for s in group]
    out = np.zeros((len(left), len(right)), dtype=np.float64)
    if not flat_l or not flat_r:
        return out
    sims: F64 = process.cdist(flat_l, flat_r, scorer=OSA.normalized_similarity, dtype=np.float64)
    if len(flat_l) == len(left) and len(flat_r) == len(right):
        return sims  # one string each
    owner_l = np.repeat(np.arange(len(left)), [len(g) for g in left])
    owner_r = np.repeat(np.arange(len(right)), [len(g) for g in right])
    np.maximum.at(out, (owner_l[:, None], owner_r[None, :]), sims)
    return out


def token_upper_bounds(query: Sequence[NameToken], listed: Sequence[NameToken]) -> F64:
    """(query token, listed token) matrix of bounds of ``token_similarity``."""
    text = _pairwise_max([(t.text,) for t in query], [(t.text,) for t in listed])
    keys = _pairwise_max([t.keys for t in query], [t.keys for t in listed])
    skeletons = _pairwise_max([t.skeletons for t in query], [t.skeletons for t in listed])
    bound = np.maximum(KEY_EQUAL * np.maximum(text, keys), SKELETON_EQUAL * skeletons)
    compound_q = np.array(["-" in t.text for t in query])
    compound_l = np.array(["-" in t.text for t in listed])
    bound = np.where(
        compound_q[:, None] | compound_l[None, :], np.maximum(bound, COMPOUND_PART), bound
    )
    bound = np.where(text >= 1.0, 1.0, bound + SLACK)
    return np.where(bound >= TOKEN_FLOOR, bound, 0.0)


def name_upper_bounds(
    query_names: tuple[tuple[NameToken, ...], ...], names: Names, listed: ListedTokens
) -> F64:
    """Per candidate, a score none of its names can exceed against any query name."""
    count = len(names.token_ids)
    lengths = np.diff(np.append(names.starts, count))
    if not count or (lengths <= 0).any():
        return np.full(names.candidates, np.inf)
    uniq, inverse = np.unique(names.token_ids, return_inverse=True)
    uniq_tokens = [listed.tokens[t] for t in uniq.tolist()]
    query_tokens = list({id(t): t for name in query_names for t in name}.values())
    row_of = {id(t): k for k, t in enumerate(query_tokens)}
    sims = token_upper_bounds(query_tokens, uniq_tokens)[:, inverse]
    w_c = listed.weight[names.token_ids]
    total_c = np.add.reduceat(w_c, names.starts)
    joined = _joined_keys(uniq_tokens, inverse, names.starts, count)
    vowelled_c = np.minimum.reduceat(listed.vowelled[names.token_ids], names.starts)
    best = np.zeros(names.candidates, dtype=np.float64)
    for query in query_names:
        if not query:
            continue
        rows = sims[[row_of[id(t)] for t in query]]
        bound = _main_bound(query, rows, w_c, total_c, names.starts, lengths)
        if all(t.vowelled for t in query):
            bound = np.maximum(bound, _joined_bound(query, joined, vowelled_c, total_c))
        np.maximum.at(best, names.owner, bound)
    return best


def _main_bound(
    query: tuple[NameToken, ...],
    sims: F64,
    w_c: F64,
    total_c: F64,
    starts: I64,
    lengths: I64,
) -> F64:
    """Bound of the aligned-token score of ``query`` against every listed name."""
    w_q = np.array([t.weight for t in query], dtype=np.float64)
    per_name = np.maximum.reduceat(sims, starts, axis=1)  # best partner of each query token
    got_q = np.minimum(w_q @ per_name, w_q.sum())
    mass_q = w_q @ (per_name > 0)
    per_token = np.minimum(sims.max(axis=0), 1.0)  # best partner of each listed token
    got_c = np.add.reduceat(w_c * per_token, starts)
    mass_c = np.add.reduceat(w_c * (per_token > 0), starts)
    cov_q = got_q / max(float(w_q.sum()), 1e-12)
    cov_c = got_c / np.maximum(total_c, 1e-12)
    query_shorter = len(query) <= lengths
    short = np.where(query_shorter, cov_q, cov_c)
    long_ = np.where(query_shorter, cov_c, cov_q)
    info = np.minimum(1.0, INFO_BASE + (1.0 - INFO_BASE) * (mass_q + mass_c) / 2 / INFO_FULL)
    bound: F64 = short * (LONG_SIDE_FLOOR + (1 - LONG_SIDE_FLOOR) * long_) * info
    return bound


def _joined_keys(tokens: list[NameToken], inverse: I64, starts: I64, count: int) -> list[str]:
    """Each listed name's first keys joined (as the joined-keys score compares them)."""
    firsts = [t.keys[0] if t.keys else "" for t in tokens]
    ends = np.append(starts[1:], count).tolist()
    flat = inverse.tolist()
    return [
        "".join(firsts[u] for u in flat[a:b]) for a, b in zip(starts.tolist(), ends, strict=True)
    ]


def _joined_bound(
    query: tuple[NameToken, ...], joined: list[str], vowelled_c: npt.NDArray[np.bool_], total_c: F64
) -> F64:
    """Bound of the joined-keys score of ``query`` against every listed name."""
    joined_q = "".join(t.keys[0] if t.keys else "" for t in query)
    sims = process.cdist([joined_q], joined, scorer=OSA.normalized_similarity, dtype=np.float64)[0]
    sims = sims + SLACK
    mass = np.minimum(sum(t.weight for t in query), total_c)
    info = np.minimum(1.0, INFO_BASE + (1.0 - INFO_BASE) * mass / INFO_FULL)
    bound = (sims - JOINED_DISCOUNT) * info
    return np.where(vowelled_c & (sims >= JOINED_MIN), bound, 0.0)
