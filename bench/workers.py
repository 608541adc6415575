"""Benchmark jobs, each run in a fresh subprocess so that its time and peak memory are its own.

Run as ``python -m bench.workers JOB ARGS-JSON``; the last line written to stdout is the JSON
result. With ``"profile": PATH`` in the arguments, the measured part runs under cProfile and the
statistics are dumped to PATH.
"""

from __future__ import annotations

import cProfile
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

DATASET = "bench"
PEER_DATASET = "bench"
Job = Callable[[dict[str, Any]], dict[str, Any]]


def sqlalchemy_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL URLs (the only PostgreSQL driver in the venv)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _measure(args: dict[str, Any], body: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run ``body``, timing it and, when asked, profiling it."""
    profile_path: str | None = args.get("profile")
    profiler = cProfile.Profile() if profile_path else None
    start = time.perf_counter()
    if profiler is not None:
        profiler.enable()
    result = body()
    if profiler is not None:
        profiler.disable()
    result["seconds"] = time.perf_counter() - start
    if profiler is not None and profile_path is not None:
        profiler.dump_stats(profile_path)
    return result


def tansiq_import(args: dict[str, Any]) -> dict[str, Any]:
    """``tansiq import FILE -d bench`` through the service function the CLI calls."""
    from tansiq.services import open_tansiq
    from tansiq.services.importing import ImportOptions, import_path
    from tansiq.settings import Settings

    platform = open_tansiq(Settings(database_url=args["url"], environment="test"))
    path = Path(args["file"])

    def body() -> dict[str, Any]:
        opts = ImportOptions(dataset=DATASET, title="Fictional benchmark world")
        report = import_path(platform, platform.local_admin(), path, opts)
        return {"statements": report.statements, "entities": report.entities}

    try:
        return _measure(args, body)
    finally:
        platform.close()


def _peer_store(url: str) -> Any:
    from followthemoney import Dataset
    from nomenklatura.resolver import Linker
    from nomenklatura.store import SQLStore
    from sqlalchemy import create_engine

    dataset = Dataset.make({"name": PEER_DATASET, "title": "Fictional benchmark world"})
    engine = create_engine(sqlalchemy_url(url))
    return SQLStore(dataset, Linker({}), engine)


def peer_import(args: dict[str, Any]) -> dict[str, Any]:
    """The same file into nomenklatura's SQLStore, as ``load_entity_file_store`` reads a file:
    each line becomes a ``StatementEntity`` (values cleaned, like Tansiq does) whose statements
    the store's writer upserts in batches, in one transaction."""
    from followthemoney import StatementEntity

    store = _peer_store(args["url"])
    path = Path(args["file"])

    def body() -> dict[str, Any]:
        statements = entities = 0
        with store.writer() as writer, path.open("rb") as lines:
            for line in lines:
                entity = StatementEntity.from_data(store.dataset, orjson.loads(line), cleaned=False)
                for stmt in entity.statements:
                    writer.add_statement(stmt)
                    statements += 1
                entities += 1
        return {"statements": statements, "entities": entities}

    try:
        return _measure(args, body)
    finally:
        store.engine.dispose()


def _bind(func: Callable[[str], object], arg: str) -> Callable[[], object]:
    return lambda: func(arg)


def _timed(call: Callable[[], object], times: list[float]) -> None:
    start = time.perf_counter()
    call()
    times.append((time.perf_counter() - start) * 1000.0)


def _get(client: Any, path: str) -> Callable[[], object]:
    def call() -> object:
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"GET {path}: HTTP {response.status_code}")
        return response

    return call


def tansiq_reads(args: dict[str, Any]) -> dict[str, Any]:
    """Entity page (HTML and API), the service call behind them, and search, over the ASGI app."""
    from fastapi.testclient import TestClient

    from tansiq.interfaces.app import create_app
    from tansiq.services.entities import get_entity
    from tansiq.settings import Settings

    ids: list[str] = args["ids"]
    prefixes: list[str] = args["prefixes"]
    warmup = int(args.get("warmup", 50))
    settings = Settings(database_url=args["url"], environment="test")
    timings: dict[str, list[float]] = {"page": [], "api": [], "service": [], "search": []}
    with TestClient(create_app(settings)) as client:
        platform = client.app.state.tansiq  # type: ignore[attr-defined]
        principal = platform.local_admin()
        for eid in ids[:warmup]:
            _get(client, f"/entities/{eid}")()
            _get(client, f"/api/v1/entities/{eid}")()
        for prefix in prefixes[: max(1, warmup // 5)]:
            _get(client, f"/api/v1/search?q={prefix}")()

        def body() -> dict[str, Any]:
            for eid in ids:
                _timed(_get(client, f"/entities/{eid}"), timings["page"])
                _timed(_get(client, f"/api/v1/entities/{eid}"), timings["api"])
                service = _bind(lambda e: get_entity(platform, principal, e), eid)
                _timed(service, timings["service"])
            for prefix in prefixes:
                _timed(_get(client, f"/api/v1/search?q={prefix}"), timings["search"])
            return {"timings": timings}

        return _measure(args, body)


def peer_reads(args: dict[str, Any]) -> dict[str, Any]:
    """nomenklatura: ``view.get_entity(id)``, and the same plus ``get_adjacent`` (its
    neighbours both ways, the closest thing to Tansiq's entity page with relations)."""
    store = _peer_store(args["url"])
    view = store.view(store.dataset)
    ids: list[str] = args["ids"]
    warmup = int(args.get("warmup", 50))
    timings: dict[str, list[float]] = {"get_entity": [], "adjacent": []}

    def adjacent(eid: str) -> None:
        entity = view.get_entity(eid)
        if entity is None:
            raise RuntimeError(f"peer has no entity {eid}")
        list(view.get_adjacent(entity))

    for eid in ids[:warmup]:
        adjacent(eid)

    def body() -> dict[str, Any]:
        for eid in ids:
            _timed(_bind(view.get_entity, eid), timings["get_entity"])
            _timed(_bind(adjacent, eid), timings["adjacent"])
        return {"timings": timings}

    try:
        return _measure(args, body)
    finally:
        store.engine.dispose()


JOBS: dict[str, Job] = {
    "tansiq-import": tansiq_import,
    "peer-import": peer_import,
    "tansiq-reads": tansiq_reads,
    "peer-reads": peer_reads,
}


def main(argv: list[str]) -> int:
    job, raw = argv
    result = JOBS[job](orjson.loads(raw))
    sys.stdout.write("\n" + orjson.dumps(result).decode() + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
