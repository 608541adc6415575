"""A gazetteer of known entities: their names and aliases found in text, exact or folded."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from tansiq.extract.model import Mention

WORD = re.compile(r"\w+", re.UNICODE)
PARTICLES = frozenset({"al", "el", "ad", "ag", "an", "as", "ash", "at", "az", "ar", "ech", "es"})
MAX_TOKENS = 8


def fold(token: str) -> str:
    """Case, accents and Arabic vowel marks folded away; Latin and Arabic scripts kept."""
    if token.isascii():
        return token.lower()  # the same as below for ASCII, a few times faster
    decomposed = unicodedata.normalize("NFKD", token.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(tokens: Iterable[str]) -> tuple[str, ...]:
    """A name's tokens, folded, with article particles ('al', 'el') and hyphens dropped."""
    return tuple(t for t in (fold(x) for x in tokens) if t not in PARTICLES)


@dataclass(frozen=True)
class Entry:
    """One name of one known entity."""

    entity_id: str
    schema: str
    name: str


class Gazetteer:
    """Names and aliases of known entities, matched on folded tokens, longest match first."""

    def __init__(self, entries: Iterable[tuple[str, str, Iterable[str]]] = ()) -> None:
        self._index: dict[tuple[str, ...], Entry] = {}
        self._prefixes: set[tuple[str, ...]] = set()
        for entity_id, schema, names in entries:
            for name in names:
                self.add(entity_id, schema, name)

    def __len__(self) -> int:
        return len(self._index)

    def add(self, entity_id: str, schema: str, name: str) -> None:
        """Index one name; names of one short token (under 3 letters) are ignored."""
        key = name_key(WORD.findall(name))
        if not key or len(key) > MAX_TOKENS or (len(key) == 1 and len(key[0]) < 3):
            return
        self._index.setdefault(key, Entry(entity_id, schema, name))
        self._prefixes.update(key[:n] for n in range(1, len(key) + 1))

    def find(self, text: str) -> list[Mention]:
        """Every non-overlapping mention of a known name in ``text``."""
        if not self._index:
            return []
        words = [(m.start(), m.end(), fold(m.group(0))) for m in WORD.finditer(text)]
        found: list[Mention] = []
        i = 0
        while i < len(words):
            hit = self._longest(words, i)
            if hit is None:
                i += 1
                continue
            j, entry = hit
            start, end = words[i][0], words[j - 1][1]
            found.append(
                Mention(
                    text[start:end],
                    LABELS.get(entry.schema, "MISC"),
                    start,
                    end,
                    entry.entity_id,
                    "gazetteer",
                )
            )
            i = j
        return found

    def _longest(self, words: list[tuple[int, int, str]], i: int) -> tuple[int, Entry] | None:
        if words[i][2] in PARTICLES:
            return None
        key: list[str] = []
        best: tuple[int, Entry] | None = None
        for j in range(i, min(len(words), i + MAX_TOKENS + 2)):
            if words[j][2] not in PARTICLES:
                key.append(words[j][2])
                if tuple(key) not in self._prefixes:
                    break  # no longer name starts with these words
            entry = self._index.get(tuple(key))
            if entry is not None:
                best = (j + 1, entry)
        return best


LABELS = {"Person": "PER", "Organization": "ORG", "LegalEntity": "ORG", "PublicBody": "ORG"}
LABELS |= {"Company": "ORG", "Address": "LOC", "Country": "LOC"}
