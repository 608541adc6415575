"""Traveller input: pure parsers that turn manifests into FtM entities.

Each traveller becomes a Person, a Passport or Identification per document,
and a Trip per flight leg (FtM's Trip schema; airports are Address entities).
Use `parse_file(path)` to sniff and parse, or pick from `PARSERS`. Every
parser takes a path and the keyword options `dataset` and `strict`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from tansiq.domain.parsing import ParseResult, Problem
from tansiq.exceptions import InvalidData
from tansiq.travel.csv_manifest import parse_manifest_csv
from tansiq.travel.edifact import decode_edifact, parse_paxlst, parse_pnrgov

__all__ = ["PARSERS", "ParseResult", "Parser", "Problem", "detect_format", "parse_file"]

HEAD_SIZE = 4096


class Parser(Protocol):
    """The call signature every travel parser offers."""

    def __call__(
        self, path: str | Path, *, dataset: str | None = None, strict: bool = False
    ) -> ParseResult: ...


PARSERS: dict[str, Parser] = {
    "paxlst": parse_paxlst,
    "pnrgov": parse_pnrgov,
    "csv": parse_manifest_csv,
}


def detect_format(path: str | Path, head_bytes: bytes) -> str:
    """Name the format of a manifest from its name and first bytes.

    EDIFACT files (UTF-8, UTF-16 or Latin-1) start with UNA or UNB; the
    message type decides between PAXLST and PNRGOV. Raises InvalidData otherwise.
    """
    head = decode_edifact(head_bytes).lstrip("\ufeff \t\r\n").encode("utf-8", "replace")
    name = Path(path).name
    if head.startswith((b"UNA", b"UNB")):
        found = {head.find(t): t.decode().lower() for t in (b"PAXLST", b"PNRGOV") if t in head}
        if found:
            return found[min(found)]
        raise InvalidData("unknown EDIFACT message type", source=name)
    first_line = head.split(b"\n", 1)[0]
    if Path(path).suffix.lower() == ".csv" or b"," in first_line:
        return "csv"
    raise InvalidData("unknown traveller file format", source=name)


def parse_file(
    path: str | Path, *, fmt: str | None = None, dataset: str | None = None, strict: bool = False
) -> ParseResult:
    """Parse a traveller file, sniffing its format unless `fmt` names it."""
    path = Path(path)
    if fmt is None:
        with path.open("rb") as handle:
            fmt = detect_format(path, handle.read(HEAD_SIZE))
    if fmt not in PARSERS:
        raise InvalidData(f"unknown traveller format {fmt!r}", source=path.name)
    return PARSERS[fmt](path, dataset=dataset, strict=strict)
