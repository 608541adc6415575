"""Each part of the screening bounds stays above what scoring computes.

Namesakes and siblings (one family name, other given names), typos, weak token
pairs, reversed and longer names, compounds, a syllabic script and Arabic
script, on an invented list (syllable names, no real person): the name bound,
the matched mass, the aligned pairs and the weakest place of a complete
alignment are never below the exact comparison of any name pair, and a sure
birth-date conflict never takes off more than ``Algorithm.score`` does.
"""

from __future__ import annotations

import random
from typing import Any

import numpy as np
import pytest
from followthemoney import model

from tansiq.matching import ALGORITHM, CandidateIndex
from tansiq.matching.bounds import date_conflict_bounds
from tansiq.matching.prepare import PreparedEntity
from tests.matching.exact import indexed, name_bounds_and_exact

GIVEN = ["Orvald", "Bramwen", "Isadora", "Tamsin", "Odalric", "Yevka", "Orvold", "Tamsen"]
SYLLABLES = ["ka", "ro", "mi", "shu", "tel", "van", "dor", "ith", "lu", "bre"]
EXTRA = ["Abd al-Varun", "Abdelvarun", "도랑", "비섭", "قارون", "Qarun", "Zel-Dorith"]


def _family(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _typo(rng: random.Random, word: str) -> str:
    i = rng.randrange(1, len(word)) if len(word) > 1 else 0
    return word[:i] + rng.choice("aeiklmnorst") + word[i + 1 :]


def _entity(key: str, names: list[str], date: str | None) -> Any:
    entity = model.make_entity("Person")
    entity.id = key
    for name in names:
        entity.add("name", name)
    if date:
        entity.add("birthDate", date)
    return entity


def _date(rng: random.Random) -> str | None:
    roll = rng.random()
    year = rng.randint(1950, 1962)
    if roll < 0.2:
        return None
    if roll < 0.5:
        return str(year)
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _name(rng: random.Random, family: str) -> str:
    words = [rng.choice(GIVEN) for _ in range(rng.randint(1, 2))] + [family]
    if rng.random() < 0.15:
        words.insert(rng.randrange(len(words)), rng.choice(EXTRA))
    return " ".join(words)


@pytest.fixture(scope="module")
def families() -> tuple[CandidateIndex, list[PreparedEntity]]:
    rng = random.Random(11)
    names = [_family(rng) for _ in range(40)]
    listed = []
    for k in range(240):
        family = rng.choice(names)
        aliases = [_name(rng, family) for _ in range(rng.choice((1, 1, 2)))]
        listed.append(_entity(f"listed-{k}", aliases, _date(rng)))
    travellers = []
    for k in range(60):
        words = _name(rng, rng.choice(names)).split()
        roll = rng.random()
        if roll < 0.3:
            j = rng.randrange(len(words))
            words[j] = _typo(rng, words[j])
        elif roll < 0.45:
            words.reverse()
        travellers.append(_entity(f"trav-{k}", [" ".join(words)], _date(rng)))
    return indexed(listed, travellers)


def test_name_bound_parts_are_never_below_the_exact_comparison(
    families: tuple[CandidateIndex, list[PreparedEntity]],
) -> None:
    index, queries = families
    positions = np.arange(0, len(index), 2, dtype=np.int32)
    conflicts = tight = 0
    for bounds, exact, query, cand in name_bounds_and_exact(index, queries, positions):
        upper, mass = float(bounds.upper[0]), float(bounds.mass[0])
        pairs, weakest = int(bounds.pairs[0]), float(bounds.weakest[0])
        for score in exact:
            where = (query.names, cand.names, score)
            assert upper + 1e-9 >= score.score, where
            assert mass + 1e-9 >= score.mass, where
            assert pairs >= len(score.pairs), where
            if score.pairs and not score.unmatched:
                assert weakest + 1e-9 >= min(s for *_, s in score.pairs), where
            conflicts += score.given is not None and upper < score.score / 0.75 - 1e-3
        tight += upper - max(s.score for s in exact) < 0.01
    assert conflicts > 20  # sure given-name conflicts are found
    assert tight > len(queries) * len(positions) // 2


def test_sure_birth_date_conflicts_take_off_no_more_than_scoring(
    families: tuple[CandidateIndex, list[PreparedEntity]],
) -> None:
    index, queries = families
    positions = np.arange(len(index), dtype=np.int32)
    sure = 0
    for bounds, _, query, cand in name_bounds_and_exact(index, queries, positions):
        if not query.birth_dates or not cand.birth_dates:
            continue
        bound = date_conflict_bounds(ALGORITHM, [(query.birth_dates, cand.birth_dates)], bounds)
        match = ALGORITHM.score(query, cand)
        dates = next(r for r in match.explanation if r.name == "birth_date")
        if bound[0] < 0:
            sure += 1
            assert dates.contribution <= bound[0] + 1e-12, (query.names, cand.names, dates)
        else:
            assert bound[0] == 0.0
    assert sure > 1000  # most dated pairs of this list conflict
