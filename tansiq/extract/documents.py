"""Load files into Documents: detect the format, read clean text, identify the language, dedup."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import PurePath

from tansiq.exceptions import InvalidData
from tansiq.extract.formats import Extracted, html_text, pdf_text, plain_text
from tansiq.extract.language import detect_language
from tansiq.extract.model import Document, LoadReport

TEXT, HTML, PDF = "text/plain", "text/html", "application/pdf"
SUFFIXES = {".txt": TEXT, ".text": TEXT, ".md": TEXT, ".html": HTML, ".htm": HTML, ".pdf": PDF}
READERS: dict[str, Callable[[bytes, str], Extracted]] = {
    TEXT: plain_text,
    HTML: html_text,
    PDF: pdf_text,
}


def sniff_mime(data: bytes, name: str) -> str:
    """The format of a file, from its first bytes, else its suffix; unknown formats are errors."""
    head = data[:1024].lstrip().lower()
    if data.startswith(b"%PDF"):
        return PDF
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return HTML
    mime = SUFFIXES.get(PurePath(name).suffix.lower())
    if mime is None:
        raise InvalidData("unsupported file type: expected .txt, .html or .pdf", source=name)
    return mime


def content_hash(data: bytes) -> str:
    """SHA-256 of the raw bytes, the key for deduplication."""
    return hashlib.sha256(data).hexdigest()


def document_id(data: bytes) -> str:
    """The id of the Document a file's bytes load into, without reading them."""
    return Document(name="", text="", mime="", content_hash=content_hash(data)).id


def load_document(data: bytes, name: str, mime: str | None = None) -> Document:
    """One file's bytes as a Document; raises InvalidData naming the file when it is unreadable."""
    if not data.strip():
        raise InvalidData("the file is empty", source=name)
    mime = mime or sniff_mime(data, name)
    reader = READERS.get(mime)
    if reader is None:
        raise InvalidData(f"unsupported media type {mime!r}", source=name)
    got = reader(data, name)
    return Document(
        name=name,
        text=got.text,
        mime=mime,
        content_hash=content_hash(data),
        title=got.title,
        author=got.author,
        published=got.published,
        language=detect_language(got.text),
    )


def load_documents(files: Iterable[tuple[str, bytes]]) -> LoadReport:
    """Load many files; duplicates (same bytes) and unreadable files are skipped with a reason."""
    documents: list[Document] = []
    skipped: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    for name, data in files:
        digest = content_hash(data)
        if digest in seen:
            skipped.append((name, f"duplicate of {seen[digest]}"))
            continue
        try:
            documents.append(load_document(data, name))
        except InvalidData as exc:
            skipped.append((name, exc.reason))
            continue
        seen[digest] = name
    return LoadReport(tuple(documents), tuple(skipped))
