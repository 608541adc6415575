"""UN/EDIFACT: a small tokenizer and the PAXLST passenger-list interpreter."""

from __future__ import annotations

from pathlib import Path

from tansiq.domain.parsing import ParseResult
from tansiq.travel.edifact.paxlst import parse_paxlst_text
from tansiq.travel.edifact.tokenizer import Delimiters, Segment, tokenize

__all__ = ["Delimiters", "Segment", "parse_paxlst", "parse_paxlst_text", "tokenize"]


def parse_paxlst(
    path: str | Path, *, dataset: str | None = None, strict: bool = False
) -> ParseResult:
    """Parse a PAXLST file. Bytes are read as UTF-8, falling back to Latin-1.

    `dataset` (default "paxlst") seeds the entity ids.
    """
    path = Path(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return parse_paxlst_text(text, source=path.name, dataset=dataset or "paxlst", strict=strict)
