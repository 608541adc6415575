"""Interpret the body of one PAXLST message: flight legs and travellers.

`MessageBody.handle(segment)` returns None, or the reason the segment could
not be used; the caller turns reasons into Problems and carries on.
"""

from __future__ import annotations

from collections.abc import Callable

from tansiq.domain.values import clean_country, clean_gender
from tansiq.travel.edifact.dates import parse_dtm
from tansiq.travel.edifact.envelope import Boarding
from tansiq.travel.edifact.tokenizer import Segment
from tansiq.travel.traveller import Document, Leg, Traveller

ROLES = {"FL": "passenger", "DDT": "passenger", "FM": "crew", "DDU": "crew"}
COUNT_ROLES = {"42": "passenger", "41": "crew"}
PLURALS = {"passenger": "passengers", "crew": "crew members"}


class MessageBody:
    """The legs and travellers of one message, built segment by segment."""

    def __init__(self, reference_year: int) -> None:
        self.reference_year = reference_year
        self.legs: list[Leg] = []
        self.travellers: list[Traveller] = []
        self.current: Traveller | None = None
        self.in_party = False  # after a NAD+FL/FM, even a discarded one
        self.document: Document | None = None
        self.declared: dict[str, int] = {}
        self._handlers: dict[str, Callable[[Segment], str | None]] = {
            "TDT": self._tdt,
            "LOC": self._loc,
            "DTM": self._dtm,
            "NAD": self._nad,
            "ATT": self._att,
            "NAT": self._nat,
            "DOC": self._doc,
            "RFF": self._rff,
            "CNT": self._cnt,
        }

    def handle(self, segment: Segment) -> str | None:
        """Apply one body segment; unknown tags (BGM, COM, FTX...) are ignored."""
        handler = self._handlers.get(segment.tag)
        return None if handler is None else handler(segment)

    def closing_problems(self) -> list[str]:
        """Compare CNT totals with the travellers actually listed."""
        problems = []
        for qualifier, declared in self.declared.items():
            role = COUNT_ROLES[qualifier]
            found = sum(1 for t in self.travellers if t.role == role)
            if found != declared:
                problems.append(
                    f"CNT+{qualifier} declares {declared} {PLURALS[role]}, found {found}"
                )
        return problems

    def parties(self) -> list[Boarding]:
        """Every traveller with the message's legs (each keeps the legs travelled)."""
        return [Boarding(traveller, self.legs) for traveller in self.travellers]

    def _tdt(self, seg: Segment) -> str | None:
        self.in_party, self.current, self.document = False, None, None
        flight = seg.get(1)
        self.legs.append(Leg(flight=flight))
        return None if flight else "TDT without a flight number"

    def _loc(self, seg: Segment) -> str | None:
        qualifier, place = seg.get(0), seg.get(1) or seg.get(1, 3)
        if not place:
            return f"LOC+{qualifier} without a place"
        if not self.in_party:
            return self._leg_location(qualifier, place)
        if self.current is None:
            return None
        return self._party_location(self.current, qualifier, place)

    def _leg_location(self, qualifier: str, place: str) -> str | None:
        if qualifier not in ("125", "87", "92"):
            return None
        if not self.legs:
            return f"LOC+{qualifier} before any TDT"
        leg = self.legs[-1]
        if qualifier == "125" or (qualifier == "92" and not leg.departure):
            leg.departure = place.upper()
        else:
            leg.arrival = place.upper()
        return None

    def _party_location(self, who: Traveller, qualifier: str, place: str) -> str | None:
        if qualifier == "174":
            who.residence = clean_country(place)
        elif qualifier == "178":
            who.embarkation = place.upper()
        elif qualifier == "179":
            who.debarkation = place.upper()
        elif qualifier == "180":
            who.birth_place = place
        elif qualifier == "91":
            if self.document is None:
                return "LOC+91 (issuing country) outside a DOC group"
            self.document.country = clean_country(place)
        return None

    def _dtm(self, seg: Segment) -> str | None:
        qualifier = seg.get(0)
        if qualifier not in ("189", "232", "329", "36", "182"):
            return None
        past = qualifier in ("329", "182")  # birth and issue dates lie in the past
        value = parse_dtm(seg.get(0, 1), seg.get(0, 2), self.reference_year, past=past)
        if value is None:
            return f"DTM+{qualifier}: invalid date {seg.get(0, 1)!r}"
        return self._set_date(qualifier, value)

    def _set_date(self, qualifier: str, value: str) -> str | None:
        if qualifier in ("189", "232"):
            if self.in_party or not self.legs:
                return f"DTM+{qualifier} outside a flight leg"
            leg = self.legs[-1]
            if qualifier == "189":
                leg.departure_time = value
            else:
                leg.arrival_time = value
        elif qualifier == "329":
            if self.in_party and self.current is not None:
                self.current.birth_date = value
            elif not self.in_party:
                return "DTM+329 (birth date) before any traveller"
        elif self.document is not None:
            if qualifier == "36":
                self.document.expiry = value
            else:
                self.document.issued = value
        elif not self.in_party:
            return f"DTM+{qualifier} outside a DOC group"
        return None

    def _nad(self, seg: Segment) -> str | None:
        role = ROLES.get(seg.get(0))
        self.document = None
        self.current = None
        self.in_party = role is not None
        if role is None:
            return None
        names = [n for n in seg.elements[3] if n] if len(seg.elements) > 3 else []
        if not names and seg.get(2):
            names = [seg.get(2)]
        if not names:
            return f"NAD+{seg.get(0)} without a name; traveller skipped"
        address = ", ".join(v for v in (seg.get(i) for i in range(4, 9)) if v)
        self.current = Traveller(surname=names[0], given_names=names[1:], role=role)
        self.current.address = address
        self.travellers.append(self.current)
        return None

    def _party(self, seg: Segment) -> Traveller | str | None:
        if not self.in_party:
            return f"{seg.tag} before any traveller (NAD)"
        return self.current

    def _att(self, seg: Segment) -> str | None:
        who = self._party(seg)
        if not isinstance(who, Traveller):
            return who
        if seg.get(0) == "2":
            who.gender = clean_gender(seg.get(2))
        return None

    def _nat(self, seg: Segment) -> str | None:
        who = self._party(seg)
        if not isinstance(who, Traveller):
            return who
        country = clean_country(seg.get(1))
        if country is None:
            return f"NAT: unknown country {seg.get(1)!r}"
        who.nationalities.append(country)
        return None

    def _doc(self, seg: Segment) -> str | None:
        who = self._party(seg)
        self.document = None
        if not isinstance(who, Traveller):
            return who
        if not seg.get(1):
            return "DOC without a document number"
        self.document = Document(number=seg.get(1), kind=seg.get(0))
        who.documents.append(self.document)
        return None

    def _rff(self, seg: Segment) -> str | None:
        if self.in_party and self.current is not None and seg.get(0, 1):
            self.current.references.append(f"{seg.get(0)}:{seg.get(0, 1)}")
        return None

    def _cnt(self, seg: Segment) -> str | None:
        qualifier, value = seg.get(0), seg.get(0, 1) or seg.get(1)  # tolerate CNT+41+8
        if qualifier in COUNT_ROLES:
            if not value.isdigit():
                return f"CNT+{qualifier}: not a number {value!r}"
            self.declared[qualifier] = int(value)
        return None
