"""Cheap caps of the name bounds from letters: they never change a bound that matters.

Token pairs and joined keys whose letters are too far apart are not compared (their
bound is 0 or the cap); these tests check the caps against rapidfuzz and the exact
comparison, on random strings and on the fictional list of ``test_screen_exact``.
"""

from __future__ import annotations

import random
from collections import Counter

import numpy as np
import pytest
from rapidfuzz.distance import OSA

from tansiq.matching import CandidateIndex
from tansiq.matching import bounds as bounds_module
from tansiq.matching.bounds import CAP_SLACK, WANTED_MARGIN, ListedTokens, batch_name_bounds
from tansiq.matching.prepare import PreparedEntity

from .exact import indexed
from .test_cross_bounds import _token_pairs
from .test_screen_exact import _world

LETTERS = "aab$zkrtn"  # few letters, "a" often: many repeats, as in phonetic keys


def _strings(rng: random.Random, count: int) -> list[str]:
    out = ["", "a", "ab", "ba", "aaaa", "été", "بيسي", "ﬃx"]
    while len(out) < count:
        out.append("".join(rng.choice(LETTERS) for _ in range(rng.randint(0, 9))))
    return out


def _caps(left: list[str], right: list[str]) -> list[float]:
    lengths = (
        np.array([len(s) for s in left], dtype=np.int64),
        np.array([len(s) for s in right], dtype=np.int64),
    )
    bits = (bounds_module._letter_bits(left), bounds_module._letter_bits(right))
    caps: list[float] = bounds_module._bit_caps(bits, lengths).tolist()
    return caps


def test_letter_caps_are_never_below_the_edit_similarity() -> None:
    rng = random.Random(5)
    strings = _strings(rng, 400)
    left = [rng.choice(strings) for _ in range(5000)]
    right = [rng.choice(strings) if rng.random() < 0.5 else _edit(rng, a) for a in left]
    caps = _caps(left, right)
    sims = [OSA.normalized_similarity(a, b) for a, b in zip(left, right, strict=True)]
    assert all(cap >= sim for cap, sim in zip(caps, sims, strict=True))
    assert sum(cap < 0.72 for cap in caps) > 1000  # the caps do exclude pairs


def test_letter_caps_are_the_bag_distance_below_three_repeats() -> None:
    rng = random.Random(6)
    pairs = [("".join(rng.sample("abcdefgh", rng.randint(0, 6))) * 2,) * 2 for _ in range(50)]
    pairs += [
        ("".join(rng.sample("aabbccddeeffgghh", 5)), "".join(rng.sample("aabbccddeeffgghh", 3)))
        for _ in range(300)
    ]
    left, right = [a for a, _ in pairs], [b for _, b in pairs]
    for a, b, cap in zip(left, right, _caps(left, right), strict=True):
        ca, cb = Counter(a), Counter(b)
        bag = max(sum((ca - cb).values()), sum((cb - ca).values()))
        longer = max(len(a), len(b))
        expected = 1.0 - bag / longer if longer else 1.0
        assert cap == pytest.approx(expected + CAP_SLACK, abs=1e-12), (a, b)


def _edit(rng: random.Random, word: str) -> str:
    letters = list(word)
    for _ in range(rng.randint(1, 2)):
        at = rng.randint(0, len(letters))
        roll = rng.random()
        if roll < 0.3 or not letters:
            letters.insert(at, rng.choice(LETTERS))
        elif roll < 0.6:
            del letters[min(at, len(letters) - 1)]
        elif roll < 0.8 and len(letters) > 1:
            k = min(at, len(letters) - 2)
            letters[k], letters[k + 1] = letters[k + 1], letters[k]
        else:
            letters[min(at, len(letters) - 1)] = rng.choice(LETTERS)
    return "".join(letters)


@pytest.fixture(scope="module")
def world() -> tuple[CandidateIndex, list[PreparedEntity]]:
    listed, travellers = _world()
    return indexed(listed, travellers)


def test_skipped_token_pairs_are_bounded_by_0(
    world: tuple[CandidateIndex, list[PreparedEntity]],
) -> None:
    index, queries = world
    cross_q, cross_l = _token_pairs()
    query = [t for q in queries[:60] for name in q.name_tokens for t in name] + cross_q
    table = ListedTokens.of([*index._tokens, *cross_l])
    qi = np.repeat(np.arange(len(query), dtype=np.int64), len(table.tokens))
    lt = np.tile(np.arange(len(table.tokens), dtype=np.int64), len(query))
    may = bounds_module._may_reach_floor(query, qi, table, lt)
    exact = bounds_module._exact_pair_bounds(query, qi, table, lt)
    assert not exact[~may].any()  # the skipped pairs' bound is 0
    assert (~may).sum() > len(qi) / 5 and (exact > 0).sum() > 1000
    found = bounds_module._distinct_pair_bounds(query, qi, table, lt)
    assert found.tolist() == exact.tolist()


def test_name_bits_are_the_letter_bits_of_the_joined_keys(
    world: tuple[CandidateIndex, list[PreparedEntity]],
) -> None:
    index, _ = world
    names = index._names_of(np.arange(len(index), dtype=np.int32))
    table = ListedTokens.of(index._tokens)
    ends = [*names.starts[1:].tolist(), len(names.token_ids)]
    flat = names.token_ids.tolist()
    joined = [
        "".join(table.first_keys[t] for t in flat[a:b])
        for a, b in zip(names.starts.tolist(), ends, strict=True)
    ]
    which = np.arange(len(joined), dtype=np.int64)[::3]
    found = bounds_module._name_bits(names, table, which)
    assert found.tolist() == bounds_module._letter_bits([joined[n] for n in which]).tolist()


def test_wanted_changes_no_bound_that_reaches_it(
    world: tuple[CandidateIndex, list[PreparedEntity]],
) -> None:
    index, queries = world
    table = ListedTokens.of(index._tokens)
    batch = queries[:64]
    ranked = [index._rank(q, 50).positions for q in batch]
    positions = np.concatenate(ranked)
    row_query = np.repeat(np.arange(len(batch)), [len(p) for p in ranked])
    names = index._names_of(positions)
    tokens = [q.name_tokens for q in batch]
    full = batch_name_bounds(tokens, row_query, names, table)
    wanted = np.random.default_rng(7).uniform(0.3, 0.9, len(positions))
    cut = batch_name_bounds(tokens, row_query, names, table, wanted)
    reach = full.upper >= wanted - WANTED_MARGIN
    assert reach.sum() > 100 and (~reach).sum() > 100
    assert (cut.upper >= wanted - WANTED_MARGIN).tolist() == reach.tolist()
    assert cut.upper[reach].tolist() == full.upper[reach].tolist()
    assert (cut.upper >= full.upper).all()  # caps and fewer conflicts looked for
