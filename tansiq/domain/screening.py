"""Screening records: screenings (jobs), alerts, human decisions, and cleared pairs.

A traveller is never flagged by the machine: an alert is a question for a person, and only a
decision of ``match`` says that a traveller is the listed person.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from tansiq.exceptions import InvalidData

IDENTITY_PROPS = (
    "name",
    "alias",
    "firstName",
    "middleName",
    "lastName",
    "birthDate",
    "gender",
    "nationality",
    "passportNumber",
    "idNumber",
)


class Decision(StrEnum):
    """What a reviewer says of an alert."""

    MATCH = "match"
    NO_MATCH = "no_match"
    UNSURE = "unsure"

    @classmethod
    def parse(cls, text: str) -> Decision:
        key = text.strip().lower().replace("-", "_").replace(" ", "_")
        key = {"not_a_match": "no_match", "nomatch": "no_match", "cleared": "no_match"}.get(
            key, key
        )
        for decision in cls:
            if decision.value == key:
                return decision
        raise InvalidData("decision must be match, no_match or unsure", field="decision")


class AlertStatus(StrEnum):
    """Where an alert stands in the review queue."""

    OPEN = "open"
    MATCH = "match"
    NO_MATCH = "no_match"
    UNSURE = "unsure"

    @property
    def needs_review(self) -> bool:
        return self in (AlertStatus.OPEN, AlertStatus.UNSURE)

    @classmethod
    def parse_many(
        cls, values: Iterable[str] | None, default: tuple[AlertStatus, ...] | None = None
    ) -> tuple[AlertStatus, ...]:
        """Statuses from user input; none given means ``default`` (the review queue)."""
        try:
            found = tuple(cls(v) for v in values or ())
        except ValueError:
            raise InvalidData(
                "status must be open, unsure, match or no_match", field="status"
            ) from None
        queue = (cls.OPEN, cls.UNSURE) if default is None else default
        return found or queue


class ScreeningStatus(StrEnum):
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


@dataclass
class Screening:
    """One screening run: a manifest or a single person against watchlist datasets."""

    id: str
    created_at: str
    actor: str
    organisation: str
    source: str
    against: list[str]
    algorithm: str
    threshold: float
    status: ScreeningStatus = ScreeningStatus.RUNNING
    total: int = 0
    processed: int = 0
    alert_count: int = 0
    suppressed: int = 0
    problems: list[str] = field(default_factory=list)
    traveller_dataset: str | None = None
    finished_at: str | None = None
    error: str | None = None


@dataclass
class Alert:
    """A possible match of a traveller with a watchlist entry, waiting for a human decision."""

    id: str
    screening_id: str
    traveller_id: str
    traveller: dict[str, Any]
    entity_id: str
    score: float
    algorithm: str
    explanation: dict[str, Any]
    fingerprint: str
    tlp: str
    classification: str | None
    created_at: str
    status: AlertStatus = AlertStatus.OPEN
    decided_at: str | None = None
    decided_by: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class DecisionRecord:
    """One decision in an alert's history."""

    alert_id: str
    decision: Decision
    reason: str
    actor: str
    organisation: str
    decided_at: str


def identity_key(entity: Mapping[str, Any]) -> dict[str, list[str]]:
    """The identifying values of an FtM entity dict, sorted, for fingerprints."""
    props = entity.get("properties", {})
    return {p: sorted({str(v) for v in props.get(p, [])}) for p in IDENTITY_PROPS if props.get(p)}


def pair_fingerprint(
    traveller: Mapping[str, Any], candidate: Mapping[str, Any], organisation: str = ""
) -> str:
    """Same traveller data against the same list entry (id and data), asked by the same
    organisation: the same question. One agency's decision never silences another's alerts."""
    body = {
        "organisation": organisation,
        "traveller": identity_key(traveller),
        "entry": candidate.get("id"),
        "entry_data": identity_key(candidate),
    }
    text = json.dumps(body, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
