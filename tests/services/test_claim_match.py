"""The rules of "the same event" and of claims that disagree, without a store."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tansiq.domain.grading import Grade
from tansiq.domain.markings import TLP, Marking
from tansiq.domain.statement import Provenance, Statement, StatementContext, new_statement
from tansiq.extract.to_entities import FigureClaim
from tansiq.services.claim_match import (
    EventRecord,
    Figure,
    dates_disagree,
    differ,
    disagreeing_units,
    same_event,
    same_event_groups,
)

CTX = StatementContext("reports", "agency-a", Marking(TLP.GREEN), Grade("C", 3))


def _date(event_id: str, document: str, value: str) -> Statement:
    where = Provenance(document, 0, 10)
    return new_statement(CTX, event_id, "Event", "date", "date", value, provenance=where)


def _event(event_id: str, document: str, day: str | None, **fields: object) -> EventRecord:
    record = EventRecord(event_id, document, "attack", anchors=frozenset({"o-dunes"}))
    if day is not None:
        record.date = _date(event_id, document, day)
    return replace(record, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("change", "same"),
    [
        ({}, True),
        ({"locations": frozenset({"oum lassouf"})}, True),  # a place against no place is fine
        ({"document_id": "d1"}, False),  # one document is not two reports
        ({"type": "arrest"}, False),
        ({"anchors": frozenset({"o-other"})}, False),  # nothing named in common
    ],
)
def test_the_rules_of_the_same_event(change: dict[str, object], same: bool) -> None:
    first = _event("e1", "d1", "2024-03-14")
    second = replace(_event("e2", "d2", "2024-03-16"), **change)  # type: ignore[arg-type]
    assert same_event(first, second) is same


def test_other_places_other_participants_far_dates_or_no_date_are_other_events() -> None:
    first = _event("e1", "d1", "2024-03-14", locations=frozenset({"oum lassouf"}))
    assert not same_event(first, _event("e2", "d2", "2024-03-15", locations=frozenset({"agadez"})))
    with_people = replace(first, participants=frozenset({"p-1"}))
    other = _event("e3", "d2", "2024-03-15", participants=frozenset({"p-2"}))
    assert not same_event(with_people, other)
    assert not same_event(first, _event("e4", "d2", "2024-03-30"))
    assert not same_event(first, _event("e5", "d2", None))
    assert not same_event(first, _event("e6", "d2", "2024"))


def test_groups_need_two_documents_and_dates_disagree_only_between_direct_matches() -> None:
    one = _event("e1", "d1", "2024-03-01")
    two = _event("e2", "d2", "2024-03-06")
    three = _event("e3", "d3", "2024-03-11")
    alone = _event("e4", "d1", "2024-06-01")
    groups = same_event_groups([one, two, three, alone])
    assert [[e.id for e in g] for g in groups] == [["e1", "e2", "e3"]]
    assert dates_disagree(groups[0])
    agree = [_event("e1", "d1", "2024-03"), _event("e2", "d2", "2024-03-14")]
    assert not dates_disagree(agree)


def test_an_excerpt_keeps_the_paragraph_of_the_trigger_when_a_title_runs_into_it() -> None:
    text = "Post attacked\n\nGunmen attacked a post on 9 May 2023."
    record = EventRecord("e1", "d1", "attack", sentence=(0, len(text)), summary=text)
    record.trigger = text.index("attacked a")
    assert record.excerpt() == "Gunmen attacked a post on 9 May 2023."
    assert record.excerpt(0) == "Post attacked"
    assert replace(record, trigger=None).excerpt() == text


def test_the_same_place_is_enough_without_a_known_entity() -> None:
    place = frozenset({"oum lassouf"})
    first = _event("e1", "d1", "2024-03-14", anchors=frozenset(), locations=place)
    second = _event("e2", "d2", "2024-03-15", anchors=frozenset(), locations=place)
    assert same_event(first, second)
    assert not same_event(first, replace(second, locations=frozenset()))
    assert [[e.id for e in g] for g in same_event_groups([first, second])] == [["e1", "e2"]]


def test_a_report_of_two_attacks_does_not_contradict_a_report_of_one_of_them() -> None:
    first, third = _event("e1", "d1", "2024-03-01"), _event("e3", "d1", "2024-03-03")
    other = _event("e2", "d2", "2024-03-03")
    [group] = same_event_groups([first, third, other])
    assert not dates_disagree(group)
    assert dates_disagree([first, other])


def _figure(document: str, value: float) -> Figure:
    note = new_statement(
        CTX,
        document,
        "Article",
        "notes",
        "text",
        f"{value:g} cell [2015/..]",
        provenance=Provenance(document, 0, 5),
    )
    return Figure(FigureClaim(value, None, "cell", "2015/.."), note)


def test_counts_differ_unless_each_document_also_gives_the_other_value() -> None:
    assert differ([_figure("d1", 12), _figure("d2", 14)])
    assert not differ([_figure("d1", 12), _figure("d1", 14), _figure("d2", 14)])
    assert not differ([_figure("d1", 12), _figure("d1", 14)])  # one document is not two sources
    one, two = _event("e1", "d1", "2024-03-01"), _event("e2", "d2", "2024-03-02")
    pairs = [(_figure("d1", 7), one), (_figure("d2", 9), two)]
    assert [unit for unit, _ in disagreeing_units(pairs)] == ["cell"]
    assert disagreeing_units([*pairs, (_figure("d1", 9), one)]) == []
