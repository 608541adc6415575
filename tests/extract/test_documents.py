from __future__ import annotations

import pytest

from tansiq.exceptions import InvalidData
from tansiq.extract import load_document, load_documents

TEXT = (
    b"Bureau arrests courier in Tessaoua\n"
    b"The Coastal Security Bureau said on Monday it had arrested a courier of the Amber Lantern "
    b"network in the port of Tessaoua after a long investigation by its officers."
)
HTML = (
    b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Courier held</title>'
    b'<meta name="date" content="2022-05-04"></head><body><nav>Home | News</nav>'
    b"<h1>Courier held</h1><p>The Coastal Security Bureau arrested a courier of the Amber "
    b"Lantern network in the port of Tessaoua on Monday, officials said.</p>"
    b"<p>Officers seized three phones and a notebook during the search of his flat.</p>"
    b"<footer>All rights reserved.</footer></body></html>"
)


def test_it_reads_plain_text_with_a_title_and_language() -> None:
    doc = load_document(TEXT, "courier.txt")
    assert doc.title == "Bureau arrests courier in Tessaoua"
    assert doc.language == "en"
    assert doc.mime == "text/plain"


def test_it_keeps_the_main_content_of_html() -> None:
    doc = load_document(HTML, "courier.html")
    assert "Amber Lantern" in doc.text
    assert "All rights reserved" not in doc.text
    assert doc.published == "2022-05-04"


def test_it_rejects_text_in_a_wrong_encoding() -> None:
    with pytest.raises(InvalidData, match="UTF-8"):
        load_document("Tessaoua, café à l'été".encode("latin-1"), "latin.txt")


def test_it_reports_and_skips_broken_pdfs_and_duplicates() -> None:
    report = load_documents(
        [("a.txt", TEXT), ("copy.txt", TEXT), ("broken.pdf", b"%PDF-1.4 garbage")]
    )
    assert [d.name for d in report.documents] == ["a.txt"]
    reasons = dict(report.skipped)
    assert reasons["copy.txt"] == "duplicate of a.txt"
    assert "PDF" in reasons["broken.pdf"]


def test_the_same_bytes_give_the_same_document_id() -> None:
    assert load_document(TEXT, "a.txt").id == load_document(TEXT, "b.txt").id
