"""Documents as read: the text with every extraction highlighted, and the events timeline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from followthemoney.proxy import EntityProxy

from tansiq.domain.audit import AuditAction
from tansiq.domain.policy import read_scope
from tansiq.domain.principal import Principal
from tansiq.domain.statement import Statement
from tansiq.exceptions import NotFound
from tansiq.services.app import Tansiq
from tansiq.services.audit import record_read
from tansiq.services.claims import Disagreement, disagreement_dict
from tansiq.services.entities import entity_dict, load_entities
from tansiq.services.search import search
from tansiq.store.port import SearchQuery

KINDS = {
    ("Mention", "name"): "mention",
    ("Event", "name"): "event",
    ("Event", "notes"): "role",
    ("Article", "notes"): "figure",
}


@dataclass(frozen=True)
class Highlight:
    """A span of the text and what was read there."""

    start: int
    end: int
    kind: str
    label: str
    entity_id: str


@dataclass(frozen=True)
class Segment:
    """A piece of the text, highlighted or not, for rendering."""

    text: str
    highlight: Highlight | None = None


@dataclass(frozen=True)
class DocumentView:
    document: EntityProxy
    text: str
    highlights: list[Highlight]
    entities: dict[str, EntityProxy]

    @property
    def segments(self) -> list[Segment]:
        return segment(self.text, self.highlights)

    def of_schema(self, schema: str) -> list[EntityProxy]:
        return [e for e in self.entities.values() if e.schema.name == schema]


def _highlights(statements: list[Statement], text: str) -> list[Highlight]:
    found = []
    for s in statements:
        kind = KINDS.get((s.schema, s.prop))
        start, end = s.span_start, s.span_end
        if kind and start is not None and end is not None and 0 <= start < end <= len(text):
            found.append(Highlight(start, end, kind, s.value, s.entity_id))
    return sorted(found, key=lambda h: (h.start, -(h.end - h.start)))


def segment(text: str, highlights: list[Highlight]) -> list[Segment]:
    """Split the text into plain and highlighted pieces; overlapping highlights keep the first."""
    pieces, at = [], 0
    for h in highlights:
        if h.start < at:
            continue
        if h.start > at:
            pieces.append(Segment(text[at : h.start]))
        pieces.append(Segment(text[h.start : h.end], h))
        at = h.end
    if at < len(text):
        pieces.append(Segment(text[at:]))
    return pieces


def get_document(app: Tansiq, principal: Principal, document_id: str) -> DocumentView:
    """A document with the mentions, events and figures read from it, as the reader may see."""
    scope = read_scope(principal)
    statements = app.store.read_from(document_id, scope)
    entities = load_entities(app, [s.entity_id for s in statements] + [document_id], scope)
    document = entities.get(document_id)
    if document is None or not document.schema.is_a("Document"):
        raise NotFound(f"no document {document_id!r}")
    text = "\n".join(document.get("bodyText", quiet=True))
    record_read(app, principal, document_id, statements)
    return DocumentView(document, text, _highlights(statements, text), entities)


def list_documents(
    app: Tansiq, principal: Principal, text: str = "", limit: int = 50, offset: int = 0
) -> Any:
    """Documents (articles, reports), newest search hits first."""
    query = SearchQuery(text, ("Article",), limit=limit, offset=offset)
    return search(app, principal, query, AuditAction.SEARCH if text else AuditAction.LIST)


def timeline(app: Tansiq, principal: Principal, limit: int = 200) -> list[EntityProxy]:
    """Events read from documents, by date (undated last)."""
    result = search(app, principal, SearchQuery("", ("Event",), limit=limit), AuditAction.LIST)
    events = [h.entity for h in result.hits]
    return sorted(events, key=lambda e: (min(e.get("date") or ["9999"]), e.caption))


def document_dict(
    view: DocumentView, conflicts: list[Disagreement] | None = None
) -> dict[str, Any]:
    """The JSON twin of the document reader."""
    return {
        **entity_dict(view.document),
        "disagreements": [disagreement_dict(d) for d in conflicts or []],
        "highlights": [h.__dict__ for h in view.highlights],
        "entities": [entity_dict(e) for e in view.entities.values() if e.id != view.document.id],
    }


def event_dict(event: EntityProxy, conflicts: list[Disagreement]) -> dict[str, Any]:
    """An event of the timeline, with the disagreements that concern it."""
    return {**entity_dict(event), "disagreements": [disagreement_dict(d) for d in conflicts]}
