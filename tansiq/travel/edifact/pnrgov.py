"""Read IATA PNRGOV messages (versions 10 to 13): the travellers of each booking.

A message holds a header (MSG, ORG, the flight pushed as TVL, EQN: how many
PNRs) and one SRC group per PNR: RCI (record locators), TIF (a traveller: names
as booked, type, reference) with SSR DOCS (passport data), TVL (the flight legs
booked), then check-in (TRI), non-air segments (MSG+8) and history (ABI, SAC),
which add nobody. Each traveller becomes a Person with Passport/Identification
and a Trip per leg of their PNR, the record locator kept as the Trip's
`recordId`. Infants (TIF type IN, or only SSR INFT or a DOCS with gender MI/FI)
are travellers of their own. Contact, payment, seat, meal and fare data are
read past: they identify no one and are no risk features.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tansiq.domain.parsing import ParseResult
from tansiq.domain.values import clean_country, clean_gender
from tansiq.travel.edifact.envelope import Boarding, EnvelopeReader
from tansiq.travel.edifact.pnr_fields import (
    PLACEHOLDER_SURNAMES,
    Docs,
    TifName,
    glued_title,
    read_docs,
    read_inft,
    read_tif,
    read_tvl,
    split_given,
    ssr_text,
)
from tansiq.travel.edifact.tokenizer import Segment
from tansiq.travel.traveller import Document, Leg, Traveller

# Where in a PNR a segment stands decides what its TIF, SSR and TVL mean.
BOOKING, CHECKIN, NON_AIR, HISTORY = "booking", "check-in", "non-air", "history"
INFANT = "infant"


@dataclass
class Booked:
    """A traveller of a PNR with what the PNR says of them."""

    traveller: Traveller
    reference: str  # TIF reference, "" when none
    booked_title: str = ""  # the title glued to the booked given name, if any
    named_by_docs: bool = False  # the first DOCS names win; later spellings are aliases


@dataclass
class Pnr:
    """One SRC group: locators, travellers and legs."""

    locators: list[str] = field(default_factory=list)
    travellers: list[Booked] = field(default_factory=list)
    legs: list[Leg] = field(default_factory=list)
    current: Booked | None = None
    part: str = BOOKING

    def by_reference(self, reference: str) -> Booked | None:
        """The traveller with this TIF reference."""
        return next((b for b in self.travellers if reference and b.reference == reference), None)


class PnrBody:
    """The PNRs of one PNRGOV message, built segment by segment."""

    def __init__(self, reference_year: int) -> None:
        self.reference_year = reference_year
        self.flights: list[Leg] = []  # the header's TVL: the flight pushed
        self.pnrs: list[Pnr] = []
        self.declared: int | None = None
        self._handlers: dict[str, Callable[[Segment], str | None]] = {
            "SRC": self._src,
            "EQN": self._eqn,
            "RCI": self._rci,
            "TIF": self._tif,
            "SSR": self._ssr,
            "TVL": self._tvl,
            "MSG": self._msg,
            "TRI": self._part(CHECKIN),
            "ABI": self._part(HISTORY),
            "SAC": self._part(HISTORY),
        }

    def handle(self, segment: Segment) -> str | None:
        """Apply one segment; the others (ORG, DAT, ADD, FOP, IFT, LTS...) are read past."""
        handler = self._handlers.get(segment.tag)
        return None if handler is None else handler(segment)

    def closing_problems(self) -> list[str]:
        """Compare the header's EQN with the PNRs found."""
        if self.declared is None or self.declared == len(self.pnrs):
            return []
        return [f"EQN declares {self.declared} PNRs, found {len(self.pnrs)}"]

    def parties(self) -> list[Boarding]:
        """Every traveller with the legs of their PNR (the pushed flight if it lists none).

        Each traveller is given the PNR's locators; one with neither birth date
        nor document is keyed by locator and reference, not merged by name.
        """
        parties = []
        for pnr in self.pnrs:
            legs = pnr.legs or self.flights
            locator = pnr.locators[0] if pnr.locators else ""
            for booked in pnr.travellers:
                reference = f"{locator}/{booked.reference}" if locator else booked.reference
                who = booked.traveller
                who.record_locators = pnr.locators
                if not who.birth_date and not who.documents:  # too little to merge on
                    who.source_id = reference
                parties.append(Boarding(booked.traveller, legs, reference))
        return parties

    @property
    def pnr(self) -> Pnr | None:
        """The PNR being read, if any."""
        return self.pnrs[-1] if self.pnrs else None

    def _part(self, part: str) -> Callable[[Segment], str | None]:
        def enter(seg: Segment) -> str | None:
            if self.pnr is not None:
                self.pnr.part = part
            return None

        return enter

    def _src(self, seg: Segment) -> str | None:
        self.pnrs.append(Pnr())
        return None

    def _eqn(self, seg: Segment) -> str | None:
        if self.pnr is not None:  # a split PNR's count inside a PNR: nothing to check
            return None
        if not seg.get(0).isdigit():
            return f"EQN: not a number {seg.get(0)!r}"
        self.declared = int(seg.get(0))
        return None

    def _msg(self, seg: Segment) -> str | None:
        if self.pnr is not None and seg.get(0) == "8":
            self.pnr.part = NON_AIR
        return None

    def _rci(self, seg: Segment) -> str | None:
        pnr = self.pnr
        if pnr is None:
            return "RCI before any PNR (SRC)"
        if pnr.locators or pnr.part != BOOKING:
            return None  # a split PNR's or the operating carrier's locator
        found = (e[:2] for e in seg.elements if len(e) > 1 and e[1])  # airline, locator
        pnr.locators = [
            f"{airline}:{locator}" if airline else locator for airline, locator in found
        ]
        return None if pnr.locators else "RCI without a record locator"

    def _tif(self, seg: Segment) -> str | None:
        pnr = self.pnr
        if pnr is None:
            return "TIF before any PNR (SRC)"
        if pnr.part != BOOKING:
            return None  # check-in and history name travellers already listed
        pnr.current = None
        reasons = [self._book(pnr, tif) for tif in read_tif(seg) if not tif.is_group]
        return "; ".join(r for r in reasons if r) or None

    def _book(self, pnr: Pnr, tif: TifName) -> str | None:
        """Add the traveller a TIF names, and make them the current one."""
        surname = tif.surname.strip().upper()
        if not surname:
            return "TIF without a surname; traveller skipped"
        if surname in PLACEHOLDER_SURNAMES:
            return f"TIF {surname}: a placeholder name, nobody to screen"
        title = glued_title(tif.given)
        given = split_given(tif.given, title)
        if tif.kind == "IN":  # the infant may be known already from the adult's SSRs
            pnr.current = self._infant_of(pnr, None, surname, given)
            pnr.current.reference = tif.reference or pnr.current.reference
            return None
        pnr.current = Booked(Traveller(surname=surname, given_names=given), tif.reference, title)
        pnr.travellers.append(pnr.current)
        return None

    def _ssr(self, seg: Segment) -> str | None:
        pnr = self.pnr
        code = seg.get(0).upper()
        if pnr is None or pnr.part in (NON_AIR, HISTORY) or code not in ("DOCS", "INFT"):
            return None
        owner = self._owner(pnr, seg)
        if owner is None:
            return f"SSR {code} names no traveller of the PNR"
        if code == "INFT":
            return self._inft(pnr, owner, ssr_text(seg))
        docs = read_docs(ssr_text(seg), self.reference_year)
        if isinstance(docs, str):
            return docs
        given = split_given(docs.given)
        holder = self._infant_of(pnr, owner, docs.surname, given) if docs.infant else owner
        apply_docs(holder, docs)
        return "; ".join(docs.problems) or None

    def _owner(self, pnr: Pnr, seg: Segment) -> Booked | None:
        """The traveller an SSR speaks of: by reference, else the TIF it follows."""
        reference = seg.get(1, 2)
        if reference:
            return pnr.by_reference(reference)
        if pnr.current is not None:
            return pnr.current
        return pnr.travellers[0] if len(pnr.travellers) == 1 else None

    def _inft(self, pnr: Pnr, owner: Booked, text: str) -> str | None:
        infant = read_inft(text, self.reference_year)
        if infant is None:
            return f"SSR INFT: unreadable text {text[:40]!r}"
        surname, given, birth = infant
        booked = self._infant_of(pnr, owner, surname, given)
        booked.traveller.birth_date = booked.traveller.birth_date or birth
        return None

    def _infant_of(self, pnr: Pnr, adult: Booked | None, surname: str, given: list[str]) -> Booked:
        """The PNR's infant of these names, added if the PNR has none yet.

        Names compare without spaces: long SSRs are wrapped, and a wrap can
        leave a space inside a name ("BEL T").
        """
        wanted = _compact(surname, *given[:1])
        for booked in pnr.travellers:
            who = booked.traveller
            if who.role == INFANT and _compact(who.surname, *who.given_names[:1]) == wanted:
                return booked
        reference = f"{adult.reference}I" if adult is not None and adult.reference else ""
        infant = Booked(Traveller(surname=surname, given_names=given, role=INFANT), reference)
        pnr.travellers.append(infant)
        return infant

    def _tvl(self, seg: Segment) -> str | None:
        pnr = self.pnr
        if pnr is not None and pnr.part in (NON_AIR, HISTORY):
            return None
        leg = read_tvl(seg, self.reference_year)
        if not isinstance(leg, Leg):
            return leg
        legs = self.flights if pnr is None else pnr.legs
        if leg not in legs:
            legs.append(leg)
        if pnr is not None:
            pnr.part, pnr.current = BOOKING, None
        return None


def _compact(*names: str) -> str:
    return "/".join("".join(n.split()) for n in names)


def apply_docs(booked: Booked, docs: Docs) -> None:
    """Add what a DOCS says to a traveller: passport names first, the booked ones as alias."""
    who = booked.traveller
    if docs.surname:
        given = split_given(docs.given, booked.booked_title) + split_given(docs.middle)
        if booked.named_by_docs:
            _add_alias(who, " ".join([*given, docs.surname]))
        else:
            booked_name = who.name
            who.surname, who.given_names, booked.named_by_docs = docs.surname, given, True
            _add_alias(who, booked_name)
    who.birth_date = who.birth_date or docs.birth_date  # the first DOCS wins here too
    who.gender = who.gender or clean_gender(docs.gender)
    nationality = clean_country(docs.nationality) if docs.nationality else None
    if nationality and nationality not in who.nationalities:
        who.nationalities.append(nationality)
    if docs.number:
        _add_document(who, docs)


def _add_alias(who: Traveller, name: str) -> None:
    if name and name != who.name and name not in who.aliases:
        who.aliases.append(name)


def _add_document(who: Traveller, docs: Docs) -> None:
    country = clean_country(docs.issuer) if docs.issuer else None
    for known in who.documents:
        if known.number == docs.number and known.kind == docs.kind:
            known.country = known.country or country
            known.expiry = known.expiry or docs.expiry
            return
    who.documents.append(Document(docs.number, docs.kind, country, docs.expiry))


def parse_pnrgov_text(
    text: str, *, source: str = "<pnrgov>", dataset: str = "pnrgov", strict: bool = False
) -> ParseResult:
    """Parse PNRGOV text (one or more interchanges)."""
    reader = EnvelopeReader(source, dataset, message_type="PNRGOV", new_body=PnrBody, strict=strict)
    return reader.read(text)
