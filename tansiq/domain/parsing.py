"""The shape every list or manifest parser returns: entities plus non-fatal problems."""

from __future__ import annotations

from dataclasses import dataclass, field

from followthemoney import EntityProxy


@dataclass(frozen=True)
class Problem:
    """A non-fatal problem: the rest of the file still parses."""

    source: str
    location: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source} ({self.location}): {self.reason}"


@dataclass
class ParseResult:
    """Entities parsed from one file, in file order, and the problems met.

    Entities are a list, not an iterator: watchlists and manifests fit in memory
    (the UN list is about a thousand records, a manifest a few hundred travellers),
    and a list lets callers read the problems once parsing has finished.
    """

    entities: list[EntityProxy] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    references: dict[str, str] = field(default_factory=dict)
    """Entity id -> the record's own reference in the file (a manifest's ``id`` column)."""

    def of_schema(self, schema: str) -> list[EntityProxy]:
        """Return the entities of exactly this schema name."""
        return [e for e in self.entities if e.schema.name == schema]
