"""Invented surnames built from syllables, each with a plausible Arabic-script spelling."""

from __future__ import annotations

import random
from dataclasses import dataclass

Syllable = tuple[str, str]

_PREFIXES: tuple[Syllable, ...] = (
    ("Ben", "بن"),
    ("Bel", "بل"),
    ("Bou", "بو"),
    ("Ait ", "آيت "),
    ("Ould ", "ولد "),
    ("El ", "ال"),
)
_MAGHREB_FIRST: tuple[Syllable, ...] = (
    ("Zar", "زر"),
    ("Oum", "أوم"),
    ("Tid", "تيد"),
    ("Khal", "خل"),
    ("Mez", "مز"),
    ("Kar", "كر"),
    ("Dah", "ده"),
    ("Ferr", "فر"),
    ("Sel", "سل"),
    ("Gour", "قور"),
    ("Nek", "نك"),
    ("Bakh", "بخ"),
    ("Souk", "سوك"),
    ("Taz", "تز"),
    ("Lakh", "لخ"),
    ("Mour", "مور"),
    ("Hadj", "حاج"),
    ("Chet", "شط"),
    ("Zouh", "زوه"),
    ("Yam", "يم"),
    ("Djel", "جل"),
    ("Tchou", "تشو"),
)
_MAGHREB_MIDDLE: tuple[Syllable, ...] = (
    ("ka", "كا"),
    ("ra", "را"),
    ("mez", "مز"),
    ("la", "لا"),
    ("dou", "دو"),
    ("ba", "با"),
    ("kha", "خا"),
    ("cha", "شا"),
    ("ti", "تي"),
    ("zou", "زو"),
    ("fa", "فا"),
    ("ou", "و"),
)
_MAGHREB_END: tuple[Syllable, ...] = (
    ("ni", "ني"),
    ("ri", "ري"),
    ("rou", "رو"),
    ("ani", "اني"),
    ("ouni", "وني"),
    ("dra", "درة"),
    ("lfa", "لفة"),
    ("ssi", "سي"),
    ("mi", "مي"),
    ("oui", "وي"),
    ("aoui", "اوي"),
    ("chi", "شي"),
)
_SAHEL_FIRST: tuple[Syllable, ...] = (
    ("Kou", "كو"),
    ("Sa", "سا"),
    ("Tam", "تام"),
    ("Dia", "ديا"),
    ("Ma", "ما"),
    ("Ba", "با"),
    ("Tou", "تو"),
    ("Ndi", "ندي"),
    ("Gue", "غي"),
    ("Wou", "وو"),
    ("Sem", "سم"),
)
_SAHEL_MIDDLE: tuple[Syllable, ...] = (
    ("ra", "را"),
    ("ko", "كو"),
    ("ba", "با"),
    ("la", "لا"),
    ("ga", "غا"),
    ("me", "مي"),
    ("nou", "نو"),
)
_SAHEL_END: tuple[Syllable, ...] = (
    ("ssé", "سي"),
    ("té", "تي"),
    ("rou", "رو"),
    ("mbé", "مبي"),
    ("gui", "غي"),
    ("ré", "ري"),
    ("dio", "ديو"),
    ("kaye", "كاي"),
)

_COLLAPSE: tuple[tuple[str, str], ...] = (("aa", "a"), ("ouou", "ou"), ("اا", "ا"), ("وو", "و"))


@dataclass(frozen=True)
class Surname:
    """An invented surname: Latin spelling and Arabic-script spelling."""

    latin: str
    arabic: str


def _pick(rng: random.Random, table: tuple[Syllable, ...]) -> Syllable:
    return table[rng.randrange(len(table))]


def _core(rng: random.Random, region: str) -> Syllable:
    if region == "sahel":
        parts = [_pick(rng, _SAHEL_FIRST), _pick(rng, _SAHEL_MIDDLE), _pick(rng, _SAHEL_END)]
    else:
        parts = [_pick(rng, _MAGHREB_FIRST), _pick(rng, _MAGHREB_MIDDLE), _pick(rng, _MAGHREB_END)]
    latin, arabic = "".join(p[0] for p in parts), "".join(p[1] for p in parts)
    for double, single in _COLLAPSE:
        latin, arabic = latin.replace(double, single), arabic.replace(double, single)
    return latin, arabic


def _with_prefix(rng: random.Random, core: Syllable) -> Syllable:
    prefix, prefix_ar = _pick(rng, _PREFIXES)
    latin = prefix + core[0] if prefix.endswith(" ") else prefix + core[0].lower()
    return latin, prefix_ar + core[1]


def invent_surname(rng: random.Random, region: str) -> Surname:
    """Invent one surname; Maghrebi ones sometimes carry a prefix or are compounds."""
    latin, arabic = _core(rng, region)
    if region != "sahel":
        roll = rng.random()
        if roll < 0.3:
            latin, arabic = _with_prefix(rng, (latin, arabic))
        elif roll < 0.4:
            first, first_ar = _with_prefix(rng, _core(rng, region))
            latin, arabic = f"{first}-{latin}", f"{first_ar}-{arabic}"
    return Surname(latin, arabic)


def unique_surname(rng: random.Random, region: str, used: set[str]) -> Surname:
    """Invent a surname whose Latin spelling is not in ``used``; record it there."""
    while True:
        surname = invent_surname(rng, region)
        if surname.latin not in used:
            used.add(surname.latin)
            return surname
