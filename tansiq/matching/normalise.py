"""Unicode normalisation, tokenisation and script detection for names.

Everything here is deterministic and side-effect free: a raw name string goes
in, a list of lower-case tokens tagged with their script comes out. Arabic
script tokens keep their letters (the romaniser in :mod:`arabic` needs them);
every other script is folded to ASCII.
"""

from __future__ import annotations

import unicodedata
from enum import Enum
from functools import lru_cache

from rigour.text import ascii_text

__all__ = [
    "Script",
    "fold_latin",
    "normalise_text",
    "split_inverted",
    "token_script",
    "tokenise",
    "word_token",
]

# Marks that carry meaning inside Arabic script and must survive normalisation.
ARABIC_SHADDA = "\u0651"
_APOSTROPHES = frozenset("'\u2018\u2019\u02bc\u02bb\u02be\u02bf`\u00b4")


class Script(Enum):
    """The writing system of a single name token."""

    LATIN = "latin"
    ARABIC = "arabic"
    OTHER = "other"


def _is_arabic_char(char: str) -> bool:
    code = ord(char)
    return 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF


@lru_cache(maxsize=65536)
def token_script(token: str) -> Script:
    """Detect the script of a token from its first letter (Latin, Arabic or other)."""
    for char in token:
        if not char.isalpha():
            continue
        if _is_arabic_char(char):
            return Script.ARABIC
        if char.isascii() or unicodedata.name(char, "").startswith("LATIN"):
            return Script.LATIN
        return Script.OTHER
    return Script.LATIN


def _keep_char(char: str) -> str:
    """Map one character to what the tokeniser keeps: letter, digit, space or nothing."""
    if char in _APOSTROPHES or char == ARABIC_SHADDA:
        return "" if char in _APOSTROPHES else char
    category = unicodedata.category(char)
    if category.startswith("M"):
        return ""
    if category[0] in "LN":
        return char
    return " "


KEPT_TABLE_MAX = 65_536
"""Distinct characters whose :func:`_keep_char` result is remembered (memory stays bounded)."""


class _KeptChars(dict[int, str]):
    """A ``str.translate`` table mapping a code point to :func:`_keep_char`, filled lazily."""

    def __missing__(self, code: int) -> str:
        kept = _keep_char(chr(code))
        if len(self) < KEPT_TABLE_MAX:
            self[code] = kept
        return kept


_KEPT = _KeptChars()


def split_inverted(text: str) -> str:
    """Turn a ``"FAMILY, Given"`` listing back into natural order ``"Given FAMILY"``."""
    if text.count(",") != 1:
        return text
    head, tail = text.split(",")
    tail_clean = tail.strip().casefold().strip(".")
    if not head.strip() or not tail_clean or tail_clean in {"jr", "sr", "ii", "iii"}:
        return text
    return f"{tail} {head}"


@lru_cache(maxsize=65536)
def normalise_text(text: str) -> str:
    """NFKC-normalise, casefold, drop diacritics and punctuation; collapse spaces.

    Arabic shadda is kept because it marks a doubled consonant.
    """
    text = unicodedata.normalize("NFKC", split_inverted(text)).casefold()
    decomposed = unicodedata.normalize("NFD", text)
    kept = decomposed.translate(_KEPT)
    return " ".join(unicodedata.normalize("NFC", kept).split())


@lru_cache(maxsize=65536)
def fold_latin(token: str) -> str:
    """Fold a non-Arabic token to lower-case ASCII (syllables of one word are joined)."""
    folded = ascii_text(token).lower()
    return "".join(char for char in folded if char.isalnum())


def tokenise(text: str) -> list[tuple[str, Script]]:
    """Split a raw name into normalised tokens, each tagged with its script.

    Latin and other-script tokens are folded to ASCII; Arabic-script tokens are
    returned as Arabic letters for the romaniser.
    """
    tokens = (word_token(raw) for raw in normalise_text(text).split())
    return [token for token in tokens if token is not None]


def word_token(raw: str) -> tuple[str, Script] | None:
    """One word of :func:`normalise_text` as :func:`tokenise` returns it (None: nothing left)."""
    script = token_script(raw)
    if script is Script.ARABIC:
        return raw, script
    folded = fold_latin(raw)
    return (folded, script) if folded else None
