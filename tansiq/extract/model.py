"""The records of extraction: documents, mentions, candidates, figures and events, with spans."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """Clean text and metadata of one file; ``content_hash`` is the SHA-256 of its bytes."""

    name: str
    text: str
    mime: str
    content_hash: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None

    @property
    def id(self) -> str:
        """A stable id for the document: the same bytes give the same id."""
        return f"doc-{self.content_hash[:32]}"


@dataclass(frozen=True)
class LoadReport:
    """What a batch load kept, and what it skipped (duplicates and unreadable files) and why."""

    documents: tuple[Document, ...]
    skipped: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Span:
    """A character span of the document text."""

    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """A name in the text: label PER, ORG, LOC, ... and the known entity it refers to, if any."""

    text: str
    label: str
    start: int
    end: int
    entity_id: str | None = None
    source: str = "ner"


@dataclass(frozen=True)
class Candidate:
    """A name that matched no known entity: a proposal for a new entity, with all its mentions."""

    name: str
    schema: str
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Figure:
    """A number stated in the text: '``qualifier`` ``value`` ``unit`` ``period``'."""

    value: float
    text: str
    start: int
    end: int
    sentence: Span
    qualifier: str | None = None
    unit: str | None = None
    period: str | None = None
    of: str | None = None


@dataclass(frozen=True)
class Role:
    """One argument of an event: role name (perpetrator, victim, ...), text and span."""

    role: str
    text: str
    start: int
    end: int
    entity_id: str | None = None
    method: str = "rules"
    """'rules', or 'model:<model id>' for a learnt role model's prediction."""
    probability: float | None = None
    """The model's probability for a predicted role."""


@dataclass(frozen=True)
class Event:
    """A typed event with its trigger, date, location, roles and count, all tied to the text."""

    type: str
    trigger: str
    start: int
    end: int
    sentence: Span
    date: str | None = None
    location: str | None = None
    roles: tuple[Role, ...] = ()
    count: Figure | None = None
    mentions: tuple[Span, ...] = ()
    """Trigger spans of later re-mentions of this event ('the attacks'), merged into it."""
    method: str = "rules"
    """'rules', or 'model:<model id>' for an attack inferred from a role model's predictions
    (its trigger is empty and its span is the sentence of the most probable filler)."""

    def fillers(self, role: str) -> list[str]:
        """The texts of the arguments in ``role``."""
        return [r.text for r in self.roles if r.role == role]


@dataclass
class Extraction:
    """Everything read from one document."""

    document: Document
    mentions: list[Mention] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
