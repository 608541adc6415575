"""Claims that disagree: documents giving different dates or counts for the same thing.

Built only from the statements the principal may read, so a reader who cannot see one of two
documents sees no disagreement between them. The rules of "the same thing" are in
``claim_match``; here they are applied to the store and each side gets its document, sentence,
value and grade.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from followthemoney.proxy import EntityProxy

from tansiq.domain.entities import group_by_entity
from tansiq.domain.policy import Scope, read_scope
from tansiq.domain.principal import Principal
from tansiq.domain.statement import Statement
from tansiq.extract.to_entities import FigureClaim, format_value, read_figure_note
from tansiq.services.app import Tansiq
from tansiq.services.claim_match import (
    DATE_WINDOW_DAYS,
    EventRecord,
    Figure,
    Named,
    add_named,
    dates_disagree,
    disagreeing_units,
    event_figures,
    event_record,
    named_record,
    period_groups,
    same_event_groups,
)
from tansiq.services.claim_values import consistent, sentence_bounds
from tansiq.services.entities import load_entities

SCHEMATA = ("Article", "Event", "Mention")
REFERENCE_LIMIT = 1000


@dataclass(frozen=True)
class Claim:
    """One document's value, where it was read and how the source is graded."""

    document_id: str
    document: str
    entity_id: str
    value: str
    sentence: str
    statement: Statement
    qualifier: str | None = None
    figure: FigureClaim | None = None

    @property
    def number(self) -> float | None:
        """The count, for a figure claim."""
        return self.figure.value if self.figure is not None else None

    @property
    def grade(self) -> str:
        return f"{self.statement.reliability}{self.statement.credibility}"


@dataclass(frozen=True)
class Disagreement:
    """Documents that give different values for the same date or count."""

    id: str
    kind: str
    subject: str
    reason: str
    claims: list[Claim]
    unit: str | None = None
    period: str | None = None
    events: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    concerns: frozenset[str] = field(default_factory=frozenset)

    @property
    def consistent(self) -> bool:
        """For counts: one value satisfies every claim ('at least 6' and '8')."""
        figures = [c.figure for c in self.claims if c.figure is not None]
        return self.kind == "figure" and len(figures) == len(self.claims) and consistent(figures)


@dataclass
class _Read:
    """Everything compared, as the reader may see it."""

    events: list[EventRecord] = field(default_factory=list)
    named: list[Named] = field(default_factory=list)
    figures: dict[str, list[Figure]] = field(default_factory=lambda: defaultdict(list))


def _read(app: Tansiq, scope: Scope) -> _Read:
    found = _Read()
    rows = app.store.iter_statements(None, scope, schemata=SCHEMATA)
    for _, statements in group_by_entity(rows):
        schema = statements[0].schema
        if schema == "Event":
            event = event_record(statements)
            if event is not None:
                found.events.append(event)
        elif schema == "Mention":
            named = named_record(statements)
            if named is not None:
                found.named.append(named)
        else:
            for figure in _figures(statements):
                found.figures[figure.document_id].append(figure)
    add_named(found.events, found.named)
    return found


def _figures(statements: list[Statement]) -> list[Figure]:
    found = []
    for stmt in statements:
        claim = read_figure_note(stmt.value) if stmt.prop == "notes" else None
        if claim is not None and claim.unit:
            found.append(Figure(claim, stmt))
    return found


@dataclass
class _Context:
    """Titles, texts and names needed to show the claims."""

    app: Tansiq
    scope: Scope
    entities: dict[str, EntityProxy] = field(default_factory=dict)

    def need(self, ids: set[str]) -> None:
        missing = sorted(ids - set(self.entities))
        if missing:
            self.entities.update(load_entities(self.app, missing, self.scope))

    def caption(self, entity_id: str) -> str:
        entity = self.entities.get(entity_id)
        return entity.caption if entity is not None else entity_id

    def text(self, document_id: str) -> str:
        entity = self.entities.get(document_id)
        return "\n".join(entity.get("bodyText", quiet=True)) if entity is not None else ""


def _id(kind: str, claims: list[Claim]) -> str:
    key = "\x1f".join([kind, *sorted(c.statement.id for c in claims)])
    return hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


def _shared(group: list[EventRecord], values: dict[str, frozenset[str]]) -> list[str]:
    """Values found with two documents of the group or more."""
    counts: Counter[str] = Counter()
    for document in {e.document_id for e in group}:
        counts.update(set().union(*(values[e.id] for e in group if e.document_id == document)))
    return sorted(v for v, n in counts.items() if n > 1)


def _why(group: list[EventRecord], ctx: _Context) -> tuple[str, list[str]]:
    anchors = _shared(group, {e.id: e.anchors for e in group})
    places = _shared(group, {e.id: e.locations for e in group})
    written = {k: v for e in group for k, v in e.place_names.items()}
    named = [ctx.caption(a) for a in anchors] + [written.get(p, p) for p in places]
    kind = group[0].type
    reason = (
        f"reports of the same {kind}: dated within {DATE_WINDOW_DAYS} days of each other, "
        f"both naming {', '.join(named)}"
    )
    return reason, anchors


def _concerns(group: list[EventRecord]) -> frozenset[str]:
    ids = {e.id for e in group} | {e.document_id for e in group}
    return frozenset(ids.union(*(e.anchors for e in group)))


def _date_claims(group: list[EventRecord], ctx: _Context) -> list[Claim]:
    claims, seen = [], set()
    for event in sorted(group, key=lambda e: (e.document_id, e.id)):
        stmt = event.date
        if stmt is None or (event.document_id, stmt.value) in seen:
            continue
        seen.add((event.document_id, stmt.value))
        doc = event.document_id
        claims.append(Claim(doc, ctx.caption(doc), event.id, stmt.value, event.excerpt(), stmt))
    return claims


def _figure_claim(figure: Figure, event: EventRecord, ctx: _Context) -> Claim:
    doc, claim = figure.document_id, figure.claim
    return Claim(
        doc,
        ctx.caption(doc),
        figure.statement.entity_id,
        format_value(claim.value),
        event.excerpt(figure.statement.span_start),
        figure.statement,
        claim.qualifier,
        claim,
    )


def _event_disagreements(data: _Read, ctx: _Context) -> list[Disagreement]:
    found = []
    for group in same_event_groups(data.events):
        dates = dates_disagree(group)
        units = disagreeing_units(event_figures(group, data.figures))
        if dates or units:
            found.append((group, dates, units))
    ctx.need({a for g, *_ in found for e in g for a in (e.document_id, *e.anchors)})
    return [item for args in found for item in _of_group(*args, ctx)]


def _of_group(
    group: list[EventRecord],
    dates: bool,
    units: list[tuple[str, list[tuple[Figure, EventRecord]]]],
    ctx: _Context,
) -> list[Disagreement]:
    reason, anchors = _why(group, ctx)
    kind, events, concerns = group[0].type, tuple(sorted(e.id for e in group)), _concerns(group)

    def made(what: str, subject: str, claims: list[Claim], unit: str | None) -> Disagreement:
        return Disagreement(
            _id(what, claims),
            what,
            subject,
            reason,
            claims,
            unit,
            events=events,
            entities=tuple(anchors),
            concerns=concerns,
        )

    found = [made("date", f"date of the {kind}", _date_claims(group, ctx), None)] if dates else []
    for unit, items in units:
        claims = [_figure_claim(f, e, ctx) for f, e in items]
        found.append(made("figure", f"{unit} count in the {kind}", claims, unit))
    return found


def _period_claim(figure: Figure, ctx: _Context) -> tuple[Claim, tuple[int, int] | None]:
    doc, stmt, claim = figure.document_id, figure.statement, figure.claim
    text, bounds = ctx.text(doc), None
    if stmt.span_start is not None and stmt.span_end is not None and stmt.span_end <= len(text):
        bounds = sentence_bounds(text, stmt.span_start, stmt.span_end)
    sentence = text[bounds[0] : bounds[1]].strip() if bounds else ""
    value = format_value(claim.value)
    made = Claim(
        doc,
        ctx.caption(doc),
        stmt.entity_id,
        value,
        sentence,
        stmt,
        claim.qualifier,
        claim,
    )
    return made, bounds


def _about_sentence(data: _Read, document_id: str, bounds: tuple[int, int] | None) -> set[str]:
    """Known entities named in the sentence, and the events read from it."""
    if bounds is None:
        return set()
    start, end = bounds
    named = {
        n.entity_id for n in data.named if n.document_id == document_id and start <= n.start < end
    }
    events = {
        e.id
        for e in data.events
        if e.document_id == document_id and e.sentence and start <= e.sentence[0] < end
    }
    return named | events


def _period_disagreements(data: _Read, ctx: _Context) -> list[Disagreement]:
    everything = [f for figures in data.figures.values() for f in figures]
    groups = period_groups(everything)
    ctx.need({f.document_id for _, items in groups for f in items})
    event_ids = {e.id for e in data.events}
    found = []
    for (unit, period), items in groups:
        claims, concerns = [], set()
        for figure in items:
            claim, bounds = _period_claim(figure, ctx)
            claims.append(claim)
            concerns |= {claim.document_id} | _about_sentence(data, claim.document_id, bounds)
        subject = f"{unit} [{period}]"
        reason = f"the same count: {unit} over the same period ({period})"
        events = tuple(sorted(concerns & event_ids))
        found.append(
            Disagreement(
                _id("figure", claims),
                "figure",
                subject,
                reason,
                claims,
                unit,
                period,
                events=events,
                concerns=frozenset(concerns),
            )
        )
    return found


def _may_concern(app: Tansiq, about: str, scope: Scope) -> bool:
    """False only when no disagreement can concern the entity: it is not a document or an event,
    and no visible Mention or Event names it (a cheap indexed look-up that spares the page of a
    watchlist entry no document mentions the full read)."""
    own = app.store.statements_of([about], scope)
    if any(s.schema in SCHEMATA for s in own):
        return True
    refs = app.store.referencing(about, scope, limit=REFERENCE_LIMIT)
    return len(refs) >= REFERENCE_LIMIT or any(s.schema in SCHEMATA for s in refs)


def disagreements(
    app: Tansiq, principal: Principal, about: str | None = None
) -> list[Disagreement]:
    """Dates and counts on which documents disagree, as the principal may see them; with
    ``about`` (a document, an event or any entity), only those that concern it."""
    scope = read_scope(principal)
    if about is not None and not _may_concern(app, about, scope):
        return []
    data = _read(app, scope)
    ctx = _Context(app, scope)
    found = _event_disagreements(data, ctx) + _period_disagreements(data, ctx)
    if about is not None:
        found = [d for d in found if about in d.concerns]
    return sorted(found, key=lambda d: (d.kind, d.subject, d.id))


def by_event(items: list[Disagreement]) -> dict[str, list[Disagreement]]:
    """The disagreements of each event they concern."""
    found: dict[str, list[Disagreement]] = defaultdict(list)
    for item in items:
        for event in item.events:
            found[event].append(item)
    return dict(found)


def disagreement_dict(item: Disagreement) -> dict[str, Any]:
    """The JSON of a disagreement: each claim with its document, sentence, span and grade."""
    return {
        "id": item.id,
        "kind": item.kind,
        "subject": item.subject,
        "reason": item.reason,
        "unit": item.unit,
        "period": item.period,
        "events": list(item.events),
        "entities": list(item.entities),
        "consistent": item.consistent,
        "claims": [_claim_dict(c) for c in item.claims],
    }


def _claim_dict(claim: Claim) -> dict[str, Any]:
    stmt = claim.statement
    return {
        "document_id": claim.document_id,
        "document": claim.document,
        "entity_id": claim.entity_id,
        "value": claim.number if claim.number is not None else claim.value,
        "qualifier": claim.qualifier,
        "sentence": claim.sentence,
        "span": [stmt.span_start, stmt.span_end],
        "statement_id": stmt.id,
        "grade": claim.grade,
        "dataset": stmt.dataset,
    }
