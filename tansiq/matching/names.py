"""Name similarity: rarity-weighted alignment of canonical name tokens.

Tokens of the two names are aligned greedily, best pair first, so token order
does not matter. Each side's coverage is the rarity-weighted share of its
tokens that found a partner; the shorter name must be covered, the longer one
may keep unmatched tokens (missing middle names) at a cost. A weak token pair
(less similar than ``STRONG_TOKEN``, e.g. Yasir~Omar) covers less than its
similarity, and a match resting on a single token pair costs more for every
further unmatched token of the longer name. The result is scaled by how much
identifying information the matched tokens carry, so a lone common given name
never looks like a full-name match. An Arabic-script word is compared with a
Latin token letter by letter (:mod:`crossscript`). A whole-name
comparison of the joined keys catches split/joined typos (``Arefullaha Ref``).

Given names: when both names have a first token (the given name; a name
built from FtM name parts starts with ``firstName``) that found no strong
partner, and the two are spelled unlike each other (Bashar / Omar, not the
typo Badur / Abdur), the rest of the name agreeing is what siblings and
namesakes share: the alignment score is scaled by ``GIVEN_CONFLICT``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from .crossscript import cross_similarity
from .tokens import NameToken

__all__ = [
    "NameScore",
    "credit",
    "given_conflict",
    "information",
    "name_similarity",
    "token_similarity",
]

TOKEN_FLOOR = 0.7
"""Token pairs less similar than this count as unmatched."""
KEY_EQUAL = 0.97
SPELLING_FLOOR = 0.4
SPELLING_NEAR = 0.65
KEY_UNLIKE = 0.8
"""Similarity of two romanised tokens with one phonetic key but spellings less alike
than ``SPELLING_FLOOR`` (OSA): the key folds every vowel, the spellings disagree. It
rises to ``KEY_EQUAL`` as the spellings get as alike as ``SPELLING_NEAR``."""
SKELETON_EQUAL = 0.92
CROSS_EQUAL = 0.97
"""Similarity of an Arabic-script word and a Latin token that is one of its romanisations."""
COMPOUND_PART = 0.75
LONG_SIDE_FLOOR = 0.75
LONE_TOKEN_STEP = 0.15
"""When a single token pair carries the match, the long-side floor drops by this much for
every unmatched long-side token after the first (Harish ~ Nisha Harish Sridhar)."""
LONE_TOKEN_FLOOR = 0.55
STRONG_TOKEN = 0.78
"""Token similarity from which a pair counts in full; below, its credit falls towards
``WEAK_CREDIT`` of its similarity at ``TOKEN_FLOOR`` (weak evidence, e.g. Yasir~Omar)."""
WEAK_CREDIT = 0.5
INFO_BASE = 0.6
INFO_FULL = 1.0
JOINED_MIN = 0.85
JOINED_DISCOUNT = 0.05
GIVEN_CONFLICT = 0.75
"""Share of the alignment score kept when the given names (first tokens) of both names
disagree while other tokens agree (BASHAR / OMAR SABAWI IBRAHIM HASAN AL-TIKRITI)."""
GIVEN_UNLIKE = 0.6
"""Spelling similarity (OSA) of two unpaired given names below which they are other names
rather than a garbled spelling of one (Badur ~ Abdur 0.8, Bashar ~ Omar 0.17)."""

_similarity = OSA.normalized_similarity
Similarity = Callable[[NameToken, NameToken], float]


@dataclass(frozen=True, slots=True)
class NameScore:
    """Similarity of two names with the aligned token pairs that produced it."""

    score: float
    pairs: tuple[tuple[str, str, float], ...]
    unmatched: tuple[str, ...]
    mass: float = 0.0
    """Summed identity weight of the matched tokens (about 1 per rare token matched)."""
    given: tuple[str, str] | None = None
    """The two given names when they disagree (see ``GIVEN_CONFLICT``)."""


def _compound_part(a: NameToken, b: NameToken) -> float:
    """Partial credit when one token is the head or tail of the other's compound."""
    for whole, part in ((a.text, b.text), (b.text, a.text)):
        if "-" in whole and part in whole.split("-"):
            return COMPOUND_PART
    return 0.0


def _vowelled_similarity(a: NameToken, b: NameToken) -> float:
    folded = not (a.exact_vowels or b.exact_vowels)
    text = _similarity(a.text, b.text)
    if folded and not set(a.keys).isdisjoint(b.keys):
        # Same folded key: a spelling variant, unless the spellings share almost nothing
        # (Kelley and Qala both fold to "kal").
        near = min(1.0, max(0.0, text - SPELLING_FLOOR) / (SPELLING_NEAR - SPELLING_FLOOR))
        return KEY_UNLIKE + (KEY_EQUAL - KEY_UNLIKE) * near
    best = max(text * KEY_EQUAL, _compound_part(a, b))
    if not folded:
        return best
    for key_a in a.keys:
        for key_b in b.keys:
            best = max(best, _similarity(key_a, key_b) * KEY_EQUAL)
    return best


def _skeleton_similarity(a: NameToken, b: NameToken) -> float:
    best = 0.0
    for skel_a in a.skeletons:
        for skel_b in b.skeletons:
            if skel_a == skel_b:
                return SKELETON_EQUAL
            best = max(best, _similarity(skel_a, skel_b) * SKELETON_EQUAL)
    return best


def token_similarity(a: NameToken, b: NameToken) -> float:
    """Similarity of two tokens in [0, 1]: 1 identical, 0.95 same phonetic key."""
    if a.text == b.text:
        return 1.0
    if a.vowelled and b.vowelled:
        return _vowelled_similarity(a, b)
    if a.source and b.vowelled and not b.exact_vowels:
        return CROSS_EQUAL * cross_similarity(a.source, b.text)
    if b.source and a.vowelled and not a.exact_vowels:
        return CROSS_EQUAL * cross_similarity(b.source, a.text)
    return _skeleton_similarity(a, b)


def _align(
    query: tuple[NameToken, ...], cand: tuple[NameToken, ...], similarity: Similarity
) -> list[tuple[int, int, float]]:
    scored = []
    for i, tok_q in enumerate(query):
        for j, tok_c in enumerate(cand):
            sim = similarity(tok_q, tok_c)
            if sim >= TOKEN_FLOOR:
                scored.append((sim, i, j))
    scored.sort(reverse=True)
    used_q: set[int] = set()
    used_c: set[int] = set()
    pairs = []
    for sim, i, j in scored:
        if i not in used_q and j not in used_c:
            used_q.add(i)
            used_c.add(j)
            pairs.append((i, j, sim))
    return pairs


def credit(sim: float) -> float:
    """How much a token pair of similarity ``sim`` covers of its tokens (weak pairs less)."""
    if sim >= STRONG_TOKEN:
        return sim
    share = max(0.0, sim - TOKEN_FLOOR) / (STRONG_TOKEN - TOKEN_FLOOR)
    return sim * (WEAK_CREDIT + (1.0 - WEAK_CREDIT) * share)


def information(mass: float) -> float:
    """Scale in [INFO_BASE, 1] for how identifying matched tokens of total weight ``mass`` are."""
    return min(1.0, INFO_BASE + (1.0 - INFO_BASE) * mass / INFO_FULL)


def _unlike(a: NameToken, b: NameToken) -> bool:
    """Two romanised tokens spelled unlike each other, neither an initial or short form."""
    if not (a.vowelled and b.vowelled):
        return False  # an Arabic word spelled letter by letter has no comparable spelling
    if a.text.startswith(b.text) or b.text.startswith(a.text):
        return False
    return _similarity(a.text, b.text) < GIVEN_UNLIKE


def _substituted(k: int, pairs: list[tuple[int, int, float]]) -> bool:
    """Token ``k`` of both names has no strong partner and no partner elsewhere."""
    return not any((i == k or j == k) and (sim >= STRONG_TOKEN or i != j) for i, j, sim in pairs)


def given_conflict(
    query: tuple[NameToken, ...],
    cand: tuple[NameToken, ...],
    pairs: list[tuple[int, int, float]],
) -> tuple[str, str] | None:
    """The two names' tokens that stand in the same place and name other people, if any.

    The given names (first tokens), or, in names of one length whose pairs all keep
    their places, any two tokens in the same place (MOHAMMAD HASSAN / ESSA AKHUND).
    """
    if len(query) < 2 or len(cand) < 2:
        return None
    places = range(1)
    if len(query) == len(cand) and all(i == j for i, j, _ in pairs):
        places = range(len(query))
    for k in places:
        if _substituted(k, pairs) and _unlike(query[k], cand[k]):
            return query[k].text, cand[k].text
    return None


def _joined_score(query: tuple[NameToken, ...], cand: tuple[NameToken, ...]) -> float:
    if not all(t.vowelled for t in query) or not all(t.vowelled for t in cand):
        return 0.0
    sim = _similarity("".join(t.keys[0] for t in query), "".join(t.keys[0] for t in cand))
    if sim < JOINED_MIN:
        return 0.0
    mass = min(sum(t.weight for t in query), sum(t.weight for t in cand))
    return (sim - JOINED_DISCOUNT) * information(mass)


def name_similarity(
    query: tuple[NameToken, ...],
    cand: tuple[NameToken, ...],
    similarity: Similarity | None = None,
) -> NameScore:
    """Compare two tokenised names; see the module docstring for the scoring.

    ``similarity`` replaces :func:`token_similarity` by an equivalent (e.g. memoised) one.
    """
    if not query or not cand:
        return NameScore(0.0, (), ())
    pairs = _align(query, cand, similarity or token_similarity)
    total_q = sum(t.weight for t in query)
    total_c = sum(t.weight for t in cand)
    got_q = sum(credit(sim) * query[i].weight for i, _, sim in pairs)
    got_c = sum(credit(sim) * cand[j].weight for _, j, sim in pairs)
    cov_q, cov_c = got_q / total_q, got_c / total_c
    short, long_ = (cov_q, cov_c) if len(query) <= len(cand) else (cov_c, cov_q)
    mass = sum(credit(sim) * (query[i].weight + cand[j].weight) / 2 for i, j, sim in pairs)
    floor = LONG_SIDE_FLOOR
    if len(pairs) == 1:
        spare = max(len(query), len(cand)) - 2
        floor = max(LONE_TOKEN_FLOOR, LONG_SIDE_FLOOR - LONE_TOKEN_STEP * max(0, spare))
    score = short * (floor + (1 - floor) * long_) * information(mass)
    score = max(score, _joined_score(query, cand))
    given = given_conflict(query, cand, pairs) if pairs else None
    if given is not None:
        score *= GIVEN_CONFLICT
    matched_q = {i for i, _, _ in pairs}
    matched_c = {j for _, j, _ in pairs}
    unmatched = tuple(t.text for i, t in enumerate(query) if i not in matched_q) + tuple(
        t.text for j, t in enumerate(cand) if j not in matched_c
    )
    named = tuple((query[i].text, cand[j].text, sim) for i, j, sim in pairs)
    return NameScore(min(score, 1.0), named, unmatched, mass, given)
