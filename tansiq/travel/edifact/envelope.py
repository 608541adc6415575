"""The EDIFACT envelope shared by PAXLST and PNRGOV: interchanges, groups, messages.

`EnvelopeReader` checks UNB/UNG/UNH ... UNT/UNE/UNZ (message type, segment
counts, references) and hands every segment of a message of the expected type
to a fresh `Body`. Problems are located as "message 2, segment 17 (DOC)": the
message's ordinal in the file and the segment's position in its message (UNH
is 1). A broken segment or message is a Problem; the rest of the file still
parses, and the travellers of a truncated message are kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from followthemoney import EntityProxy

from tansiq.domain.parsing import ParseResult, Problem
from tansiq.exceptions import InvalidData
from tansiq.travel.edifact.tokenizer import Segment, tokenize
from tansiq.travel.traveller import Leg, Traveller, airports, traveller_entities

ENVELOPE_TAGS = ("UNB", "UNG", "UNH", "UNT", "UNE", "UNZ")


@dataclass
class Boarding:
    """A traveller of a message, the legs of the message, and their reference in it."""

    traveller: Traveller
    legs: list[Leg]
    reference: str = ""  # the traveller's reference in the file, "" for none


class Body(Protocol):
    """The interpreter of one message body."""

    def handle(self, segment: Segment) -> str | None:
        """Apply one segment; return None or the reason it could not be used."""

    def closing_problems(self) -> list[str]:
        """Problems found once the whole message is read (declared counts)."""

    def parties(self) -> Iterable[Boarding]:
        """The travellers of the message with their legs."""


@dataclass
class _Message:
    number: int
    reference: str
    body: Body
    segments: int = 1  # UNH itself
    skip: bool = False  # not of the expected type


@dataclass
class _Envelope:
    reference_year: int = field(default_factory=lambda: date.today().year)
    in_interchange: bool = False
    groups: int = 0
    group_messages: int = 0
    interchange_messages: int = 0
    messages: int = 0


class EnvelopeReader:
    """Feed segments in file order; collect entities and problems.

    `message_type` is the UNH type read (PAXLST, PNRGOV); `new_body` makes the
    body interpreter of a message from the interchange's reference year.
    """

    def __init__(
        self,
        source: str,
        dataset: str,
        *,
        message_type: str,
        new_body: Callable[[int], Body],
        strict: bool = False,
    ) -> None:
        self.source, self.dataset, self.strict = source, dataset, strict
        self.message_type, self.new_body = message_type, new_body
        self.result = ParseResult()
        self.seen: dict[str, EntityProxy] = {}
        self.env = _Envelope()
        self.message: _Message | None = None

    def problem(self, segment: Segment, reason: str) -> None:
        """Record a Problem at a segment (InvalidData when strict)."""
        if self.strict:
            raise InvalidData(reason, source=self.source, line=segment.line, field=segment.tag)
        if self.message is not None:
            where = f"message {self.message.number}, segment {self.message.segments}"
        else:
            where = f"line {segment.line}"
        label = segment.tag or "text"
        self.result.problems.append(Problem(self.source, f"{where} ({label})", reason))

    def feed(self, segment: Segment) -> None:
        """Apply one segment."""
        if self.message is not None:
            self.message.segments += segment.tag != "UNH"
        if segment.error:
            self.problem(segment, segment.error)
            return
        if segment.tag in ENVELOPE_TAGS:
            getattr(self, f"_{segment.tag.lower()}")(segment)
        elif self.message is None:
            self.problem(segment, f"{segment.tag} outside a message")
        elif not self.message.skip:
            reason = self.message.body.handle(segment)
            if reason:
                self.problem(segment, reason)

    def read(self, text: str) -> ParseResult:
        """Feed every segment of a text and return the result."""
        last: Segment | None = None
        for segment in tokenize(text):
            self.feed(segment)
            last = segment
        return self.finish(last)

    def finish(self, last: Segment | None) -> ParseResult:
        """Close whatever the file left open and return the result."""
        if self.message is not None and last is not None:
            self.problem(last, f"message {self.message.number} truncated: no UNT")
            self._close_message()
        if self.env.in_interchange and last is not None:
            self.problem(last, "interchange truncated: no UNZ")
        return self.result

    def _unb(self, seg: Segment) -> None:
        if self.env.in_interchange:
            self.problem(seg, "UNB before the previous interchange's UNZ")
        prepared = seg.get(3)
        if len(prepared) == 6 and prepared.isdigit():
            self.env.reference_year = 2000 + int(prepared[:2])
        self.env.in_interchange, self.env.groups, self.env.interchange_messages = True, 0, 0

    def _ung(self, seg: Segment) -> None:
        self.env.groups += 1
        self.env.group_messages = 0

    def _unh(self, seg: Segment) -> None:
        if self.message is not None:
            self.problem(seg, f"message {self.message.number} has no UNT")
            self._close_message()
        self.env.messages += 1
        self.env.group_messages += 1
        self.env.interchange_messages += 1
        body = self.new_body(self.env.reference_year)
        self.message = _Message(self.env.messages, seg.get(0), body)
        if seg.get(1) != self.message_type:
            reason = f"message type {seg.get(1)!r} is not {self.message_type}; message skipped"
            self.problem(seg, reason)
            self.message.skip = True

    def _unt(self, seg: Segment) -> None:
        message = self.message
        if message is None:
            self.problem(seg, "UNT without UNH")
            return
        declared = seg.get(0)
        if not declared.isdigit() or int(declared) != message.segments:
            self.problem(seg, f"UNT declares {declared!r} segments, message has {message.segments}")
        if seg.get(1) != message.reference:
            self.problem(
                seg, f"UNT reference {seg.get(1)!r} differs from UNH {message.reference!r}"
            )
        if not message.skip:
            for reason in message.body.closing_problems():
                self.problem(seg, reason)
        self._close_message()

    def _une(self, seg: Segment) -> None:
        self._check_count(seg, self.env.group_messages, "messages in the group")

    def _unz(self, seg: Segment) -> None:
        expected = self.env.groups or self.env.interchange_messages
        self._check_count(seg, expected, "groups" if self.env.groups else "messages")
        self.env.in_interchange = False

    def _check_count(self, seg: Segment, found: int, what: str) -> None:
        declared = seg.get(0)
        if not declared.isdigit() or int(declared) != found:
            self.problem(seg, f"{seg.tag} declares {declared!r} {what}, found {found}")

    def _close_message(self) -> None:
        message, self.message = self.message, None
        if message is None or message.skip:
            return
        legs: list[Leg] = []
        for party in message.body.parties():
            entities = traveller_entities(party.traveller, party.legs, self.dataset)
            if party.reference:
                self.result.references.setdefault(str(entities[0].id), party.reference)
            for entity in entities:
                self._emit(entity)
            legs.extend(party.legs)
        for airport in airports(legs):
            self._emit(airport)

    def _emit(self, entity: EntityProxy) -> None:
        if entity.id in self.seen:
            self.seen[entity.id].merge(entity)
            return
        self.seen[str(entity.id)] = entity
        self.result.entities.append(entity)
