"""A check shared by the screening tests: screening alerts exactly where ``compare`` would."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from tansiq.matching import CandidateIndex, compare, prepare
from tansiq.matching.bounds import ListedTokens, NameBounds, batch_name_bounds, batch_upper_bounds
from tansiq.matching.names import NameScore, name_similarity
from tansiq.matching.prepare import PreparedEntity, reweigh

DEFAULT_THRESHOLD = 0.7


def screened_as_compared(
    index: CandidateIndex,
    by_id: dict[str, PreparedEntity],
    queries: list[PreparedEntity],
    threshold: float | None,
) -> int:
    """Assert that, for every query, ``index.screen`` gives the candidates that ``compare``
    scores at or above the threshold, with the same scores; the number of alerts."""
    alerts = 0
    cut = DEFAULT_THRESHOLD if threshold is None else threshold
    for query in queries:
        found = {(m.candidate_id, round(m.score, 9)) for m in index.screen(query, threshold)}
        expected = set()
        for cand in index.candidates(query):
            match = compare(query, by_id[cand.id or ""], stats=index.stats)
            if match.score >= cut:
                expected.add((match.candidate_id, round(match.score, 9)))
        assert found == expected, query.names
        alerts += len(found)
    return alerts


def bounds_and_exact_scores(
    index: CandidateIndex, batch: list[PreparedEntity], positions: npt.NDArray[np.int32]
) -> list[tuple[float, float, PreparedEntity, PreparedEntity]]:
    """For every (query, listed position) pair: the batch upper bound of the name score, the
    exact name score, the query and the listed entity."""
    rows = np.tile(positions, len(batch))
    row_query = np.repeat(np.arange(len(batch), dtype=np.int64), len(positions))
    upper = batch_upper_bounds(
        [q.name_tokens for q in batch],
        row_query,
        index._names_of(rows),
        ListedTokens.of(index._tokens),
    )
    found = []
    for r, (pos, b) in enumerate(zip(rows.tolist(), row_query.tolist(), strict=True)):
        cand = index.entity(pos)
        exact = max(
            name_similarity(q, n).score for q in batch[b].name_tokens for n in cand.name_tokens
        )
        found.append((float(upper[r]), exact, batch[b], cand))
    return found


def name_bounds_and_exact(
    index: CandidateIndex, batch: list[PreparedEntity], positions: npt.NDArray[np.int32]
) -> list[tuple[NameBounds, list[NameScore], PreparedEntity, PreparedEntity]]:
    """For every (query, listed position) pair: the batch bounds of its name comparison
    (one row) and the exact comparison of every pair of their names."""
    rows = np.tile(positions, len(batch))
    row_query = np.repeat(np.arange(len(batch), dtype=np.int64), len(positions))
    bounds = batch_name_bounds(
        [q.name_tokens for q in batch],
        row_query,
        index._names_of(rows),
        ListedTokens.of(index._tokens),
    )
    found = []
    for r, (pos, b) in enumerate(zip(rows.tolist(), row_query.tolist(), strict=True)):
        cand = index.entity(pos)
        exact = [name_similarity(q, n) for q in batch[b].name_tokens for n in cand.name_tokens]
        found.append((bounds.subset(np.array([r])), exact, batch[b], cand))
    return found


def indexed(
    listed: list[Any], travellers: list[Any]
) -> tuple[CandidateIndex, list[PreparedEntity]]:
    """The index of the listed entities, and the travellers prepared and re-weighed by it."""
    index = CandidateIndex.build(prepare(e) for e in listed)
    return index, [reweigh(prepare(t), index.stats) for t in travellers]
