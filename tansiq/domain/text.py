"""Text keys for search: case-, accent- and punctuation-insensitive terms in any script."""

from __future__ import annotations

import re
import unicodedata

SEARCHABLE_TYPES = frozenset({"name", "identifier", "email", "phone"})
SEARCHABLE_PROPS = frozenset({"title"})
MAX_TERM_LENGTH = 100
_SPLIT = re.compile(r"[\W_]+", re.UNICODE)
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")


def fold(text: str) -> str:
    """Lower-case, remove accents, Arabic short-vowel marks and tatweel."""
    compatible = unicodedata.normalize("NFKD", text).casefold()
    decomposed = unicodedata.normalize("NFKD", compatible)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _ARABIC_MARKS.sub("", unicodedata.normalize("NFC", stripped))


def terms(text: str) -> list[str]:
    """The search terms of a text, in order, without duplicates."""
    seen: dict[str, None] = {}
    for token in _SPLIT.split(fold(text)):
        if token:
            seen.setdefault(token[:MAX_TERM_LENGTH], None)
    return list(seen)


def is_searchable(prop: str, prop_type: str) -> bool:
    """Whether values of this property feed the search index."""
    return prop_type in SEARCHABLE_TYPES or prop in SEARCHABLE_PROPS
