"""Batch matching: forked workers give the same matches, in order, with progress."""

from __future__ import annotations

import gc
from typing import Any

import pytest
from followthemoney import model

from tansiq.matching import CandidateIndex, prepare
from tansiq.services import matcher

LISTED = ["Orvald Quenstrik", "Bramwen Tolliver", "Isadora Fenwhistle", "Caspian Vorlund"]
TRAVELLERS = [
    "Orvald Quenstrik",
    "Bramwen Toliver",
    "Nobody Atall",
    "Isadora Fenwistle",
    "Caspian Vorlund",
    "Perpetua Lindqvar",
] * 5


def _record(name: str, key: str) -> dict[str, Any]:
    entity = model.make_entity("Person")
    entity.id = key
    entity.add("name", name)
    return entity.to_dict()


@pytest.fixture(scope="module")
def index() -> CandidateIndex:
    listed = [_record(name, f"listed-{k}") for k, name in enumerate(LISTED)]
    return CandidateIndex.build(matcher.prepare_record(r) for r in listed)


def _records() -> list[dict[str, Any]]:
    return [_record(name, f"trav-{k}") for k, name in enumerate(TRAVELLERS)]


def _pairs(found: list[tuple[int, Any]]) -> list[tuple[int, str | None, float]]:
    return [(k, m.candidate_id, m.score) for k, m in found]


def test_workers_find_the_same_matches_as_one_process(
    index: CandidateIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = _records()
    serial = matcher.match_records(index, records, 0.7, 50, workers=1)
    monkeypatch.setattr(matcher, "PARALLEL_FROM", 1)
    monkeypatch.setattr(matcher, "CHUNK", 4)
    seen: list[tuple[int, int]] = []
    parallel = matcher.match_records(
        index, records, 0.7, 50, workers=2, progress=lambda d, t: seen.append((d, t))
    )
    assert _pairs(parallel) == _pairs(serial)
    assert {TRAVELLERS[k] for k, _ in serial} == {
        "Orvald Quenstrik",
        "Bramwen Toliver",
        "Isadora Fenwistle",
        "Caspian Vorlund",
    }
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert seen[-1] == (len(records), len(records))
    assert len(seen) == -(-len(records) // 4)


def test_prepared_queries_match_like_records(index: CandidateIndex) -> None:
    records = _records()
    prepared = [prepare(model.get_proxy(r)) for r in records]
    assert _pairs(matcher.match_all(index, prepared, 0.7, 50, workers=1)) == _pairs(
        matcher.match_records(index, records, 0.7, 50, workers=1)
    )


def test_the_parent_heap_is_not_left_frozen(
    index: CandidateIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = _records()
    frozen = gc.get_freeze_count()
    serial = matcher.match_records(index, records, 0.7, 50, workers=1)
    assert gc.get_freeze_count() == frozen  # one process: nothing frozen for good
    monkeypatch.setattr(matcher, "PARALLEL_FROM", 1)
    monkeypatch.setattr(matcher, "CHUNK", 4)
    parallel = matcher.match_records(index, records, 0.7, 50, workers=2)
    assert gc.get_freeze_count() == frozen  # workers freeze their own heaps only
    assert _pairs(parallel) == _pairs(serial)


def test_a_failing_progress_report_ends_the_workers_and_unfreezes_the_parent(
    index: CandidateIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(matcher, "PARALLEL_FROM", 1)
    monkeypatch.setattr(matcher, "CHUNK", 4)
    frozen = gc.get_freeze_count()

    def progress(done: int, total: int) -> None:
        assert gc.get_freeze_count() > frozen  # the parent froze its heap for the workers
        raise RuntimeError("database is locked")

    with pytest.raises(RuntimeError, match="locked") as caught:
        matcher.match_records(index, _records(), 0.7, 50, workers=2, progress=progress)
    assert caught.value  # the traceback (and the frame holding the workers) is still alive
    assert gc.get_freeze_count() == frozen
