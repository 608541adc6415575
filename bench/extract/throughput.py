"""End-to-end ingest throughput: files on disk -> parse -> extract -> statements in SQLite.

Two sets, written as files to a temporary folder: ``news+muc4`` (the four news articles and the
200 MUC-4 dev documents, lower case, so the NER skips them) and ``news x12`` (each news article
twelve times, told apart by a last line, so every copy is a new document that the NER reads).
Each run ingests a set through :func:`tansiq.services.ingest.ingest_paths` into a fresh,
migrated SQLite database with 1 and with 2 worker processes, alternating; models are warm (one
untimed run of each first). Words are counted on the clean text of the documents.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from tansiq.extract import load_document
from tansiq.services import open_tansiq
from tansiq.services.ingest import IngestOptions, files_under, ingest_paths
from tansiq.settings import Settings
from tansiq.store.migrate import upgrade

SHARED = Path(__file__).resolve().parents[3] / "shared"
NEWS = SHARED / "corpus" / "news"
MUC4_DEV = SHARED / "eval" / "events" / "muc4_dev.jsonl"
COPIES = 12


def write_sets(root: Path) -> dict[str, Path]:
    """The two input folders under ``root``."""
    mixed, news = root / "news+muc4", root / f"news x{COPIES}"
    mixed.mkdir()
    news.mkdir()
    for article in sorted(NEWS.glob("*.txt")):
        shutil.copyfile(article, mixed / article.name)
        text = article.read_text(encoding="utf-8")
        for copy in range(COPIES):
            note = f"\n\n(Copy {copy + 1} of {COPIES}.)\n"
            (news / f"{article.stem}-{copy:02d}.txt").write_text(text + note, encoding="utf-8")
    with MUC4_DEV.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            (mixed / f"{record['docid']}.txt").write_text(record["doctext"], encoding="utf-8")
    return {mixed.name: mixed, news.name: news}


def words_in(folder: Path) -> tuple[int, int]:
    """Documents and words (whitespace-separated, clean text) in a folder."""
    files = files_under([folder])
    texts = [load_document(p.read_bytes(), str(p)).text for p in files]
    return len(files), sum(len(t.split()) for t in texts)


def cpu_seconds() -> tuple[float, float]:
    """User and system CPU time of this process, and of its finished children (workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


Run = tuple[float, float, float]
"""Wall seconds, CPU seconds of this process, CPU seconds of the workers."""


def one_run(template: Path, work: Path, folder: Path, workers: int) -> Run:
    """Wall and CPU seconds to ingest ``folder`` into a fresh copy of the migrated
    ``template`` database."""
    database = work / "run.db"
    shutil.copyfile(template, database)
    app = open_tansiq(Settings(database_url=f"sqlite:///{database}", environment="test"))
    try:
        started, cpu = time.perf_counter(), cpu_seconds()
        report = ingest_paths(
            app, app.local_admin(), [folder], IngestOptions("bench-news"), workers=workers
        )
        elapsed, (own, children) = time.perf_counter() - started, cpu_seconds()
    finally:
        app.close()
    database.unlink()
    if report.count("ingested") != len(report.files):
        raise RuntimeError(f"not every file was ingested: {report.files}")
    return elapsed, own - cpu[0], children - cpu[1]


def measure(root: Path, folder: Path, workers: list[int], runs: int) -> dict[int, list[Run]]:
    """Wall and CPU seconds per run for each number of workers, runs alternating."""
    template = root / "template.db"
    if not template.exists():
        upgrade(f"sqlite:///{template}")
    for count in workers:
        one_run(template, root, folder, count)  # warm-up: models loaded, caches filled
    times: dict[int, list[Run]] = {count: [] for count in workers}
    for _ in range(runs):
        for count in workers:
            times[count].append(one_run(template, root, folder, count))
    return times


def _row(words: int, runs: list[Run]) -> str:
    rates = sorted(words / wall for wall, _, _ in runs)
    median = words / statistics.median(wall for wall, _, _ in runs)
    own = statistics.median(run[1] for run in runs)
    children = statistics.median(run[2] for run in runs)
    bound = words / max(own, (own + children) / 2)
    spread = f"({rates[0]:,.0f}-{rates[-1]:,.0f})"
    return f"{median:>8,.0f} {spread:<15} {own:>10.1f} {children:>7.1f} {bound:>12,.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench extract-news --throughput")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per worker count")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare")
    args = parser.parse_args(argv)
    workers = [int(w) for w in args.workers.split(",")]
    with tempfile.TemporaryDirectory(prefix="tansiq-throughput-") as tmp:
        root = Path(tmp)
        print(
            f"{'set':<12} {'docs':>5} {'words':>7} {'workers':>7} {'words/s':>8} {'(range)':<15}"
            f" {'CPU-s main':>10} {'workers':>7} {'2-core bound':>12}"
        )
        for name, folder in write_sets(root).items():
            docs, words = words_in(folder)
            for count, runs in measure(root, folder, workers, args.runs).items():
                print(f"{name:<12} {docs:>5} {words:>7} {count:>7} {_row(words, runs)}")
    print(
        f"\nwords/s: wall clock, median (range) of {args.runs} runs, worker counts alternating,"
        " warm models; CPU-s: medians; 2-core bound: words/s if the CPU time of all processes"
        " were spread evenly over two idle cores"
    )
    return 0
