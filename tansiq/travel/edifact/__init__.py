"""UN/EDIFACT: a small tokenizer, the shared envelope, PAXLST and PNRGOV interpreters."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tansiq.domain.parsing import ParseResult
from tansiq.travel.edifact.encoding import decode_edifact
from tansiq.travel.edifact.paxlst import parse_paxlst_text
from tansiq.travel.edifact.pnrgov import parse_pnrgov_text
from tansiq.travel.edifact.tokenizer import Delimiters, Segment, tokenize

__all__ = [
    "Delimiters",
    "Segment",
    "decode_edifact",
    "parse_paxlst",
    "parse_paxlst_text",
    "parse_pnrgov",
    "parse_pnrgov_text",
    "tokenize",
]

TextParser = Callable[..., ParseResult]


def parse_paxlst(
    path: str | Path, *, dataset: str | None = None, strict: bool = False
) -> ParseResult:
    """Parse a PAXLST file (any encoding, see `decode_edifact`).

    `dataset` (default "paxlst") seeds the entity ids.
    """
    return _parse_path(parse_paxlst_text, path, dataset or "paxlst", strict)


def parse_pnrgov(
    path: str | Path, *, dataset: str | None = None, strict: bool = False
) -> ParseResult:
    """Parse an IATA PNRGOV file (any encoding, see `decode_edifact`).

    `dataset` (default "pnrgov") seeds the entity ids.
    """
    return _parse_path(parse_pnrgov_text, path, dataset or "pnrgov", strict)


def _parse_path(parse: TextParser, path: str | Path, dataset: str, strict: bool) -> ParseResult:
    path = Path(path)
    text = decode_edifact(path.read_bytes())
    result: ParseResult = parse(text, source=path.name, dataset=dataset, strict=strict)
    return result
