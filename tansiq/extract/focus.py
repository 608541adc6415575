"""A cheap pre-filter: only the sentences that can yield an event, a figure or a name are parsed.

spaCy's cost grows with the number of tokens, and most sentences of a report carry no trigger
word, no number and no name. :func:`focus` blanks those sentences out (every non-space character
becomes a space), so the text handed to spaCy keeps its length and every character offset, while
the dropped sentences shrink to a few whitespace tokens the models pass over quickly.

:func:`needs_names` says whether the statistical NER is worth running: on text without
capitalised words (all lower case, as in MUC-4) it only adds noise and costs two thirds of the time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tansiq.extract.lexicon import Lexicon
from tansiq.extract.numbers import WORD_NUMBER

BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=\S)|\n\s*\n|\n(?=\s*[-•*\d])")
ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b[A-Za-z](?:\.[A-Za-z])+|\bno|\bst)\.$")
DIGIT = re.compile(r"\d")
NAME = re.compile(r"(?<=\S)\s+[\"“‘'(]?[A-Z][\w’'-]*[a-z]|\b[A-Z]{2,}\b")
IRREGULAR = (
    "shot met meets came comes coming took blew blown fled slew slain struck hit caught stole"
    " stolen burnt tué tués tuée tuées mort morts arrêté arrêtés"
)
"""Inflected trigger forms a lemma's prefix does not reach ('shoot' -> 'shot', 'meet' -> 'met')."""


def stem(lemma: str) -> str:
    """A prefix shared by a lemma's inflections: 'detonate' -> 'detonat', 'arrêter' -> 'arrêt'."""
    if lemma in _FRENCH:
        return lemma[:-2]
    return lemma[:-1] if lemma.endswith("e") and len(lemma) > 4 else lemma


_FRENCH_VERBS = (
    "arrêter interpeller appréhender écrouer démanteler neutraliser déjouer avorter attaquer"
    " assassiner enlever blesser exploser incendier mitrailler revenir rentrer rencontrer"
    " réunir signer visiter lancer planifier"
)
_FRENCH = frozenset(_FRENCH_VERBS.split())


def trigger_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """A regular expression for any inflected form of any trigger word of ``lexicon``."""
    lemmas = {w for table in (lexicon.verbs, lexicon.nouns) for ws in table.values() for w in ws}
    stems = sorted({stem(w) for w in lemmas if w} | set(IRREGULAR.split()), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + r")", re.IGNORECASE)


def sentences(text: str) -> Iterable[tuple[int, int]]:
    """Rough sentence spans: a split after end punctuation (not an abbreviation) or a blank line."""
    start = 0
    for boundary in BOUNDARY.finditer(text):
        if ABBREVIATION.search(text, max(start, boundary.start() - 8), boundary.start()):
            continue
        if boundary.start() > start:
            yield start, boundary.start()
        start = boundary.end()
    if start < len(text):
        yield start, len(text)


def focus(
    text: str,
    triggers: re.Pattern[str] | None,
    keep: Iterable[tuple[int, int]] = (),
    names: bool = True,
) -> str:
    """``text`` with every sentence blanked that has no trigger or number (``triggers`` None:
    none is kept for them), no name (only when ``names``) and no ``keep`` span.

    The parser needs the sentences with a trigger or a number (events and figures), the NER
    those with a name: ``focus(text, triggers, names=False)`` and ``focus(text, None)``.
    """
    kept = sorted(keep)
    pieces: list[str] = []
    last = 0
    for start, end in sentences(text):
        sentence = text[start:end]
        if (
            (triggers is not None and _countable(sentence, triggers))
            or (names and NAME.search(sentence))
            or any(s < end and start < e for s, e in kept)
        ):
            continue
        pieces += [text[last:start], _blank(sentence)]
        last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _countable(sentence: str, triggers: re.Pattern[str]) -> bool:
    """Whether a sentence has a trigger word or a number, in digits or words."""
    return bool(triggers.search(sentence) or DIGIT.search(sentence) or WORD_NUMBER.search(sentence))


def needs_names(text: str) -> bool:
    """Whether the text has capitalised words after a sentence start, the sign of cased text."""
    return NAME.search(text) is not None


def _blank(sentence: str) -> str:
    return "".join(c if c.isspace() else " " for c in sentence)
