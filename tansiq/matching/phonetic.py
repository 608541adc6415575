"""Phonetic keys for romanised name tokens.

Two keys are derived from a lower-case ASCII token:

* the *phonetic key* folds common romanisation variants together
  (``ou``/``u``, ``kh``/``h``, ``q``/``k``, ``dj``/``j``, ``ch``/``sh``, doubled
  letters, every vowel to one class, silent final ``h`` and final vowel), so
  Mohammed, Mohamed, Muhammad and Mohamad share ``mahamad``;
* the *skeleton* keeps the consonants only (plus a leading vowel marker). It is
  what an unvocalised Arabic-script word can be compared on.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["SH", "class_key", "phonetic_key", "rarity_key", "skeleton"]

SH = "$"
"""Single symbol for the sh/ch/sch/tch sound so Levenshtein counts it as one letter."""

_NEW_H = "H"
"""What ``kh`` becomes until every rule has run: an ``h`` it leaves must not form a new
digraph with the letter before it (Madkhali is madhal, not madal)."""
_REWRITES: tuple[tuple[str, str], ...] = (
    ("x", "ks"),
    ("tsch", SH),
    ("sch", SH),
    ("tch", SH),
    ("ch", SH),
    ("sh", SH),
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", _NEW_H),
    ("gh", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("dh", "d"),
    ("ck", "k"),
    ("ce", "se"),
    ("ci", "si"),
    ("cy", "sy"),
    ("q", "k"),
    ("c", "k"),
    ("w", "v"),
    ("y", "i"),
)
_VOWELS = re.compile(r"[aeiou]+")
_DOUBLES = re.compile(r"(.)\1+")


def _rewrite(segment: str) -> str:
    for source, target in _REWRITES:
        if source in segment:
            segment = segment.replace(source, target)
    return segment.replace(_NEW_H, "h")


@lru_cache(maxsize=131072)
def phonetic_key(token: str) -> str:
    """Fold a lower-case ASCII token to its romanisation-invariant phonetic key.

    Hyphens mark compound boundaries: digraphs are not formed across them.
    """
    key = "".join(_rewrite(segment) for segment in token.split("-"))
    key = _DOUBLES.sub(r"\1", _VOWELS.sub("a", key))
    if len(key) > 2 and key.endswith("ah"):
        key = key[:-1]
    if len(key) > 3 and key.endswith("a"):
        key = key[:-1]
    return key


@lru_cache(maxsize=131072)
def skeleton(key: str) -> str:
    """Reduce a phonetic key to its consonants, keeping a leading vowel marker.

    ``v`` (w/و) is dropped after the first letter because Arabic writes the
    long vowel u/o and the consonant w with the same letter.
    """
    if not key:
        return key
    head, tail = key[0], key[1:]
    tail = tail.replace("a", "").replace("v", "")
    return _DOUBLES.sub(r"\1", head + tail)


_VOWEL_CLASSES = str.maketrans("eo", "iu")


@lru_cache(maxsize=131072)
def class_key(token: str) -> str:
    """Consonants folded as in :func:`phonetic_key`, vowels kept in three classes (a / e-i / o-u).

    Nothing is dropped at the ends: this is the Latin side of a letter-by-letter
    comparison with Arabic script (see :mod:`crossscript`).
    """
    key = "".join(_rewrite(segment) for segment in token.split("-"))
    return _DOUBLES.sub(r"\1", key.translate(_VOWEL_CLASSES))


@lru_cache(maxsize=131072)
def rarity_key(token: str) -> str:
    """A finer key than :func:`phonetic_key` for looking up how common a name is.

    Consonants fold as in the phonetic key, but vowels keep three classes
    (a / e-i / o-u), so Kony, Kane and Khan, which share a phonetic key, are
    not all as common as Khan.
    """
    key = class_key(token)
    if len(key) > 2 and key.endswith("h") and key[-2] in "aiu":
        key = key[:-1]
    return key
