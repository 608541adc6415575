"""Arabic-script word against a Latin token: which romanisations fit, and how well.

An unvocalised Arabic-script word fixes its consonants (each with the few
Latin spellings people use, see :mod:`arabic`) and its long vowels (alif,
waw, ya), but not its short vowels. :func:`word_pattern` turns the word into
that pattern, with every plausible spelling of each letter at once; the
Latin token is folded with the same consonant rules as the phonetic keys but
keeps three vowel classes (a / e-i / o-u). :func:`cross_similarity` aligns
the two with a small edit distance in which a short vowel the Arabic does not
write is free, a written long vowel that the Latin lacks or spells with
another vowel class costs a little, and consonants cost the most. The same
comparison serves both directions (Arabic query against a Latin list entry
and a Latin query against an Arabic one).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from .arabic import normalise_arabic
from .phonetic import SH

__all__ = [
    "PatternSlot",
    "cross_similarity",
    "cross_upper_bound",
    "latin_form",
    "latin_forms",
    "pattern_skeletons",
    "word_pattern",
]

CONSONANT_MISS = 1.0
"""Cost of a consonant on one side only, or of two unrelated consonants."""
LATIN_ONLY = 0.75
"""Cost of a Latin consonant the Arabic does not write (Sanctis, Ronsard, Hofstadter: Arabic
spellings of European names often drop a consonant of a cluster)."""
CONSONANT_NEAR = 0.5
"""Cost of two related consonants (voiced / unvoiced twins: d/t, b/p, g/k, z/s, v/f)."""
SILENT_H = 0.5
"""Cost of a Latin ``h`` the Arabic does not write (Dhavernas, Ahlm)."""
LONG_VOWEL_MISS = 0.5
"""Cost of an Arabic long vowel (alif, waw, ya) with no Latin vowel in its place."""
VOWEL_CLASS = 0.4
"""Cost of a long vowel written in Latin with another vowel class (و as a, ا as u)."""
EXTRA_VOWEL = 0.25
"""Cost of each Latin vowel after the first in a run the Arabic writes nothing for."""
SILENT_END_COST = 0.5
"""Cost of a final Latin t, r, s, x or d after a vowel the Arabic does not write (Manet,
Anicet, Saux: French endings written as they sound)."""
Y_AS_J = 0.25
DJ_AS_J = 0.25
"""Cost of the d of a Latin dj where the Arabic writes only jim (French spelling of j)."""
"""Cost of a Latin j where the Arabic writes ya (Karajan, Bjorlin: j read as y)."""
SCALE = 1.6
"""Cost per pattern slot at which the similarity reaches zero is ``1 / SCALE``."""

_VOWELS = frozenset("aiu")
_SILENT_END = frozenset("trsd")
_YA = frozenset("i")
_NEAR = frozenset(
    frozenset(pair)
    for pair in ("dt", "bp", "gk", "zs", "vf", "jg", "j" + SH, "s" + SH, "kh", "hg", "jz")
)

# Folded consonant spellings of Arabic letters (as in ``phonetic._REWRITES``).
_CONSONANTS: dict[str, tuple[str, ...]] = {
    "ب": ("b", "p"),
    "ت": ("t",),
    "ث": ("t", "s"),
    "ج": ("j", "g"),
    "ح": ("h",),
    "خ": ("h", "k", "j"),
    "د": ("d",),
    "ذ": ("d", "z"),
    "ر": ("r",),
    "ز": ("z", "s"),
    "س": ("s",),
    "ش": (SH, "s"),
    "ص": ("s",),
    "ض": ("d", "z"),
    "ط": ("t",),
    "ظ": ("z", "d"),
    "غ": ("g",),
    "ف": ("f", "v"),
    "ق": ("k", "g"),
    "ك": ("k", "g"),
    "ل": ("l",),
    "م": ("m",),
    "ن": ("n",),
    "ه": ("h",),
    "پ": ("p",),
    "چ": (SH,),
    "ژ": ("j",),
    "گ": ("g",),
    "ڤ": ("v",),
    "ڨ": ("g",),
}
_TSH = (SH, "t" + SH, "ts", "tz")
"""تش: how Arabic writes ch / tsch / č in foreign names (and -witz as -vich)."""
_TS = ("z", "ts", "tz")
"""تس read as one sound: how Arabic writes the German and Italian z (Prinz, Palazzi)."""
_TS_MARK = "\ue001"
_SHADDA = "\u0651"


@dataclass(frozen=True, slots=True)
class PatternSlot:
    """One Arabic letter: Latin consonant spellings, vowel classes, whether it may be absent."""

    consonants: tuple[str, ...]
    vowels: frozenset[str]
    optional: bool = False


def _vowel_slot(letter: str, first: bool, last: bool, before_alif: bool) -> PatternSlot | None:
    if letter == "ا":
        return PatternSlot((), frozenset("aiu"), True) if first else PatternSlot((), frozenset("a"))
    if letter == "و":
        if first or before_alif:
            return PatternSlot(("v",), frozenset("u"))
        return PatternSlot(("v",), frozenset("u"))
    if letter == "ي":
        return PatternSlot(("j",), frozenset("i")) if first else PatternSlot((), frozenset("i"))
    if letter == "ى":
        return PatternSlot((), frozenset("ai"))
    if letter == "ة":
        return PatternSlot(("t",), frozenset("ai"), True)
    if letter == "ه" and last and not first:
        return PatternSlot(("h",), frozenset("ai"), True)
    if letter in "عء":
        return PatternSlot((), frozenset("aiu"), True)
    return None


@lru_cache(maxsize=65536)
def word_pattern(word: str) -> tuple[PatternSlot, ...]:
    """The letter-by-letter pattern of one Arabic-script word (shadda and tatweel ignored)."""
    letters = normalise_arabic(word).replace(_SHADDA, "")
    slots: list[PatternSlot] = []
    i = 0
    while i < len(letters):
        letter = letters[i]
        if letter == _TS_MARK:
            slots.append(PatternSlot(_TS, frozenset()))
            i += 1
            continue
        if letters.startswith("تش", i):
            slots.append(PatternSlot(_TSH, frozenset()))
            i += 2
            continue
        before_alif = i + 1 < len(letters) and letters[i + 1] == "ا"
        slot = _vowel_slot(letter, i == 0, i == len(letters) - 1, before_alif)
        if slot is None and letter in _CONSONANTS:
            slot = PatternSlot(_CONSONANTS[letter], frozenset())
        if slot is not None:
            slots.append(slot)
        i += 1
    return tuple(slots)


# Latin letters and digraphs read several ways: each stands for the set of sounds
# (folded consonant spellings) it may have. c: Carlo, Cesar, Bičanić without its
# caron, the Turkish c and ç (Cemil, Ekinci: Arabic writes jim); ch: Chomo,
# Cecchini, Achinoam, Charlier; sz: Janusz (sh) or Szalai (s).
_AMBIGUOUS: dict[str, frozenset[str]] = {
    "c": frozenset(["k", "s", SH, "ts", "t" + SH, "j"]),
    "C": frozenset([SH, "k", "h", "t" + SH]),
    "Z": frozenset(["s", SH]),
}
# One left-to-right pass (a rewritten letter never forms a new digraph: Madkhali).
_LATIN_SOUNDS: dict[str, str] = {
    "tsch": SH,
    "sch": SH,
    "tch": SH,
    "dzh": "dj",
    "ch": "C",
    "sh": SH,
    "cz": SH,
    "sz": "Z",
    "zh": "j",
    "kh": "h",
    "gh": "g",
    "ph": "f",
    "th": "t",
    "dh": "d",
    "ck": "k",
    "x": "ks",
    "q": "k",
    "w": "v",
    "y": "i",
    "e": "i",
    "o": "u",
}
_LATIN_RULE = re.compile("|".join(sorted(_LATIN_SOUNDS, key=len, reverse=True)))
_REPEATS = re.compile(r"(.)\1+")


# Spellings of some European languages read another way than the rewrites above
# assume: a token holding one is also compared in other forms, one per rule that
# applies and one with all of them (the best form counts).
_READ_AS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<=.)gn"), "ni"),  # French, Italian gn (Sagnol, Montaigne)
    (re.compile(r"gli"), "li"),  # Italian gli (Guglielmo)
    (re.compile(r"sch(?=[ie])"), "sk"),  # Italian sch (Paloschi, Schifano)
    (re.compile(r"sc(?=[ie])"), "sh"),  # Italian sci, sce (Pesci, Scerbo)
    (re.compile(r"cch"), "k"),  # Italian cch (Secchi)
    (re.compile(r"^pf"), "f"),  # German pf (Pfennig)
    (re.compile(r"^kn"), "n"),  # English kn (Knowlton)
    (re.compile(r"^wr"), "r"),  # English wr (Wroten)
    (re.compile(r"(?<=[aeo]u)x$"), ""),  # French -aux, -eux, -oux (Saux, Decaux)
    (re.compile(r"(?<=..[eo])t$"), ""),  # French -et, -ot (Richet, Beugnot)
    (re.compile(r"(?<=.[aeiou])t$"), "d"),  # Turkish final d spelled t (Mesut, Hamit)
)
MAX_LATIN_FORMS = 4


@lru_cache(maxsize=65536)
def latin_forms(token: str) -> tuple[str, ...]:
    """:func:`latin_form` of the token and of its other readings (see ``_READ_AS``)."""
    forms = [token]
    every = token
    for rule, replacement in _READ_AS:
        if rule.search(token):
            forms.append(rule.sub(replacement, token))
            every = rule.sub(replacement, every)
    forms.append(every)
    folded = (latin_form(form) for form in forms if form)
    return tuple(dict.fromkeys(folded))[:MAX_LATIN_FORMS]


@lru_cache(maxsize=65536)
def latin_form(token: str) -> str:
    """A Latin token folded to consonant sounds and three vowel classes (a / i / u).

    Digraphs fold as in the phonetic key, in one pass; letters read several
    ways (c, ch, sz) stay marked as ambiguous (see ``_AMBIGUOUS``).
    """
    text = _LATIN_RULE.sub(lambda m: _LATIN_SOUNDS[m.group(0)], token.replace("-", ""))
    return _REPEATS.sub(r"\1", text)


def _consonant_cost(slot: PatternSlot, latin: str, i: int) -> tuple[float, int]:
    """Cheapest way the slot's consonant spellings cover ``latin`` at ``i``: (cost, length)."""
    best = (CONSONANT_MISS, 1)
    char = latin[i]
    sounds = _AMBIGUOUS.get(char)
    if sounds is not None and not sounds.isdisjoint(slot.consonants):
        return 0.0, 1
    for option in slot.consonants:
        if latin.startswith(option, i):
            return 0.0, len(option)
        if frozenset((option[0], char)) in _NEAR and best[0] > CONSONANT_NEAR:
            best = (CONSONANT_NEAR, 1)
    return best


def _insert_cost(latin: str, i: int) -> float:
    char = latin[i]
    if char in _VOWELS:
        return EXTRA_VOWEL if i > 0 and latin[i - 1] in _VOWELS else 0.0
    if char == "h":
        return SILENT_H
    if char == "d" and latin.startswith("j", i + 1):
        return DJ_AS_J  # dj written for ج (Mouhadjir) as well as د ج (Badjou)
    if i == len(latin) - 1 and i > 0 and latin[i - 1] in _VOWELS and char in _SILENT_END:
        return SILENT_END_COST
    return LATIN_ONLY


def _delete_cost(slot: PatternSlot) -> float:
    if slot.optional:
        return 0.0
    return LONG_VOWEL_MISS if slot.vowels else CONSONANT_MISS


def _match_cost(slot: PatternSlot, latin: str, i: int) -> tuple[float, int]:
    char = latin[i]
    if char in _VOWELS:
        if not slot.vowels:
            return CONSONANT_MISS, 1
        return (0.0 if char in slot.vowels else VOWEL_CLASS), 1
    if not slot.consonants:
        if char == "j" and "i" in slot.vowels:
            return Y_AS_J, 1
        return (LONG_VOWEL_MISS + CONSONANT_MISS) / 2, 1
    return _consonant_cost(slot, latin, i)


@lru_cache(maxsize=131072)
def _alignment_cost(pattern: tuple[PatternSlot, ...], latin: str) -> float:
    """Edit distance between the pattern and the folded Latin token (see the module doc)."""
    inf = float("inf")
    rows, cols = len(pattern), len(latin)
    cost = [[inf] * (cols + 1) for _ in range(rows + 1)]
    cost[0][0] = 0.0
    for r in range(rows + 1):
        for c in range(cols + 1):
            here = cost[r][c]
            if here == inf:
                continue
            if c < cols:
                step = here + _insert_cost(latin, c)
                if step < cost[r][c + 1]:
                    cost[r][c + 1] = step
            if r < rows:
                slot = pattern[r]
                step = here + _delete_cost(slot)
                if step < cost[r + 1][c]:
                    cost[r + 1][c] = step
                if c < cols:
                    price, length = _match_cost(slot, latin, c)
                    if here + price < cost[r + 1][c + length]:
                        cost[r + 1][c + length] = here + price
    return cost[rows][cols]


@lru_cache(maxsize=131072)
def cross_similarity(word: str, latin: str) -> float:
    """Similarity in [0, 1] of an Arabic-script word and a canonical Latin token.

    1.0 means the Latin spelling is one of the word's plausible romanisations.
    Memoised: screening bounds a pair with it before scoring compares it again.
    """
    return _best_form(word, latin, _alignment_cost)


@lru_cache(maxsize=131072)
def cross_upper_bound(word: str, latin: str) -> float:
    """A cheap upper bound of :func:`cross_similarity` (no alignment).

    A consonant letter of the word whose spellings occur nowhere in the Latin
    token (nor a Latin letter that may sound like it) costs at least
    ``CONSONANT_NEAR`` however it is aligned; counting those bounds the cost.
    """
    return _best_form(word, latin, _lone_consonants_cost)


def _best_form(
    word: str, latin: str, cost: Callable[[tuple[PatternSlot, ...], str], float]
) -> float:
    """The best similarity over the word's readings (see :func:`_readings`) and the Latin
    token's forms (see :func:`latin_forms`), each scored from ``cost(pattern, folded
    Latin)`` over the pattern's size."""
    best = 0.0
    for form in _readings(word):
        pattern = word_pattern(form)
        if not pattern:
            continue
        size = max(2, sum(not slot.optional for slot in pattern))
        for folded in latin_forms(latin):
            if folded:
                best = max(best, 1.0 - SCALE * cost(pattern, folded) / (size + 1))
    return best


def _lone_consonants_cost(pattern: tuple[PatternSlot, ...], latin: str) -> float:
    """At least ``CONSONANT_NEAR`` for each consonant with no partner anywhere in ``latin``."""
    lone = sum(
        1 for slot in pattern if slot.consonants and not slot.vowels and not _partner(slot, latin)
    )
    return CONSONANT_NEAR * lone


def _partner(slot: PatternSlot, latin: str) -> bool:
    """Whether some position of ``latin`` may match the slot's consonant at no cost."""
    if any(option in latin for option in slot.consonants):
        return True
    return any(
        char in latin and not sounds.isdisjoint(slot.consonants)
        for char, sounds in _AMBIGUOUS.items()
    )


@lru_cache(maxsize=65536)
def _readings(word: str) -> tuple[str, ...]:
    """The word with and without an article, each also read with تس as one sound and a
    consonant letter written twice as one (كابيللو, Cappello), when it has either."""
    forms = _with_article(word)
    out = list(forms)
    for form in forms:
        letters = normalise_arabic(form).replace(_SHADDA, "").replace("تس", _TS_MARK)
        single = "".join(
            c for i, c in enumerate(letters) if not (i and c == letters[i - 1] and c in _CONSONANTS)
        )
        out.append(single)
    return tuple(dict.fromkeys(out))


def _with_article(word: str) -> tuple[str, ...]:
    """The word, and without a leading ال (article, or the name's own letters as in Allen)."""
    if word.startswith("ال") and len(word) > 3:
        return (word, word[2:])
    return (word,)


MAX_SKELETONS = 24
"""Upper bound on consonant skeletons generated for one Arabic-script word."""


def _blocked(slot: PatternSlot) -> tuple[str, ...]:
    """Consonant spellings to block on, plus how Latin spellings of the sound fold.

    The ch sound also as the k or s a caron-less c folds to (or the j of pinyin
    zh); k and kh also as the sh sound a Latin ch folds to; s and sh also as sz.
    """
    if slot.consonants == _TSH:
        return (SH, "k", "s", "j")  # Bičanić, Çankaya, Zhang
    if "k" in slot.consonants:
        return (*slot.consonants, SH)  # a Latin ch read k (Marchetto) or kh (Fechner)
    if "s" in slot.consonants:
        return (*slot.consonants, "sz")  # Szalai (s), Janusz (sh)
    return slot.consonants


def _heads(slot: PatternSlot) -> tuple[str, ...]:
    """First letter of a skeleton for the word's first slot (``a`` marks a leading vowel)."""
    heads = [option[0] for option in _blocked(slot)] if slot.consonants else []
    if slot.vowels or slot.optional:
        heads.append("a")
    return tuple(dict.fromkeys(heads))


@lru_cache(maxsize=65536)
def pattern_skeletons(word: str) -> tuple[str, ...]:
    """Consonant skeletons (as :func:`phonetic.skeleton` gives for Latin) the word may have.

    Slots that are vowels (or w / y, which skeletons drop) after the first letter
    are left out; the usual spelling comes first, then one, two and three letters changed.
    """
    if len(_with_article(word)) > 1:
        both = pattern_skeletons(word[2:]) + _skeletons(word)
        return tuple(dict.fromkeys(both))[:MAX_SKELETONS]
    return _skeletons(word)


def _skeletons(word: str) -> tuple[str, ...]:
    found = _pattern_skeletons(word_pattern(word))
    if "تس" in word:  # also read as one sound (z): Prinz, Wolfowitz
        joined = _pattern_skeletons(word_pattern(word.replace("تس", _TS_MARK)))
        found = tuple(dict.fromkeys((*found[:1], *joined[:4], *found[1:])))[:MAX_SKELETONS]
    return found


def _pattern_skeletons(pattern: tuple[PatternSlot, ...]) -> tuple[str, ...]:
    if not pattern:
        return ()
    tail = [_blocked(slot) for slot in pattern[1:] if slot.consonants and not slot.vowels]
    options = [_heads(pattern[0])] + [tuple(o.replace("v", "") for o in opts) for opts in tail]
    primary = [opts[0] for opts in options]
    variants = [primary]
    last = pattern[-1]
    if len(pattern) > 1 and last.optional and last.consonants and last.vowels:
        variants.append([*primary, "t"])  # final ta marbuta or ha read -at / -et (Manet)
    if any(slot.vowels == _YA for slot in pattern[1:-1]):
        # ya read as a consonant j (Karajan, Tuomioja)
        with_j = [
            "j" if slot.vowels == _YA else _blocked(slot)[0].replace("v", "")
            for slot in pattern[1:]
            if (slot.consonants and not slot.vowels) or slot.vowels == _YA
        ]
        variants.append([primary[0], *with_j])
    singles = [(i, alt) for i, opts in enumerate(options) for alt in opts[1:]]
    variants += [[*primary[:i], alt, *primary[i + 1 :]] for i, alt in singles]
    for size in (2, 3):
        for changes in combinations(singles, size):
            if len({i for i, _ in changes}) == size:
                parts = list(primary)
                for i, alt in changes:
                    parts[i] = alt
                variants.append(parts)
            if len(variants) > 4 * MAX_SKELETONS:
                break
    out: dict[str, None] = {}
    for parts in variants:
        out[_collapse("".join(parts))] = None
        if len(out) >= MAX_SKELETONS:
            break
    return tuple(out)


def _collapse(text: str) -> str:
    out = ""
    for char in text:
        if not out or out[-1] != char:
            out += char
    return out
