"""Spelling keys: a one-letter typo that moves a phonetic key by two letters is still found."""

from __future__ import annotations

import pytest

from tansiq.matching import CandidateIndex, prepare
from tansiq.matching import index as index_module
from tansiq.matching.index import SPELLING, spelling_keys
from tansiq.matching.tokens import name_tokens

from .conftest import person

LISTED = ["Mary Nuzoshzo", "Luis Gurkheth", "Robert Shapaisson", "Ivo Tandrell"]
TYPOS = {"Mary Nuoshzo": 0, "Luis Gurkheh": 1, "Robert Shapaisso": 2}


def _index() -> CandidateIndex:
    entities = []
    # a crowd sharing the given names first (ties go to lower positions), so the
    # typo'd family name must do the finding
    for k in range(300):
        entity = person(f"{LISTED[k % 3].split()[0]} Filler{chr(97 + k % 26)}{k}")
        entity.id = f"crowd-{k}"
        entities.append(entity)
    for k, name in enumerate(LISTED):
        entity = person(name)
        entity.id = f"listed-{k}"
        entities.append(entity)
    return CandidateIndex.build(prepare(e) for e in entities)


def test_spelling_keys_are_the_spelling_and_its_deletions() -> None:
    token = name_tokens("Nuzoshzo")[0]
    keys = spelling_keys(token)
    assert keys[0] == SPELLING + token.text
    assert SPELLING + "nuoshzo" in keys
    assert len(keys) == len(set(keys))
    assert spelling_keys(name_tokens("Ivo")[0]) == ()


def test_typos_that_move_the_phonetic_key_are_candidates() -> None:
    index = _index()
    for query, listed in TYPOS.items():
        found = [c.id for c in index.candidates(prepare(person(query)), limit=10)]
        assert f"listed-{listed}" in found, query


def test_without_spelling_keys_those_typos_are_missed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_module, "spelling_keys", lambda token: ())
    index = _index()
    missed = [
        query
        for query, listed in TYPOS.items()
        if f"listed-{listed}"
        not in [c.id for c in index.candidates(prepare(person(query)), limit=10)]
    ]
    assert missed  # the test above exercises the spelling keys, not the phonetic ones
