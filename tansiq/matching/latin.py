"""Latin-script name vocabulary: honorifics, particles and compound spellings.

The word lists are matched against normalised lower-case ASCII tokens.
:func:`canonical_token` rewrites a joined compound to the canonical joined form
used for both scripts: ``abd`` + name for Abdel/Abdul/Abd al- compounds, name +
``din`` / ``lah`` / ``rahman`` for -uddin, -ullah, -urrahman.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "ABD_FORMS",
    "ABU_FORMS",
    "ARTICLES",
    "HONORIFICS",
    "SON_PARTICLES",
    "SUFFIXES",
    "canonical_token",
]

HONORIFICS = frozenset(
    [
        "sheikh",
        "shaikh",
        "shaykh",
        "sheik",
        "cheikh",
        "shaik",
        "haji",
        "hajji",
        "hajj",
        "alhaj",
        "alhajj",
        "alhaji",
        "hadji",
        "mullah",
        "mulla",
        "maulavi",
        "mawlawi",
        "maulvi",
        "molvi",
        "moulvi",
        "maulana",
        "mawlana",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mister",
        "dr",
        "prof",
        "sir",
        "qari",
        "hafiz",
        "jr",
        "sr",
        "ii",
        "iii",
        "iv",
    ]
)
ARTICLES = frozenset(
    ["al", "el", "ul", "ud", "ur", "ad", "ar", "as", "ash", "at", "az", "ed", "er", "es", "ez"]
)
SON_PARTICLES = frozenset(
    [
        "bin",
        "ben",
        "ibn",
        "bint",
        "binti",
        "ould",
        "walad",
        "wuld",
        "ag",
        "wa",
        "de",
        "da",
        "del",
        "della",
        "dos",
        "das",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "y",
    ]
)
ABD_FORMS = frozenset(
    ["abd", "abdel", "abdul", "abdal", "abdol", "abdoul", "abdull", "abdil", "abdal"]
)
ABU_FORMS = frozenset(["abu", "abou", "abo", "abul", "aboul"])
SUFFIXES: dict[str, str] = {
    "din": "din",
    "deen": "din",
    "dine": "din",
    "eddine": "din",
    "eddin": "din",
    "uddin": "din",
    "uddeen": "din",
    "addin": "din",
    "aldin": "din",
    "eldin": "din",
    "ullah": "lah",
    "ollah": "lah",
    "allah": "lah",
    "illah": "lah",
}

_ABD_ALLAH = re.compile(r"^abd[aeiou]{0,2}-?l{1,2}ah?$")
_ABD_GLUE = re.compile(r"^abd(?:[aeiou]{1,2}l|[aeiou](?=([b-df-hj-np-tv-z])\1))(?=[a-z]{2})")
_SUFFIX_GLUE = re.compile(
    r"^(?P<stem>[a-z]{3,}?)(?:[aeiou]{1,2}l?)?"
    r"(?P<suffix>d?din|d?dine|d?deen|l?lah|r?rahmane?|r?rehman)$"
)


@lru_cache(maxsize=65536)
def canonical_token(token: str) -> str:
    """Rewrite a joined compound to its canonical joined form.

    ``abdelhak``/``abdulhaq`` → ``abd-hak``/``abd-haq``; ``nooruddin`` →
    ``noor-din``; ``habibullah`` → ``habib-lah``; other tokens are unchanged.
    """
    if _ABD_ALLAH.match(token):
        return "abd-lah"
    if token.startswith("abd") and len(token) >= 6:
        glued = _ABD_GLUE.match(token)
        if glued:
            return "abd-" + token[glued.end() :]
        return token
    glued_suffix = _SUFFIX_GLUE.match(token)
    if glued_suffix:
        suffix = glued_suffix.group("suffix")
        canon = "din" if "d" in suffix else "lah" if "l" in suffix else "rahman"
        return f"{glued_suffix.group('stem')}-{canon}"
    return token
