"""Scoring many records against a candidate index, on every core the settings allow."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence

from tansiq.matching import CandidateIndex, Match, PreparedEntity

PARALLEL_FROM = 400
CHUNK = 100
_INDEX: CandidateIndex | None = None
_OPTIONS: tuple[float, int] = (0.0, 0)


def _screen_chunk(chunk: tuple[int, list[PreparedEntity]]) -> list[tuple[int, Match]]:
    start, queries = chunk
    assert _INDEX is not None
    threshold, limit = _OPTIONS
    results = _INDEX.screen_many(queries, threshold=threshold, limit=limit)
    return [(start + offset, match) for offset, found in enumerate(results) for match in found]


def match_all(
    index: CandidateIndex,
    queries: Sequence[PreparedEntity],
    threshold: float,
    limit: int,
    workers: int,
    progress: Callable[[int, int], None] | None = None,
) -> list[tuple[int, Match]]:
    """(query position, match) for every candidate scoring at or above the threshold."""
    global _INDEX, _OPTIONS
    _INDEX, _OPTIONS = index, (threshold, limit)
    chunks = [(i, list(queries[i : i + CHUNK])) for i in range(0, len(queries), CHUNK)]
    results: list[tuple[int, Match]] = []
    done = 0
    if workers > 1 and len(queries) >= PARALLEL_FROM:
        context = multiprocessing.get_context("fork")  # children inherit the built index
        with context.Pool(workers) as pool:
            for found, (_, chunk) in zip(pool.imap(_screen_chunk, chunks), chunks, strict=True):
                results.extend(found)
                done += len(chunk)
                if progress is not None:
                    progress(done, len(queries))
        return results
    for part in chunks:
        results.extend(_screen_chunk(part))
        done += len(part[1])
        if progress is not None:
            progress(done, len(queries))
    return results
