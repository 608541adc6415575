"""A check shared by the screening tests: screening alerts exactly where ``compare`` would."""

from __future__ import annotations

from tansiq.matching import CandidateIndex, compare
from tansiq.matching.prepare import PreparedEntity

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
