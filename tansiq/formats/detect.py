"""Tell what a file holds from its name and first bytes, and refuse what it is not."""

from __future__ import annotations

from tansiq.exceptions import InvalidData

ENTITIES = "entities"
STATEMENTS_CSV = "statements-csv"
STATEMENTS_JSON = "statements-json"
FORMATS = (ENTITIES, STATEMENTS_CSV, STATEMENTS_JSON)

MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office file)",
    b"\x1f\x8b": "a gzip archive",
    b"\xff\xfe": "UTF-16 text; save it as UTF-8",
    b"\xfe\xff": "UTF-16 text; save it as UTF-8",
}


def check_head(source: str, head: bytes) -> None:
    """Refuse empty and binary files with a message that says what the file is."""
    if not head.strip():
        raise InvalidData("the file is empty", source=source)
    for magic, what in MAGIC.items():
        if head.startswith(magic):
            raise InvalidData(f"this is {what}, not JSON lines or CSV", source=source)
    if b"\x00" in head:
        raise InvalidData("this is a binary file, not JSON lines or CSV", source=source)


def _sniff_json(source: str, head: bytes) -> str:
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not first.startswith(b"{"):
        raise InvalidData("expected JSON lines (one object per line)", source=source, line=1)
    line = first.split(b"\n", 1)[0]
    return STATEMENTS_JSON if b'"prop"' in line and b'"properties"' not in line else ENTITIES


def detect_format(source: str, head: bytes, declared: str | None = None) -> str:
    """The format of a file: ``declared`` if given, else from the extension and content."""
    check_head(source, head)
    if declared is not None:
        if declared not in FORMATS:
            raise InvalidData(f"unknown format {declared!r} (use one of {', '.join(FORMATS)})")
        return declared
    if source.lower().endswith(".csv"):
        if head.lstrip().startswith(b"{"):
            raise InvalidData("the file is named .csv but holds JSON", source=source, line=1)
        return STATEMENTS_CSV
    return _sniff_json(source, head)
