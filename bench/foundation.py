"""Foundation benchmark: import throughput and memory, entity page and search latency.

Generates a fictional FtM world of N statements (default 1,000,000), imports it into Tansiq on
SQLite and PostgreSQL (when ``TANSIQ_TEST_POSTGRES_URL`` names a server, as
``scripts/with-postgres`` sets it), loads the same file into nomenklatura's SQL store (the peer),
then times entity pages and searches over the real ASGI app. Each step runs in a fresh
subprocess, so its wall time and peak RSS are its own. Prints one table and records it in the
"Foundation" section of docs/benchmarks.md. Timings are reported, never asserted.

Run: ``scripts/with-postgres .venv/bin/python -m bench foundation [--statements N | --quick]``.
"""

from __future__ import annotations

import argparse
import os
import platform
import pstats
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from rich.console import Console
from rich.table import Table

from bench.docs import write_section
from bench.synthetic import World, generate
from bench.workers import sqlalchemy_url

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "benchmarks.md"
SECTION = "## Foundation: import and entity page"
DEFAULT_STATEMENTS = 1_000_000
QUICK_STATEMENTS = 100_000
IMPORT_TARGET = 50_000.0
PAGE_P99_TARGET = 50.0
POSTGRES_ENV = "TANSIQ_TEST_POSTGRES_URL"
DATABASES = {"tansiq": "bench_foundation_tansiq", "peer": "bench_foundation_peer"}
PEER = "nomenklatura"
console = Console(width=120)
MS = "{:,.2f}"


@dataclass
class Run:
    """What one worker subprocess returned, with its peak resident memory."""

    result: dict[str, Any]
    max_rss_mib: float
    wall: float


@dataclass
class Row:
    measure: str
    backend: str
    tansiq: float | None
    peer: float | None = None
    target: str = ""
    unit_format: str = "{:,.1f}"

    def cells(self) -> list[str]:
        fmt = self.unit_format
        ratio = (
            f"{self.tansiq / self.peer:.2f}×"
            if self.tansiq is not None and self.peer not in (None, 0.0)
            else "—"
        )
        return [
            self.measure,
            self.backend,
            fmt.format(self.tansiq) if self.tansiq is not None else "—",
            fmt.format(self.peer) if self.peer is not None else "—",
            ratio,
            self.target,
        ]


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------- running workers


def run_worker(job: str, args: dict[str, Any]) -> Run:
    """Run ``bench.workers JOB`` in a fresh interpreter; its own peak RSS comes from wait4."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "bench.workers", job, orjson.dumps(args).decode()],
            cwd=ROOT,
            stdout=out,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode()
    if proc.returncode != 0:
        raise RuntimeError(f"worker {job} failed with exit code {proc.returncode}:\n{text}")
    result = orjson.loads(text.strip().splitlines()[-1])
    return Run(result, usage.ru_maxrss / 1024.0, wall)  # ru_maxrss is in KiB on Linux


def migrate(url: str) -> None:
    """``tansiq db upgrade`` on the database, as an operator would."""
    tansiq = Path(sys.executable).with_name("tansiq")
    env = {**os.environ, "TANSIQ_DATABASE_URL": url}
    subprocess.run([str(tansiq), "db", "upgrade"], env=env, check=True, cwd=ROOT)


# ---------------------------------------------------------------------------- backends


@dataclass
class Backend:
    name: str
    workdir: Path
    server: str | None = None  # a PostgreSQL server URL ending in /postgres

    def fresh(self, system: str) -> str:
        """An empty database for ``system`` (``tansiq`` or ``peer``); its URL."""
        if self.server is None:
            path = self.workdir / f"{system}.db"
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            return f"sqlite:///{path}"
        name = DATABASES[system]
        _pg_admin(self.server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _pg_admin(self.server, f'CREATE DATABASE "{name}"')
        return self.server.rsplit("/", 1)[0] + f"/{name}"

    def size_mib(self, url: str) -> float:
        if self.server is None:
            path = Path(url.removeprefix("sqlite:///"))
            files = [Path(f"{path}{s}") for s in ("", "-wal", "-shm")]
            return sum(f.stat().st_size for f in files if f.exists()) / 2**20
        name = url.rsplit("/", 1)[1]
        return float(_pg_scalar(self.server, f"SELECT pg_database_size('{name}')")) / 2**20

    def analyze(self, url: str) -> None:
        """``ANALYZE`` (untimed): without statistics SQLite plans the peer's lookups on its
        ``dataset`` index, a full scan when one dataset holds everything."""
        if self.server is None:
            with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
                conn.execute("ANALYZE")
            return
        _pg_admin(url, "ANALYZE")

    def drop(self) -> None:
        if self.server is not None:
            for name in DATABASES.values():
                _pg_admin(self.server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _pg_admin(server: str, sql: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(sqlalchemy_url(server), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(sql)
    finally:
        engine.dispose()


def _pg_scalar(server: str, sql: str) -> Any:
    import sqlalchemy as sa

    engine = sa.create_engine(sqlalchemy_url(server))
    try:
        with engine.connect() as conn:
            return conn.exec_driver_sql(sql).scalar()
    finally:
        engine.dispose()


# ---------------------------------------------------------------------------- statistics


def percentile(values: list[float], pct: int) -> float:
    """The ``pct``-th percentile (inclusive method), or the only value."""
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


def sample_queries(world: World, ids: int, prefixes: int, seed: int) -> tuple[list[str], list[str]]:
    """Random entity ids, and random name prefixes (3 letters or more of one word of a name)."""
    rng = random.Random(seed)
    chosen = rng.sample(world.ids, min(ids, len(world.ids)))
    found: list[str] = []
    for _ in range(prefixes):
        word = rng.choice(rng.choice(world.names).split())
        found.append(word[: rng.randint(min(3, len(word)), len(word))].lower())
    return chosen, found


# ---------------------------------------------------------------------------- the benchmark


@dataclass
class Options:
    statements: int
    samples: int
    searches: int
    repeat: int
    peer: bool
    postgres: bool
    profile: Path | None
    docs: bool
    seed: int
    workdir: Path | None
    docs_file: Path
    revision: str


def _median_runs(runs: list[Run]) -> tuple[float, float, float]:
    """Median statements/s, wall seconds of the load itself, and peak RSS over repeated runs."""
    rates = [r.result["statements"] / r.result["seconds"] for r in runs]
    return (
        statistics.median(rates),
        statistics.median(r.result["seconds"] for r in runs),
        statistics.median(r.max_rss_mib for r in runs),
    )


def _imports(
    backend: Backend, system: str, job: str, world: World, opts: Options
) -> tuple[list[Run], str]:
    runs: list[Run] = []
    url = ""
    for attempt in range(opts.repeat):
        url = backend.fresh(system)
        if system == "tansiq":
            migrate(url)
        args: dict[str, Any] = {"url": url, "file": str(world.path)}
        if opts.profile is not None and attempt == 0:
            args["profile"] = str(opts.profile / f"{job}-{backend.name}.pstats")
        console.print(f"  {job} on {backend.name} ({attempt + 1}/{opts.repeat}) …", end="")
        run = run_worker(job, args)
        rate = run.result["statements"] / run.result["seconds"]
        console.print(
            f" {run.result['statements']:,} statements in {run.result['seconds']:.1f} s "
            f"= {rate:,.0f}/s, peak RSS {run.max_rss_mib:,.0f} MiB"
        )
        runs.append(run)
    return runs, url


def _read_args(
    url: str, ids: list[str], prefixes: list[str], opts: Options, job: str, be: str
) -> dict[str, Any]:
    args: dict[str, Any] = {"url": url, "ids": ids, "prefixes": prefixes}
    if opts.profile is not None:
        args["profile"] = str(opts.profile / f"{job}-{be}.pstats")
    return args


def bench_backend(backend: Backend, world: World, opts: Options, report: Report) -> None:
    """Import into Tansiq (and the peer), then time reads, on one backend."""
    name = backend.name
    ids, prefixes = sample_queries(world, opts.samples, opts.searches, opts.seed)
    t_runs, t_url = _imports(backend, "tansiq", "tansiq-import", world, opts)
    p_runs: list[Run] = []
    p_url = ""
    if opts.peer:
        p_runs, p_url = _imports(backend, "peer", "peer-import", world, opts)
        backend.analyze(p_url)
    t_rate, t_secs, t_rss = _median_runs(t_runs)
    p_rate, p_secs, p_rss = _median_runs(p_runs) if p_runs else (None, None, None)
    target = ""
    if name == "SQLite":
        target = f"≥ {IMPORT_TARGET:,.0f} {'✓' if t_rate >= IMPORT_TARGET else '✗'}"
    report.rows += [
        Row("import throughput (statements/s)", name, t_rate, p_rate, target, "{:,.0f}"),
        Row("import time (s)", name, t_secs, p_secs),
        Row("import peak RSS (MiB)", name, t_rss, p_rss, "", "{:,.0f}"),
        Row(
            "database size (MiB)",
            name,
            backend.size_mib(t_url),
            backend.size_mib(p_url) if p_url else None,
            "",
            "{:,.0f}",
        ),
    ]

    console.print(f"  reads on {name}: {len(ids)} entities, {len(prefixes)} searches …")
    t_reads = run_worker(
        "tansiq-reads", _read_args(t_url, ids, prefixes, opts, "tansiq-reads", name)
    )
    t_times: dict[str, list[float]] = t_reads.result["timings"]
    p_times: dict[str, list[float]] = {}
    if p_url:
        p_reads = run_worker("peer-reads", _read_args(p_url, ids, [], opts, "peer-reads", name))
        p_times = p_reads.result["timings"]

    def lat(measure: str, key: str, peer_key: str | None, target: bool) -> None:
        for pct in (50, 99):
            mine = percentile(t_times[key], pct)
            theirs = percentile(p_times[peer_key], pct) if peer_key and p_times else None
            goal = ""
            if target and pct == 99:
                goal = f"≤ {PAGE_P99_TARGET:.0f} ms {'✓' if mine <= PAGE_P99_TARGET else '✗'}"
            report.rows.append(Row(f"{measure} p{pct} (ms)", name, mine, theirs, goal, "{:,.2f}"))

    lat("entity page HTML", "page", "adjacent", True)
    lat("entity API JSON", "api", "adjacent", True)
    lat("entity + relations (service)", "service", "adjacent", False)
    lat("search API (name prefix)", "search", None, False)
    if p_times:
        for pct in (50, 99):
            bare = percentile(p_times["get_entity"], pct)
            report.rows.append(Row(f"peer get_entity alone p{pct} (ms)", name, None, bare, "", MS))


def machine() -> str:
    """nproc, CPU model, memory, Python, SQLite and PostgreSQL versions."""
    cpu = "unknown CPU"
    memory = ""
    try:
        info = Path("/proc/cpuinfo").read_text()
        found = re.search(r"^model name\s*:\s*(.+)$", info, re.M)
        if found:
            cpu = found.group(1).strip()
        total = re.search(r"^MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text(), re.M)
        if total:
            memory = f", {int(total.group(1)) / 2**20:.0f} GiB RAM"
    except OSError:
        pass
    parts = [
        f"{os.cpu_count()} CPUs (nproc), {cpu}{memory}",
        f"Linux {platform.release()}, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}",
    ]
    server = os.environ.get(POSTGRES_ENV)
    if server:
        version = str(_pg_scalar(server, "SHOW server_version"))
        parts.append(f"PostgreSQL {version} (throw-away server from scripts/with-postgres)")
    return "; ".join(parts)


def peer_version() -> str:
    from importlib.metadata import version

    return f"nomenklatura {version('nomenklatura')}, followthemoney {version('followthemoney')}"


def render(report: Report, title: str) -> Table:
    table = Table(title=title)
    for column in ("measure", "backend", "tansiq", "peer", "ratio", "target"):
        table.add_column(column, justify="left" if column in ("measure", "backend") else "right")
    for row in report.rows:
        table.add_row(*row.cells())
    return table


def markdown(report: Report, world: World, command: str, elapsed: float, opts: Options) -> str:
    lines = [
        SECTION,
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}.",
        f"Code: tansiq `{opts.revision}`. Peer: {peer_version()} (`nomenklatura.store.SQLStore`).",
        "",
        f"Data: a fictional FtM world of {world.statements:,} statements in "
        f"{world.entities:,} entities ("
        + ", ".join(f"{n:,} {s}" for s, n in sorted(world.schemata.items()))
        + f"), generated by `bench/synthetic.py` (fixed seed). Whole run: {elapsed / 60:.1f} min.",
        "",
        "Command:",
        "",
        "```",
        command,
        "```",
        "",
        "(`make bench` runs every benchmark, this one at 1,000,000 statements.)",
        "",
        "| measure | backend | tansiq | peer | ratio | target |",
        "| --- | --- | ---: | ---: | ---: | --- |",
    ]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in report.rows]
    lines += ["", *(f"- {note}" for note in report.notes), ""]
    return "\n".join(lines)


NOTES = [
    "ratio = tansiq / peer: above 1 is faster for throughput, below 1 is faster for latency, "
    "memory and size.",
    "Each import runs in a fresh interpreter; its time excludes interpreter start-up and "
    "imports; peak RSS is that process's `ru_maxrss` (the PostgreSQL server's memory is not "
    "counted). Tansiq's import is `import_path`, the function behind `tansiq import FILE -d "
    "bench`, into a database migrated by `tansiq db upgrade`; it also writes the search index "
    "(`search_terms`) and an audit event, which the peer has no equivalent of.",
    "Peer import: each line is read with `StatementEntity.from_data(..., cleaned=False)` (values "
    "cleaned, as Tansiq cleans them) and its statements are added to "
    "`SQLStore.writer()`, batched upserts in one transaction, as `load_entity_file_store` "
    "does for its memory store.",
    "Entity latencies are over the real ASGI app through `fastapi.testclient.TestClient` "
    "(in-process, no network), after a warm-up, for random entity ids (fixed seed). "
    "The peer column for entity rows is `view.get_entity(id)` plus `view.get_adjacent(entity)` "
    "(neighbours both ways), the closest it has to an entity page with relations; the last row "
    "is its bare `get_entity`.",
    "The peer's database is `ANALYZE`d after its import (untimed): without statistics, "
    "SQLite plans its `get_entity` and `get_inverted` queries on the `dataset` index, a scan of "
    "every statement (0.3 s per lookup at 1M statements). Tansiq's queries pick the right "
    "index without statistics and get no ANALYZE.",
    "Search rows query `/api/v1/search?q=PREFIX` for random prefixes of generated names; each "
    "search also appends an audit event. The peer has no search.",
    "A 2-core shared machine is noisy: compare ratios and orders of magnitude, not digits.",
]


def revision() -> str:
    """The commit of this tree, marked ``-dirty`` when it has uncommitted changes."""
    try:
        found = subprocess.run(
            ["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return found.stdout.strip()


def print_profiles(directory: Path, top: int) -> None:
    for path in sorted(directory.glob("*.pstats")):
        console.rule(f"cProfile {path.stem} (top {top} by cumulative time)")
        stats = pstats.Stats(str(path))
        stats.sort_stats("cumulative").print_stats(top)


def parse(argv: list[str]) -> Options:
    parser = argparse.ArgumentParser(prog="python -m bench foundation", description=__doc__)
    parser.add_argument("--statements", type=int, default=DEFAULT_STATEMENTS)
    parser.add_argument("--quick", action="store_true", help="100,000 statements")
    parser.add_argument("--samples", type=int, default=500, help="entity ids to fetch")
    parser.add_argument("--searches", type=int, default=200, help="name prefixes to search")
    parser.add_argument("--repeat", type=int, default=1, help="imports per system (median)")
    parser.add_argument("--no-peer", action="store_true", help="skip nomenklatura")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument("--profile", type=Path, help="write cProfile stats to this folder")
    parser.add_argument("--no-docs", action="store_true", help="do not touch docs/benchmarks.md")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, help="keep the data here (default: a temp dir)")
    parser.add_argument("--docs-file", type=Path, default=DOCS, help="where to record the table")
    parser.add_argument("--revision", help="the code measured (default: git HEAD of this tree)")
    ns = parser.parse_args(argv)
    if ns.profile is not None:
        ns.profile.mkdir(parents=True, exist_ok=True)
    return Options(
        statements=QUICK_STATEMENTS if ns.quick else ns.statements,
        samples=ns.samples,
        searches=ns.searches,
        repeat=max(1, ns.repeat),
        peer=not ns.no_peer,
        postgres=not ns.no_postgres,
        profile=ns.profile,
        docs=not ns.no_docs and ns.profile is None,
        seed=ns.seed,
        workdir=ns.workdir,
        docs_file=ns.docs_file,
        revision=ns.revision or revision(),
    )


@contextmanager
def workspace(opts: Options) -> Iterator[Path]:
    if opts.workdir is not None:
        opts.workdir.mkdir(parents=True, exist_ok=True)
        yield opts.workdir
        return
    path = Path(tempfile.mkdtemp(prefix="tansiq-bench-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def command_line(opts: Options) -> str:
    prefix = "scripts/with-postgres " if opts.postgres else ""
    extra = "" if opts.peer else " --no-peer"
    extra += "" if opts.postgres else " --no-postgres"
    extra += f" --repeat {opts.repeat}" if opts.repeat > 1 else ""
    return f"{prefix}.venv/bin/python -m bench foundation --statements {opts.statements}{extra}"


def main(argv: list[str]) -> int:
    opts = parse(argv)
    started = time.perf_counter()
    report = Report(notes=list(NOTES))
    with workspace(opts) as work:
        path = work / "world.ftm.json"
        console.print(f"[bold]Foundation benchmark[/]: generating {opts.statements:,} statements …")
        world = generate(path, opts.statements)
        size = path.stat().st_size / 2**20
        console.print(
            f"  {world.statements:,} statements, {world.entities:,} entities, {size:,.0f} MiB"
        )
        backends = [Backend("SQLite", work)]
        server = os.environ.get(POSTGRES_ENV)
        if opts.postgres and server:
            backends.append(Backend("PostgreSQL", work, server))
        elif opts.postgres:
            report.skipped.append(f"PostgreSQL: skipped ({POSTGRES_ENV} is not set)")
            console.print(f"  PostgreSQL: skipped ({POSTGRES_ENV} is not set)")
        for backend in backends:
            try:
                bench_backend(backend, world, opts, report)
            finally:
                backend.drop()
    report.notes += report.skipped
    title = f"Foundation: {world.statements:,} statements"
    console.print(render(report, title))
    for note in report.skipped:
        console.print(note)
    if opts.profile is not None:
        print_profiles(opts.profile, 30)
    if opts.docs:
        elapsed = time.perf_counter() - started
        write_section(
            opts.docs_file, SECTION, markdown(report, world, command_line(opts), elapsed, opts)
        )
        console.print(f"Recorded in {opts.docs_file}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
