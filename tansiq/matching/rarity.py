"""Name-token rarity: how much a matching token tells about identity.

A shared "Mohammed" or "Maria" says little; a shared rare family name says a
lot. The built-in table lists very frequent given names and family names
worldwide (hand-written, spelled in common romanisations); tokens are looked
up by phonetic key so every spelling variant gets the same weight. Unknown
tokens are treated as rare. :class:`NameStats` learns the same from a
watchlist: how many of its entities carry each key.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .latin import canonical_token
from .phonetic import phonetic_key, rarity_key

__all__ = ["COMMON_WEIGHT", "RARE_WEIGHT", "SHORT_WEIGHT", "NameStats", "token_weight"]

RARE_WEIGHT = 1.0
COMMON_WEIGHT = 0.35
SHORT_WEIGHT = 0.6

_COMMON_GIVEN = """
mohammed mohammad muhammad mohamed mehmet ahmed ahmad ali omar umar hassan hasan hussein
husain hussain ibrahim abdallah abdullah abdulrahman abdelrahman abdelaziz abdelkader
abdulkarim youssef yusuf yousef mahmoud mahmood mahmud mustafa mostafa khalid khaled
said saeed salim salem saleh salah hamid abdul abd abu karim rahim rahman aziz jamal
amin nasser nasir osama usama tariq tarek yasser yasir hamza ismail idris musa moussa
issa isa yahya zakaria othman osman usman jafar mansour mansur qasim kassem nur noor nour
din haji haq bakr bakar fatima fatma aisha maryam mariam khadija zainab zeinab leila layla
amina halima sara sarah hussein reza mehdi hossein javad abbas akbar gul jan khan shah
mir wali nabi sayed sayyid syed walid rashid majid aziz habib sharif faisal adel imad
john james robert michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george edward
ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
scott brandon benjamin samuel frank gregory raymond alexander patrick jack dennis jerry
peter henry carl arthur jose juan carlos luis miguel antonio francisco manuel pedro jorge
maria mary patricia jennifer linda elizabeth barbara susan jessica karen nancy lisa
margaret betty sandra ashley dorothy kimberly emily donna michelle carol amanda melissa
deborah stephanie rebecca laura sharon cynthia kathleen amy shirley angela helen anna
ana rosa carmen isabel lucia sofia elena olga natalia irina tatiana svetlana ivan sergei
dmitri andrei alexei vladimir nikolai pierre jean marie michel philippe alain francois
hans peter klaus wolfgang jurgen thomas stefan andreas christian martin
wei jing li ming hui ying jun hong hao yan lei jie xin yu min ji young sung hyun jin
raj ram anil sunil vijay amit rahul priya sanjay ravi krishna deepak kumar lakshmi
hiroshi takashi yuki akira kenji
"""

_COMMON_FAMILY = """
khan ahmed ali hussain shah hassan mohammed rahman begum akhtar
smith johnson williams brown jones miller davis wilson anderson taylor thomas moore
martin jackson thompson white harris clark lewis robinson walker young allen king wright
garcia rodriguez martinez hernandez lopez gonzalez perez sanchez ramirez torres flores
rivera gomez diaz cruz morales reyes gutierrez ortiz silva santos oliveira souza pereira
muller schmidt schneider fischer weber meyer wagner becker schulz hoffmann
rossi russo ferrari esposito bianchi romano colombo
ivanov smirnov kuznetsov popov petrov sokolov
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo lin he gao luo
kim lee park choi jung kang cho yoon jang lim han
nguyen tran le pham hoang phan vu vo dang bui do ho ngo duong
singh kumar sharma patel gupta das shah yadav reddy rao
sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato
yilmaz kaya demir sahin celik yildiz yildirim ozturk aydin ozdemir
"""

_COMMON_KEYS: frozenset[str] = frozenset(
    rarity_key(canonical_token(word)) for word in (_COMMON_GIVEN + _COMMON_FAMILY).split()
)


def token_weight(form: str) -> float:
    """Identity weight of a canonical name token spelling (0 < weight <= 1)."""
    if rarity_key(form) in _COMMON_KEYS:
        return COMMON_WEIGHT
    if len(phonetic_key(form)) <= 2:
        return SHORT_WEIGHT
    return RARE_WEIGHT


STATS_PRIOR = 10_000
"""Pseudo-count of entities added to a list's size, so a small list cannot call a name common."""
STATS_MIN_COUNT = 3
"""Keys seen fewer times than this keep their built-in weight."""
RARE_SHARE = 1e-4
"""Share of entities at or below which a key counts as fully rare (weight 1)."""
COMMON_SHARE = 1e-2
"""Share of entities at or above which a key counts as common (weight ``COMMON_WEIGHT``)."""
VERY_COMMON_SHARE = 5e-2
VERY_COMMON_WEIGHT = 0.25

_LOG_SPAN = math.log(COMMON_SHARE / RARE_SHARE)


@dataclass(frozen=True, slots=True, weakref_slot=True)
class NameStats:
    """Document frequencies of name keys learned from one list of entities.

    ``counts`` maps a phonetic key to the number of entities with a name
    containing it; ``docs`` is the number of entities. :meth:`weight` turns
    the share of entities carrying a key into an identity weight, so a name
    that is common in the watchlist (Smith, Kim, Mohammed) tells less than a
    rare one, whatever the built-in table says.

    Treat it as immutable: :func:`prepare.reweigh` remembers re-weighed tokens per
    statistics object (held by a weak reference, hence the weakref slot).
    """

    docs: int
    counts: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_keys(cls, key_sets: Iterable[Iterable[str]]) -> NameStats:
        """Count each key once per entity over an iterable of per-entity key sets."""
        counts: Counter[str] = Counter()
        docs = 0
        for keys in key_sets:
            docs += 1
            counts.update(set(keys))
        return cls(docs, dict(counts))

    def share(self, key: str) -> float:
        """Smoothed share of entities whose names contain ``key``."""
        return self.counts.get(key, 0) / (self.docs + STATS_PRIOR)

    def key_weight(self, key: str) -> float:
        """Identity weight of one key from its frequency in the list (1 when rare or unseen)."""
        count = self.counts.get(key, 0)
        if count < STATS_MIN_COUNT:
            return RARE_WEIGHT
        share = count / (self.docs + STATS_PRIOR)
        if share >= VERY_COMMON_SHARE:
            return VERY_COMMON_WEIGHT
        if share >= COMMON_SHARE:
            span = math.log(VERY_COMMON_SHARE / COMMON_SHARE)
            done = math.log(share / COMMON_SHARE) / span
            return COMMON_WEIGHT - (COMMON_WEIGHT - VERY_COMMON_WEIGHT) * done
        if share <= RARE_SHARE:
            return RARE_WEIGHT
        done = math.log(share / RARE_SHARE) / _LOG_SPAN
        return RARE_WEIGHT - (RARE_WEIGHT - COMMON_WEIGHT) * done

    def weight(self, keys: Iterable[str], built_in: float) -> float:
        """Weight of a token with phonetic ``keys``: the lower of built-in and learned."""
        learned = min((self.key_weight(key) for key in keys), default=RARE_WEIGHT)
        return min(built_in, learned)
