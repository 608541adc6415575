"""Scoring many records against a candidate index, on every core the settings allow.

Large batches are split into chunks screened by forked worker processes. The
children inherit the index and the records (nothing is pickled to them but
chunk bounds), prepare their own records, and return only the matches. The
parent freezes its heap before forking, so collections in the children do not
touch (and copy) the pages of the shared index. A child freezes its own heap
again before each chunk: its caches (key plans, prepared words) only grow, and
full collections walked them again and again (2-3% of a worker's time, half of
it saved; reference-counted garbage is still freed; a child lives for one
screening). The parent's own heap is never left frozen.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Generator, Sequence
from typing import Any

from followthemoney import model

from tansiq.matching import CandidateIndex, Match, PreparedEntity, prepare

__all__ = ["PARALLEL_FROM", "match_all", "match_records", "prepare_record"]

PARALLEL_FROM = 400
"""Records from which a batch is worth forking workers for."""
CHUNK = 200
"""Records per task: small enough for steady progress reports, large enough to amortise."""
Progress = Callable[[int, int], None]
_INDEX: CandidateIndex | None = None
_RECORDS: Sequence[Any] = ()
_TO_QUERY: Callable[[Any], PreparedEntity] | None = None
_OPTIONS: tuple[float, int] = (0.0, 0)
_IN_WORKER = False


def prepare_record(record: dict[str, Any]) -> PreparedEntity:
    """A stored or parsed FtM entity dict, prepared for matching."""
    return prepare(model.get_proxy(record))


def _worker_started() -> None:
    global _IN_WORKER
    _IN_WORKER = True


def _screen_chunk(bounds: tuple[int, int]) -> list[tuple[int, Match]]:
    start, end = bounds
    assert _INDEX is not None
    if _IN_WORKER:
        gc.freeze()  # what earlier chunks left (caches) is not walked again
    threshold, limit = _OPTIONS
    records = _RECORDS[start:end]
    to_query = _TO_QUERY
    queries = records if to_query is None else (to_query(r) for r in records)
    results = _INDEX.screen_many(queries, threshold=threshold, limit=limit)
    return [(start + offset, match) for offset, found in enumerate(results) for match in found]


def _parallel(
    chunks: list[tuple[int, int]], workers: int
) -> Generator[list[tuple[int, Match]], None, None]:
    gc.collect()
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")  # children inherit index and records
        with context.Pool(workers, initializer=_worker_started) as pool:
            yield from pool.imap(_screen_chunk, chunks)
    finally:
        gc.unfreeze()


def _run(
    index: CandidateIndex,
    records: Sequence[Any],
    to_query: Callable[[Any], PreparedEntity] | None,
    options: tuple[float, int],
    workers: int,
    progress: Progress | None,
) -> list[tuple[int, Match]]:
    global _INDEX, _RECORDS, _TO_QUERY, _OPTIONS
    _INDEX, _RECORDS, _TO_QUERY, _OPTIONS = index, records, to_query, options
    total = len(records)
    chunks = [(i, min(total, i + CHUNK)) for i in range(0, total, CHUNK)]
    parallel = workers > 1 and total >= PARALLEL_FROM
    if parallel:
        index.warm()  # per-process tables built once, then shared by the forked workers
    pooled = _parallel(chunks, workers) if parallel else None
    found = pooled if pooled is not None else map(_screen_chunk, chunks)
    results: list[tuple[int, Match]] = []
    try:
        for matches, (_, end) in zip(found, chunks, strict=True):
            results.extend(matches)
            if progress is not None:
                progress(end, total)
    finally:
        if pooled is not None:  # ends the pool and unfreezes the parent's heap, even on errors
            pooled.close()
        _INDEX, _RECORDS, _TO_QUERY = None, (), None
    return results


def match_all(
    index: CandidateIndex,
    queries: Sequence[PreparedEntity],
    threshold: float,
    limit: int,
    workers: int,
    progress: Progress | None = None,
) -> list[tuple[int, Match]]:
    """(query position, match) for every candidate scoring at or above the threshold."""
    return _run(index, queries, None, (threshold, limit), workers, progress)


def match_records(
    index: CandidateIndex,
    records: Sequence[dict[str, Any]],
    threshold: float,
    limit: int,
    workers: int,
    progress: Progress | None = None,
) -> list[tuple[int, Match]]:
    """As :func:`match_all` for FtM entity dicts, prepared by the workers (both cores)."""
    return _run(index, records, prepare_record, (threshold, limit), workers, progress)
