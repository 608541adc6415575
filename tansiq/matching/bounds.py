"""Upper bounds of name similarity for many candidates at once (a screening helper).

Before :func:`~tansiq.matching.names.name_similarity` runs on a candidate, the
index asks how high it could possibly score. For a whole batch of queries, the
edit similarities of every (query token, candidate token) pair are computed in
one C call per kind (spelling, phonetic keys, consonant skeletons) with
``rapidfuzz.process.cpdist``, then reduced per name pair with numpy:

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

__all__ = ["ListedTokens", "Names", "batch_upper_bounds", "pair_token_bounds"]

F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]
SLACK = 1e-6
"""Added to every token bound: C and Python float rounding may differ in the last bits."""


@dataclass(frozen=True, slots=True)
class ListedTokens:
    """Per listed (interned) token: weight, flags and first key strings, as flat tables."""

    tokens: Sequence[NameToken]
    weight: F64
    vowelled: npt.NDArray[np.bool_]
    texts: list[str]
    first_keys: list[str]
    first_skeletons: list[str]
    several: npt.NDArray[np.bool_]
    """More than one key or skeleton (romanisation variants): compared one by one."""
    compound: npt.NDArray[np.bool_]

    @classmethod
    def of(cls, tokens: Sequence[NameToken]) -> ListedTokens:
        return cls(
            tokens,
            np.array([t.weight for t in tokens], dtype=np.float64),
            np.array([t.vowelled for t in tokens], dtype=bool),
            [t.text for t in tokens],
            [t.keys[0] if t.keys else "" for t in tokens],
            [t.skeletons[0] if t.skeletons else "" for t in tokens],
            np.array([len(t.keys) > 1 or len(t.skeletons) > 1 for t in tokens], dtype=bool),
            np.array(["-" in t.text for t in tokens], dtype=bool),
        )


@dataclass(frozen=True, slots=True)
class Names:
    """The names of some candidates: flat token ids, where each name starts, whose it is."""

    token_ids: I64
    starts: I64
    owner: I64
    candidates: int


def _best_of(left: Sequence[str], right: Sequence[str]) -> float:
    return max((float(OSA.normalized_similarity(a, b)) for a in left for b in right), default=0.0)


def _cp(left: list[str], right: list[str]) -> F64:
    sims: F64 = process.cpdist(left, right, scorer=OSA.normalized_similarity, dtype=np.float64)
    return sims


def pair_token_bounds(query: Sequence[NameToken], qi: I64, listed: ListedTokens, lt: I64) -> F64:
    """Bounds of ``token_similarity(query[qi[e]], listed.tokens[lt[e]])`` for every e.

    A batch repeats many pairs (a query's tokens against the same listed given
    or family name in several candidates): each distinct pair is computed once.
    """
    pair = qi * max(1, len(listed.tokens)) + lt
    distinct, inverse = np.unique(pair, return_inverse=True)
    if len(distinct) * 5 > len(pair) * 4:  # not worth the detour
        return _pair_bounds(query, qi, listed, lt)
    width = max(1, len(listed.tokens))
    bounds: F64 = _pair_bounds(query, distinct // width, listed, distinct % width)[inverse]
    return bounds


def _pair_bounds(query: Sequence[NameToken], qi: I64, listed: ListedTokens, lt: I64) -> F64:
    q_list, l_list = qi.tolist(), lt.tolist()
    q_text = [query[i].text for i in q_list]
    text = _cp(q_text, [listed.texts[t] for t in l_list])
    keys = _cp(
        [query[i].keys[0] if query[i].keys else "" for i in q_list],
        [listed.first_keys[t] for t in l_list],
    )
    skeletons = _cp(
        [query[i].skeletons[0] if query[i].skeletons else "" for i in q_list],
        [listed.first_skeletons[t] for t in l_list],
    )
    q_several = np.array([len(t.keys) > 1 or len(t.skeletons) > 1 for t in query], dtype=bool)
    for e in np.flatnonzero(q_several[qi] | listed.several[lt]).tolist():
        tok_q, tok_l = query[q_list[e]], listed.tokens[l_list[e]]
        keys[e] = _best_of(tok_q.keys, tok_l.keys)
        skeletons[e] = _best_of(tok_q.skeletons, tok_l.skeletons)
    bound = np.maximum(KEY_EQUAL * np.maximum(text, keys), SKELETON_EQUAL * skeletons)
    q_compound = np.array(["-" in t.text for t in query], dtype=bool)
    compound = q_compound[qi] | listed.compound[lt]
    bound = np.where(compound, np.maximum(bound, COMPOUND_PART), bound)
    bound = np.where(text >= 1.0, 1.0, bound + SLACK)
    return np.where(bound >= TOKEN_FLOOR, bound, 0.0)


def _exclusive_cumsum(sizes: I64) -> I64:
    out = np.zeros(len(sizes), dtype=np.int64)
    np.cumsum(sizes[:-1], out=out[1:])
    return out


def _local(sizes: I64) -> tuple[I64, I64]:
    """For segments of ``sizes``: each element's segment and its offset within it."""
    segment = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    offset = np.arange(int(sizes.sum()), dtype=np.int64) - _exclusive_cumsum(sizes)[segment]
    return segment, offset


@dataclass(frozen=True, slots=True)
class _QueryNames:
    tokens: list[NameToken]
    start: I64
    length: I64
    of_query: list[list[int]]
    joined: list[str]
    vowelled: npt.NDArray[np.bool_]

    @classmethod
    def of(cls, queries: Sequence[tuple[tuple[NameToken, ...], ...]]) -> _QueryNames:
        tokens: list[NameToken] = []
        start: list[int] = []
        length: list[int] = []
        of_query: list[list[int]] = []
        joined: list[str] = []
        vowelled: list[bool] = []
        for names in queries:
            ids = []
            for name in names:
                if name:
                    ids.append(len(start))
                    start.append(len(tokens))
                    length.append(len(name))
                    tokens.extend(name)
                    joined.append("".join(t.keys[0] if t.keys else "" for t in name))
                    vowelled.append(all(t.vowelled for t in name))
            of_query.append(ids)
        return cls(
            tokens,
            np.array(start, dtype=np.int64),
            np.array(length, dtype=np.int64),
            of_query,
            joined,
            np.array(vowelled, dtype=bool),
        )


def batch_upper_bounds(
    queries: Sequence[tuple[tuple[NameToken, ...], ...]],
    row_query: I64,
    names: Names,
    listed: ListedTokens,
) -> F64:
    """Per candidate row (of query ``row_query[row]``), a bound of its best name score.

    One pass over every (query name, listed name) pair of a whole batch, so
    the fixed cost of the array calls is shared by all its queries.
    """
    count = len(names.token_ids)
    best = np.zeros(names.candidates, dtype=np.float64)
    lengths_c = np.diff(np.append(names.starts, count))
    if not count or (lengths_c <= 0).any():
        return np.full(names.candidates, np.inf)
    qn = _QueryNames.of(queries)
    of_query = qn.of_query
    pair_q: list[int] = []
    pair_n: list[int] = []
    for n, b in enumerate(row_query[names.owner].tolist()):
        for name_q in of_query[b]:
            pair_q.append(name_q)
            pair_n.append(n)
    if not pair_n:
        return best
    p_q = np.array(pair_q, dtype=np.int64)
    p_n = np.array(pair_n, dtype=np.int64)
    size_q, size_c = qn.length[p_q], lengths_c[p_n]
    pair_of, local = _local(size_q * size_c)  # elements ordered by pair, query token, listed
    cols = size_c[pair_of]
    i_loc, j_loc = local // cols, local % cols
    qi = qn.start[p_q][pair_of] + i_loc
    lj = names.starts[p_n][pair_of] + j_loc
    sims = pair_token_bounds(qn.tokens, qi, listed, names.token_ids[lj])
    # best partner of each query token of each pair (runs of ``cols`` elements)
    pi_pair, pi_local = _local(size_q)
    per_q = np.maximum.reduceat(
        sims, _exclusive_cumsum(size_q * size_c)[pi_pair] + pi_local * size_c[pi_pair]
    )
    w_q = np.array([t.weight for t in qn.tokens], dtype=np.float64)[
        qn.start[p_q][pi_pair] + pi_local
    ]
    q_starts = _exclusive_cumsum(size_q)
    got_q = np.add.reduceat(w_q * per_q, q_starts)
    mass_q = np.add.reduceat(w_q * (per_q > 0), q_starts)
    total_q = np.add.reduceat(w_q, q_starts)
    # best partner of each listed token of each pair
    c_starts = _exclusive_cumsum(size_c)
    per_c = np.zeros(int(size_c.sum()), dtype=np.float64)
    np.maximum.at(per_c, c_starts[pair_of] + j_loc, sims)
    pj_pair, pj_local = _local(size_c)
    w_c = listed.weight[names.token_ids[names.starts[p_n][pj_pair] + pj_local]]
    got_c = np.add.reduceat(w_c * np.minimum(per_c, 1.0), c_starts)
    mass_c = np.add.reduceat(w_c * (per_c > 0), c_starts)
    total_c = np.add.reduceat(w_c, c_starts)
    cov_q = np.minimum(got_q, total_q) / np.maximum(total_q, 1e-12)
    cov_c = got_c / np.maximum(total_c, 1e-12)
    query_shorter = size_q <= size_c
    short = np.where(query_shorter, cov_q, cov_c)
    long_ = np.where(query_shorter, cov_c, cov_q)
    info = np.minimum(1.0, INFO_BASE + (1.0 - INFO_BASE) * (mass_q + mass_c) / 2 / INFO_FULL)
    bound = short * (LONG_SIDE_FLOOR + (1 - LONG_SIDE_FLOOR) * long_) * info
    bound = np.maximum(bound, _batch_joined(qn, p_q, p_n, names, listed, total_q, total_c))
    np.maximum.at(best, names.owner[p_n], bound)
    return best


def _batch_joined(
    qn: _QueryNames,
    p_q: I64,
    p_n: I64,
    names: Names,
    listed: ListedTokens,
    total_q: F64,
    total_c: F64,
) -> F64:
    """Bound of the joined-keys score of every pair (0 where a side has unvowelled tokens)."""
    vowelled_c = np.minimum.reduceat(listed.vowelled[names.token_ids], names.starts)
    both = qn.vowelled[p_q] & vowelled_c[p_n]
    out = np.zeros(len(p_q), dtype=np.float64)
    which = np.flatnonzero(both)
    if not len(which):
        return out
    ends = np.append(names.starts[1:], len(names.token_ids)).tolist()
    starts = names.starts.tolist()
    flat = names.token_ids.tolist()
    firsts = listed.first_keys
    needed = sorted(set(p_n[which].tolist()))
    joined_c = {n: "".join(firsts[t] for t in flat[starts[n] : ends[n]]) for n in needed}
    sims = (
        _cp([qn.joined[q] for q in p_q[which].tolist()], [joined_c[n] for n in p_n[which].tolist()])
        + SLACK
    )
    mass = np.minimum(total_q[which], total_c[which])
    info = np.minimum(1.0, INFO_BASE + (1.0 - INFO_BASE) * mass / INFO_FULL)
    out[which] = np.where(sims >= JOINED_MIN, (sims - JOINED_DISCOUNT) * info, 0.0)
    return out
