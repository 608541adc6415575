from pathlib import Path

import pytest

from tansiq.domain.policy import Scope
from tansiq.domain.principal import Principal
from tansiq.extract import Extractor
from tansiq.services import Tansiq
from tansiq.services import ingest as ingest_module
from tansiq.services import ingest_workers as workers_module
from tansiq.services.ingest import IngestOptions, IngestReport, ingest, ingest_paths
from tansiq.services.ingest_workers import PARALLEL_FROM_BYTES, auto_workers

RAID = (
    "Border police detained Oskar Velimirov at Port Ardent on 2 May 2024, the Coastal "
    "Security Office (CSO) said. The office has foiled at least 4 plots since 2021.\n"
)
TRIAL = (
    "A court in Vellmar sentenced Ilse Brandovic to nine years for financing the Grey Tide "
    "network, which recruited 31 fighters between 2019 and 2022.\n"
)
MEETING = "Officials of the Coastal Security Office met their Lysarian partners in Vellmar.\n"


def _files() -> list[tuple[str, bytes | None]]:
    return [
        ("raid.txt", RAID.encode()),
        ("broken.pdf", b"%PDF-1.7 not a pdf at all"),
        ("trial.txt", TRIAL.encode()),
        ("raid-again.txt", RAID.encode()),
        ("huge.txt", None),
        ("meeting.txt", MEETING.encode()),
        ("empty.txt", b"   "),
    ]


def _summary(report: IngestReport) -> list[tuple[object, ...]]:
    return [
        (f.name, f.status, f.document_id, f.language, f.mentions, f.events, f.figures, f.reason)
        for f in report.files
    ]


def _run(app: Tansiq, admin: Principal, dataset: str, workers: int) -> IngestReport:
    return ingest(app, admin, _files(), IngestOptions(dataset), workers=workers)


@pytest.mark.parametrize(("batch_files", "ahead"), [(16, 2), (1, 1), (2, 1)])
def test_two_workers_report_and_store_what_one_process_does(
    app: Tansiq,
    admin: Principal,
    monkeypatch: pytest.MonkeyPatch,
    batch_files: int,
    ahead: int,
) -> None:
    monkeypatch.setattr(ingest_module, "BATCH_FILES", batch_files)
    monkeypatch.setattr(ingest_module, "AHEAD", ahead)
    alone = _run(app, admin, "alone", 1)
    shared = _run(app, admin, "shared", 2)
    assert _summary(shared) == _summary(alone)
    assert [f.status for f in shared.files] == [
        "ingested",
        "skipped",
        "ingested",
        "duplicate",
        "skipped",
        "ingested",
        "skipped",
    ]
    ingested = [f.document_id for f in alone.files if f.status == "ingested"]
    assert _stored(app, ingested, "shared") == _stored(app, ingested, "alone")
    assert all(_stored(app, ingested, "shared").values())


def _stored(app: Tansiq, documents: list[str | None], dataset: str) -> dict[str, list[object]]:
    return {
        str(doc): sorted(
            (s.entity_id, s.prop, s.value, s.span_start, s.span_end)
            for s in app.store.read_from(str(doc), Scope())
            if s.dataset == dataset
        )
        for doc in documents
    }


def test_ingesting_again_with_workers_finds_only_duplicates(app: Tansiq, admin: Principal) -> None:
    first = _run(app, admin, "reports", 2)
    again = _run(app, admin, "reports", 2)
    statuses = [f.status for f in again.files]
    assert statuses == [
        "duplicate",
        "skipped",
        "duplicate",
        "duplicate",
        "skipped",
        "duplicate",
        "skipped",
    ]
    assert [f.document_id for f in again.files if f.status == "duplicate"] == [
        first.files[i].document_id for i in (0, 2, 3, 5)
    ]


def test_ingesting_stored_files_again_starts_no_worker(
    app: Tansiq, admin: Principal, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[int] = []
    real = workers_module.WorkerPool._start

    def spy(self: workers_module.WorkerPool) -> object:
        started.append(self.workers)
        return real(self)

    monkeypatch.setattr(workers_module.WorkerPool, "_start", spy)
    files: list[tuple[str, bytes | None]] = [("raid.txt", RAID.encode()), ("t.txt", TRIAL.encode())]
    first = ingest(app, admin, files, IngestOptions("reports"), workers=2)
    again = ingest(app, admin, files, IngestOptions("reports"), workers=2)
    assert [f.status for f in first.files] == ["ingested", "ingested"]
    assert [f.status for f in again.files] == ["duplicate", "duplicate"]
    assert started == [2]


def test_an_extraction_error_in_a_worker_stops_the_ingest(
    app: Tansiq, admin: Principal, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(self: Extractor, *args: object, **kwargs: object) -> None:
        raise ValueError("the model broke")

    for method in ("extract", "extract_many"):  # inherited by the forked workers
        monkeypatch.setattr(Extractor, method, fail)
    with pytest.raises(ValueError, match="the model broke"):
        _run(app, admin, "reports", 2)


def test_small_or_single_inputs_stay_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    assert auto_workers([], 2) == 1
    assert auto_workers([10 * PARALLEL_FROM_BYTES], 2) == 1
    assert auto_workers([100, 200, 300], 2) == 1
    assert auto_workers([PARALLEL_FROM_BYTES, PARALLEL_FROM_BYTES], 2) == 2
    assert auto_workers([PARALLEL_FROM_BYTES] * 10, 2) == 2
    assert auto_workers([PARALLEL_FROM_BYTES] * 10, 4) == 4
    assert auto_workers([PARALLEL_FROM_BYTES] * 3, 64) == 3


def test_a_large_folder_is_ingested_by_workers(
    app: Tansiq, admin: Principal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers_module, "PARALLEL_FROM_BYTES", 100)
    started: list[int] = []
    real = workers_module.WorkerPool.__init__

    def spy(self: workers_module.WorkerPool, extractor: Extractor, workers: int) -> None:
        started.append(workers)
        real(self, extractor, workers)

    monkeypatch.setattr(workers_module.WorkerPool, "__init__", spy)
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("raid.txt", RAID), ("trial.txt", TRIAL), ("meeting.txt", MEETING)):
        (folder / name).write_text(text, encoding="utf-8")
    report = ingest_paths(app, admin, [folder], IngestOptions("reports"))
    assert started == [2]
    assert [Path(f.name).name for f in report.files] == ["meeting.txt", "raid.txt", "trial.txt"]
    assert report.count("ingested") == 3
