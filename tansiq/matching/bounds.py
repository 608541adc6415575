"""Upper bounds of name similarity for many candidates at once (a screening helper).

Before :func:`~tansiq.matching.names.name_similarity` runs on a candidate, the
index asks how high it could possibly score. For a whole batch of queries, the
edit similarities of every (query token, candidate token) pair are computed in
one C call per kind (spelling, phonetic keys, consonant skeletons) with
``rapidfuzz.process.cpdist``, then reduced per name pair with numpy:

* a token pair scores at most 1 when spelled alike, else at most ``KEY_EQUAL``
  times the best edit similarity of spellings or keys, ``SKELETON_EQUAL``
  times that of skeletons (only when a token is not vowelled), or
  ``COMPOUND_PART`` for compounds; two romanised tokens sharing a key score
  by their spelling's similarity: every branch of
  :func:`~tansiq.matching.names.token_similarity` stays below that;
* a token is aligned at most once, to a partner at least ``TOKEN_FLOOR``
  alike, so each side's coverage is at most the weighted share of its tokens
  with such a partner, at the credit (``names.credit``) of its best partner's
  bound; where one side has a single such token, at most one pair aligns
  (the lone pair's floor, the best single token's coverage);
* the matched mass (information) is at most half the covered weight of both sides;
* given names (or, in names of one length whose bounds are 0 off the diagonal,
  tokens in any place) that can only pair with each other, weakly, and are
  spelled unlike each other surely conflict (``GIVEN_CONFLICT``);
* the joined-keys score is bounded by the same formula on the edit similarity
  of the joined keys;
* before any edit similarity is computed, a cheap cap from the letters (the
  bag distance, from 64 bits per string: ``_letter_bits``, ``_bit_caps``)
  bounds it: token pairs whose cap keeps them below ``TOKEN_FLOOR`` get 0
  without being compared (about 4 in 5 on the benchmark's batches), and joined
  keys whose capped score cannot matter (at most ``GIVEN_CONFLICT`` times the
  alignment bound, or below ``wanted``) keep the cap as their bound;
* an Arabic-script word against a romanised Latin token is compared letter by
  letter (:func:`~tansiq.matching.crossscript.cross_similarity`), which edit
  similarities of keys or skeletons do not bound (Pecci ~ بيسي): those pairs
  get their exact similarity (memoised, so scoring does not pay for it twice),
  unless a cheap bound (consonants with no partner in the Latin, see
  ``cross_upper_bound``) already puts them below ``TOKEN_FLOOR``.

With the matched mass, the aligned pairs and a complete alignment bounded too,
:func:`date_conflict_bounds` says how much a birth-date conflict surely takes
off the score (its exact date score times the lowest weight ``Algorithm.score``
can give it).

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

from .algorithm import (
    COMPLETE_NAME_CONFLICT,
    COMPLETE_TOKEN,
    FAR_CONFLICT,
    FULL_NAME_MASS,
    LONG_NAME_TOKENS,
    Algorithm,
)
from .crossscript import cross_similarity, cross_upper_bound
from .features import FAR_YEARS, _date_score, birth_date
from .names import (
    COMPOUND_PART,
    CROSS_EQUAL,
    GIVEN_CONFLICT,
    INFO_BASE,
    INFO_FULL,
    JOINED_DISCOUNT,
    JOINED_MIN,
    KEY_EQUAL,
    KEY_UNLIKE,
    LONE_TOKEN_FLOOR,
    LONE_TOKEN_STEP,
    LONG_SIDE_FLOOR,
    SKELETON_EQUAL,
    SPELLING_FLOOR,
    SPELLING_NEAR,
    STRONG_TOKEN,
    TOKEN_FLOOR,
    WEAK_CREDIT,
    _unlike,
)
from .prepare import BirthDate
from .tokens import NameToken

__all__ = [
    "ListedTokens",
    "NameBounds",
    "Names",
    "batch_name_bounds",
    "batch_upper_bounds",
    "date_conflict_bounds",
    "pair_token_bounds",
]

F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]
Strings = npt.NDArray[np.object_]
U64 = npt.NDArray[np.uint64]
SLACK = 1e-6
"""Added to every token bound: C and Python float rounding may differ in the last bits."""
CAP_SLACK = 1e-9
"""Added to similarity caps from letter counts (float rounding of the exact similarity)."""
LETTER_BINS = 32
"""Letters are counted in this many bins (code point modulo; a-z fall in distinct bins)."""
HALF = np.uint64(LETTER_BINS)
LOW_BITS = np.uint64((1 << LETTER_BINS) - 1)
WANTED_MARGIN = 1e-9
"""Name pairs bounded below ``wanted`` less this are of no interest (float rounding)."""
WEIGHT_ROUNDING = 1e-4
"""A birth-date conflict's weight is rounded to 4 decimals (``Algorithm.score``)."""


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
    sourced: npt.NDArray[np.bool_]
    """Spelled in Arabic script letter by letter (``source``): compared across scripts."""
    romanised: npt.NDArray[np.bool_]
    """Vowelled and not from a syllabic script: comparable with a ``sourced`` token."""
    key_length: I64
    """Length of the first key (a name's joined keys are as long as their sum)."""
    strings: tuple[Strings, Strings, Strings]
    """Texts, first keys and first skeletons again, as arrays (gathered without a loop)."""
    text_length: I64
    bits: tuple[U64, U64]
    """Letter bits (``_letter_bits``) of the texts and of the first keys."""

    @classmethod
    def of(cls, tokens: Sequence[NameToken]) -> ListedTokens:
        sourced, romanised = _cross_flags(tokens)
        texts, keys, skeletons = _first_strings(tokens)
        return cls(
            tokens,
            np.array([t.weight for t in tokens], dtype=np.float64),
            np.array([t.vowelled for t in tokens], dtype=bool),
            texts,
            keys,
            skeletons,
            np.array([len(t.keys) > 1 or len(t.skeletons) > 1 for t in tokens], dtype=bool),
            np.array(["-" in t.text for t in tokens], dtype=bool),
            sourced,
            romanised,
            np.array([len(t.keys[0]) if t.keys else 0 for t in tokens], dtype=np.int64),
            (_array(texts), _array(keys), _array(skeletons)),
            np.array([len(text) for text in texts], dtype=np.int64),
            (_letter_bits(texts), _letter_bits(keys)),
        )


def _letter_bits(strings: Sequence[str]) -> U64:
    """Per string, its letters as 64 bits: letters fall in ``LETTER_BINS`` bins (code point
    modulo), with one bit per bin holding a letter and one per bin holding two or more
    (the letter multiset with counts cut at 2)."""
    lengths = np.array([len(text) for text in strings], dtype=np.int64)
    codes = np.frombuffer("".join(strings).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    owner = np.repeat(np.arange(len(strings), dtype=np.int64), lengths)
    bins = owner * LETTER_BINS + (codes % LETTER_BINS).astype(np.int64)
    counts = np.bincount(bins, minlength=len(strings) * LETTER_BINS).reshape(-1, LETTER_BINS)
    occurs = np.concatenate([counts >= 1, counts >= 2], axis=1)
    packed = np.ascontiguousarray(np.packbits(occurs, axis=1, bitorder="little"))
    out: U64 = packed.view("<u8").reshape(-1).astype(np.uint64)
    return out


def _bit_caps(bits: tuple[U64, U64], lengths: tuple[I64, I64]) -> F64:
    """Per pair of strings (their letter bits and lengths), a bound of their OSA
    normalised similarity (1 - distance / the longer length).

    An edit (insertion, deletion, substitution, transposition) changes each one-sided
    difference of the two letter multisets by at most one, so the distance is at least
    the larger side (the bag distance). A side is at least the bits its string has and
    the other lacks, and the two sides differ by the difference of the lengths.
    """
    only = np.bitwise_count(bits[0] & ~bits[1]).astype(np.int64)
    other = np.bitwise_count(bits[1] & ~bits[0]).astype(np.int64)
    longer_by = lengths[0] - lengths[1]
    bag = np.maximum(only + np.maximum(0, -longer_by), other + np.maximum(0, longer_by))
    longer = np.maximum(lengths[0], lengths[1])
    caps: F64 = np.where(longer > 0, 1.0 - bag / np.maximum(longer, 1), 1.0) + CAP_SLACK
    return caps


def _first_strings(tokens: Sequence[NameToken]) -> tuple[list[str], list[str], list[str]]:
    """Per token: its text, first key and first skeleton (empty when it has none)."""
    return (
        [t.text for t in tokens],
        [t.keys[0] if t.keys else "" for t in tokens],
        [t.skeletons[0] if t.skeletons else "" for t in tokens],
    )


def _array(values: list[str]) -> Strings:
    out: Strings = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _cross_flags(
    tokens: Sequence[NameToken],
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """(has Arabic-script letters, romanised) per token, as ``token_similarity`` reads them."""
    sourced = np.array([bool(t.source) for t in tokens], dtype=bool)
    romanised = np.array([t.vowelled and not t.exact_vowels for t in tokens], dtype=bool)
    return sourced, romanised


@dataclass(frozen=True, slots=True)
class Names:
    """The names of some candidates: flat token ids, where each name starts, whose it is."""

    token_ids: I64
    starts: I64
    owner: I64
    candidates: int


def _best_of(left: Sequence[str], right: Sequence[str]) -> float:
    return max((float(OSA.normalized_similarity(a, b)) for a in left for b in right), default=0.0)


def _cp(left: Sequence[str] | Strings, right: Sequence[str] | Strings) -> F64:
    sims: F64 = process.cpdist(left, right, scorer=OSA.normalized_similarity, dtype=np.float64)
    return sims


def pair_token_bounds(query: Sequence[NameToken], qi: I64, listed: ListedTokens, lt: I64) -> F64:
    """Bounds of ``token_similarity(query[qi[e]], listed.tokens[lt[e]])`` for every e.

    Each distinct (query token, listed token) pair is bounded once: the
    candidates of a batch share many tokens (given names above all).
    """
    ids: dict[NameToken, int] = {}
    q_ids = np.array([ids.setdefault(t, len(ids)) for t in query], dtype=np.int64)
    width = max(1, len(listed.tokens))
    code = q_ids[qi] * width + lt
    distinct, inverse = np.unique(code, return_inverse=True)
    bounds = _distinct_pair_bounds(list(ids), distinct // width, listed, distinct % width)
    out: F64 = bounds[inverse.reshape(-1)]
    return out


def _distinct_pair_bounds(
    query: Sequence[NameToken], qi: I64, listed: ListedTokens, lt: I64
) -> F64:
    out = np.zeros(len(qi), dtype=np.float64)
    may = np.flatnonzero(_may_reach_floor(query, qi, listed, lt))
    if len(may):
        out[may] = _exact_pair_bounds(query, qi[may], listed, lt[may])
    return out


def _may_reach_floor(
    query: Sequence[NameToken], qi: I64, listed: ListedTokens, lt: I64
) -> npt.NDArray[np.bool_]:
    """False for pairs whose bound is surely 0: two vowelled tokens, neither a compound
    nor with several keys, whose spellings and first keys (by their letter counts) are
    too far apart for ``KEY_EQUAL`` times their similarity to reach ``TOKEN_FLOOR``.
    Such pairs share no key either (``_vowelled_bounds``)."""
    texts, keys, _ = _first_strings(query)
    q_vowelled = np.array([t.vowelled for t in query], dtype=bool)
    q_special = np.array(
        ["-" in t.text or len(t.keys) > 1 or len(t.skeletons) > 1 for t in query], dtype=bool
    )
    plain = (
        q_vowelled[qi]
        & listed.vowelled[lt]
        & ~q_special[qi]
        & ~listed.compound[lt]
        & ~listed.several[lt]
    )
    text_cap = _bit_caps(
        (_letter_bits(texts)[qi], listed.bits[0][lt]),
        (np.array([len(t) for t in texts], dtype=np.int64)[qi], listed.text_length[lt]),
    )
    key_cap = _bit_caps(
        (_letter_bits(keys)[qi], listed.bits[1][lt]),
        (np.array([len(k) for k in keys], dtype=np.int64)[qi], listed.key_length[lt]),
    )
    far = KEY_EQUAL * np.maximum(text_cap, key_cap) + SLACK < TOKEN_FLOOR
    out: npt.NDArray[np.bool_] = ~(plain & far)
    return out


def _exact_pair_bounds(query: Sequence[NameToken], qi: I64, listed: ListedTokens, lt: I64) -> F64:
    q_list, l_list = qi.tolist(), lt.tolist()
    q_texts, q_keys, q_skeletons = (_array(column) for column in _first_strings(query))
    l_texts, l_keys, l_skeletons = listed.strings
    text, keys = _cp(q_texts[qi], l_texts[lt]), _cp(q_keys[qi], l_keys[lt])
    q_vowelled = np.array([t.vowelled for t in query], dtype=bool)
    both_vowelled = q_vowelled[qi] & listed.vowelled[lt]
    # skeletons only count when a token is not vowelled (``token_similarity``)
    unvowelled = np.flatnonzero(~both_vowelled)
    skeletons = np.zeros(len(qi), dtype=np.float64)
    if len(unvowelled):
        skeletons[unvowelled] = _cp(q_skeletons[qi[unvowelled]], l_skeletons[lt[unvowelled]])
    q_several = np.array([len(t.keys) > 1 or len(t.skeletons) > 1 for t in query], dtype=bool)
    for e in np.flatnonzero(q_several[qi] | listed.several[lt]).tolist():
        tok_q, tok_l = query[q_list[e]], listed.tokens[l_list[e]]
        keys[e] = _best_of(tok_q.keys, tok_l.keys)
        skeletons[e] = _best_of(tok_q.skeletons, tok_l.skeletons)
    spelled = KEY_EQUAL * np.maximum(text, keys)
    bound = np.maximum(spelled, SKELETON_EQUAL * skeletons)
    q_compound = np.array(["-" in t.text for t in query], dtype=bool)
    compound = q_compound[qi] | listed.compound[lt]
    bound = np.where(compound, np.maximum(bound, COMPOUND_PART), bound)
    vowelled = _vowelled_bounds(query, qi, listed, lt, (text, keys, spelled, compound))
    bound = np.where(both_vowelled, vowelled, bound)
    bound = _cross_script(query, qi, listed, lt, bound)
    bound = np.where(text >= 1.0, 1.0, bound + SLACK)
    return np.where(bound >= TOKEN_FLOOR, bound, 0.0)


def _vowelled_bounds(
    query: Sequence[NameToken],
    qi: I64,
    listed: ListedTokens,
    lt: I64,
    sims: tuple[F64, F64, F64, npt.NDArray[np.bool_]],
) -> F64:
    """Bounds of ``_vowelled_similarity`` (both tokens vowelled): spellings and keys only.

    Two romanised tokens sharing a phonetic key score by how alike their spellings
    are (``KEY_UNLIKE`` to ``KEY_EQUAL``); other pairs score at most ``KEY_EQUAL``
    times the best edit similarity of spellings or keys, or ``COMPOUND_PART``.
    """
    text, keys, spelled, compound = sims
    q_romanised = _cross_flags(query)[1]
    q_keyed = np.array([bool(t.keys) for t in query], dtype=bool)
    shared = (
        q_romanised[qi]
        & listed.romanised[lt]
        & q_keyed[qi]
        & (listed.key_length[lt] > 0)
        & (keys >= 1.0)
    )
    near = np.clip((text - SPELLING_FLOOR) / (SPELLING_NEAR - SPELLING_FLOOR), 0.0, 1.0)
    out: F64 = np.where(
        shared,
        KEY_UNLIKE + (KEY_EQUAL - KEY_UNLIKE) * near,
        np.where(compound, np.maximum(spelled, COMPOUND_PART), spelled),
    )
    return out


def _cross_script(
    query: Sequence[NameToken], qi: I64, listed: ListedTokens, lt: I64, bound: F64
) -> F64:
    """``bound`` with the exact similarity of the Arabic-script / Latin pairs.

    The branches follow ``token_similarity``: two vowelled tokens compare by
    spelling, else a sourced token against a romanised one letter by letter.
    """
    q_sourced, q_romanised = _cross_flags(query)
    q_vowelled = np.array([t.vowelled for t in query], dtype=bool)
    both_vowelled = q_vowelled[qi] & listed.vowelled[lt]
    q_side = ~both_vowelled & q_sourced[qi] & listed.romanised[lt]
    l_side = ~both_vowelled & ~q_side & listed.sourced[lt] & q_romanised[qi]
    which = np.flatnonzero(q_side | l_side)
    if not len(which):
        return bound
    out = bound.copy()
    tokens = listed.tokens
    for e, from_query in zip(which.tolist(), q_side[which].tolist(), strict=True):
        tok_q, tok_l = query[int(qi[e])], tokens[int(lt[e])]
        word, latin = (tok_q.source, tok_l.text) if from_query else (tok_l.source, tok_q.text)
        out[e] = CROSS_EQUAL * cross_upper_bound(word, latin)
        if out[e] >= TOKEN_FLOOR:  # may count: align it (scoring will reuse the result)
            out[e] = CROSS_EQUAL * cross_similarity(word, latin)
    return out


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
    first: I64
    """Per query, its first name's id (a query's names have consecutive ids)."""
    count: I64
    """Per query, its number of names."""
    joined: list[str]
    vowelled: npt.NDArray[np.bool_]

    @classmethod
    def of(cls, queries: Sequence[tuple[tuple[NameToken, ...], ...]]) -> _QueryNames:
        tokens: list[NameToken] = []
        start: list[int] = []
        length: list[int] = []
        first: list[int] = []
        count: list[int] = []
        joined: list[str] = []
        vowelled: list[bool] = []
        for names in queries:
            first.append(len(start))
            for name in names:
                if name:
                    start.append(len(tokens))
                    length.append(len(name))
                    tokens.extend(name)
                    joined.append("".join(t.keys[0] if t.keys else "" for t in name))
                    vowelled.append(all(t.vowelled for t in name))
            count.append(len(start) - first[-1])
        return cls(
            tokens,
            np.array(start, dtype=np.int64),
            np.array(length, dtype=np.int64),
            np.array(first, dtype=np.int64),
            np.array(count, dtype=np.int64),
            joined,
            np.array(vowelled, dtype=bool),
        )


@dataclass(frozen=True, slots=True)
class NameBounds:
    """Per candidate row, bounds over all its name pairs with the query's names."""

    upper: F64
    """Of the best name score."""
    mass: F64
    """Of the matched mass (``NameScore.mass``) of any name pair."""
    pairs: I64
    """Of the number of aligned token pairs of any name pair."""
    weakest: F64
    """Over the name pairs of one length, the largest lowest best-partner bound of their
    tokens (0 if none): a name pair aligning every token of both names has no token pair
    more alike than this in its weakest place."""

    def subset(self, rows: I64) -> NameBounds:
        """The bounds of some rows."""
        return NameBounds(self.upper[rows], self.mass[rows], self.pairs[rows], self.weakest[rows])

    @classmethod
    def unknown(cls, count: int) -> NameBounds:
        """Bounds that exclude nothing."""
        return cls(
            np.full(count, np.inf),
            np.full(count, np.inf),
            np.full(count, np.iinfo(np.int64).max, dtype=np.int64),
            np.full(count, np.inf),
        )


def batch_upper_bounds(
    queries: Sequence[tuple[tuple[NameToken, ...], ...]],
    row_query: I64,
    names: Names,
    listed: ListedTokens,
) -> F64:
    """Per candidate row (of query ``row_query[row]``), a bound of its best name score."""
    return batch_name_bounds(queries, row_query, names, listed).upper


def batch_name_bounds(
    queries: Sequence[tuple[tuple[NameToken, ...], ...]],
    row_query: I64,
    names: Names,
    listed: ListedTokens,
    wanted: F64 | None = None,
) -> NameBounds:
    """Per candidate row (of query ``row_query[row]``), bounds of its name comparison.

    One pass over every (query name, listed name) pair of a whole batch, so
    the fixed cost of the array calls is shared by all its queries. With
    ``wanted`` (per row, the name score below which it is of no interest), name
    pairs already bounded below it are not checked for given-name conflicts.
    """
    count = len(names.token_ids)
    rows = names.candidates
    lengths_c = np.diff(np.append(names.starts, count))
    if not count or (lengths_c <= 0).any():
        return NameBounds.unknown(rows)
    qn = _QueryNames.of(queries)
    # every listed name against each name of its row's query, in listed-name order
    query_of = row_query[names.owner]
    p_n, local = _local(qn.count[query_of])
    p_q = qn.first[query_of][p_n] + local
    out = NameBounds(
        np.zeros(rows),
        np.zeros(rows),
        np.zeros(rows, dtype=np.int64),
        np.zeros(rows),
    )
    if not len(p_n):
        return out
    grid = _Grid.of(qn.length[p_q], lengths_c[p_n])
    qi = qn.start[p_q][grid.pair_of] + grid.i_loc
    lj = names.starts[p_n][grid.pair_of] + grid.j_loc
    sims = pair_token_bounds(qn.tokens, qi, listed, names.token_ids[lj])
    # best partner of each query token of each pair (runs of ``cols`` elements)
    pi_pair, pi_local = _local(grid.size_q)
    per_q = np.maximum.reduceat(sims, grid.first[pi_pair] + pi_local * grid.size_c[pi_pair])
    w_q = np.array([t.weight for t in qn.tokens], dtype=np.float64)[
        qn.start[p_q][pi_pair] + pi_local
    ]
    side_q = _Side.of(w_q, per_q, grid.size_q)
    # best partner of each listed token of each pair
    c_starts = _exclusive_cumsum(grid.size_c)
    per_c = np.zeros(int(grid.size_c.sum()), dtype=np.float64)
    np.maximum.at(per_c, c_starts[grid.pair_of] + grid.j_loc, sims)
    pj_pair, pj_local = _local(grid.size_c)
    w_c = listed.weight[names.token_ids[names.starts[p_n][pj_pair] + pj_local]]
    side_c = _Side.of(w_c, per_c, grid.size_c)
    bound, mass = _alignment_bound(grid, side_q, side_c)
    owner = names.owner[p_n]
    joined = _batch_joined(
        qn,
        (p_q, p_n),
        names,
        listed,
        (side_q.total, side_c.total),
        GIVEN_CONFLICT * bound
        if wanted is None
        else np.maximum(GIVEN_CONFLICT * bound, wanted[owner] - WANTED_MARGIN),
    )
    open_ = None if wanted is None else np.maximum(bound, joined) >= wanted[owner]
    conflict = _given_conflicts(grid, sims, qn.tokens, qn.start[p_q], listed, names, p_n, open_)
    # a conflict scales the joined-keys score too when some pair is surely aligned
    # (two tokens spelled alike, bound 1); with no pair aligned there is no conflict
    paired = np.zeros(len(p_q), dtype=bool)
    paired[grid.pair_of[sims >= 1.0]] = True
    bound = np.where(
        conflict,
        np.where(
            paired,
            GIVEN_CONFLICT * np.maximum(bound, joined),
            np.maximum(GIVEN_CONFLICT * bound, joined),
        ),
        np.maximum(bound, joined),
    )
    np.maximum.at(out.upper, owner, bound)
    np.maximum.at(out.mass, owner, mass)
    np.maximum.at(out.pairs, owner, np.minimum(side_q.partnered, side_c.partnered))
    weakest = np.minimum(
        np.minimum.reduceat(per_q, _exclusive_cumsum(grid.size_q)),
        np.minimum.reduceat(per_c, c_starts),
    )
    whole = (grid.size_q == grid.size_c) & (weakest > 0)
    np.maximum.at(out.weakest, owner[whole], weakest[whole])
    return out


@dataclass(frozen=True, slots=True)
class _Grid:
    """The token pairs of many name pairs, flat: each name pair's query tokens (rows) times
    its listed tokens (columns), in row order."""

    size_q: I64
    size_c: I64
    first: I64
    """Per name pair, where its elements start."""
    pair_of: I64
    i_loc: I64
    j_loc: I64

    @classmethod
    def of(cls, size_q: I64, size_c: I64) -> _Grid:
        pair_of, local = _local(size_q * size_c)
        cols = size_c[pair_of]
        first = _exclusive_cumsum(size_q * size_c)
        return cls(size_q, size_c, first, pair_of, local // cols, local % cols)


@dataclass(frozen=True, slots=True)
class _Side:
    """Per name pair, bounds for one side's tokens given each token's best partner bound."""

    total: F64
    """Summed weight of the side's tokens."""
    got: F64
    """Summed weight times credit of the best partner: bounds the side's covered weight
    (each token is aligned at most once, at most as alike as its best partner)."""
    best: F64
    """The largest single token's weight times credit: bounds the covered weight when a
    single token pair is aligned."""
    partnered: I64
    """Tokens with a partner at least ``TOKEN_FLOOR`` alike (bounds the aligned pairs)."""

    @classmethod
    def of(cls, weights: F64, per_token: F64, sizes: I64) -> _Side:
        starts = _exclusive_cumsum(sizes)
        covered = weights * _credit(np.minimum(per_token, 1.0))
        return cls(
            np.add.reduceat(weights, starts),
            np.add.reduceat(covered, starts),
            np.maximum.reduceat(covered, starts),
            np.add.reduceat((per_token > 0).astype(np.int64), starts),
        )


def _credit(sims: F64) -> F64:
    """``names.credit`` of many similarities (it grows with the similarity: a bound of the
    similarity gives a bound of the credit)."""
    share = np.maximum(0.0, sims - TOKEN_FLOOR) / (STRONG_TOKEN - TOKEN_FLOOR)
    weak = sims * (WEAK_CREDIT + (1.0 - WEAK_CREDIT) * share)
    out: F64 = np.where(sims >= STRONG_TOKEN, sims, weak)
    return out


def _alignment_bound(grid: _Grid, side_q: _Side, side_c: _Side) -> tuple[F64, F64]:
    """Bounds of the alignment score of every name pair (before the joined-keys score) and
    of its matched mass.

    The matched mass is at most half the covered weight of both sides (a pair adds its
    credit times the mean weight of its two tokens). When at most one token pair can be
    aligned (one side has a single token with a partner), the long side's floor is the
    lone pair's, and each side covers at most its best single token.
    """
    lone = np.minimum(side_q.partnered, side_c.partnered) <= 1
    got_q = np.where(lone, side_q.best, side_q.got)
    got_c = np.where(lone, side_c.best, side_c.got)
    cov_q = np.minimum(got_q, side_q.total) / np.maximum(side_q.total, 1e-12)
    cov_c = np.minimum(got_c, side_c.total) / np.maximum(side_c.total, 1e-12)
    query_shorter = grid.size_q <= grid.size_c
    short = np.where(query_shorter, cov_q, cov_c)
    long_ = np.where(query_shorter, cov_c, cov_q)
    spare = np.maximum(0, np.maximum(grid.size_q, grid.size_c) - 2)
    lone_floor = np.maximum(LONE_TOKEN_FLOOR, LONG_SIDE_FLOOR - LONE_TOKEN_STEP * spare)
    floor = np.where(lone, lone_floor, LONG_SIDE_FLOOR)
    mass = (got_q + got_c) / 2
    info = np.minimum(1.0, INFO_BASE + (1.0 - INFO_BASE) * mass / INFO_FULL)
    out: F64 = short * (floor + (1 - floor) * long_) * info
    return out, mass + SLACK


def _given_conflicts(
    grid: _Grid,
    sims: F64,
    tokens_q: Sequence[NameToken],
    start_q: I64,
    listed: ListedTokens,
    names: Names,
    p_n: I64,
    open_: npt.NDArray[np.bool_] | None,
) -> npt.NDArray[np.bool_]:
    """Name pairs whose tokens in some place surely conflict (see ``given_conflict``).

    Whatever the alignment, the first tokens of both names find no partner but each
    other, below ``STRONG_TOKEN``, when the bounds of all their other pairs are 0 and
    that of their own pair is below it. In names of one length whose bounds are 0 off
    the diagonal, every pair keeps its place, and so does any token in the same way.
    Two such tokens spelled unlike each other scale the score (by ``GIVEN_CONFLICT``),
    unless no pair is aligned at all. Only ``open_`` name pairs are looked at.
    """
    sized = (grid.size_q >= 2) & (grid.size_c >= 2)
    if open_ is not None:
        sized &= open_
    out = np.zeros(len(grid.size_q), dtype=bool)
    looked = np.flatnonzero(sized)
    if not len(looked):
        return out
    # the elements of the name pairs looked at: ``pair`` numbers those pairs
    pair, offset = _local(grid.size_q[looked] * grid.size_c[looked])
    at = grid.first[looked][pair] + offset
    i_loc, j_loc, alike = grid.i_loc[at], grid.j_loc[at], sims[at]
    partner = alike > 0
    # with no token pair that may align, no pair is aligned: no conflict
    sure = np.zeros(len(looked), dtype=bool)
    sure[pair[partner]] = True
    diagonal = i_loc == j_loc
    # first tokens: no partner elsewhere in their row or column
    first = sure.copy()
    first[pair[((i_loc == 0) != (j_loc == 0)) & partner]] = False
    # names of one length: no partner off the diagonal
    placed = sure & (grid.size_q[looked] == grid.size_c[looked])
    placed[pair[~diagonal & partner]] = False
    where = np.flatnonzero(
        diagonal & (alike < STRONG_TOKEN) & ((first[pair] & (i_loc == 0)) | placed[pair])
    )
    if not len(where):
        return out
    pair_of = looked[pair[where]]
    tok_q = (start_q[pair_of] + i_loc[where]).tolist()
    tok_c = names.token_ids[names.starts[p_n[pair_of]] + j_loc[where]].tolist()
    seen: dict[tuple[str, bool, int], bool] = {}
    tokens = listed.tokens
    hits: list[int] = []
    for k, q, c in zip(pair_of.tolist(), tok_q, tok_c, strict=True):
        token = tokens_q[q]
        key = (token.text, token.vowelled, c)
        unlike = seen.get(key)
        if unlike is None:
            unlike = seen[key] = _unlike(token, tokens[c])
        if unlike:
            hits.append(k)
    out[hits] = True
    return out


def _batch_joined(
    qn: _QueryNames,
    pairs: tuple[I64, I64],
    names: Names,
    listed: ListedTokens,
    totals: tuple[F64, F64],
    moot: F64,
) -> F64:
    """Bound of the joined-keys score of every pair (0 where a side has unvowelled tokens).

    The OSA similarity is at most the ratio of the lengths: keys whose lengths differ
    too much cannot reach ``JOINED_MIN``. For the others, a cap of the similarity from
    the letters (``_bit_caps``) bounds the score; where that bound is at most ``moot``
    it is kept, and only the other pairs are compared. ``moot`` is
    ``GIVEN_CONFLICT`` times the alignment bound (a joined-keys score at most that
    changes no name bound), or more, the bound below which the name pair is of no
    interest (``wanted``): a name bound that stays below it stays below it.
    """
    p_q, p_n = pairs
    vowelled_c = np.minimum.reduceat(listed.vowelled[names.token_ids], names.starts)
    both = qn.vowelled[p_q] & vowelled_c[p_n]
    size_c = np.add.reduceat(listed.key_length[names.token_ids], names.starts)[p_n]
    size_q = np.array([len(j) for j in qn.joined], dtype=np.int64)[p_q]
    longer = np.maximum(size_c, size_q)
    shorter = np.minimum(size_c, size_q)
    near = shorter + SLACK * longer >= JOINED_MIN * longer
    out = np.zeros(len(p_q), dtype=np.float64)
    which = np.flatnonzero(both & near)
    if not len(which):
        return out
    mass = np.minimum(totals[0][which], totals[1][which])
    info = np.minimum(1.0, INFO_BASE + (1.0 - INFO_BASE) * mass / INFO_FULL)
    needed, at = np.unique(p_n[which], return_inverse=True)
    bits = (
        _letter_bits(qn.joined)[p_q[which]],
        _name_bits(names, listed, needed)[at.reshape(-1)],
    )
    cap = _bit_caps(bits, (size_q[which], size_c[which])) + SLACK
    out[which] = np.where(cap >= JOINED_MIN, (cap - JOINED_DISCOUNT) * info, 0.0)
    compared = out[which] > moot[which]
    which, info = which[compared], info[compared]
    if len(which):
        sims = _joined_similarity(qn, p_q[which], p_n[which], names, listed) + SLACK
        out[which] = np.where(sims >= JOINED_MIN, (sims - JOINED_DISCOUNT) * info, 0.0)
    return out


def _joined_similarity(
    qn: _QueryNames, p_q: I64, p_n: I64, names: Names, listed: ListedTokens
) -> F64:
    """The OSA similarity of the joined first keys of query names ``p_q`` and listed
    names ``p_n``, pair by pair."""
    ends = np.append(names.starts[1:], len(names.token_ids)).tolist()
    starts = names.starts.tolist()
    flat = names.token_ids.tolist()
    firsts = listed.first_keys
    needed = sorted(set(p_n.tolist()))
    joined_c = {n: "".join(map(firsts.__getitem__, flat[starts[n] : ends[n]])) for n in needed}
    return _cp([qn.joined[q] for q in p_q.tolist()], [joined_c[n] for n in p_n.tolist()])


def _name_bits(names: Names, listed: ListedTokens, which: I64) -> U64:
    """Letter bits (``_letter_bits``) of the joined first keys of the listed names ``which``:
    a bin holds two letters when a token's key does or two tokens' keys hold one."""
    starts = names.starts[which]
    sizes = np.diff(np.append(names.starts, len(names.token_ids)))[which]
    once = np.zeros(len(which), dtype=np.uint64)
    twice = np.zeros(len(which), dtype=np.uint64)
    for k in range(int(sizes.max(initial=0))):
        live = np.flatnonzero(sizes > k)
        bits = listed.bits[1][names.token_ids[starts[live] + k]]
        single = bits & LOW_BITS
        twice[live] |= (bits >> HALF) | (once[live] & single)
        once[live] |= single
    out: U64 = once | (twice << HALF)
    return out


def _follows_score(algorithm: Algorithm) -> bool:
    """Whether ``Algorithm.score``'s birth-date rule applies as bounded below: the class
    itself (not a subclass that may score otherwise), one name feature scored before the
    one birth-date feature (the conflict's weight reads the name's evidence), and
    non-negative conflict weights."""
    names = [f.name for f in algorithm.features]
    dated = [f for f in algorithm.features if f.name == "birth_date"]
    return (
        type(algorithm) is Algorithm
        and len(dated) == 1
        and dated[0].func is birth_date
        and names.count("name") == 1
        and names.index("name") < names.index("birth_date")
        and min(algorithm.date_conflict_weights) >= 0
    )


def date_conflict_bounds(
    algorithm: Algorithm,
    dates: Sequence[tuple[tuple[BirthDate, ...], tuple[BirthDate, ...]]],
    names: NameBounds,
) -> F64:
    """Per row (query and candidate birth dates, and bounds of their names), the most a
    birth-date conflict contributes to the score: below 0 where it surely takes off.

    Follows ``Algorithm.score``: the dates' score is exact; its weight is at least
    what the largest matched mass, the most aligned pairs and a complete alignment
    (where one is possible) leave of it. Rows without a sure conflict get 0.
    """
    out = np.zeros(len(dates), dtype=np.float64)
    if not _follows_score(algorithm):
        return out
    low, high = algorithm.date_conflict_weights
    first, full = LONG_NAME_TOKENS
    mass, pairs, weakest = names.mass.tolist(), names.pairs.tolist(), names.weakest.tolist()
    for r, (query, cand) in enumerate(dates):
        score = max(_date_score(a, b)[0] for a in query for b in cand)
        if score >= 0:
            continue
        gap = min(abs(a[0] - b[0]) for a in query for b in cand)
        share = 1.0
        if gap < FAR_YEARS or score > FAR_CONFLICT:
            tokens = pairs[r]
            share -= 0.5 * min(1.0, max(0, tokens - first) / (full - first))
            if weakest[r] >= COMPLETE_TOKEN and score > -1.0 and tokens >= first:
                share *= COMPLETE_NAME_CONFLICT
        commonness = 1.0 - min(1.0, mass[r] / FULL_NAME_MASS)
        base = min(low + (high - low) * commonness, high)  # linear in the commonness
        out[r] = score * max(0.0, base * share - WEIGHT_ROUNDING)
    return out
