"""Screening shortcuts are exact: the same alerts as scoring every candidate with compare.

A fictional list (invented syllable names, no real person) and travellers with
typos, dropped or swapped tokens, other birth years and documents.
"""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any

import numpy as np
import pytest
from followthemoney import model

from tansiq.matching import ALGORITHM, CandidateIndex, compare, prepare
from tansiq.matching import index as index_module
from tansiq.matching.algorithm import Algorithm
from tansiq.matching.bounds import (
    ListedTokens,
    NameBounds,
    pair_token_bounds,
)
from tansiq.matching.names import token_similarity
from tansiq.matching.prepare import PreparedEntity, reweigh
from tests.matching.exact import bounds_and_exact_scores, screened_as_compared

GIVEN = [
    "Orvald",
    "Bramwen",
    "Isadora",
    "Caspian",
    "Perpetua",
    "Lindqvar",
    "Tamsin",
    "Odalric",
    "Yevka",
    "Quillon",
]
ONSETS = [
    "b",
    "d",
    "f",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "z",
    "ch",
    "sh",
    "th",
    "kh",
    "br",
    "dr",
]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ei", "ou"]


def _family(rng: random.Random) -> str:
    return "".join(
        rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(["", "n", "r", "l", "s"])
        for _ in range(rng.randint(2, 3))
    ).capitalize()


def _entity(key: str, name: str, **props: str) -> Any:
    entity = model.make_entity("Person")
    entity.id = key
    entity.add("name", name)
    for prop, value in props.items():
        entity.add(prop, value)
    return entity


def _typo(rng: random.Random, word: str) -> str:
    i = rng.randrange(1, len(word)) if len(word) > 1 else 0
    if rng.random() < 0.5:
        return word[:i] + rng.choice("aeiklmnorst") + word[i + 1 :]
    return word[:i] + word[i + 1 :]


def _world() -> tuple[list[Any], list[Any]]:
    rng = random.Random(3)
    families = [_family(rng) for _ in range(300)]
    listed = []
    for k in range(1500):
        name = " ".join(
            [rng.choice(GIVEN) for _ in range(rng.randint(1, 2))] + [rng.choice(families)]
        )
        props = {
            "birthDate": f"{rng.randint(1950, 2000)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
        }
        if k % 7 == 0:
            props["passportNumber"] = f"QX{k:07d}"
        listed.append(_entity(f"listed-{k}", name, **props))
    travellers = []
    for k in range(400):
        source = rng.choice(listed)
        words = source.get("name")[0].split()
        roll = rng.random()
        if roll < 0.3:
            j = rng.randrange(len(words))
            words[j] = _typo(rng, words[j])
        elif roll < 0.45 and len(words) > 2:
            words.pop(0)
        elif roll < 0.6:
            words.reverse()
        elif roll < 0.8:
            words = [rng.choice(GIVEN), rng.choice(families)]
        props = {"birthDate": f"{rng.randint(1950, 2000)}"} if rng.random() < 0.5 else {}
        if rng.random() < 0.05 and source.get("passportNumber"):
            props["passportNumber"] = source.get("passportNumber")[0]
        travellers.append(_entity(f"trav-{k}", " ".join(words), **props))
    return listed, travellers


@pytest.fixture(scope="module")
def world() -> tuple[CandidateIndex, dict[str, PreparedEntity], list[PreparedEntity]]:
    listed, travellers = _world()
    prepared = [prepare(e) for e in listed]
    return (
        CandidateIndex.build(prepared),
        {p.id or "": p for p in prepared},
        [prepare(t) for t in travellers],
    )


@pytest.mark.parametrize("threshold", [None, 0.5])
def test_alerts_equal_compare_on_every_candidate(
    world: tuple[CandidateIndex, dict[str, PreparedEntity], list[PreparedEntity]],
    threshold: float | None,
) -> None:
    index, by_id, queries = world
    alerts = screened_as_compared(index, by_id, queries, threshold)
    assert alerts > 50  # the world has real alerts, not only clean travellers


@pytest.mark.parametrize("threshold", [None, 0.5])
def test_name_bounds_change_no_alert(
    world: tuple[CandidateIndex, dict[str, PreparedEntity], list[PreparedEntity]],
    threshold: float | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    index, _, queries = world
    fast = [[(m.candidate_id, m.score) for m in index.screen(q, threshold)] for q in queries]
    monkeypatch.setattr(
        index_module,
        "batch_name_bounds",
        lambda q, r, names, *_: NameBounds.unknown(names.candidates),
    )
    slow = [[(m.candidate_id, m.score) for m in index.screen(q, threshold)] for q in queries]
    assert fast == slow
    assert sum(map(len, fast)) > 50


def _birth_date_first(algorithm: Algorithm) -> Algorithm:
    features = algorithm.features
    at = [f.name for f in features].index("birth_date")
    return replace(algorithm, features=(features[at], *features[:at], *features[at + 1 :]))


@pytest.mark.parametrize("threshold", [0.6, 0.65, 0.7])
def test_a_birth_date_scored_before_the_name_keeps_screening_exact(threshold: float) -> None:
    # scored before the name, a date conflict weighs its lowest weight whatever the name:
    # the date-conflict cut must not assume the weight a name match would give it
    algorithm = _birth_date_first(ALGORITHM)
    listed = [_entity("listed-z", "Zorvandel", birthDate="1961-03-14")]
    listed += [_entity(f"listed-{k}", f"Fel{k}ix Namoq{k}", birthDate="1950") for k in range(20)]
    index = CandidateIndex.build(prepare(e) for e in listed)
    query = prepare(_entity("trav-z", "Zorvandel", birthDate="1955-07-02"))
    exact = compare(query, index.entity(0), algorithm=algorithm, stats=index.stats)
    assert exact.score >= threshold  # (0.73: the dates conflict, the name is the same)
    found = index.screen(query, threshold, algorithm=algorithm)
    assert [(m.candidate_id, m.score) for m in found] == [("listed-z", exact.score)]


def test_screen_many_equals_screen_one_by_one(
    world: tuple[CandidateIndex, dict[str, PreparedEntity], list[PreparedEntity]],
) -> None:
    index, _, queries = world
    batch = index.screen_many(queries[:100])
    assert [[m.candidate_id for m in found] for found in batch] == [
        [m.candidate_id for m in index.screen(q)] for q in queries[:100]
    ]


def test_token_bounds_are_never_below_token_similarity(
    world: tuple[CandidateIndex, dict[str, PreparedEntity], list[PreparedEntity]],
) -> None:
    index, _, queries = world
    listed = index._tokens[:400]
    query_tokens = [t for q in queries[:100] for name in q.name_tokens for t in name]
    table = ListedTokens.of(index._tokens)
    qi = np.repeat(np.arange(len(query_tokens), dtype=np.int64), len(listed))
    lt = np.tile(np.arange(len(listed), dtype=np.int64), len(query_tokens))
    upper = pair_token_bounds(query_tokens, qi, table, lt)
    alike = 0
    for e, (i, j) in enumerate(zip(qi.tolist(), lt.tolist(), strict=True)):
        sim = token_similarity(query_tokens[i], listed[j])
        if sim >= 0.7:
            alike += 1
            assert upper[e] >= sim, (query_tokens[i].text, listed[j].text)
    assert alike > 100


def test_batch_bounds_are_never_below_the_exact_name_score(
    world: tuple[CandidateIndex, dict[str, PreparedEntity], list[PreparedEntity]],
) -> None:
    index, _, queries = world
    batch = [reweigh(q, index.stats) for q in queries[:60]]
    positions = np.arange(0, len(index), 53, dtype=np.int32)
    rows = bounds_and_exact_scores(index, batch, positions)
    close = 0
    for upper, exact, query, cand in rows:
        assert upper + 1e-9 >= exact, (query.names, cand.names)
        close += upper - exact < 0.1
    assert close > len(rows) // 2  # and the bound is tight enough to be useful
