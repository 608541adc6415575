"""Arabic-script to Latin romanisation that keeps the plausible alternatives.

Unvocalised Arabic script does not say which short vowels a name has, and
Latin spellings of the same letter vary by region (ق as q, k or g; ج as j, g
or dj; ذ as dh, z or d ...). Instead of one lossy transliteration,
:func:`romanise` returns the set of plausible romanisations: a small table of
frequent name words gives the spellings people actually use, and a letter
table with alternatives covers every other word. Matching then compares
consonant skeletons, which the missing vowels do not change.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from itertools import combinations

__all__ = ["MAX_VARIANTS", "ROMAN_WORDS", "normalise_arabic", "romanise"]

MAX_VARIANTS = 12
"""Upper bound on romanisations generated for one word."""

_SHADDA = "\u0651"
_TSH = "\ue000"
"""Placeholder for the digraph تش, how Arabic writes ch / tch / č in foreign names."""

# Letter folding applied before lookup: Persian/Urdu forms to their Arabic twins.
_FOLD = str.maketrans({"ی": "ي", "ک": "ك", "ە": "ه", "ۀ": "ه", "ھ": "ه", "ہ": "ه", "ٱ": "ا"})

# Consonant letters with their Latin spellings, most frequent first.
_CONSONANTS: dict[str, tuple[str, ...]] = {
    "ب": ("b", "p"),
    "ت": ("t",),
    "ث": ("th", "s"),
    "ج": ("j", "g"),
    _TSH: ("ch", "tsh"),
    "ح": ("h",),
    "خ": ("kh", "j"),
    "د": ("d",),
    "ذ": ("dh", "z"),
    "ر": ("r",),
    "ز": ("z", "s"),
    "س": ("s",),
    "ش": ("sh", "s"),
    "ص": ("s",),
    "ض": ("d", "z"),
    "ط": ("t",),
    "ظ": ("z", "d"),
    "غ": ("gh",),
    "ف": ("f", "v"),
    "ق": ("q", "g"),
    "ك": ("k", "g"),
    "ل": ("l",),
    "م": ("m",),
    "ن": ("n",),
    "ه": ("h",),
    "پ": ("p",),
    "چ": ("ch",),
    "ژ": ("zh",),
    "گ": ("g",),
    "ڤ": ("v",),
    "ڨ": ("g",),
}
# Letters that are (or may be) vowels: spelling as vowel, spelling as consonant.
_VOWEL_LETTERS: dict[str, tuple[str, str]] = {
    "ا": ("a", "a"),
    "و": ("u", "w"),
    "ي": ("i", "y"),
    "ى": ("a", "a"),
    "ة": ("a", "a"),
    "ع": ("", "a"),
    "ء": ("", ""),
}

# Frequent name words and the spellings actually used for them.
ROMAN_WORDS: dict[str, tuple[str, ...]] = {
    "محمد": ("mohammed", "muhammad", "mohamed", "mehmet"),
    "احمد": ("ahmed", "ahmad"),
    "محمود": ("mahmoud", "mahmud"),
    "علي": ("ali",),
    "عمر": ("omar", "umar"),
    "عثمان": ("othman", "osman", "usman"),
    "حسن": ("hassan", "hasan"),
    "حسين": ("hussein", "husain", "hossein"),
    "ابراهيم": ("ibrahim", "ebrahim"),
    "يوسف": ("youssef", "yusuf"),
    "عبد": ("abd",),
    "الله": ("allah",),
    "رحمن": ("rahman", "rehman"),
    "خالد": ("khalid", "khaled"),
    "سعيد": ("said", "saeed"),
    "صالح": ("salih", "saleh"),
    "سالم": ("salim", "salem"),
    "مصطفي": ("mustafa", "moustapha"),
    "مصطفى": ("mustafa", "moustapha"),
    "عيسى": ("issa", "isa"),
    "موسى": ("musa", "moussa"),
    "يحيى": ("yahya", "yahia"),
    "اسامة": ("osama", "usama"),
    "جعفر": ("jafar", "djaafar"),
    "طارق": ("tariq", "tarek"),
    "ياسر": ("yasser", "yasir"),
    "جمال": ("jamal", "gamal"),
    "منصور": ("mansour", "mansur"),
    "ناصر": ("nasser", "nasir"),
    "حمزة": ("hamza",),
    "قاسم": ("qasim", "kassem"),
    "زكريا": ("zakaria", "zakariya"),
    "مريم": ("maryam", "mariam"),
    "فاطمة": ("fatima", "fatma"),
    "عايشة": ("aisha", "aicha", "ayesha"),
    "خديجة": ("khadija", "khadidja"),
    "نور": ("nour", "nur"),
    "دين": ("din",),
    "بكر": ("bakr", "bakar"),
    "حق": ("haq",),
    "هشام": ("hisham", "hicham"),
    "وليد": ("walid",),
    "مراد": ("murad", "mourad"),
    "رشيد": ("rashid", "rachid"),
    "حميد": ("hamid",),
    "مجيد": ("majid",),
    "عزيز": ("aziz",),
    "كريم": ("karim",),
    "رحيم": ("rahim",),
    "سيف": ("saif", "seif"),
    "امين": ("amin", "ameen"),
    "جبريل": ("jibril", "jebril"),
    "شريف": ("sharif", "cherif"),
    "حبيب": ("habib",),
    "فيصل": ("faisal", "faycal"),
    "عادل": ("adel", "adil"),
    "عماد": ("imad", "emad"),
    "ابو": ("abu", "abou"),
    "خان": ("khan",),
    "گل": ("gul",),
    "جان": ("jan",),
}


def normalise_arabic(word: str) -> str:
    """Fold Persian/Urdu letter forms to Arabic ones and drop tatweel."""
    return word.translate(_FOLD).replace("\u0640", "")


def _letter_options(word: str, index: int) -> tuple[str, ...]:
    """Latin spellings of the letter at ``index`` given its position in ``word``."""
    letter = word[index]
    if letter in _CONSONANTS:
        if letter == "ه" and index == len(word) - 1 and len(word) > 2:
            return ("a",)
        return _CONSONANTS[letter]
    if letter in _VOWEL_LETTERS:
        as_vowel, as_consonant = _VOWEL_LETTERS[letter]
        before_alif = index + 1 < len(word) and word[index + 1] == "ا"
        if index == 0 and letter == "ي":
            return ("y", "j")
        if index == 0 or (before_alif and letter in "وي"):
            return (as_consonant,)
        return (as_vowel,)
    return ("",)


def _vocalise(parts: tuple[str, ...]) -> str:
    """Join letter spellings, putting a short ``a`` between two consonants."""
    out = ""
    for part in parts:
        if out and part and out[-1] not in "aeiouy" and part[0] not in "aeiou":
            out += "a"
        out += part
    return out


@lru_cache(maxsize=65536)
def romanise(word: str) -> tuple[str, ...]:
    """Return the plausible Latin romanisations of one Arabic-script word.

    Known name words come from :data:`ROMAN_WORDS`; other words are spelled
    letter by letter with every alternative, capped at :data:`MAX_VARIANTS`.
    Shadda doubles the preceding consonant.
    """
    word = normalise_arabic(word)
    known = ROMAN_WORDS.get(word.replace(_SHADDA, ""))
    if known is not None:
        return known
    word = word.replace("تش", _TSH)
    letters = word.replace(_SHADDA, "")
    doubled = {i - 1 - word[:i].count(_SHADDA) for i, c in enumerate(word) if c == _SHADDA}
    options = [
        tuple(o * 2 if i in doubled else o for o in _letter_options(letters, i))
        for i in range(len(letters))
    ]
    variants: dict[str, None] = {}
    for parts in _spellings(options):
        text = _vocalise(parts)
        if text:
            variants[text] = None
        if len(variants) >= MAX_VARIANTS:
            break
    return tuple(variants)


def _spellings(options: list[tuple[str, ...]]) -> Iterator[tuple[str, ...]]:
    """The most usual spelling first, then one letter changed, then two letters changed.

    Spreading the alternatives over the whole word (rather than exhausting the
    last letters first) keeps the first letters' alternatives within the cap.
    """
    primary = tuple(o[0] for o in options)
    yield primary
    singles = [(i, alt) for i, opts in enumerate(options) for alt in opts[1:]]
    for i, alt in singles:
        yield (*primary[:i], alt, *primary[i + 1 :])
    for (i, alt_i), (j, alt_j) in combinations(singles, 2):
        if i != j:
            parts = list(primary)
            parts[i], parts[j] = alt_i, alt_j
            yield tuple(parts)
