"""Screening bounds across scripts: Arabic-script names against Latin list entries.

Invented names (syllables with no real person behind them), each written in
Arabic script letter by letter and in one or two Latin romanisations, some
with a letter changed. The name-score bounds must never fall below the exact
score for these pairs (the letter-by-letter comparison of ``crossscript`` is
not bounded by edit similarities of keys or skeletons), and screening must
give exactly the alerts ``compare`` gives on the index's candidates.
"""

from __future__ import annotations

import random
from typing import Any

import numpy as np
import pytest
from followthemoney import model

from tansiq.matching import CandidateIndex, prepare
from tansiq.matching import index as index_module
from tansiq.matching.bounds import ListedTokens, NameBounds, pair_token_bounds
from tansiq.matching.crossscript import cross_similarity, cross_upper_bound
from tansiq.matching.names import CROSS_EQUAL, TOKEN_FLOOR, token_similarity
from tansiq.matching.prepare import PreparedEntity, reweigh
from tansiq.matching.tokens import NameToken, name_tokens
from tests.matching.exact import bounds_and_exact_scores, screened_as_compared

# (Latin spellings, Arabic letter) of consonants and (Latin, Arabic long vowel or "") of vowels
CONSONANTS = [
    (("b",), "ب"),
    (("d", "t"), "د"),  # Turkish final t
    (("f", "ph"), "ف"),
    (("k", "c"), "ك"),
    (("l",), "ل"),
    (("ll", "l"), "لل"),  # a consonant written twice, as Italian names double it
    (("m",), "م"),
    (("n",), "ن"),
    (("r",), "ر"),
    (("s", "ss"), "س"),
    (("t",), "ت"),
    (("z",), "ز"),
    (("z", "tz", "ts"), "تس"),  # German and Italian z
    (("sh", "ch"), "ش"),
    (("h",), "ح"),
    (("j", "dj", "c"), "ج"),  # Turkish c
    (("q", "k"), "ق"),
    (("k", "cch"), "ك"),  # Italian cch
    (("gn", "n"), "ني"),  # French and Italian gn
    (("gh", "g"), "غ"),
]
VOWELS = [
    ("a", ""),
    ("a", "ا"),
    ("i", ""),
    ("i", "ي"),
    ("u", ""),
    ("u", "و"),
    ("e", ""),
    ("o", "و"),
]


def _word(rng: random.Random) -> tuple[str, str, str]:
    """(Arabic, Latin, another Latin spelling) of one invented word."""
    arabic, latin, other = "", "", ""
    for _ in range(rng.randint(2, 3)):
        spellings, letter = rng.choice(CONSONANTS)
        vowel, long_vowel = rng.choice(VOWELS)
        arabic += letter + long_vowel
        latin += spellings[0] + vowel
        other += rng.choice(spellings) + (vowel * 2 if vowel == "o" else vowel)
    if rng.random() < 0.5:
        spellings, letter = rng.choice(CONSONANTS)
        arabic += letter
        latin += spellings[0]
        other += spellings[-1]
    if rng.random() < 0.3:  # a letter off
        i = rng.randrange(1, len(other))
        other = other[:i] + rng.choice("aeklmnrst") + other[i + 1 :]
    return arabic, latin.capitalize(), other.capitalize()


def _entity(key: str, name: str) -> Any:
    entity = model.make_entity("Person")
    entity.id = key
    entity.add("name", name)
    return entity


def _world() -> tuple[list[Any], list[Any]]:
    """Latin list entries, and Arabic-script travellers (a third of them not listed)."""
    rng = random.Random(17)
    words = [_word(rng) for _ in range(240)]
    listed, travellers = [], []
    for k in range(120):
        parts = rng.sample(words, rng.choice((2, 3)))
        listed.append(_entity(f"latin-{k}", " ".join(rng.choice(p[1:]) for p in parts)))
        if k % 3:
            travellers.append(_entity(f"arabic-{k}", " ".join(p[0] for p in parts)))
        else:
            others = rng.sample(words, len(parts))
            travellers.append(_entity(f"arabic-{k}", " ".join(p[0] for p in others)))
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


def _token_pairs() -> tuple[list[NameToken], list[NameToken]]:
    rng = random.Random(23)
    arabic, latin = [], []
    for _ in range(400):
        word = _word(rng)
        arabic.append(name_tokens(word[0])[-1])
        latin.append(name_tokens(rng.choice(word[1:]))[-1])
    return arabic, latin


@pytest.mark.parametrize("arabic_queries", [True, False])
def test_token_bounds_hold_across_scripts(arabic_queries: bool) -> None:
    arabic, latin = _token_pairs()
    query, listed = (arabic, latin) if arabic_queries else (latin, arabic)
    # every query token against every listed token: true pairs and random ones
    qi = np.repeat(np.arange(len(query), dtype=np.int64), 40)
    lt = (qi + np.tile(np.arange(40, dtype=np.int64), len(query))) % len(listed)
    upper = pair_token_bounds(query, qi, ListedTokens.of(listed), lt)
    alike = 0
    for e, (i, j) in enumerate(zip(qi.tolist(), lt.tolist(), strict=True)):
        sim = token_similarity(query[i], listed[j])
        if sim >= TOKEN_FLOOR:  # below it a pair counts as unmatched (bound 0)
            alike += 1
            assert upper[e] + 1e-9 >= sim, (query[i].source or query[i].text, listed[j].text)
    assert alike > 300  # most true pairs are alike


def test_batch_bounds_are_never_below_the_exact_score_across_scripts(
    world: tuple[CandidateIndex, dict[str, PreparedEntity], list[PreparedEntity]],
) -> None:
    index, _, queries = world
    batch = [reweigh(q, index.stats) for q in queries]
    positions = np.arange(len(index), dtype=np.int32)
    strong = 0
    for upper, exact, query, cand in bounds_and_exact_scores(index, batch, positions):
        assert upper + 1e-9 >= exact, (query.names, cand.names)
        strong += exact >= 0.7
    assert strong > 40


@pytest.mark.parametrize("threshold", [None, 0.5])
def test_arabic_script_screening_equals_compare_on_every_candidate(
    world: tuple[CandidateIndex, dict[str, PreparedEntity], list[PreparedEntity]],
    threshold: float | None,
) -> None:
    index, by_id, queries = world
    alerts = screened_as_compared(index, by_id, queries, threshold)
    assert alerts > 40


def test_cheap_cross_bound_is_never_below_the_alignment() -> None:
    arabic, latin = _token_pairs()
    below = 0
    for a in arabic[:120]:
        for b in latin[:120]:
            exact = cross_similarity(a.source, b.text)
            cheap = cross_upper_bound(a.source, b.text)
            assert cheap + 1e-9 >= exact, (a.source, b.text)
            below += CROSS_EQUAL * cheap < TOKEN_FLOOR
    assert below > 120 * 120 // 3  # and it spares most of the alignments


def test_arabic_script_bounds_change_no_alert(
    world: tuple[CandidateIndex, dict[str, PreparedEntity], list[PreparedEntity]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    index, _, queries = world
    fast = [[(m.candidate_id, m.score) for m in index.screen(q)] for q in queries]
    monkeypatch.setattr(
        index_module,
        "batch_name_bounds",
        lambda q, r, names, *_: NameBounds.unknown(names.candidates),
    )
    slow = [[(m.candidate_id, m.score) for m in index.screen(q)] for q in queries]
    assert fast == slow
