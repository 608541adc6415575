"""A small UN/EDIFACT tokenizer: text in, segments out.

Handles the UNA service string advice (any delimiters), the release character
(`?` by default), newlines and indentation between segments, line-wrapped
segments, a newline used as segment terminator, several interchanges in one
file and junk between them. It never raises: an unreadable stretch comes out
as a Segment whose `error` says why.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

_TAG = re.compile(r"^[A-Z][A-Z0-9]{2}$")
_RESYNC = re.compile(r"[\r\n]\s*(?=UN[AB])")
_NEWLINES = "\r\n"


@dataclass(frozen=True)
class Delimiters:
    """The service characters of an interchange."""

    component: str = ":"
    element: str = "+"
    release: str = "?"
    segment: str = "'"


@dataclass(frozen=True)
class Segment:
    """One segment: its tag and elements, each a tuple of components.

    `elements` excludes the tag. `index` counts segments in the file from 1;
    `line` is the line the segment starts on.
    """

    tag: str
    elements: tuple[tuple[str, ...], ...]
    index: int
    line: int
    raw: str
    error: str | None = None

    def get(self, element: int, component: int = 0) -> str:
        """Return one component (0-based, after the tag), or "" if absent."""
        if element >= len(self.elements) or component >= len(self.elements[element]):
            return ""
        return self.elements[element][component]


class _Cursor:
    """Position, line and delimiters while scanning a text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1
        self.delims = Delimiters()
        self.count = 0

    def advance_to(self, pos: int) -> None:
        self.line += self.text.count("\n", self.pos, pos)
        self.pos = pos

    def skip_blank(self) -> None:
        end = self.pos
        while end < len(self.text) and self.text[end].isspace():
            end += 1
        self.advance_to(end)


def tokenize(text: str) -> Iterator[Segment]:
    """Yield the segments of an EDIFACT text in order (UNA is consumed, not yielded)."""
    cursor = _Cursor(text)
    while True:
        cursor.skip_blank()
        if cursor.pos >= len(text):
            return
        if text.startswith("UNA", cursor.pos):
            start = cursor.line
            warning = _read_una(cursor)
            if warning:
                yield Segment("UNA", (), cursor.count, start, "UNA", warning)
            continue
        yield _next_segment(cursor)


def _read_una(cursor: _Cursor) -> str | None:
    """Read the service string advice; return a warning when it had to be guessed."""
    advice = cursor.text[cursor.pos + 3 : cursor.pos + 9]
    cursor.advance_to(cursor.pos + 3 + len(advice))
    if len(advice) < 6:
        return "UNA too short; default delimiters used"
    terminator = "\n" if advice[5] in _NEWLINES else advice[5]
    if terminator == "\n" and advice[4] == "'":  # five characters, the decimal mark left out
        release = next((c for c in advice[2:4] if c in "?\\"), "?")
        cursor.delims = Delimiters(advice[0], advice[1], release, "'")
        return f"UNA has five characters, not six; read with release {release!r}"
    cursor.delims = Delimiters(advice[0], advice[1], advice[3], terminator)
    text, pos = cursor.text, cursor.pos
    if text.find(terminator, pos) < 0 and text.find("'", pos) >= 0:
        cursor.delims = Delimiters(advice[0], advice[1], advice[3], "'")
        return f'UNA terminator {terminator!r} never used; segments end at "\'"'
    return None


def _next_segment(cursor: _Cursor) -> Segment:
    start, line = cursor.pos, cursor.line
    elements, end, terminated = _scan(cursor.text, start, cursor.delims)
    raw = cursor.text[start:end]
    tag = elements[0][0].strip().upper() if elements and elements[0] else ""
    cursor.count += 1
    resync = None if _TAG.match(tag) else _RESYNC.search(raw)
    if resync is not None:
        cursor.advance_to(start + resync.start())
        junk = raw[: resync.start()]
        return Segment("", (), cursor.count, line, junk, f"not a segment: {junk[:20]!r}")
    cursor.advance_to(min(end + 1, len(cursor.text)) if terminated else end)
    body = tuple(tuple(c.strip() for c in e) for e in elements[1:])
    if not _TAG.match(tag):
        return Segment("", body, cursor.count, line, raw, f"not a segment: {raw[:20]!r}")
    if not terminated:
        return Segment(tag, body, cursor.count, line, raw, "segment not terminated (truncated?)")
    return Segment(tag, body, cursor.count, line, raw)


def _scan(text: str, pos: int, delims: Delimiters) -> tuple[list[list[str]], int, bool]:
    """Split from pos up to the segment terminator; return elements, end, terminated.

    A regular expression finds the terminator (skipping released characters);
    the text before it is split with str.split unless it holds a release character.
    """
    stops = _stops(delims)
    run = _run(delims).match(text, pos)
    end = run.end() if run else pos
    terminated = end < len(text)
    if terminated and text[end] not in stops:  # a lone release character ends the text
        end, terminated = len(text), False
    chunk = text[pos:end]
    if delims.release in chunk:
        return _split_released(chunk, delims), end, terminated
    chunk = chunk.replace("\r", "").replace("\n", "")
    return [e.split(delims.component) for e in chunk.split(delims.element)], end, terminated


def _stops(delims: Delimiters) -> str:
    return delims.segment + ("\r" if delims.segment == "\n" else "")


@lru_cache(maxsize=16)
def _run(delims: Delimiters) -> re.Pattern[str]:
    """The longest run of text up to an unreleased terminator."""
    stops, release = re.escape(_stops(delims)), re.escape(delims.release)
    return re.compile(f"(?:[^{stops}{release}]|{release}.)*", re.S)


def _split_released(chunk: str, delims: Delimiters) -> list[list[str]]:
    """Split a segment's text character by character, honouring the release character."""
    elements: list[list[str]] = [[""]]
    pos = 0
    while pos < len(chunk):
        char = chunk[pos]
        if char == delims.release and pos + 1 < len(chunk):
            elements[-1][-1] += chunk[pos + 1]
            pos += 2
            continue
        if char == delims.element:
            elements.append([""])
        elif char == delims.component:
            elements[-1].append("")
        elif char not in _NEWLINES:
            elements[-1][-1] += char
        pos += 1
    return elements
