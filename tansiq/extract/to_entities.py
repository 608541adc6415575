"""An Extraction as FtM entity dicts (Article, Mention, Event) with provenance for statements.

Each dict has ``id``, ``schema``, ``properties`` and ``provenance``: the document id and, for each
property, the character span of each value (``None`` where a value has no single place in the
text), so a service can make one statement per value with its own ``Provenance``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from tansiq.extract.model import Document, Event, Extraction, Figure, Mention, Role

ISO3 = {"en": "eng", "fr": "fra", "ar": "ara"}
Span = tuple[int, int] | None
EntityDict = dict[str, Any]


def derived_id(*parts: object) -> str:
    """A deterministic id for an entity read from a document."""
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8"), usedforsecurity=False)
    return digest.hexdigest()


def _entity(entity_id: str, schema: str, document: Document) -> EntityDict:
    return {
        "id": entity_id,
        "schema": schema,
        "properties": {},
        "provenance": {"document_id": document.id, "spans": {}},
    }


def _add(entity: EntityDict, prop: str, value: str | None, span: Span = None) -> None:
    if value:
        entity["properties"].setdefault(prop, []).append(value)
        entity["provenance"]["spans"].setdefault(prop, []).append(span)


def article(document: Document, figures: list[Figure]) -> EntityDict:
    """The Article of the document, with its figures as notes tied to their spans."""
    entity = _entity(document.id, "Article", document)
    _add(entity, "title", document.title)
    _add(entity, "bodyText", document.text)
    _add(entity, "publishedAt", document.published)
    _add(entity, "author", document.author)
    _add(entity, "language", ISO3.get(document.language or ""))
    _add(entity, "mimeType", document.mime)
    _add(entity, "fileName", document.name)
    _add(entity, "contentHash", document.content_hash)
    for figure in figures:
        _add(entity, "notes", describe_figure(figure), (figure.start, figure.end))
    return entity


def format_value(value: float) -> str:
    """2009.0 -> '2009', 1500000.0 -> '1500000', 2.5 -> '2.5' (never scientific notation)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def describe_figure(figure: Figure) -> str:
    """'at least 55 individual [2021]': the normalised reading of a figure."""
    words = [figure.qualifier, format_value(figure.value), figure.unit]
    text = " ".join(w for w in words if w)
    return f"{text} [{figure.period}]" if figure.period else text


_FIGURE_NOTE = re.compile(
    r"^(?:(?P<qualifier>\D+?) )?(?P<value>\d+(?:\.\d+)?)"
    r"(?: (?P<unit>[^\[]+?))?(?: \[(?P<period>[^\]]+)\])?$"
)


@dataclass(frozen=True)
class FigureClaim:
    """A figure read back from its note: what was counted, over which period, and the value."""

    value: float
    qualifier: str | None
    unit: str | None
    period: str | None

    @property
    def key(self) -> tuple[str, str]:
        """Two claims with the same key speak of the same count."""
        return (self.unit or "", self.period or "")


def read_figure_note(note: str) -> FigureClaim | None:
    """The inverse of ``describe_figure``; None for notes that are not figures."""
    found = _FIGURE_NOTE.match(note.strip())
    if found is None:
        return None
    value = float(found.group("value"))
    return FigureClaim(value, found.group("qualifier"), found.group("unit"), found.group("period"))


def mention(document: Document, found: Mention, schema: str | None) -> EntityDict:
    """A Mention of a name, resolved to a known entity when the gazetteer knew it."""
    entity = _entity(derived_id(document.id, found.start, found.end), "Mention", document)
    _add(entity, "name", found.text, (found.start, found.end))
    _add(entity, "document", document.id)
    _add(entity, "resolved", found.entity_id)
    _add(entity, "detectedSchema", schema)
    return entity


def event(document: Document, found: Event) -> EntityDict:
    """An Event: type, trigger sentence, date, location, roles as notes, known entities involved."""
    entity = _entity(derived_id(document.id, found.type, found.start), "Event", document)
    sentence = (found.sentence.start, found.sentence.end)
    name = f"{found.type}: {found.trigger}" if found.trigger else f"{found.type} ({found.method})"
    _add(entity, "name", name, (found.start, found.end))
    _add(entity, "keywords", found.type)
    _add(entity, "summary", document.text[sentence[0] : sentence[1]], sentence)
    _add(entity, "date", found.date, sentence)
    _add(entity, "location", found.location, sentence)
    _add(entity, "proof", document.id)
    for again in found.mentions:
        _add(
            entity,
            "notes",
            f"mentioned again: {document.text[again.start : again.end]}",
            (again.start, again.end),
        )
    for role in found.roles:
        _add(entity, "notes", describe_role(role), (role.start, role.end))
        _add(entity, "involved", role.entity_id, (role.start, role.end))
    if found.count is not None:
        _add(entity, "notes", f"count: {describe_figure(found.count)}", _span(found.count))
    return entity


def describe_role(role: Role) -> str:
    """'victim: the mayor', or 'victim: the mayor [model:roles-1a2b3c4d5e6f p=0.71]' for a
    learnt role model's prediction."""
    if role.method == "rules":
        return f"{role.role}: {role.text}"
    return f"{role.role}: {role.text} [{role.method} p={role.probability or 0.0:.2f}]"


def _span(figure: Figure) -> Span:
    return (figure.start, figure.end)


def to_entities(extraction: Extraction) -> list[EntityDict]:
    """The Article, its Mentions (known and candidate names) and its Events."""
    document = extraction.document
    schemas = {id(m): c.schema for c in extraction.candidates for m in c.mentions}
    entities = [article(document, extraction.figures)]
    for found in extraction.mentions:
        if found.entity_id is not None or id(found) in schemas:
            entities.append(mention(document, found, schemas.get(id(found))))
    entities += [event(document, e) for e in extraction.events]
    return entities
