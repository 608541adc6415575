"""The shape every watchlist parser returns: entities plus non-fatal problems."""

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

    Entities are a list, not an iterator: watchlists are small (the UN list is
    about a thousand records, a 50,000-row CSV a few hundred MB at most), and a
    list lets callers read the problems only once parsing has finished.
    """

    entities: list[EntityProxy] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def of_schema(self, schema: str) -> list[EntityProxy]:
        """Return the entities of exactly this schema name."""
        return [e for e in self.entities if e.schema.name == schema]
