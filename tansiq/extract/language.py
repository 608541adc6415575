"""Language identification: English, French and Arabic, as ISO 639-1 codes."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from tansiq.extract.lazy import require

SUPPORTED = ("en", "fr", "ar")
SAMPLE = 2000
MIN_LETTERS = 20


def arabic_share(text: str) -> float:
    """The share of letters in ``text`` that are in the Arabic script."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f") / len(
        letters
    )


@lru_cache(maxsize=1)
def _detector() -> Any:
    lingua = require("lingua", "language identification")
    languages = (lingua.Language.ENGLISH, lingua.Language.FRENCH, lingua.Language.ARABIC)
    return lingua.LanguageDetectorBuilder.from_languages(*languages).build()


def load_detector() -> None:
    """Build the language detector now rather than on first use."""
    _detector()


def detect_language(text: str) -> str | None:
    """'en', 'fr' or 'ar' for a text, or None when it is too short to tell."""
    sample = text[:SAMPLE]
    if sum(1 for c in sample if c.isalpha()) < MIN_LETTERS:
        return None
    if arabic_share(sample) > 0.5:
        return "ar"
    found = _detector().detect_language_of(sample)
    if found is None:
        return None
    code: str = found.iso_code_639_1.name.lower()
    return code if code in SUPPORTED else None
