from pathlib import Path

import pytest

from tansiq.domain.policy import Scope
from tansiq.domain.principal import Principal
from tansiq.services import Tansiq
from tansiq.services.claims import disagreements
from tansiq.services.documents import get_document, timeline
from tansiq.services.entities import get_entity
from tansiq.services.ingest import IngestOptions, ingest, ingest_paths
from tests.factories import WORLD, load

REPORT = (
    "Security forces arrested Amina Tidrani in Tangier on 3 March 2024, the National "
    "Counter-Terrorism Coordination Bureau (NCTCB) said. The bureau has dismantled at least "
    "12 cells of the Brigade of the Southern Dunes since 2019.\n"
)


@pytest.fixture
def known(app: Tansiq, admin: Principal, tmp_path: Path) -> None:
    load(app, admin, tmp_path, "watchlist", WORLD)


def _ingest(app: Tansiq, admin: Principal, files: list[tuple[str, bytes | None]]):
    return ingest(app, admin, files, IngestOptions("reports", "TLP:GREEN", None, "C3"))


def test_a_report_becomes_a_document_with_mentions_events_and_figures(
    known: None, app: Tansiq, admin: Principal
) -> None:
    report = _ingest(app, admin, [("raid.txt", REPORT.encode())])
    [done] = report.files
    assert done.status == "ingested" and done.language == "en"
    assert done.events >= 1 and done.figures >= 1
    view = get_document(app, admin, done.document_id)
    kinds = {h.kind for h in view.highlights}
    assert {"mention", "event", "figure"} <= kinds
    for h in view.highlights:
        assert view.text[h.start : h.end].strip()
    figure = next(h for h in view.highlights if h.kind == "figure")
    assert "12" in view.text[figure.start : figure.end]
    events = timeline(app, admin)
    assert events and events[0].get("date")


def test_extracted_statements_point_at_their_document_and_span_and_carry_its_grade(
    known: None, app: Tansiq, admin: Principal
) -> None:
    [done] = _ingest(app, admin, [("raid.txt", REPORT.encode())]).files
    statements = app.store.read_from(done.document_id, Scope())
    assert statements and all(s.document_id == done.document_id for s in statements)
    assert {(s.tlp.value, s.reliability, s.credibility) for s in statements} == {
        ("TLP:GREEN", "C", 3)
    }
    spanned = [s for s in statements if s.span_start is not None]
    assert spanned


def test_a_known_person_mentioned_in_a_report_links_back_to_it(
    known: None, app: Tansiq, admin: Principal
) -> None:
    _ingest(app, admin, [("raid.txt", REPORT.encode())])
    amina = get_entity(app, admin, "p-amina")
    assert any(
        r.label == "Mention" or (r.via and r.via.schema.name == "Mention") for r in amina.relations
    )


def test_the_same_file_twice_is_a_duplicate_and_bad_files_are_skipped(
    app: Tansiq, admin: Principal
) -> None:
    files = [
        ("a.txt", REPORT.encode()),
        ("b.pdf", b"%PDF-1.7 this is not really a pdf"),
        ("c.txt", "Arrestation à Tanger".encode("latin-1")),
        ("d.bin", b"\x00\x01\x02"),
        ("e.txt", None),
    ]
    first = _ingest(app, admin, files)
    assert [f.status for f in first.files] == [
        "ingested",
        "skipped",
        "skipped",
        "skipped",
        "skipped",
    ]
    assert all(f.reason for f in first.files[1:])
    again = _ingest(app, admin, files[:1])
    assert again.files[0].status == "duplicate"


def test_folders_are_read_recursively(app: Tansiq, admin: Principal, tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "one.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "in" / "sub" / "two.html").write_text(
        "<html><head><title>Raid</title></head><body><article><p>"
        + REPORT * 3
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "in" / ".hidden.txt").write_text("secret", encoding="utf-8")
    report = ingest_paths(app, admin, [tmp_path / "in"], IngestOptions("reports"))
    assert [Path(f.name).name for f in report.files] == ["one.txt", "two.html"]
    assert report.count("ingested") == 2


def test_documents_that_give_different_counts_are_shown_side_by_side(
    app: Tansiq, admin: Principal
) -> None:
    one = "The bureau said on Monday that it has dismantled 12 terrorist cells since 2015.\n"
    two = "Officials said the bureau has dismantled 14 terrorist cells since 2015.\n"
    report = _ingest(app, admin, [("one.txt", one.encode()), ("two.txt", two.encode())])
    first = report.files[0].document_id
    [conflict] = disagreements(app, admin, first)
    assert (conflict.unit, conflict.period) == ("cell", "2015/..")
    assert sorted(c.number or 0 for c in conflict.claims) == [12, 14]
    assert {c.document_id for c in conflict.claims} == {f.document_id for f in report.files}
