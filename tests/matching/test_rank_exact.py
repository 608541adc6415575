"""The vectorised candidate ranking equals a plain, one-position-at-a-time reference.

``CandidateIndex._rank`` takes shortcuts for speed (one sorted look-up of the
keys of a whole batch, no summing for a single reaching token, candidates cut
by their IDF before the cover bonus is computed, a sort instead of a
selection). The reference below follows the rule the ranking documents, with
Python sets and float32 scalars, so the positions and their shared weights must
be identical, bit for bit. Fictional list and travellers (test_screen_exact).
"""

from __future__ import annotations

import math
import subprocess
import sys
from collections import Counter
from dataclasses import replace

import numpy as np
import numpy.typing as npt
import pytest

from tansiq.matching import CandidateIndex, kernels
from tansiq.matching import bounds as bounds_module
from tansiq.matching import index as index_module
from tansiq.matching.bounds import ListedTokens, pair_token_bounds
from tansiq.matching.index import (
    COVER_BONUS,
    DOC_BONUS,
    DOC_PREFIX,
    FUZZY_GAIN,
    FUZZY_WEIGHT,
)
from tansiq.matching.prepare import PreparedEntity

from .exact import indexed
from .test_screen_exact import _world

F32 = np.float32
Spans = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]
Item = tuple[int, bool, float, Spans, int, Spans | None, int]
"""(size, is doc, weight, exact spans, exact size, fuzzy spans or None, fuzzy size)."""


@pytest.fixture(scope="module")
def world() -> tuple[CandidateIndex, list[PreparedEntity]]:
    listed, travellers = _world()
    return indexed(listed, travellers)


def _positions(index: CandidateIndex, spans: Spans | None) -> set[int]:
    if spans is None:
        return set()
    starts, ends = spans
    return {
        p
        for a, b in zip(starts.tolist(), ends.tolist(), strict=True)
        for p in index._postings[a:b].tolist()
    }


def _f32_sum(values: list[float]) -> np.float32:
    """A float32 sum in the order numpy's ``add.reduceat`` adds a short segment:
    the first value plus the sum of the others."""
    rest = F32(0.0)
    for value in values[1:]:
        rest = rest + F32(value)
    return F32(values[0]) + rest if len(values) > 1 else F32(values[0])


def _tokens(index: CandidateIndex, query: PreparedEntity, cap: int) -> list[Item]:
    """The query's distinct tokens and documents that reach the list, rarest first."""
    repeats: dict[str, int] = {}
    for name in query.name_tokens:
        for text, count in Counter(t.text for t in name).items():
            repeats[text] = max(count, repeats.get(text, 1))
    found: list[Item] = []
    seen: set[str] = set()
    for token in (t for name in query.name_tokens for t in name):
        if token.text in seen:
            continue
        seen.add(token.text)
        starts, ends = index._spans(index_module.blocking_keys(token, query=True)[0])
        plan = index._plan(token)
        assert (plan.exact[0].tolist(), plan.exact[1].tolist()) == (starts.tolist(), ends.tolist())
        common = plan.exact_size > cap
        fuzzy_size = 0 if common else plan.fuzzy_size
        if plan.exact_size + fuzzy_size:
            fuzzy = None if common or not fuzzy_size else plan.fuzzy
            weight = token.weight * repeats[token.text]
            size = plan.exact_size + fuzzy_size
            found.append((size, False, weight, plan.exact, plan.exact_size, fuzzy, fuzzy_size))
    for doc in query.documents:
        spans = index._spans((DOC_PREFIX + doc,))
        size = int((spans[1] - spans[0]).sum())
        if size:
            found.append((size, True, 0.0, spans, size, None, 0))
    found.sort(key=lambda item: item[0])
    return found


def _reference(
    index: CandidateIndex, query: PreparedEntity, limit: int
) -> tuple[list[int], list[np.float32]]:
    """Top ``limit`` positions (by score, then position) and their shared weights."""
    total = len(index) + 1
    cap = max(index_module.COMMON_POSTINGS, int(len(index) * index_module.COMMON_SHARE))
    found = _tokens(index, query, cap)
    if not found:
        return [], []
    rare = [item for item in found if item[0] <= cap] or found[:1]
    credit: dict[int, dict[int, tuple[float, float]]] = {}
    for number, (_, is_doc, weight, exact, exact_size, fuzzy, fuzzy_size) in enumerate(rare):
        exact_idf = math.log(total / (exact_size + 1)) + 0.1 + (DOC_BONUS if is_doc else 0.0)
        fuzzy_idf = FUZZY_GAIN * (math.log(total / (fuzzy_size + 1)) + 0.1)
        for pos in _positions(index, fuzzy):
            credit.setdefault(pos, {})[number] = (fuzzy_idf, FUZZY_WEIGHT * weight)
        for pos in _positions(index, exact):  # an exact hit overrides a fuzzy one
            credit.setdefault(pos, {})[number] = (exact_idf, weight)
    reached = sorted(credit)
    idf, shared = [], []
    for pos in reached:
        parts = [credit[pos][n] for n in sorted(credit[pos])]
        idf.append(_f32_sum([gain for gain, _ in parts]))
        shared.append(_f32_sum([weight for _, weight in parts]))
    for _, _, weight, exact, exact_size, fuzzy, fuzzy_size in found[len(rare) :]:
        exact_hits, fuzzy_hits = _positions(index, exact), _positions(index, fuzzy)
        for k, pos in enumerate(reached):
            if exact_size and pos in exact_hits:
                gain, share = math.log(total / (exact_size + 1)) + 0.1, weight
            elif pos in fuzzy_hits:
                gain = FUZZY_GAIN * (math.log(total / (fuzzy_size + 1)) + 0.1)
                share = FUZZY_WEIGHT * weight
            else:
                continue
            idf[k], shared[k] = idf[k] + F32(gain), shared[k] + F32(share)
    idf_a, shared_a = np.array(idf, dtype=F32), np.array(shared, dtype=F32)
    mass = index._mass[np.array(reached, dtype=np.int64)]
    scores = idf_a + COVER_BONUS * np.minimum(1.0, shared_a / np.maximum(mass, 0.05))
    best = sorted(range(len(reached)), key=lambda k: (-float(scores[k]), reached[k]))[:limit]
    return [reached[k] for k in best], [shared_a[k] for k in best]


@pytest.mark.parametrize("compiled", [True, False], ids=["kernels", "numpy"])
@pytest.mark.parametrize(
    ("common", "bitmap", "limit", "near"),
    [
        (5000, 2000, 50, 1000),
        (5000, 2000, 50, 0),
        (60, 2000, 50, 60),
        (60, 100, 5, 0),
        (150, 100, 20, 1000),
    ],
)
def test_rank_equals_the_reference(
    world: tuple[CandidateIndex, list[PreparedEntity]],
    monkeypatch: pytest.MonkeyPatch,
    common: int,
    bitmap: int,
    limit: int,
    near: int,
    compiled: bool,
) -> None:
    # small thresholds make given names common tokens (membership by search and by bitmap)
    # and cut reached entities by their IDF first (``near``) or not; both the compiled
    # loops and the numpy path
    assert kernels.available()  # numba is a dependency: the compiled loops are tested here
    monkeypatch.setattr(CandidateIndex, "compiled", compiled)
    monkeypatch.setattr(index_module, "COMMON_POSTINGS", common)
    monkeypatch.setattr(index_module, "BITMAP_FROM", bitmap)
    monkeypatch.setattr(index_module, "NEAR_FROM", near)
    index, queries = world
    index._reset_caches()
    cut = 0
    for rerun in (False, True):  # the second time, tokens' reaches come from the cache
        for query in queries:
            ranked = index._rank(query, limit)
            positions, shared = _reference(index, query, limit)
            assert ranked.positions.tolist() == positions, (query.names, rerun)
            assert ranked.shared.tobytes() == np.array(shared, dtype=F32).tobytes(), query.names
            cut += len(positions) == limit
    assert cut > 20  # queries reach more entities than the limit: the cut is tested
    assert index._reaches  # and reaches were cached


def test_reach_cache_starts_afresh_when_full(
    world: tuple[CandidateIndex, list[PreparedEntity]], monkeypatch: pytest.MonkeyPatch
) -> None:
    index, queries = world
    index._reset_caches()
    expected = [index._rank(q, 20).positions.tolist() for q in queries[:60]]
    monkeypatch.setattr(index_module, "REACH_CACHE", 50)
    index._reset_caches()
    assert [index._rank(q, 20).positions.tolist() for q in queries[:60]] == expected
    assert index._reaches_size <= max(50, max(len(r[0]) for r in index._reaches.values()))
    # the caches are per process: never pickled
    assert not {"_reaches", "_reaches_size", "_bitmaps"} & set(index.__getstate__())


def test_top_is_a_stable_sort_of_the_negated_scores() -> None:
    rng = np.random.default_rng(5)
    for size in (1, 7, 50, 51, 300, 5000):
        for levels in (1, 3, 1000):  # few distinct scores: many ties at the cut
            # negative and signed-zero scores too: a token's IDF is below 0 when its
            # postings outnumber the list
            scores = (rng.integers(-levels, levels + 1, size) * F32(0.37)).astype(F32)
            scores[rng.random(size) < 0.1] = F32(-0.0)
            for limit in (1, 5, 50):
                expected = np.argsort(-scores, kind="stable")[:limit]
                assert index_module._top(scores, limit).tolist() == expected.tolist()


def test_compiled_best_is_the_numpy_best_with_ties_and_negative_scores() -> None:
    assert kernels.available()
    assert type(kernels.best).__module__.startswith("numba")  # the compiled loop is tested
    rng = np.random.default_rng(8)
    masses = rng.random(10_000).astype(F32) * 3
    masses[:100] = 0.0  # below the 0.05 floor
    for size in (1, 7, 50, 51, 300, 5000):
        reached = np.sort(rng.choice(len(masses), size, replace=False)).astype(np.int32)
        for levels in (1, 3, 1000):  # few distinct scores: many ties at the cut
            idf = (rng.integers(-levels, levels + 1, size) * F32(0.37)).astype(F32)
            idf[rng.random(size) < 0.1] = F32(-0.0)
            weight = (rng.random(size) * 4).astype(F32)
            for limit in (1, 5, 50):
                expected = index_module._best(reached, idf, weight, masses, limit)
                positions, shared = kernels.best(reached, idf, weight, masses, limit)
                assert positions.tolist() == expected.positions.tolist()
                assert shared.tobytes() == expected.shared.tobytes()


def test_compiled_key_look_up_equals_the_sorted_search(
    world: tuple[CandidateIndex, list[PreparedEntity]], monkeypatch: pytest.MonkeyPatch
) -> None:
    index, queries = world
    tokens = [t for q in queries for name in q.name_tokens for t in name]
    keys = [k for t in tokens for k in index_module.blocking_keys(t, query=True)[0]]
    keys += [f"absent-{n}" for n in range(300)] + keys[:50]  # misses and repeats
    found = []
    for compiled in (True, False):
        monkeypatch.setattr(CandidateIndex, "compiled", compiled)
        found.append([a.tolist() for a in index._lookup(keys)])
    assert found[0] == found[1]
    assert 0 < found[0][2][-1] < len(keys)  # some keys are indexed, some are not
    # the last hash of the list is found; the largest hash not in the list is not
    hashes = index._key_hashes
    table = kernels.buckets(hashes)
    last = np.array([hashes[-1]], np.uint32)
    assert kernels.find(hashes, table, last).tolist() == [len(hashes) - 1]
    listed = set(hashes.tolist())
    absent = next(v for v in range(2**32 - 1, 0, -1) if v not in listed)
    assert kernels.find(hashes, table, np.array([absent, 0], np.uint32))[0] == -1


def test_without_numba_the_index_ranks_with_numpy() -> None:
    code = (
        "import sys; sys.modules['numba'] = None\n"  # as if numba were not installed
        "from tansiq.matching import CandidateIndex, kernels\n"
        "print(kernels.available(), CandidateIndex()._kernels())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


_BROKEN_NUMBA = """
import numba
real = numba.njit
def njit(*args, **options):
    if {fail}:
        raise {error}("no cache locator")
    return real(*args, **options)
numba.njit = njit
from tansiq.matching import kernels
print(kernels.available(), kernels.best is kernels._best)
"""


@pytest.mark.parametrize(
    ("fail", "error", "expected"),
    [
        ("options.get('cache')", "RuntimeError", ["True", "False"]),  # compiled, not cached
        ("True", "TypeError", ["False", "True"]),  # not compiled: the plain loops stay
    ],
)
def test_kernels_without_a_cache_folder_or_with_a_broken_numba(
    fail: str, error: str, expected: list[str]
) -> None:
    code = _BROKEN_NUMBA.format(fail=fail, error=error)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == expected


def _date_rooms_one_by_one(
    index: CandidateIndex, positions: list[int], query: PreparedEntity
) -> list[float]:
    """Per candidate: 1 if a birth year equals one of the query's, 0.3 if one is a year
    off, else 0 (the most its birth dates can add)."""
    years = [d[0] for d in query.birth_dates]
    rooms = []
    for pos in positions:
        gaps = [abs(d[0] - y) for d in index.entity(pos).birth_dates for y in years]
        best = min(gaps, default=2)
        rooms.append(1.0 if best == 0 else index_module.DATE_NEAR_ROOM if best == 1 else 0.0)
    return rooms


def test_date_rooms_of_a_batch_equal_rooms_one_by_one(
    world: tuple[CandidateIndex, list[PreparedEntity]],
) -> None:
    index, queries = world
    two_dates = (*queries[0].birth_dates, (1961, None, None), (1975, 3, 2))
    batch = [*queries[:40], replace(queries[1], birth_dates=two_dates)]
    ranked = [index._rank(q, 30).positions.tolist() for q in batch]
    positions = np.array([p for r in ranked for p in r], dtype=np.int32)
    row_query = np.repeat(np.arange(len(batch)), [len(r) for r in ranked])
    rooms = index._date_rooms(positions, row_query, batch).tolist()
    expected = [
        x for q, r in zip(batch, ranked, strict=True) for x in _date_rooms_one_by_one(index, r, q)
    ]
    assert rooms == expected
    assert {0.0, index_module.DATE_NEAR_ROOM, 1.0} <= set(rooms)  # every case is tested
    assert any(not q.birth_dates for q in batch)
    assert not index._date_rooms(positions[:0], row_query[:0], batch).size


def test_plans_of_a_batch_equal_plans_one_by_one(
    world: tuple[CandidateIndex, list[PreparedEntity]],
) -> None:
    index, queries = world
    tokens = [t for q in queries for name in q.name_tokens for t in name]
    index._reset_caches()
    single = [index._plan(t) for t in tokens]
    index._reset_caches()
    index._plan_many(tokens)
    batch = [index._plan(t) for t in tokens]
    for one, many in zip(single, batch, strict=True):
        assert (one.exact_size, one.fuzzy_size) == (many.exact_size, many.fuzzy_size)
        for a, b in ((one.exact, many.exact), (one.fuzzy, many.fuzzy)):
            assert a[0].tolist() == b[0].tolist()
            assert a[1].tolist() == b[1].tolist()


def test_entities_read_together_equal_entities_one_by_one(
    world: tuple[CandidateIndex, list[PreparedEntity]],
) -> None:
    index, _ = world
    positions = np.array([5, 0, 77, 77, len(index) - 1, *range(100, 1500, 7)], dtype=np.int32)
    together = index._entities(positions)
    assert together == [index.entity(p) for p in positions.tolist()]
    assert sum(bool(e.documents) for e in together) >= 3  # documents and dates are covered
    assert sum(len(e.birth_dates) for e in together) > 100
    assert index._entities(positions[:0]) == []


def test_repeated_token_pairs_get_the_bounds_of_distinct_ones(
    world: tuple[CandidateIndex, list[PreparedEntity]],
) -> None:
    index, queries = world
    query_tokens = [t for q in queries[:40] for name in q.name_tokens for t in name]
    table = ListedTokens.of(index._tokens)
    rng = np.random.default_rng(4)
    qi = rng.integers(0, len(query_tokens), 3000)
    lt = rng.integers(0, 30, 3000)  # few listed tokens: most pairs repeat
    assert len(np.unique(qi * len(index._tokens) + lt)) < 2000
    one_by_one = bounds_module._distinct_pair_bounds(query_tokens, qi, table, lt)
    assert pair_token_bounds(query_tokens, qi, table, lt).tolist() == one_by_one.tolist()
