"""Watchlist import: pure parsers that turn list files into FtM entities.

Use `parse_file(path)` to sniff the format and parse, or pick a parser from
`PARSERS` by format name. Every parser takes a path and the keyword options
`dataset` and `strict`, and returns a ParseResult (entities + problems).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from tansiq.domain.parsing import ParseResult, Problem
from tansiq.exceptions import InvalidData
from tansiq.watchlists.csvlist import parse_csv
from tansiq.watchlists.un import parse_un_xml

__all__ = ["PARSERS", "ParseResult", "Parser", "Problem", "detect_format", "parse_file"]

HEAD_SIZE = 4096


class Parser(Protocol):
    """The call signature every watchlist parser offers."""

    def __call__(
        self, path: str | Path, *, dataset: str | None = None, strict: bool = False
    ) -> ParseResult: ...


PARSERS: dict[str, Parser] = {"un_xml": parse_un_xml, "csv": parse_csv}


def detect_format(path: str | Path, head_bytes: bytes) -> str:
    """Name the format of a watchlist file from its name and first bytes.

    Raises InvalidData when the format is not one of PARSERS.
    """
    head = head_bytes.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        if b"<CONSOLIDATED_LIST" in head:
            return "un_xml"
        raise InvalidData("unknown XML watchlist format", source=Path(path).name)
    first_line = head.split(b"\n", 1)[0]
    if Path(path).suffix.lower() in (".csv", ".tsv") or b"," in first_line:
        return "csv"
    raise InvalidData("unknown watchlist format", source=Path(path).name)


def parse_file(
    path: str | Path, *, fmt: str | None = None, dataset: str | None = None, strict: bool = False
) -> ParseResult:
    """Parse a watchlist file, sniffing its format unless `fmt` names it."""
    path = Path(path)
    if fmt is None:
        with path.open("rb") as handle:
            fmt = detect_format(path, handle.read(HEAD_SIZE))
    if fmt not in PARSERS:
        raise InvalidData(f"unknown watchlist format {fmt!r}", source=path.name)
    return PARSERS[fmt](path, dataset=dataset, strict=strict)
