"""Candidate index (blocking) over a watchlist of prepared entities.

Scoring every traveller against every listed name is far too slow for a list
of a million names, so the index proposes a few candidates per query:

* every name token contributes its blocking keys: the consonant skeletons of
  its phonetic keys (all romanisations for Arabic-script words) and of the
  parts of compound tokens (``abd-haq`` also gives ``hq``); normalised
  document numbers are keys too;
* each key has a posting list of entity positions (one int32 array for all
  keys, with offsets: no Python object per posting);
* every token of four letters or more also posts its spelling and its
  one-letter deletions (:func:`spelling_keys`): they add reach for typos that
  move a phonetic key by two letters;
* a query token adds its inverse document frequency to every entity its keys
  reach, the highest sums are the candidates, and :meth:`CandidateIndex.screen_many`
  scores them with the matching algorithm after a headroom check (what birth
  dates and documents can still add) and true upper bounds of the name score
  computed for a whole batch of queries at once (see ``bounds``), less what a
  sure birth-date conflict takes off: screening alerts exactly where
  ``compare`` would on the same candidates.

Ranking works on small arrays only: each rarer query token's reach (the
distinct entities its posting lists hold, exact or only fuzzy hits) is
computed with one sort and cached per process (family names recur on a
manifest); several tokens' reaches are summed per entity with one more sort
(no per-entity scratch buffers, whose random access dominated; a lone posting
list is already sorted); common tokens (given names) are looked up for just the
entities the rare ones reached (in a per-process bitmap of the list, or by
binary search, as posting lists are sorted by position). When many entities
are reached, only those whose summed IDF can still reach the best ``limit`` get
the cover bonus; the best are then cut with one sort of distinct keys. Each
process caches the resolved posting spans of the query tokens it has seen; a
batch resolves the keys of all its new tokens with one sorted look-up, and
checks the birth-date room of all its candidates in one pass.

Entities are stored column-wise (numpy arrays and byte blobs, name tokens
interned in one table) and rebuilt as :class:`PreparedEntity` on demand, so the
index is compact, quick to pickle and shares well between forked workers. The
index also learns :class:`NameStats` (how often each name key occurs in the
list) and scores with it, so names common in the watchlist weigh less.
"""

from __future__ import annotations

import contextlib
import math
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

import numpy as np
import numpy.typing as npt

from . import kernels
from .algorithm import ALGORITHM, Algorithm, Match
from .bounds import ListedTokens, NameBounds, Names, batch_name_bounds, date_conflict_bounds
from .crossscript import pattern_skeletons
from .phonetic import phonetic_key, skeleton
from .prepare import BirthDate, PreparedEntity, reweigh, reweigh_token
from .rarity import NameStats
from .tokens import NameToken

__all__ = ["DEFAULT_LIMIT", "CandidateIndex", "blocking_keys", "fuzzy_keys"]

DEFAULT_LIMIT = 50
"""Candidates proposed per query."""
NEVER_POSITIVE = frozenset(["gender", "nationality"])
"""Features that can only lower a score (they give no headroom above the name)."""
COMPOUND_PARTICLES = frozenset(["abd", "abu", "lah", "din", "rahman"])
"""Compound parts too generic to block on alone (Abd-, Abu-, -ullah, -uddin, -urrahman)."""
FUZZY_MIN_LENGTH = 4
"""Keys at least this long also post their one-letter deletions."""
FUZZY_MIN_SKELETON = 5
"""Consonant skeletons (``~`` keys) need this many letters: shorter ones' deletions are noise."""
FUZZY_GAIN = 0.6
"""Share of a token's IDF credited to a candidate reached only through a deletion key."""
FUZZY_WEIGHT = 0.85
COMMON_POSTINGS = 5000
COMMON_SHARE = 0.002
"""Tokens reaching more entities than this (count or share of the list) are common: they
only add to candidates found through rarer tokens, unless they are all the query has."""
COVER_BONUS = 2.0
"""Rank bonus for candidates whose lightest name is fully covered by the query tokens."""
DATE_NEAR_ROOM = 0.3
"""Most a birth date one year off can score (see ``features.birth_date``)."""
DOC_PREFIX = "#"
SPELLING = "'"
SPELLING_MIN_LENGTH = 4
"""Tokens spelled with at least this many letters post their one-letter deletions."""
SKELETON = "~"
DOC_BONUS = 10.0
_SEP = "\x1f"

IntArray = npt.NDArray[np.int32]
Int64Array = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float32]
FloatArray64 = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
_Spans = tuple[Int64Array, Int64Array]
_NO_SPANS: _Spans = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
_NO_BITS = np.zeros(0, dtype=np.uint8)
_Tags = npt.NDArray[np.uint8]
_Item = tuple[int, bool, float, _Spans, int, "_Spans | None", int, tuple[Any, ...] | None]
"""A query token or document that reaches the list: (postings it counts, is a document,
weight, exact spans, exact size, fuzzy spans or None, fuzzy size, reach cache key)."""
_Credit = tuple[int, IntArray, npt.NDArray[np.uint8], tuple[float, float], tuple[float, float]]
"""A rare token's reach: (number, positions, fuzzy only, exact / fuzzy IDF and weight)."""
PLAN_CACHE = 200_000
BOUND_SLACK = 1e-6
"""Added to name-score bounds so float rounding can never skip a candidate that counts."""
SCREEN_BATCH = 64
"""Queries whose candidates' name bounds are computed together."""
NEAR_FROM = 1_000
"""Reached entities from which only those whose IDF can still make the best ones get a
score (below, scoring them all costs less than finding the cut)."""
BITMAP_FROM = 2_000
"""Postings from which a common token's membership test uses a per-process bitmap."""
BITMAP_CACHE = 256
"""Bitmaps (one bit per listed entity) each process keeps (the least recently used go)."""
REACH_CACHE = 4_000_000
"""Positions of the tokens' reaches each process keeps (then starts afresh)."""
_PROCESS_CACHES = (
    "_bitmaps",
    "_buckets",
    "_schemas",
    "_key_plans",
    "_listed",
    "_reaches",
    "_reaches_size",
)
"""Query tokens whose resolved posting spans each process keeps (then starts afresh)."""


def blocking_keys(token: NameToken, query: bool = False) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(exact, loose) blocking keys of one name token.

    A romanised (vowelled) token is keyed by its phonetic keys, and loosely by
    its consonant skeletons (``~`` prefix), which is what an unvocalised
    Arabic-script word is keyed by exactly. Compound parts (``abd-haq`` gives
    ``hak``) are keyed too; an Arabic-script word also by the skeletons of its
    letter-by-letter pattern (see ``crossscript``). Listed names also post the
    generic parts of their compounds (a lone "Abd" in a query finds Abd-Jabbar);
    query compounds do not look them up, or every -ullah name would be a
    candidate of every other.
    """
    keys = [token.text] if token.exact_vowels else list(token.keys)
    if "-" in token.text:
        for part in token.text.split("-"):
            if len(part) > 2 and not (query and part in COMPOUND_PARTICLES):
                keys.append(phonetic_key(part))
    skeletons = [SKELETON + skeleton(k) for k in keys]
    if not token.vowelled:
        skeletons = [*token.skeletons, *(pattern_skeletons(token.source) if token.source else ())]
        return tuple(dict.fromkeys(SKELETON + s for s in skeletons)), ()
    exact = tuple(dict.fromkeys(k for k in keys if k))
    loose = tuple(dict.fromkeys(s for s in skeletons if len(s) > 1 and s not in exact))
    return exact, loose


def fuzzy_keys(keys: Iterable[str]) -> tuple[str, ...]:
    """One-letter deletions of the longer blocking keys (catch typos and transpositions)."""
    exact = set(keys)
    out: dict[str, None] = {}
    for key in exact:
        loose = key.startswith(SKELETON)
        prefix, body = (SKELETON, key[1:]) if loose else ("", key)
        if len(body) >= (FUZZY_MIN_SKELETON if loose else FUZZY_MIN_LENGTH):
            for i in range(len(body)):
                variant = prefix + body[:i] + body[i + 1 :]
                if variant not in exact:
                    out[variant] = None
    return tuple(out)


def spelling_keys(token: NameToken) -> tuple[str, ...]:
    """The token's spelling and its one-letter deletions (``'`` prefix), when long enough.

    Phonetic keys can move by two letters for a one-letter typo (a dropped
    letter merges vowels or ends a digraph: Nuzoshzo / Nuoshzo give ``naza$z``
    / ``na$z``); the spellings themselves stay one deletion apart. Listed and
    query tokens post and look up the same keys (symmetric deletions), which
    catches a substitution, a deletion or an insertion.
    """
    text = token.text
    if len(text) < SPELLING_MIN_LENGTH:
        return ()
    variants = dict.fromkeys(SPELLING + text[:i] + text[i + 1 :] for i in range(len(text)))
    variants.pop(SPELLING + text, None)
    return (SPELLING + text, *variants)


def _hash(key: str) -> int:
    return zlib.crc32(key.encode())


def _plan_key(token: NameToken) -> tuple[Any, ...]:
    """What a query token's plan depends on (its weight does not count)."""
    return (token.text, token.keys, token.skeletons, token.vowelled, token.exact_vowels)


def _pack_date(date: BirthDate) -> int:
    year, month, day = date
    return year * 10_000 + (month or 0) * 100 + (day or 0)


def _unpack_date(value: int) -> BirthDate:
    year, rest = divmod(value, 10_000)
    month, day = divmod(rest, 100)
    return (year, month or None, day or None)


@dataclass(frozen=True, slots=True)
class _Ranked:
    """The best candidates, and the weight of the query's name tokens each one shares."""

    positions: IntArray
    shared: FloatArray


class _Reached:
    """Sorted positions reached by a query, with their bitmap cells (computed once)."""

    __slots__ = ("_cells", "positions")

    def __init__(self, positions: IntArray) -> None:
        self.positions = positions
        self._cells: tuple[IntArray, npt.NDArray[np.uint8]] | None = None

    def in_bitmap(self, bitmap: npt.NDArray[np.uint8]) -> BoolArray:
        """Whether each position's bit is set in ``bitmap`` (one bit per listed entity)."""
        if self._cells is None:
            self._cells = (self.positions >> 3, (self.positions & 7).astype(np.uint8))
        cells, shifts = self._cells
        bits = bitmap.take(cells)
        bits >>= shifts
        bits &= 1
        hits: BoolArray = bits.view(np.bool_)  # 0 or 1
        return hits


@dataclass(frozen=True, slots=True)
class _Plan:
    """Where a query token's keys post: exact and fuzzy spans with their total lengths."""

    exact: _Spans
    fuzzy: _Spans
    exact_size: int
    fuzzy_size: int


class _Builder:
    """Accumulates columns while entities stream in (array.array, not Python lists)."""

    def __init__(self) -> None:
        self.ids = bytearray()
        self.id_off = array("q", [0])
        self.names = bytearray()
        self.name_off = array("q", [0])
        self.schema: array[int] = array("H")
        self.schemas: dict[str, int] = {}
        self.entity_names = array("q", [0])
        self.token_off = array("q", [0])
        self.token_ids: array[int] = array("i")
        self.tokens: dict[NameToken, int] = {}
        self.date_off = array("q", [0])
        self.dates: array[int] = array("i")
        self.sets: dict[frozenset[str], int] = {frozenset(): 0}
        self.gender: array[int] = array("i")
        self.country: array[int] = array("i")
        self.documents: dict[int, frozenset[str]] = {}
        self.post_key: array[int] = array("I")
        self.post_pos: array[int] = array("i")
        self.stat_counts: dict[str, int] = {}

    def _set_id(self, values: frozenset[str]) -> int:
        return self.sets.setdefault(values, len(self.sets))

    def _token_id(self, token: NameToken) -> int:
        return self.tokens.setdefault(token, len(self.tokens))

    def _post(self, key: str, pos: int) -> None:
        self.post_key.append(_hash(key))
        self.post_pos.append(pos)

    def add(self, pos: int, entity: PreparedEntity) -> None:
        self.ids += (entity.id or "").encode()
        self.id_off.append(len(self.ids))
        self.names += _SEP.join(entity.names).encode()
        self.name_off.append(len(self.names))
        self.schema.append(self.schemas.setdefault(entity.schema.name, len(self.schemas)))
        keys: set[str] = set()
        spellings: set[str] = set()
        stat_keys: set[str] = set()
        for name in entity.name_tokens:
            for token in name:
                self.token_ids.append(self._token_id(token))
                exact, loose = blocking_keys(token)
                keys.update(exact)
                keys.update(loose)
                spellings.update(spelling_keys(token))
                stat_keys.update(token.rarity)
            self.token_off.append(len(self.token_ids))
        self.entity_names.append(len(self.token_off) - 1)
        hashes = {_hash(key) for key in keys}
        hashes.update(_hash(key) for key in fuzzy_keys(keys))  # loose keys too: cheap, helps
        hashes.update(_hash(key) for key in spellings)
        self.post_key.extend(hashes)
        self.post_pos.extend([pos] * len(hashes))
        for doc in entity.documents:
            self._post(DOC_PREFIX + doc, pos)
        for key in stat_keys:
            self.stat_counts[key] = self.stat_counts.get(key, 0) + 1
        self.dates.extend(_pack_date(d) for d in entity.birth_dates)
        self.date_off.append(len(self.dates))
        self.gender.append(self._set_id(entity.genders))
        self.country.append(self._set_id(entity.countries))
        if entity.documents:
            self.documents[pos] = entity.documents


class CandidateIndex:
    """Blocking index and screening over a fixed list of prepared entities."""

    __slots__ = (
        "_bitmaps",
        "_buckets",
        "_country",
        "_date_off",
        "_dates",
        "_documents",
        "_entity_names",
        "_gender",
        "_id_off",
        "_ids",
        "_key_hashes",
        "_key_plans",
        "_listed",
        "_mass",
        "_name_off",
        "_names",
        "_post_off",
        "_postings",
        "_reaches",
        "_reaches_size",
        "_schema",
        "_schema_names",
        "_schemas",
        "_sets",
        "_token_ids",
        "_token_off",
        "_tokens",
        "stats",
    )

    stats: NameStats
    _country: IntArray
    _date_off: Int64Array
    _dates: IntArray
    _documents: dict[int, frozenset[str]]
    _entity_names: Int64Array
    _gender: IntArray
    _id_off: Int64Array
    _ids: bytes
    _key_hashes: npt.NDArray[np.uint32]
    _key_plans: dict[tuple[Any, ...], _Plan]
    _listed: ListedTokens | None
    _bitmaps: dict[bytes, npt.NDArray[np.uint8]]
    _buckets: Int64Array | None
    _mass: FloatArray
    _name_off: Int64Array
    _names: bytes
    _post_off: Int64Array
    _postings: IntArray
    _reaches: dict[tuple[Any, ...], tuple[IntArray, npt.NDArray[np.uint8]]]
    _reaches_size: int
    _schema: npt.NDArray[np.uint16]
    _schema_names: list[str]
    _schemas: list[Any] | None
    _sets: list[frozenset[str]]
    _token_ids: IntArray
    _token_off: Int64Array
    _tokens: list[NameToken]

    compiled: bool = True
    """Rank with the compiled loops where numba is available (``kernels``); False: the numpy
    path (the same results). A class-level switch (set it on the class, e.g. in a test)."""

    def __init__(self) -> None:
        self.stats = NameStats(0)
        self._reset_caches()

    def _kernels(self) -> bool:
        """Whether this index ranks with the compiled loops (compiled on first use)."""
        return self.compiled and kernels.available()

    def _reset_caches(self) -> None:
        self._schemas = None
        self._key_plans = {}
        self._listed = None
        self._bitmaps = {}
        self._buckets = None
        self._reaches = {}
        self._reaches_size = 0

    @classmethod
    def build(cls, entities: Iterable[PreparedEntity]) -> CandidateIndex:
        """Index prepared entities (one pass; the iterable may be a generator)."""
        builder = _Builder()
        count = 0
        for count, entity in enumerate(entities, start=1):
            builder.add(count - 1, entity)
        index = cls()
        index.stats = NameStats(count, builder.stat_counts)
        index._tokens = [reweigh_token(t, index.stats) for t in builder.tokens]
        index._ids = bytes(builder.ids)
        index._id_off = np.frombuffer(builder.id_off, dtype=np.int64).copy()
        index._names = bytes(builder.names)
        index._name_off = np.frombuffer(builder.name_off, dtype=np.int64).copy()
        index._schema = np.frombuffer(builder.schema, dtype=np.uint16).copy()
        index._schema_names = list(builder.schemas)
        index._entity_names = np.frombuffer(builder.entity_names, dtype=np.int64).copy()
        index._token_off = np.frombuffer(builder.token_off, dtype=np.int64).copy()
        index._token_ids = np.frombuffer(builder.token_ids, dtype=np.int32).copy()
        index._date_off = np.frombuffer(builder.date_off, dtype=np.int64).copy()
        index._dates = np.frombuffer(builder.dates, dtype=np.int32).copy()
        index._sets = list(builder.sets)
        index._gender = np.frombuffer(builder.gender, dtype=np.int32).copy()
        index._country = np.frombuffer(builder.country, dtype=np.int32).copy()
        index._documents = builder.documents
        post_key = np.frombuffer(builder.post_key, dtype=np.uint32)
        order = np.argsort(post_key, kind="stable")
        index._postings = np.frombuffer(builder.post_pos, dtype=np.int32)[order].copy()
        index._key_hashes, starts = np.unique(post_key[order], return_index=True)
        index._post_off = np.append(starts, len(order)).astype(np.int64)
        index._mass = index._name_masses(count)
        return index

    def _name_masses(self, count: int) -> FloatArray:
        """Per entity: total token weight of its lightest name (for the rank's cover bonus)."""
        weights = np.array([t.weight for t in self._tokens], dtype=np.float32)
        per_token = weights[self._token_ids] if len(self._token_ids) else weights[:0]
        sums = np.zeros(len(per_token) + 1, dtype=np.float64)
        np.cumsum(per_token, out=sums[1:])
        per_name = (sums[self._token_off[1:]] - sums[self._token_off[:-1]]).astype(np.float32)
        mass = np.full(count, np.inf, dtype=np.float32)
        if len(per_name):
            owner = np.repeat(np.arange(count), np.diff(self._entity_names))
            np.minimum.at(mass, owner, per_name)
        mass[~np.isfinite(mass)] = 0.0
        return mass

    # -- pickling: everything but the per-process caches ---------------------

    def __getstate__(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__ if name not in _PROCESS_CACHES}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            setattr(self, name, value)
        self._reset_caches()

    # -- entities -----------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._schema)

    def __iter__(self) -> Iterator[PreparedEntity]:
        return (self.entity(pos) for pos in range(len(self)))

    def _schema_at(self, pos: int) -> Any:
        if self._schemas is None:
            from followthemoney import model

            self._schemas = [model.get(name) for name in self._schema_names]
        return self._schemas[int(self._schema[pos])]

    def entity(self, pos: int) -> PreparedEntity:
        """Rebuild the prepared entity stored at position ``pos`` (list order)."""
        id_text = self._ids[self._id_off[pos] : self._id_off[pos + 1]].decode()
        names = self._names[self._name_off[pos] : self._name_off[pos + 1]].decode()
        tokens = self._tokens
        token_ids = self._token_ids
        token_off = self._token_off
        start, end = int(self._entity_names[pos]), int(self._entity_names[pos + 1])
        name_tokens = tuple(
            tuple(tokens[t] for t in token_ids[token_off[n] : token_off[n + 1]].tolist())
            for n in range(start, end)
        )
        dates = self._dates[self._date_off[pos] : self._date_off[pos + 1]].tolist()
        return PreparedEntity(
            id=id_text or None,
            schema=self._schema_at(pos),
            names=tuple(names.split(_SEP)) if names else (),
            name_tokens=name_tokens,
            birth_dates=tuple(_unpack_date(d) for d in dates),
            genders=self._sets[int(self._gender[pos])],
            countries=self._sets[int(self._country[pos])],
            documents=self._documents.get(pos, frozenset()),
        )

    def _entities(self, positions: IntArray) -> list[PreparedEntity]:
        """The entities at ``positions`` as :meth:`entity` rebuilds them, with the columns
        of all of them read at once (a few array operations instead of a dozen each)."""
        if not len(positions):
            return []
        self._schema_at(int(positions[0]))  # loads the schema table
        pos = positions.astype(np.int64)
        after = pos + 1
        id_off, name_off = self._id_off, self._name_off
        ids = zip(id_off[pos].tolist(), id_off[after].tolist(), strict=True)
        names = zip(name_off[pos].tolist(), name_off[after].tolist(), strict=True)
        first = self._entity_names[pos]
        name_counts = self._entity_names[after] - first
        name_ids = _ranges(first, name_counts)
        token_start = self._token_off[name_ids]
        token_count = self._token_off[name_ids + 1] - token_start
        token_ids = self._token_ids[_ranges(token_start, token_count)].tolist()
        tokens = self._tokens
        flat = [tokens[t] for t in token_ids]
        date_start = self._date_off[pos]
        date_count = self._date_off[after] - date_start
        dates = [_unpack_date(d) for d in self._dates[_ranges(date_start, date_count)].tolist()]
        token_counts: list[int] = token_count.tolist()
        date_counts: list[int] = date_count.tolist()
        schemas, sets, documents = self._schemas or [], self._sets, self._documents
        out: list[PreparedEntity] = []
        token_at = date_at = name_at = 0
        for k, (p, (id_a, id_b), (name_a, name_b), schema, gender, country, count) in enumerate(
            zip(
                positions.tolist(),
                ids,
                names,
                self._schema[pos].tolist(),
                self._gender[pos].tolist(),
                self._country[pos].tolist(),
                name_counts.tolist(),
                strict=True,
            )
        ):
            name_tokens = []
            for n in range(name_at, name_at + count):
                end = token_at + token_counts[n]
                name_tokens.append(tuple(flat[token_at:end]))
                token_at = end
            name_at += count
            text = self._names[name_a:name_b].decode()
            id_text = self._ids[id_a:id_b].decode()
            out.append(
                PreparedEntity(
                    id=id_text or None,
                    schema=schemas[schema],
                    names=tuple(text.split(_SEP)) if text else (),
                    name_tokens=tuple(name_tokens),
                    birth_dates=tuple(dates[date_at : date_at + date_counts[k]]),
                    genders=sets[gender],
                    countries=sets[country],
                    documents=documents.get(p, frozenset()),
                )
            )
            date_at += date_counts[k]
        return out

    # -- name bounds ------------------------------------------------------------------

    def _listed_tokens(self) -> ListedTokens:
        if self._listed is None:
            self._listed = ListedTokens.of(self._tokens)
        return self._listed

    def warm(self) -> None:
        """Fill the per-process tables screening needs (call before forking workers)."""
        self._listed_tokens()
        if self._kernels():
            self._key_buckets()
        if len(self):
            self._schema_at(0)

    def _names_of(self, positions: IntArray) -> Names:
        """The names of the entities at ``positions``, as flat token ids (see ``Names``)."""
        # (take: faster than indexing with an array)
        at = positions.astype(np.int64)
        name_start = self._entity_names.take(at)
        name_count = self._entity_names.take(at + 1) - name_start
        name_ids = _ranges(name_start, name_count)
        token_start = self._token_off.take(name_ids)
        token_count = self._token_off.take(name_ids + 1) - token_start
        token_ids = self._token_ids.take(_ranges(token_start, token_count)).astype(np.int64)
        starts = np.zeros(len(name_ids), dtype=np.int64)
        np.cumsum(token_count[:-1], out=starts[1:])
        owner = np.repeat(np.arange(len(positions), dtype=np.int64), name_count)
        return Names(token_ids, starts, owner, len(positions))

    # -- candidates ---------------------------------------------------------------------

    def _spans(self, keys: Iterable[str]) -> tuple[Int64Array, Int64Array]:
        """(starts, ends) of the posting lists of the indexed ``keys``."""
        starts, ends, _ = self._lookup(list(keys))
        return starts, ends

    def _plan(self, token: NameToken) -> _Plan:
        """Posting spans of a query token's exact and fuzzy keys (cached per process)."""
        plan = self._key_plans.get(_plan_key(token))
        if plan is None:
            self._plan_many((token,))
            plan = self._key_plans[_plan_key(token)]
        return plan

    def _plan_many(self, tokens: Iterable[NameToken]) -> None:
        """Plan every query token not planned yet, with one sorted look-up of all their keys.

        A token's keys are laid out as exact | loose and fuzzy | spelling, so its
        fuzzy spans (phonetic neighbours, then spelling neighbours) are one slice.
        """
        todo: dict[tuple[Any, ...], NameToken] = {}
        for token in tokens:
            key = _plan_key(token)
            if key not in self._key_plans:
                todo.setdefault(key, token)
        if not todo:
            return
        keys: list[str] = []
        edges = [0]
        for token in todo.values():
            strict, loose = blocking_keys(token, query=True)
            keys.extend(strict)
            edges.append(len(keys))
            keys.extend(loose + fuzzy_keys(strict + loose))
            edges.append(len(keys))
            keys.extend(spelling_keys(token))
            edges.append(len(keys))
        starts, ends, kept = self._lookup(keys)
        cut = kept[edges].tolist()  # where each group of keys starts among the found ones
        sizes = np.zeros(len(starts) + 1, dtype=np.int64)
        np.cumsum(ends - starts, out=sizes[1:])
        size = sizes.tolist()  # postings of the first i found keys
        if len(self._key_plans) + len(todo) > PLAN_CACHE:
            self._key_plans.clear()
        for n, key in enumerate(todo):
            a, b, c, d = cut[3 * n : 3 * n + 4]
            # spelling neighbours only add reach: the credit of a loose hit (and whether the
            # token is common) stays that of its phonetic neighbours, if it has any
            fuzzy_size = (size[c] - size[b]) or (size[d] - size[c])
            self._key_plans[key] = _Plan(
                (starts[a:b], ends[a:b]), (starts[b:d], ends[b:d]), size[b] - size[a], fuzzy_size
            )

    def _lookup(self, keys: list[str]) -> tuple[Int64Array, Int64Array, Int64Array]:
        """(starts, ends) of the posting lists of the indexed ``keys`` (in order), and how
        many of the first i keys are indexed, for every i (a prefix count, ``len(keys) + 1``)."""
        hashes = self._key_hashes
        # (what _hash computes, without a Python call per key)
        digests = np.fromiter(map(zlib.crc32, map(str.encode, keys)), np.uint32, len(keys))
        kept = np.zeros(len(keys) + 1, dtype=np.int64)
        if not len(keys) or not len(hashes):
            return _NO_SPANS[0], _NO_SPANS[1], kept
        if self._kernels():
            at = kernels.find(hashes, self._key_buckets(), digests)
            hit = at >= 0
            np.cumsum(hit, out=kept[1:])
            found = at[hit]
            return self._post_off[found], self._post_off[found + 1], kept
        order = np.argsort(digests, kind="stable")  # sorted needles: a cache-friendly search
        at = np.empty(len(keys), dtype=np.int64)
        at[order] = np.minimum(np.searchsorted(hashes, digests[order]), len(hashes) - 1)
        hit = hashes[at] == digests
        np.cumsum(hit, out=kept[1:])
        found = at[hit]
        return self._post_off[found], self._post_off[found + 1], kept

    def _key_buckets(self) -> Int64Array:
        """Where each bucket of key hashes starts (per process; see ``kernels.find``)."""
        if self._buckets is None:
            self._buckets = kernels.buckets(self._key_hashes)
        return self._buckets

    def _gather(self, spans: tuple[Int64Array, Int64Array]) -> IntArray | None:
        """Posting lists of ``spans`` concatenated (may repeat; None when empty)."""
        starts, ends = spans
        if not len(starts):
            return None
        if len(starts) == 1:
            return self._postings[int(starts[0]) : int(ends[0])]
        return np.concatenate(self._slices(spans))

    def _slices(self, spans: _Spans) -> list[IntArray]:
        """The posting lists of ``spans``, one array view each."""
        postings = self._postings
        return [postings[a:b] for a, b in zip(spans[0].tolist(), spans[1].tolist(), strict=True)]

    def _members(self, reached: _Reached, spans: _Spans, size: int) -> BoolArray:
        """Which of the sorted positions ``reached`` appear in the posting lists of ``spans``.

        A big union (a common token) is looked up in a bitmap of the list kept
        by the process, since common tokens recur from query to query; a small
        one is gathered, sorted and binary-searched once.
        """
        if size >= BITMAP_FROM:
            return reached.in_bitmap(self._bitmap(spans))
        positions = reached.positions
        union = self._gather(spans)
        if union is None or not len(union):
            return np.zeros(len(positions), dtype=bool)
        if len(union) * 4 < len(positions):
            # few postings: look them up in ``reached`` rather than the other way round
            at = np.minimum(np.searchsorted(positions, union), len(positions) - 1)
            hits: BoolArray = np.zeros(len(positions), dtype=bool)
            hits[at[positions[at] == union]] = True
            return hits
        union = np.sort(union)
        at = np.minimum(np.searchsorted(union, positions), len(union) - 1)
        found: BoolArray = union[at] == positions
        return found

    def _bitmap(self, spans: _Spans) -> npt.NDArray[np.uint8]:
        """One bit per listed entity, set where the posting lists of ``spans`` hold it
        (cached per process; the least recently used go first)."""
        key = spans[0].tobytes() + spans[1].tobytes()
        cache = self._bitmaps
        bits = cache.pop(key, None)
        if bits is None:
            if self._kernels():
                bits = kernels.bitmap(self._postings, spans[0], spans[1], len(self))
            else:
                mask = np.zeros(len(self) + 8, dtype=bool)
                union = self._gather(spans)
                if union is not None:
                    mask[union] = True
                bits = np.packbits(mask, bitorder="little")
            if len(cache) >= BITMAP_CACHE:
                # (another thread may have taken the oldest meanwhile)
                with contextlib.suppress(StopIteration, RuntimeError):
                    cache.pop(next(iter(cache)), None)
        cache[key] = bits  # (re)inserted last: the most recently used
        return bits

    def _common_from(self) -> int:
        """Postings above which a query token counts as common (given names, particles)."""
        return max(COMMON_POSTINGS, int(len(self) * COMMON_SHARE))

    def _found(self, query: PreparedEntity) -> list[_Item]:
        """The query's distinct name tokens and documents that reach the list, rarest first."""
        cap = self._common_from()
        found: list[_Item] = []
        seen: set[str] = set()
        repeats: dict[str, int] = {}
        for name in query.name_tokens:
            texts = [t.text for t in name]
            if len(set(texts)) < len(texts):  # a token repeated within a name counts more
                for text, count in Counter(texts).items():
                    repeats[text] = max(count, repeats.get(text, 1))
        plans = self._key_plans
        for name in query.name_tokens:
            for token in name:
                if token.text in seen:
                    continue
                seen.add(token.text)
                key = _plan_key(token)
                plan = plans.get(key) or self._plan(token)
                is_common = plan.exact_size > cap
                # a common token's typo neighbours are not worth their cost
                fuzzy_size = 0 if is_common else plan.fuzzy_size
                size = plan.exact_size + fuzzy_size
                if size:
                    weight_ = token.weight * repeats.get(token.text, 1)
                    loose = None if is_common or not fuzzy_size else plan.fuzzy
                    exact = plan.exact
                    reach_key = (key, loose is not None)
                    item = (
                        size,
                        False,
                        weight_,
                        exact,
                        plan.exact_size,
                        loose,
                        fuzzy_size,
                        reach_key,
                    )
                    found.append(item)
        for doc in query.documents:
            doc_spans = self._spans((DOC_PREFIX + doc,))
            size = int((doc_spans[1] - doc_spans[0]).sum())
            if size:
                found.append((size, True, 0.0, doc_spans, size, None, 0, None))
        found.sort(key=lambda item: item[0])
        return found

    def _reach(self, item: _Item) -> tuple[IntArray, npt.NDArray[np.uint8]]:
        """Sorted distinct positions a token's posting lists reach, each with 0 (an exact
        hit) or 1 (only fuzzy hits). Cached per process for name tokens."""
        key = item[7]
        cached = self._reaches.get(key) if key is not None else None
        if cached is not None:
            return cached
        exact, fuzzy = item[3], item[5]
        lone = self._lone_list(exact, fuzzy)
        if lone is not None:
            reach = (lone, np.zeros(len(lone), dtype=np.uint8))
        elif self._kernels() and len(self) < 2**30:
            reach = self._reach_compiled(exact, fuzzy)
        else:
            reach = self._reach_numpy(exact, fuzzy)
        if key is not None:
            self._keep_reach(key, reach)
        return reach

    def _lone_list(self, exact: _Spans, fuzzy: _Spans | None) -> IntArray | None:
        """The one posting list of a token with a single exact key and no fuzzy ones, when
        its positions are distinct and in order (its reach as it is)."""
        if len(exact[0]) != 1 or (fuzzy is not None and len(fuzzy[0])):
            return None
        lone = self._postings[int(exact[0][0]) : int(exact[1][0])]
        return lone if _increasing(lone) else None

    def _reach_numpy(self, exact: _Spans, fuzzy: _Spans | None) -> tuple[IntArray, _Tags]:
        """:meth:`_reach` with numpy: one sort of the tagged postings."""
        parts = self._slices(exact)
        exact_parts = len(parts)
        if fuzzy is not None:
            parts += self._slices(fuzzy)
        if not parts:
            reach = (np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.uint8))
        else:
            tag_type: type[np.signedinteger[Any]] = np.int32 if len(self) < 2**30 else np.int64
            tagged = np.concatenate(parts).astype(tag_type, copy=False)
            tagged <<= 1
            tagged[sum(len(part) for part in parts[:exact_parts]) :] |= 1
            tagged.sort()  # per position: exact (0) before fuzzy (1)
            pos = tagged >> 1
            first = np.empty(len(tagged), dtype=bool)
            first[0] = True
            np.not_equal(pos[1:], pos[:-1], out=first[1:])
            tagged = tagged[first]
            tagged &= 1
            reach = (pos[first].astype(np.int32, copy=False), tagged.astype(np.uint8))
        return reach

    def _reach_compiled(self, exact: _Spans, fuzzy: _Spans | None) -> tuple[IntArray, _Tags]:
        """:meth:`_reach` with the compiled loops (the same arrays)."""
        loose = _NO_SPANS if fuzzy is None else fuzzy
        tagged = kernels.gather_tagged(self._postings, exact[0], exact[1], loose[0], loose[1])
        tagged.sort()  # per position: exact (0) before fuzzy (1)
        positions, tags = kernels.distinct_tagged(tagged)
        return positions, tags

    def _keep_reach(self, key: tuple[Any, ...], reach: tuple[IntArray, _Tags]) -> None:
        """Cache a name token's reach (the cache starts afresh past ``REACH_CACHE``)."""
        self._reaches_size += len(reach[0])
        if self._reaches_size > REACH_CACHE:
            self._reaches.clear()
            self._reaches_size = len(reach[0])
        self._reaches[key] = reach

    def _rank(self, query: PreparedEntity, limit: int) -> _Ranked:
        """Top ``limit`` positions by summed IDF of the query tokens they share."""
        empty = _Ranked(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))
        if not len(self) or limit <= 0:
            return empty
        total = len(self) + 1
        cap = self._common_from()
        found = self._found(query)
        if not found:
            return empty
        # Rarer tokens (and the rarest one in any case) reach entities: collect their
        # postings with the credit each one brings, in small arrays (no per-entity scratch).
        rare = [item for item in found if item[0] <= cap] or found[:1]
        common = found[len(rare) :]
        reaches: list[_Credit] = []
        for number, item in enumerate(rare):
            _, is_doc, token_weight, _, exact_size, _, fuzzy_size, _ = item
            exact_idf = math.log(total / (exact_size + 1)) + 0.1 + (DOC_BONUS if is_doc else 0.0)
            fuzzy_idf = FUZZY_GAIN * (math.log(total / (fuzzy_size + 1)) + 0.1)
            positions, fuzzy = self._reach(item)
            if len(positions):
                credit = (exact_idf, fuzzy_idf), (token_weight, FUZZY_WEIGHT * token_weight)
                reaches.append((number, positions, fuzzy, *credit))
        if not reaches:
            return empty
        reached, idf, weight = _credit(reaches, 2 * len(rare), total)
        if self._kernels():
            for item in common:
                self._add_common_bits(reached, idf, weight, item, total)
            return _Ranked(*kernels.best(reached, idf, weight, self._mass, limit))
        if common:
            self._add_common(_Reached(reached), idf, weight, common, total)
        return _best(reached, idf, weight, self._mass, limit)

    def _add_common_bits(
        self, reached: IntArray, idf: FloatArray, weight: FloatArray, item: _Item, total: int
    ) -> None:
        """:meth:`_add_common` of one common token, in the compiled loop (bitmaps only)."""
        _, _, _, exact_spans, exact_size, fuzzy_spans, _, _ = item
        credit = np.array(_common_credit(item, total), dtype=np.float32)
        fuzzy = _NO_BITS if fuzzy_spans is None else self._bitmap(fuzzy_spans)
        exact = self._bitmap(exact_spans) if exact_size else _NO_BITS
        kernels.add_bits(reached, idf, weight, exact, fuzzy, credit)

    def _add_common(
        self,
        reached: _Reached,
        idf: FloatArray,
        weight: FloatArray,
        common: list[_Item],
        total: int,
    ) -> None:
        """Add the credit of common tokens to the entities rarer tokens reached.

        A common token only adds to entities that rarer tokens already reached:
        look those up in its posting lists rather than scatter the lists.
        """
        for item in common:
            _, _, _, exact_spans, exact_size, fuzzy_spans, fuzzy_size, _ = item
            exact_idf, token_weight, fuzzy_idf, fuzzy_weight = _common_credit(item, total)
            if fuzzy_spans is None:
                hit = self._members(reached, exact_spans, exact_size)
                np.add(idf, np.float32(exact_idf), out=idf, where=hit)
                np.add(weight, np.float32(token_weight), out=weight, where=hit)
                continue
            # (adding zero elsewhere changes no float32 sum)
            add_idf = np.zeros(len(idf), dtype=np.float32)
            add_weight = np.zeros(len(idf), dtype=np.float32)
            hit = self._members(reached, fuzzy_spans, fuzzy_size)
            add_idf[hit] = fuzzy_idf
            add_weight[hit] = fuzzy_weight
            if exact_size:
                hit = self._members(reached, exact_spans, exact_size)
                add_idf[hit] = exact_idf
                add_weight[hit] = token_weight
            idf += add_idf
            weight += add_weight

    def candidates(self, query: PreparedEntity, limit: int = DEFAULT_LIMIT) -> list[PreparedEntity]:
        """Up to ``limit`` listed entities sharing name keys with ``query``, best first."""
        ranked = self._rank(reweigh(query, self.stats), limit)
        return [self.entity(int(pos)) for pos in ranked.positions]

    def _date_rooms(
        self, positions: IntArray, row_query: Int64Array, queries: list[PreparedEntity]
    ) -> FloatArray64:
        """Per candidate row, the most its birth dates can add (share of the feature's
        weight) against the birth dates of its query (``queries[row_query]``).

        Years two or more apart never score above zero; a one-year gap at most 0.3. All
        rows of a batch at once: every (candidate date, query date) pair is compared.
        """
        rooms = np.zeros(len(positions), dtype=np.float64)
        years = [[d[0] for d in q.birth_dates] for q in queries]
        counts_q = np.array([len(y) for y in years], dtype=np.int64)
        if not len(positions) or not counts_q.any():
            return rooms
        at = positions.astype(np.int64)
        starts = self._date_off[at]
        counts = self._date_off[at + 1] - starts
        dated = np.flatnonzero((counts > 0) & (counts_q[row_query] > 0))
        if not len(dated):
            return rooms
        counts = counts[dated]
        cand_years = self._dates[_ranges(starts[dated], counts)] // 10_000
        row = np.repeat(dated, counts)  # per candidate date, its row
        query_of = row_query[row]
        year_off = np.zeros(len(queries) + 1, dtype=np.int64)
        np.cumsum(counts_q, out=year_off[1:])
        flat_years = np.array([y for q in years for y in q], dtype=np.int64)
        pairs = counts_q[query_of]  # query dates per candidate date
        gap = np.abs(np.repeat(cand_years, pairs) - flat_years[_ranges(year_off[query_of], pairs)])
        pair_row = np.repeat(row, pairs)
        near = np.zeros(len(positions), dtype=bool)
        near[pair_row[gap == 1]] = True
        rooms[near] = DATE_NEAR_ROOM
        rooms[pair_row[gap == 0]] = 1.0
        return rooms

    def screen(
        self,
        query: PreparedEntity,
        threshold: float | None = None,
        limit: int = DEFAULT_LIMIT,
        algorithm: Algorithm = ALGORITHM,
    ) -> list[Match]:
        """Score the candidates of ``query``; matches best first.

        Without ``threshold`` only the algorithm's matches are returned; with
        it, every candidate scoring at least ``threshold`` (decided against it).
        Names common in this list weigh less (:attr:`stats`).
        """
        return self.screen_many((query,), threshold, limit, algorithm)[0]

    def screen_many(
        self,
        queries: Iterable[PreparedEntity],
        threshold: float | None = None,
        limit: int = DEFAULT_LIMIT,
        algorithm: Algorithm = ALGORITHM,
    ) -> list[list[Match]]:
        """:meth:`screen` every query of a batch (e.g. one worker's chunk), in order.

        Results are the same as one :meth:`screen` call per query. Queries are
        taken ``SCREEN_BATCH`` at a time, and the name-score bounds of all
        their candidates are computed together.
        """
        results: list[list[Match]] = []
        batch: list[PreparedEntity] = []
        for query in queries:
            batch.append(query)
            if len(batch) >= SCREEN_BATCH:
                results.extend(self._screen_batch(batch, threshold, limit, algorithm))
                batch = []
        if batch:
            results.extend(self._screen_batch(batch, threshold, limit, algorithm))
        return results

    def _shortlist(
        self, queries: list[PreparedEntity], limit: int, cutoff: float, algorithm: Algorithm
    ) -> tuple[IntArray, FloatArray64, Int64Array]:
        """Candidate positions of a batch of queries that may still reach ``cutoff``, with
        what non-name features can add to each (documents, birth dates), and the query of
        each row (rows are in query order)."""
        ranked = [self._rank(q, limit).positions for q in queries]
        positions = np.concatenate(ranked) if ranked else np.zeros(0, dtype=np.int32)
        sizes = np.array([len(p) for p in ranked], dtype=np.int64)
        row_query = np.repeat(np.arange(len(queries), dtype=np.int64), sizes)
        name_weight, date_room, plain_room = _headroom(algorithm, False)
        doc_room = _headroom(algorithm, True)[2]
        other = np.array(
            [doc_room if q.documents else plain_room for q in queries], dtype=np.float64
        )
        room = other[row_query] + date_room * self._date_rooms(positions, row_query, queries)
        alive = np.flatnonzero(room + name_weight >= cutoff)  # a name scores at most 1
        return positions[alive], room[alive], row_query[alive]

    def _screen_batch(
        self,
        queries: list[PreparedEntity],
        threshold: float | None,
        limit: int,
        algorithm: Algorithm,
    ) -> list[list[Match]]:
        cutoff = algorithm.match_threshold.value if threshold is None else threshold
        name_weight = _headroom(algorithm, False)[0]
        queries = [reweigh(q, self.stats) for q in queries]
        self._plan_many(t for q in queries for name in q.name_tokens for t in name)
        positions, rooms, row_query = self._shortlist(queries, limit, cutoff, algorithm)
        if len(positions) and name_weight > 0:
            # upper bounds of the name score first: most candidates stop here
            named = batch_name_bounds(
                [q.name_tokens for q in queries],
                row_query,
                self._names_of(positions),
                self._listed_tokens(),
                (cutoff - rooms) / name_weight - BOUND_SLACK,
            )
            alive = name_weight * (named.upper + BOUND_SLACK) + rooms >= cutoff
            if cutoff > 0:  # (a score is never below 0)
                self._cut_date_conflicts(
                    queries, positions, row_query, named, alive, cutoff, algorithm
                )
            positions, row_query = positions[alive], row_query[alive]
        # the shortlisted entities of the whole batch are rebuilt together
        entities = iter(self._entities(positions))
        counts = np.bincount(row_query, minlength=len(queries)).tolist()
        return [
            self._confirm(query, list(islice(entities, count)), threshold, algorithm)
            for query, count in zip(queries, counts, strict=True)
        ]

    def _cut_date_conflicts(
        self,
        queries: list[PreparedEntity],
        positions: IntArray,
        row_query: Int64Array,
        bounds: NameBounds,
        alive: BoolArray,
        cutoff: float,
        algorithm: Algorithm,
    ) -> None:
        """Clear ``alive`` where a birth-date conflict surely keeps the score below ``cutoff``.

        Where the dates conflict they add nothing, and the conflict takes at least what
        ``date_conflict_bounds`` says off the name bound and the other features' room.
        """
        dated = np.array([bool(q.birth_dates) for q in queries], dtype=bool)
        rows = np.flatnonzero(alive & dated[row_query])
        if not len(rows):
            return
        at = positions[rows].astype(np.int64)
        starts = self._date_off[at]
        counts = self._date_off[at + 1] - starts
        rows, starts, counts = rows[counts > 0], starts[counts > 0], counts[counts > 0]
        if not len(rows):
            return
        packed = self._dates[_ranges(starts, counts)].tolist()
        ends = np.cumsum(counts).tolist()
        owners = row_query[rows].tolist()
        pairs = []
        begin = 0
        for owner, end in zip(owners, ends, strict=True):
            cand = tuple(_unpack_date(d) for d in packed[begin:end])
            pairs.append((queries[owner].birth_dates, cand))
            begin = end
        conflict = date_conflict_bounds(algorithm, pairs, bounds.subset(rows))
        sure = np.flatnonzero(conflict < 0)
        if not len(sure):
            return
        name_weight = _headroom(algorithm, False)[0]
        other = np.array(
            [_headroom(algorithm, bool(queries[o].documents))[2] for o in owners], dtype=np.float64
        )
        rows = rows[sure]
        best = name_weight * (bounds.upper[rows] + BOUND_SLACK) + other[sure] + conflict[sure]
        alive[rows] = best >= cutoff

    def _confirm(
        self,
        query: PreparedEntity,
        candidates: list[PreparedEntity],
        threshold: float | None,
        algorithm: Algorithm,
    ) -> list[Match]:
        """The algorithm's score of the shortlisted candidates (the matches).

        The name bounds are tight: nearly every candidate that passes them also
        passes an exact name check, so none is run (it would only repeat the
        name comparison the score makes).
        """
        results: list[Match] = []
        for candidate in candidates:
            match = algorithm.score(query, candidate)
            if threshold is not None:
                match = match.with_threshold(threshold)
            if match.is_match:
                results.append(match)
        results.sort(key=lambda m: -m.score)
        return results


def _common_credit(item: _Item, total: int) -> tuple[float, float, float, float]:
    """A common token's (exact IDF, exact weight, fuzzy IDF, fuzzy weight) credit; the fuzzy
    pair is 0 when the token has no fuzzy spans (``total`` is the list's size plus one)."""
    _, _, token_weight, _, exact_size, fuzzy_spans, fuzzy_size, _ = item
    exact_idf = math.log(total / (exact_size + 1)) + 0.1
    if fuzzy_spans is None:
        return exact_idf, token_weight, 0.0, 0.0
    fuzzy_idf = FUZZY_GAIN * (math.log(total / (fuzzy_size + 1)) + 0.1)
    return exact_idf, token_weight, fuzzy_idf, FUZZY_WEIGHT * token_weight


def _credit(
    reaches: list[_Credit], codes: int, listed: int
) -> tuple[IntArray, FloatArray, FloatArray]:
    """Distinct positions with their summed IDF and weight over the tokens reaching them.

    Each reach is a token's number, its distinct positions, whether each is only a
    fuzzy hit (0 / 1), its (exact, fuzzy) IDF and (exact, fuzzy) weight. Per
    position the tokens' credits are added in the order of their numbers (``codes``
    is twice the number of tokens; positions are below ``listed``). With a single
    token there is nothing to sum.
    """
    if len(reaches) == 1:
        _, positions, fuzzy, idfs, weights = reaches[0]
        idf_pair = np.array(idfs, dtype=np.float32)
        weight_pair = np.array(weights, dtype=np.float32)
        return positions, idf_pair.take(fuzzy), weight_pair.take(fuzzy)
    key_type: type[np.signedinteger[Any]] = np.int32 if listed * codes < 2**31 else np.int64
    idf_table = np.zeros(codes, dtype=np.float32)
    weight_table = np.zeros(codes, dtype=np.float32)
    parts = []
    for number, positions, fuzzy, idfs, weights in reaches:
        idf_table[2 * number : 2 * number + 2] = idfs
        weight_table[2 * number : 2 * number + 2] = weights
        part = positions.astype(key_type) * codes
        part += fuzzy
        part += 2 * number
        parts.append(part)
    keys = np.concatenate(parts)
    keys.sort()  # (position, token) pairs are distinct: by position, then token
    pos = keys // codes
    code = keys - pos * codes
    starts = np.flatnonzero(np.concatenate(([True], pos[1:] != pos[:-1])))
    idf = np.add.reduceat(idf_table[code], starts)
    weight = np.add.reduceat(weight_table[code], starts)
    return pos[starts].astype(np.int32, copy=False), idf, weight


def _best(
    reached: IntArray, idf: FloatArray, weight: FloatArray, masses: FloatArray, limit: int
) -> _Ranked:
    """The ``limit`` best of the reached positions by IDF plus the cover bonus (among equal
    scores, the lowest positions), best first, with their shared weights."""
    if len(reached) > max(limit, NEAR_FROM):
        # a score is its IDF plus at most COVER_BONUS: only entities whose IDF plus the
        # bonus reaches the ``limit``-th best IDF can be among the best ``limit``
        kth = _kth_best(idf, limit)
        near = np.flatnonzero(idf + np.float32(COVER_BONUS) >= kth)
        reached, idf, weight = reached.take(near), idf.take(near), weight.take(near)
    mass = masses.take(reached)  # (take: faster than indexing)
    np.maximum(mass, 0.05, out=mass)
    cover = np.divide(weight, mass, out=mass)
    np.minimum(cover, 1.0, out=cover)
    cover *= COVER_BONUS
    order = _top(np.add(idf, cover, out=cover), limit)
    return _Ranked(reached.take(order).astype(np.int32, copy=False), weight.take(order))


def _increasing(values: IntArray) -> bool:
    """Whether ``values`` are strictly increasing (sorted and distinct)."""
    return bool(np.all(values[1:] > values[:-1]))


def _kth_best(values: npt.NDArray[np.floating[Any]], k: int) -> float:
    """The ``k``-th largest value (``len(values) >= k``). Sorting beats ``np.partition``
    here: rank scores take few distinct values, where its selection degrades (3x slower
    on 2,000 values, 10x on 20,000)."""
    return float(np.sort(values)[len(values) - k])


def _top(scores: FloatArray, limit: int) -> IntArray:
    """Indices of the ``limit`` best scores, best first; among equal scores, the lowest
    indices first (as a stable sort of the negated scores). Float32 bits made to sort as
    their values (negative scores: all bits flipped; others: the sign bit set; -0.0 as 0.0)
    give one sort of distinct (bits, index) keys. IDFs of tokens whose postings outnumber
    the list are negative, so scores can be."""
    bits = (scores + np.float32(0.0)).view(np.uint32)  # + 0.0 turns -0.0 into 0.0
    ordered = np.where(bits >> np.uint32(31), ~bits, bits | np.uint32(0x80000000))
    keys = (~ordered).astype(np.uint64)
    keys <<= np.uint64(32)
    keys |= np.arange(len(keys), dtype=np.uint64)
    if len(keys) > limit:
        keys = np.partition(keys, limit - 1)[:limit]  # distinct keys: no slow selection
    keys.sort()
    keys &= np.uint64(0xFFFFFFFF)
    order: IntArray = keys.astype(np.int32)
    return order


def _ranges(starts: Int64Array, counts: Int64Array) -> Int64Array:
    """Concatenated ``arange(start, start + count)`` for every pair."""
    total = int(counts.sum())
    if not total:
        return np.zeros(0, dtype=np.int64)
    offsets = np.zeros(len(counts), dtype=np.int64)
    np.cumsum(counts[:-1], out=offsets[1:])
    flat: Int64Array = np.arange(total, dtype=np.int64) + np.repeat(starts - offsets, counts)
    return flat


def _headroom(algorithm: Algorithm, documents: bool) -> tuple[float, float, float]:
    """Weight of the name feature, most a birth date can add, most the others can add."""
    name_weight, date_room, other_room = 0.0, 0.0, 0.0
    for feature in algorithm.features:
        if feature.name == "name":
            name_weight = feature.weight
        elif feature.name == "birth_date":
            date_room = feature.weight
        elif feature.name not in NEVER_POSITIVE and (documents or feature.name != "document"):
            other_room += feature.weight
    return name_weight, date_room, other_room


BUILD_PARTS: tuple[Any, ...] = (
    blocking_keys,
    fuzzy_keys,
    spelling_keys,
    _hash,
    _pack_date,
    _Builder,
    CandidateIndex.build,
    CandidateIndex._name_masses,
    CandidateIndex.__getstate__,
    CandidateIndex.__setstate__,
)
"""What shapes a built (pickled) index: the speed bench keys its cached indexes on their source
(the product keys on a digest of the whole matching package: services.watchlist_index)."""
