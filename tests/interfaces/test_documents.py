from pathlib import Path

from fastapi.testclient import TestClient

from tests.interfaces.test_cli import tansiq
from tests.services.test_ingest import REPORT


def test_documents_are_uploaded_read_with_highlights_and_listed(client: TestClient) -> None:
    res = client.post(
        "/api/v1/documents",
        files=[("files", ("raid.txt", REPORT.encode())), ("files", ("empty.txt", b""))],
        data={"dataset": "reports", "grade": "C3"},
    )
    assert res.status_code == 200, res.text
    done, empty = res.json()["files"]
    assert done["status"] == "ingested" and empty["status"] == "skipped"
    doc = client.get(f"/api/v1/documents/{done['document_id']}").json()
    assert {h["kind"] for h in doc["highlights"]} >= {"event", "figure"}
    assert client.get("/api/v1/documents").json()["total"] == 1
    assert client.get("/api/v1/events").json()
    html = client.get(f"/documents/{done['document_id']}").text
    assert '<mark class="hl-figure"' in html and '<mark class="hl-event"' in html
    assert "No events yet" not in client.get("/events").text


def test_the_documents_page_ingests_an_upload(client: TestClient) -> None:
    res = client.post(
        "/documents", files=[("files", ("raid.txt", REPORT.encode()))], data={"dataset": "reports"}
    )
    assert res.status_code == 200 and 'id="ingest-report"' in res.text and "ingested" in res.text


def test_an_unknown_document_is_not_found(client: TestClient) -> None:
    assert client.get("/api/v1/documents/doc-nothing").status_code == 404
    assert client.get("/documents/doc-nothing").status_code == 404


def test_ingest_from_the_command_line_reports_each_file(database_url: str, tmp_path: Path) -> None:
    (tmp_path / "raid.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    done = tansiq(database_url, "ingest", str(tmp_path), "-d", "reports", "--grade", "C3")
    assert done.returncode == 1  # one file skipped
    out = done.stdout.decode()
    assert "1 ingested into reports" in out and "skipped" in out


def test_disagreeing_counts_are_on_the_document_page_and_in_the_api(client: TestClient) -> None:
    one = b"The bureau said it has dismantled 12 terrorist cells since 2015.\n"
    two = b"Officials said the bureau has dismantled 14 terrorist cells since 2015.\n"
    files = client.post(
        "/api/v1/documents",
        files=[("files", ("one.txt", one)), ("files", ("two.txt", two))],
        data={"dataset": "reports"},
    ).json()["files"]
    [item] = client.get("/api/v1/disagreements").json()
    assert sorted(c["value"] for c in item["claims"]) == [12, 14]
    html = client.get(f"/documents/{files[0]['document_id']}").text
    assert 'id="disagreements"' in html and "two.txt" in html
