"""Stream records out of an XML file with expat, refusing DTDs and entities.

The standard library's parsers expand internal entities declared in a DTD,
which opens the door to entity-expansion ("billion laughs") attacks. A
sanctions list never needs a DTD, so any DOCTYPE or ENTITY declaration is
refused outright. External entities are never fetched.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn
from xml.parsers import expat

from tansiq.exceptions import InvalidData

_CHUNK = 1 << 16


class _Collector:
    """Build elements with a TreeBuilder and keep the finished records."""

    def __init__(self, source: str, record_tags: frozenset[str]) -> None:
        self.source = source
        self.record_tags = record_tags
        self.builder = ET.TreeBuilder()
        self.depth_in_record = 0
        self.done: list[tuple[ET.Element, int]] = []
        self.start_line = 0
        self.parser = expat.ParserCreate()
        self._wire()

    def _wire(self) -> None:
        p = self.parser
        p.StartElementHandler = self.start
        p.EndElementHandler = self.end
        p.CharacterDataHandler = self.data
        p.StartDoctypeDeclHandler = self.refuse
        p.EntityDeclHandler = self.refuse
        p.UnparsedEntityDeclHandler = self.refuse
        p.ExternalEntityRefHandler = self.refuse
        p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(self, *_: Any) -> NoReturn:
        raise InvalidData(
            "DTDs and entity declarations are not accepted",
            source=self.source,
            line=self.parser.CurrentLineNumber,
        )

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if self.depth_in_record == 0 and tag in self.record_tags:
            self.depth_in_record = 1
            self.start_line = self.parser.CurrentLineNumber
            self.builder = ET.TreeBuilder()
        elif self.depth_in_record:
            self.depth_in_record += 1
        if self.depth_in_record:
            self.builder.start(tag, attrs)

    def end(self, tag: str) -> None:
        if not self.depth_in_record:
            return
        element = self.builder.end(tag)
        self.depth_in_record -= 1
        if self.depth_in_record == 0:
            self.done.append((element, self.start_line))

    def data(self, text: str) -> None:
        if self.depth_in_record:
            self.builder.data(text)


def iter_records(path: Path, record_tags: frozenset[str]) -> Iterator[tuple[ET.Element, int]]:
    """Yield (element, line) for every element named in record_tags, in file order.

    Raises InvalidData for malformed XML or any DTD/entity declaration.
    """
    collector = _Collector(path.name, record_tags)
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            _feed(collector, chunk, final=False)
            yield from collector.done
            collector.done.clear()
    _feed(collector, b"", final=True)
    yield from collector.done


def _feed(collector: _Collector, chunk: bytes, *, final: bool) -> None:
    try:
        collector.parser.Parse(chunk, final)
    except expat.ExpatError as exc:
        raise InvalidData(
            f"malformed XML: {expat.ErrorString(exc.code)}",
            source=collector.source,
            line=exc.lineno,
        ) from exc
