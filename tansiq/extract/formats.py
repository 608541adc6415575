"""Clean text and metadata from the bytes of plain text, HTML and PDF files."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from tansiq.exceptions import InvalidData
from tansiq.extract.lazy import require

CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


@dataclass(frozen=True)
class Extracted:
    """Text and metadata read from one file, before language identification."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None


def clean_text(text: str) -> str:
    """NFC, Unix newlines, no NUL or other control characters but tab and newline."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc").strip()


def decode(data: bytes, name: str, declared: str | None = None) -> str:
    """Decode text bytes: a byte-order mark, a declared charset, else UTF-8; never guess."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom) :], encoding, name)
    return _decode(data, declared or "utf-8", name)


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InvalidData(
            f"not valid {encoding} text ({exc}); re-save the file as UTF-8", source=name
        ) from exc


def plain_text(data: bytes, name: str) -> Extracted:
    """A plain text file: the first line is the title when it looks like one."""
    text = clean_text(decode(data, name))
    first = text.split("\n", 1)[0].strip()
    title = first if 0 < len(first) <= 150 and not first.endswith((".", "”", '"')) else None
    return Extracted(text, title=title)


def html_text(data: bytes, name: str) -> Extracted:
    """The main content of an HTML page, without navigation, footers or comments."""
    trafilatura = require("trafilatura", "reading HTML")
    declared = CHARSET.search(data[:4096])
    markup = decode(data, name, declared.group(1).decode("ascii") if declared else None)
    result: Any = trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_recall=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is None or not (result.text or "").strip():
        raise InvalidData("the HTML page has no main text", source=name)
    return Extracted(
        clean_text(result.text),
        title=result.title or None,
        author=result.author or None,
        published=result.date or None,
    )


def pdf_text(data: bytes, name: str) -> Extracted:
    """The text layer of a PDF, page after page; a broken or scanned PDF is an error."""
    pypdf = require("pypdf", "reading PDF")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata
    except Exception as exc:  # pypdf raises many types on broken files
        raise InvalidData(f"unreadable PDF: {exc}", source=name) from exc
    text = clean_text("\n\n".join(pages))
    if not text:
        raise InvalidData("the PDF has no text layer (scanned?): run OCR first", source=name)
    return Extracted(
        text,
        title=_meta(meta, "title"),
        author=_meta(meta, "author"),
        published=_pdf_date(meta),
    )


def _meta(meta: Any, attr: str) -> str | None:
    value = getattr(meta, attr, None) if meta is not None else None
    return str(value).strip() or None if value else None


def _pdf_date(meta: Any) -> str | None:
    try:
        created = meta.creation_date if meta is not None else None
    except Exception:  # a malformed date string in the PDF info dictionary
        return None
    return created.date().isoformat() if created is not None else None
