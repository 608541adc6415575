"""Name tokens: particles, honorifics and compounds, in Latin and Arabic script.

A raw name becomes a list of :class:`NameToken` s ready for comparison:
honorifics (sheikh, hajji, dr ...) are dropped, articles (al-, el-, ud-, ur-
...) and filiation particles (bin, ben, ould ...) are removed, and compounds
are put into one canonical joined form whether they were written joined or
split: Abdelhak, Abdel Hak, Abd al-Haqq and عبد الحق all become one token,
so do Nooruddin / Nur al-Din / نور الدين and Habibullah / Habib Allah.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import product

from .arabic import ROMAN_WORDS, normalise_arabic, romanise
from .latin import ABD_FORMS, ABU_FORMS, ARTICLES, HONORIFICS, SON_PARTICLES, SUFFIXES
from .latin import canonical_token as latin_canonical
from .normalise import Script, normalise_text, word_token
from .phonetic import phonetic_key, rarity_key, skeleton
from .rarity import token_weight

__all__ = ["NameToken", "name_tokens"]

MAX_FORMS = 12
TOKEN_CACHE = 65_536
"""Raw words, pieces and names whose tokens are kept (names and words repeat a lot)."""
SYLLABIC_WEIGHT = 0.4
"""Weight cap for tokens from syllabic scripts, whose names come from small pools."""

NAME, ARTICLE, HONORIFIC, SON, ABD, ABU, SUFFIX, RAHMAN = range(8)

_AR_ROLES: dict[str, tuple[int, tuple[str, ...]]] = {
    "عبد": (ABD, ("abd",)),
    "ابو": (ABU, ("abu",)),
    "بو": (ABU, ("abu",)),
    "بن": (SON, ("bin",)),
    "ابن": (SON, ("ibn",)),
    "بنت": (SON, ("bint",)),
    "ولد": (SON, ("ould",)),
    "الله": (SUFFIX, ("lah",)),
    "لله": (SUFFIX, ("lah",)),
    "دين": (SUFFIX, ("din",)),
    "رحمن": (RAHMAN, ("rahman",)),
    "شيخ": (HONORIFIC, ("sheikh",)),
    "حاج": (HONORIFIC, ("hajj",)),
    "حاجي": (HONORIFIC, ("haji",)),
    "ملا": (HONORIFIC, ("mullah",)),
    "مولوي": (HONORIFIC, ("mawlawi",)),
}
_AR_PREFIXES = ("عبد", "ابو")
_KNOWN = frozenset(ROMAN_WORDS)


@dataclass(frozen=True, slots=True)
class NameToken:
    """One comparable name token with its phonetic keys and rarity weight.

    ``vowelled`` is False for Arabic-script words spelled letter by letter,
    whose vowels are unknown: those compare on consonant ``skeletons`` only.
    ``exact_vowels`` marks tokens romanised from syllabic scripts (Hangul,
    Han, kana, Devanagari ...), where vowels distinguish names: those compare
    on their spelling, not on the vowel-folded key.
    """

    text: str
    keys: tuple[str, ...]
    skeletons: tuple[str, ...]
    vowelled: bool
    weight: float
    exact_vowels: bool = False
    rarity: tuple[str, ...] = ()
    """Keys under which list statistics count this token (see ``NameStats``)."""
    source: str = ""
    """The Arabic-script letters of an unvocalised token (compared letter by letter with
    Latin tokens, see :mod:`crossscript`); empty for tokens written in other scripts."""

    def with_weight(self, weight: float) -> NameToken:
        """The same token with another weight (cheaper than ``dataclasses.replace``, which
        matters on the screening path)."""
        return NameToken(
            text=self.text,
            keys=self.keys,
            skeletons=self.skeletons,
            vowelled=self.vowelled,
            weight=weight,
            exact_vowels=self.exact_vowels,
            rarity=self.rarity,
            source=self.source,
        )


@dataclass(frozen=True, slots=True)
class _Piece:
    role: int
    forms: tuple[str, ...]
    vowelled: bool
    exact_vowels: bool = False
    source: str = ""


@lru_cache(maxsize=TOKEN_CACHE)
def _latin_piece(token: str) -> _Piece:
    for role, table in (
        (HONORIFIC, HONORIFICS),
        (ARTICLE, ARTICLES),
        (SON, SON_PARTICLES),
        (ABD, ABD_FORMS),
        (ABU, ABU_FORMS),
    ):
        if token in table:
            return _Piece(
                role, ("abd",) if role == ABD else ("abu",) if role == ABU else (token,), True
            )
    if token in SUFFIXES:
        return _Piece(SUFFIX, (SUFFIXES[token],), True)
    if token in ("rahman", "rehman", "rahmane"):
        return _Piece(RAHMAN, ("rahman",), True)
    return _Piece(NAME, (latin_canonical(token),), True)


def _arabic_pieces(word: str) -> list[_Piece]:
    word = normalise_arabic(word)
    for prefix in _AR_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            return _arabic_pieces(prefix) + _arabic_pieces(word[len(prefix) :])
    if word in _AR_ROLES:
        role, forms = _AR_ROLES[word]
        return [_Piece(role, forms, True, source=word)]
    if word.startswith("ال") and len(word) > 3:
        rest = _arabic_pieces(word[2:])
        if len(rest) == 1 and rest[0].source:
            # Allen, Alward: the letters may be the name's own, not the article
            rest = [replace(rest[0], source="ال" + rest[0].source)]
        return [_Piece(ARTICLE, ("al",), True), *rest]
    forms = romanise(word)
    return [_Piece(NAME, forms, word.replace("\u0651", "") in _KNOWN, source=word)]


def _join(head: _Piece, tail: _Piece) -> _Piece:
    forms = tuple(
        dict.fromkeys(latin_canonical(f"{a}-{b}") for a, b in product(head.forms, tail.forms))
    )
    vowelled = head.vowelled and tail.vowelled
    tail_source = tail.source[2:] if tail.source.startswith("ال") else tail.source
    source = head.source + tail_source if head.source and tail_source else ""
    return _Piece(NAME, forms[:MAX_FORMS], vowelled, source=source if not vowelled else "")


def _combine(pieces: list[_Piece]) -> list[_Piece]:
    """Apply particle, honorific and compound rules to a sequence of pieces."""
    out: list[_Piece] = []
    i, count = 0, len(pieces)
    while i < count:
        piece = pieces[i]
        nxt = i + 1
        while nxt < count and pieces[nxt].role == ARTICLE:
            nxt += 1
        has_next = nxt < count
        if piece.role == HONORIFIC or (piece.role == SON and out and has_next):
            i += 1
        elif piece.role in (ABD, ABU) and has_next and pieces[nxt].role != HONORIFIC:
            out.append(_join(piece, pieces[nxt]))
            i = nxt + 1
        elif piece.role == ARTICLE and has_next:
            follower = pieces[nxt]
            if follower.role in (SUFFIX, RAHMAN) and out:
                out[-1] = _join(out[-1], follower)
                i = nxt + 1
            else:
                i = nxt
        elif piece.role == SUFFIX and out:
            out[-1] = _join(out[-1], piece)
            i += 1
        else:
            source = "" if piece.vowelled else piece.source
            out.append(_Piece(NAME, piece.forms, piece.vowelled, piece.exact_vowels, source))
            i += 1
    return out


def _make_token(piece: _Piece) -> NameToken:
    keys: tuple[str, ...]
    skeletons: tuple[str, ...]
    rarity: tuple[str, ...]
    if len(piece.forms) == 1:  # most tokens: one spelling, one key (same values as below)
        form = piece.forms[0]
        key = phonetic_key(form)
        keys, skeletons = (key,), (skeleton(key),)
        weight, rarity = token_weight(form), (rarity_key(form),)
    else:
        keys = tuple(dict.fromkeys(phonetic_key(form) for form in piece.forms))
        skeletons = tuple(dict.fromkeys(skeleton(key) for key in keys))
        weight = min(token_weight(form) for form in piece.forms)
        rarity = tuple(dict.fromkeys(rarity_key(form) for form in piece.forms))
    if piece.exact_vowels:
        weight = min(weight, SYLLABIC_WEIGHT)
    return NameToken(
        piece.forms[0],
        keys,
        skeletons,
        piece.vowelled,
        weight,
        piece.exact_vowels,
        rarity,
        piece.source,
    )


_to_token = lru_cache(maxsize=TOKEN_CACHE)(_make_token)
"""Tokens of pieces: combined pieces (compounds) repeat across names too."""

_Word = tuple[tuple[_Piece, ...], tuple[NameToken, ...] | None]


def _pieces(text: str, script: Script) -> tuple[_Piece, ...]:
    if script is Script.ARABIC:
        return tuple(_arabic_pieces(text))
    if script is Script.OTHER:
        return (_Piece(NAME, (text,), True, exact_vowels=True),)
    return (_latin_piece(text),)


def _self_contained(pieces: tuple[_Piece, ...]) -> bool:
    """Pieces that no rule joins with another word's: names, articles before a name."""
    return (
        bool(pieces)
        and pieces[-1].role == NAME
        and all(piece.role in (NAME, ARTICLE) for piece in pieces)
    )


@lru_cache(maxsize=TOKEN_CACHE)
def _word(raw: str) -> _Word:
    """The pieces of one normalised word, and its tokens when it combines with no other word.

    Words repeat far more than whole names: a fresh name is assembled from cached words.
    """
    found = word_token(raw)
    if found is None:
        return (), ()
    pieces = _pieces(*found)
    if not _self_contained(pieces):
        return pieces, None
    # cached with the word already, so no second cache (and no hashing of pieces)
    tokens = tuple(_make_token(piece) for piece in _combine(list(pieces)) if piece.forms[0])
    return pieces, tokens


@lru_cache(maxsize=TOKEN_CACHE)
def name_tokens(name: str) -> tuple[NameToken, ...]:
    """Turn one raw name (any script) into canonical comparable tokens."""
    words = [_word(raw) for raw in normalise_text(name).split()]
    tokens: list[NameToken] = []
    for _, own in words:
        if own is None:  # particles and compounds join neighbouring words' pieces
            pieces = [piece for word_pieces, _ in words for piece in word_pieces]
            return tuple(_to_token(piece) for piece in _combine(pieces) if piece.forms[0])
        tokens.extend(own)
    return tuple(tokens)
