"""Tidying the statistical model's name mentions before they become candidates.

The NER model draws spans that carry more than a name ('King Mohammed VI', 'Director of the
Federal Bureau of Investigation', 'Morocco's Central Bureau of ...', a headline running into the
next line, a curly quote) and gives one name different labels in one document (a capital as a
person in one sentence and a place in the next). These rules are generic: titles and role phrases
are trimmed from the span (the text itself is untouched), and within a document a name takes one
label, the one its most trusted mentions give (a dateline or a known entity first, then the
model's majority; a country's name is a place).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from tansiq.extract.model import Mention


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_TITLES = _words(
    "king queen prince princess emir sheikh shaikh sultan president vice-president minister "
    "prime premier chancellor general colonel commander captain lieutenant major judge "
    "justice commissioner inspector director ambassador senator governor mayor imam pope "
    "dr mr mrs ms sir lord lady mme mlle m roi reine président présidente ministre général "
    "colonel commandant juge procureur directeur directrice ambassadeur gouverneur maire"
)
TITLE = re.compile(
    r"^(?:(?:" + "|".join(re.escape(t) for t in _TITLES) + r")\.?\s+)+", re.IGNORECASE
)
"""Leading titles of a person's name: 'King', 'President', 'Dr.', 'M.', 'Général'."""
ROLE = re.compile(
    r"^(?:(?:the|former|deputy|acting)\s+)*"
    r"(?:director|head|chief|spokesperson|spokesman|spokeswoman|leader|members?|officials?|"
    r"directeur|directrice|chef|porte-parole|responsable)"
    r"(?:\s+general)?\s+(?:of|at|for|du|de la|de l[’']|des|de)\s+(?:the\s+)?",
    re.IGNORECASE,
)
"""A role phrase before an organisation: 'Director of the ...', 'head of ...', 'chef du ...'."""
ARTICLE = re.compile(r"^(?:(?:the|la|le|les)\s+|l[’']\s*)(?=[A-Z])", re.IGNORECASE)
"""A leading article: 'the Associated Press', 'la Direction ...'."""
POSSESSOR = re.compile(r"^[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?[’']s\s+(?=[A-Z])")
"""A possessor before an organisation: 'Morocco's Central Bureau ...'."""
QUOTES = "\"'“”‘’«»„()[]"
PRONOUNS = frozenset(
    _words("he she him her his hers they them their it its we i you il elle ils elles lui eux")
)
TRUST = {"gazetteer": 3, "dateline": 3, "acronym": 2, "ner": 1}


def tidy(mention: Mention) -> Mention | None:
    """The mention with its span trimmed to the name, or None when nothing name-like is left."""
    start, end = mention.start, mention.end
    text = mention.text
    cut = text.find("\n")
    if cut > 0:
        text, end = text[:cut], start + cut
    prefix = _prefix(text, mention.label)
    text, start = text[prefix:], start + prefix
    stripped = text.rstrip(QUOTES + " \t.,;:")
    end -= len(text) - len(stripped)
    text = stripped
    if not any(c.isupper() for c in text) or text.casefold() in PRONOUNS:
        return None
    if (start, end) == (mention.start, mention.end):
        return mention
    return replace(mention, text=text, start=start, end=end)


def _prefix(text: str, label: str) -> int:
    """How many leading characters are not the name: quotes, and titles or role phrases."""
    skip = len(text) - len(text.lstrip(QUOTES + " \t"))
    rest = text[skip:]
    own = (TITLE,) if label == "PER" else (ROLE, POSSESSOR) if label == "ORG" else ()
    patterns = (ARTICLE, *own)
    for pattern in patterns:
        found = pattern.match(rest)
        if found and found.end() < len(rest):
            skip += found.end()
            rest = rest[found.end() :]
    return skip


def tidy_all(mentions: Iterable[Mention]) -> list[Mention]:
    """The model's mentions tidied; those with no name left are dropped."""
    return [m for m in (tidy(m) for m in mentions) if m is not None]


def one_label_per_name(mentions: list[Mention]) -> list[Mention]:
    """Within a document, each name keeps one label: the most trusted one, by source and then by
    the number of mentions giving it; a country's name is a place. Known entities keep theirs."""
    votes: dict[str, Counter[str]] = {}
    for m in mentions:
        votes.setdefault(_key(m.text), Counter())[m.label] += 10 * TRUST.get(m.source, 1) + 1
    chosen: dict[str, str] = {}
    for key, counter in votes.items():
        label = "LOC" if key in _countries() else counter.most_common(1)[0][0]
        chosen[key] = label
    return [
        m
        if m.entity_id is not None or chosen[_key(m.text)] == m.label
        else replace(m, label=chosen[_key(m.text)])
        for m in mentions
    ]


def _key(text: str) -> str:
    return " ".join(text.casefold().removeprefix("the ").split())


@cache
def _countries() -> frozenset[str]:
    from followthemoney.types import registry

    return frozenset(_key(name) for name in registry.country.names.values())
