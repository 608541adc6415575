"""Which reports speak of the same thing, and where their claims disagree (no I/O here).

Two events read from different documents are taken as reports of **the same event** when

- they have the same type (``keywords``: attack, arrest, dismantle, ...);
- both are dated, no more than ``DATE_WINDOW_DAYS`` apart;
- they name a common known entity (a participant, or a resolved name in the event's sentence) or
  the same place;
- and nothing contradicts it: not two different places, not two disjoint sets of participants.

Reports of the same event are grouped (transitively). A group is a **date disagreement** when two
of its documents give dates that cannot both be true (disjoint days, months or years: "March 2024"
and "14 March 2024" agree), and a **figure disagreement** when two of its documents give different
values for a count of the same unit read in the event's sentence. Counts with a period ("12 cells
since 2015") are compared across all documents by unit and period instead (see ``period_groups``).
Nothing is merged: every claim keeps its own statement, document and grade.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from tansiq.domain.statement import Statement
from tansiq.extract.to_entities import FigureClaim, read_figure_note
from tansiq.services.claim_values import Interval, date_interval, disjoint, gap_days, precise

DATE_WINDOW_DAYS = 7
"""Reports of one event dated further apart than this are taken as two events."""
COUNT_PREFIX = "count: "


@dataclass(frozen=True)
class Figure:
    """A count read in a document: the parsed note and the statement that holds it."""

    claim: FigureClaim
    statement: Statement

    @property
    def document_id(self) -> str:
        return self.statement.document_id or self.statement.entity_id

    def inside(self, span: tuple[int, int] | None) -> bool:
        start, end = self.statement.span_start, self.statement.span_end
        return (
            span is not None
            and start is not None
            and end is not None
            and (span[0] <= start and end <= span[1])
        )


@dataclass(frozen=True)
class Named:
    """A known entity named in a document at a span (a resolved Mention)."""

    document_id: str
    start: int
    end: int
    entity_id: str


@dataclass
class EventRecord:
    """What is compared of one Event read from one document."""

    id: str
    document_id: str
    type: str
    date: Statement | None = None
    sentence: tuple[int, int] | None = None
    summary: str = ""
    trigger: int | None = None
    locations: frozenset[str] = frozenset()
    """Places, folded for comparison; ``place_names`` keeps them as written."""
    place_names: dict[str, str] = field(default_factory=dict)
    participants: frozenset[str] = frozenset()
    anchors: frozenset[str] = frozenset()
    counts: list[Figure] = field(default_factory=list)

    @property
    def interval(self) -> Interval | None:
        return date_interval(self.date.value) if self.date is not None else None

    def excerpt(self, focus: int | None = None) -> str:
        """The event's sentence; only the paragraph holding ``focus`` (default: the trigger) when
        the sentence runs over a blank line (a title read together with the first paragraph)."""
        at = self.trigger if focus is None else focus
        if self.sentence is None or at is None:
            return self.summary.strip()
        offset, kept = self.sentence[0], self.summary
        for part in self.summary.split("\n\n"):
            if offset <= at < offset + len(part):
                kept = part
            offset += len(part) + 2
        return kept.strip()


def event_record(statements: list[Statement]) -> EventRecord | None:
    """An Event's statements as a record; None without a type or a document."""
    first = statements[0]
    types = [s.value for s in statements if s.prop == "keywords"]
    document = first.document_id or next((s.value for s in statements if s.prop == "proof"), None)
    if not types or document is None:
        return None
    record = EventRecord(first.entity_id, document, types[0])
    for stmt in statements:
        _read(record, stmt)
    record.anchors = record.participants
    return record


def _read(record: EventRecord, stmt: Statement) -> None:
    if stmt.prop == "date" and record.date is None:
        record.date = stmt
    elif stmt.prop == "summary" and stmt.span_start is not None and stmt.span_end is not None:
        record.sentence, record.summary = (stmt.span_start, stmt.span_end), stmt.value
    elif stmt.prop == "name" and record.trigger is None:
        record.trigger = stmt.span_start
    elif stmt.prop == "location":
        key = " ".join(stmt.value.casefold().split())
        record.locations |= {key}
        record.place_names.setdefault(key, stmt.value.strip())
    elif stmt.prop == "involved":
        record.participants |= {stmt.value}
    elif stmt.prop == "notes" and stmt.value.startswith(COUNT_PREFIX):
        claim = read_figure_note(stmt.value[len(COUNT_PREFIX) :])
        if claim is not None and claim.unit:
            record.counts.append(Figure(claim, stmt))


def named_record(statements: list[Statement]) -> Named | None:
    """A Mention's statements as the known entity it names, where; None if unresolved."""
    resolved = next((s.value for s in statements if s.prop == "resolved"), None)
    name = next((s for s in statements if s.prop == "name"), None)
    if resolved is None or name is None or name.span_start is None or name.span_end is None:
        return None
    document = name.document_id or next((s.value for s in statements if s.prop == "document"), None)
    if document is None:
        return None
    return Named(document, name.span_start, name.span_end, resolved)


def add_named(events: list[EventRecord], named: Iterable[Named]) -> None:
    """Add to each event's anchors the known entities named in its sentence."""
    by_document: dict[str, list[Named]] = defaultdict(list)
    for item in named:
        by_document[item.document_id].append(item)
    for event in events:
        if event.sentence is None:
            continue
        start, end = event.sentence
        inside = {n.entity_id for n in by_document[event.document_id] if start <= n.start < end}
        event.anchors = event.participants | inside


def same_event(first: EventRecord, second: EventRecord) -> bool:
    """The rule of the module docstring, for two events."""
    one, two = first.interval, second.interval
    if first.document_id == second.document_id or first.type != second.type:
        return False
    if one is None or two is None or not (precise(one) and precise(two)):
        return False
    if gap_days(one, two) > DATE_WINDOW_DAYS:
        return False
    if _conflict(first.locations, second.locations):
        return False
    if _conflict(first.participants, second.participants):
        return False
    return bool(first.anchors & second.anchors or first.locations & second.locations)


def _conflict(first: frozenset[str], second: frozenset[str]) -> bool:
    return bool(first and second and not first & second)


def _buckets(events: list[EventRecord]) -> Iterator[list[EventRecord]]:
    """Events that could be the same: same type and a shared anchor or place."""
    buckets: dict[tuple[str, str], list[EventRecord]] = defaultdict(list)
    for event in events:
        if event.interval is None or not precise(event.interval):
            continue
        for anchor in event.anchors | {f"@{place}" for place in event.locations}:
            buckets[(event.type, anchor)].append(event)
    for bucket in sorted(buckets):
        yield buckets[bucket]


def same_event_groups(events: list[EventRecord]) -> list[list[EventRecord]]:
    """Groups of events (two documents or more) that report the same event."""
    parent = {e.id: e.id for e in events}

    def root(item: str) -> str:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for bucket in _buckets(events):
        bucket.sort(key=lambda e: (e.interval or (date.min, date.min))[0])
        for i, first in enumerate(bucket):
            for second in _within_window(bucket, i):
                if same_event(first, second):
                    parent[root(second.id)] = root(first.id)
    groups: dict[str, list[EventRecord]] = defaultdict(list)
    for event in events:
        groups[root(event.id)].append(event)
    found = [g for g in groups.values() if len({e.document_id for e in g}) > 1]
    return sorted(found, key=lambda g: min(e.id for e in g))


def _within_window(bucket: list[EventRecord], i: int) -> Iterator[EventRecord]:
    first = bucket[i].interval
    assert first is not None
    for second in bucket[i + 1 :]:
        other = second.interval
        assert other is not None
        if (other[0] - first[1]).days > DATE_WINDOW_DAYS:
            return
        yield second


def dates_disagree(group: list[EventRecord]) -> bool:
    """Two reports of the same event (matched directly, not through a third) give dates that
    cannot both be right, and neither document also reports a matching event on the other's date
    (a report of two attacks, on the 1st and the 3rd, does not contradict one of the 3rd)."""
    return any(
        _dates_clash(a, b, group)
        for i, a in enumerate(group)
        for b in group[i + 1 :]
        if a.interval is not None and b.interval is not None
    )


def _dates_clash(first: EventRecord, second: EventRecord, group: list[EventRecord]) -> bool:
    one, two = first.interval, second.interval
    if one is None or two is None or not (same_event(first, second) and disjoint(one, two)):
        return False
    return not (
        _dated_alike(first, second.document_id, group)
        or _dated_alike(second, first.document_id, group)
    )


def _dated_alike(event: EventRecord, document: str, group: list[EventRecord]) -> bool:
    """The document also reports this event on a date compatible with the event's."""
    mine = event.interval
    return mine is not None and any(
        other.document_id == document
        and other.interval is not None
        and same_event(event, other)
        and not disjoint(mine, other.interval)
        for other in group
    )


def event_figures(
    group: list[EventRecord], figures: dict[str, list[Figure]]
) -> list[tuple[Figure, EventRecord]]:
    """Counts without a period read in the sentences of the group's events, once each, with the
    event they were read with."""
    found: dict[tuple[str, int | None, int | None, float], tuple[Figure, EventRecord]] = {}
    for event in group:
        candidates = [f for f in figures.get(event.document_id, []) if f.inside(event.sentence)]
        for figure in candidates + event.counts:
            if figure.claim.period:
                continue
            s = figure.statement
            key = (event.document_id, s.span_start, s.span_end, figure.claim.value)
            found.setdefault(key, (figure, event))
    return list(found.values())


def disagreeing_units(
    items: list[tuple[Figure, EventRecord]],
) -> list[tuple[str, list[tuple[Figure, EventRecord]]]]:
    """Figures grouped by unit, keeping the units on which two reports of the same event (matched
    directly) give different values."""
    by_unit: dict[str, list[tuple[Figure, EventRecord]]] = defaultdict(list)
    for item in items:
        by_unit[item[0].claim.unit or ""].append(item)
    return [(unit, found) for unit, found in sorted(by_unit.items()) if unit and _differ(found)]


def _differ(items: list[tuple[Figure, EventRecord]]) -> bool:
    """Two reports of the same event give different values, and neither document also gives
    the other's value for a report of that event."""
    return any(
        a.claim.value != b.claim.value
        and same_event(a_event, b_event)
        and not _counted_alike(a, a_event, b.document_id, items)
        and not _counted_alike(b, b_event, a.document_id, items)
        for i, (a, a_event) in enumerate(items)
        for b, b_event in items[i + 1 :]
    )


def _counted_alike(
    figure: Figure, event: EventRecord, document: str, items: list[tuple[Figure, EventRecord]]
) -> bool:
    return any(
        other.document_id == document
        and other.claim.value == figure.claim.value
        and same_event(event, other_event)
        for other, other_event in items
    )


def differ(items: list[Figure]) -> bool:
    """Two documents give different values, and neither also gives the other's."""
    values: dict[str, set[float]] = defaultdict(set)
    for item in items:
        values[item.document_id].add(item.claim.value)
    return any(
        a.document_id != b.document_id
        and a.claim.value not in values[b.document_id]
        and b.claim.value not in values[a.document_id]
        for i, a in enumerate(items)
        for b in items[i + 1 :]
    )


def period_groups(figures: Iterable[Figure]) -> list[tuple[tuple[str, str], list[Figure]]]:
    """Counts with a period grouped by (unit, period), keeping those on which documents differ."""
    grouped: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for item in figures:
        if item.claim.unit and item.claim.period:
            grouped[item.claim.key].append(item)
    return [(key, found) for key, found in sorted(grouped.items()) if differ(found)]
