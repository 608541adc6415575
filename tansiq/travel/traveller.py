"""Travellers, documents and flight legs, and the FtM entities they become.

Each traveller becomes a Person, one Passport or Identification per document,
and one Trip per flight leg. Trip (FtM >= 4) needs start and end locations as
Address entities: airports become Address entities whose id derives only from
the IATA code, so every manifest shares them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from followthemoney import EntityProxy, model

PASSPORT_CODES = ("P",)
# EDIFACT document name codes (1001) as used in API manifests.
DOCUMENT_TYPES = {
    "P": "Passport",
    "V": "Visa",
    "I": "Identity card",
    "ID": "Identity card",
    "A": "Identity card",
    "C": "Identity card",
    "AC": "Crew member certificate",
    "M": "Military identification",
    "F": "Facilitation document",
}


@dataclass
class Document:
    """A travel document as declared."""

    number: str
    kind: str = ""  # e.g. "P", "Passport", "V"
    country: str | None = None
    expiry: str | None = None
    issued: str | None = None

    @property
    def is_passport(self) -> bool:
        """True for passports (EDIFACT code P*, or a kind containing "passport")."""
        kind = self.kind.strip().upper()
        return kind.startswith(PASSPORT_CODES) or "PASSPORT" in kind


@dataclass
class Leg:
    """One flight leg: flight number, airports and local times."""

    flight: str = ""
    departure: str = ""
    arrival: str = ""
    departure_time: str | None = None
    arrival_time: str | None = None


@dataclass
class Traveller:
    """One passenger or crew member as read from a manifest."""

    surname: str = ""
    given_names: list[str] = field(default_factory=list)
    full_name: str = ""
    role: str = "passenger"
    source_id: str = ""
    gender: str | None = None
    birth_date: str | None = None
    birth_place: str = ""
    nationalities: list[str] = field(default_factory=list)
    residence: str | None = None
    address: str = ""
    embarkation: str = ""
    debarkation: str = ""
    documents: list[Document] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # other spellings, e.g. as booked
    record_locators: list[str] = field(default_factory=list)  # PNR locators of the booking

    @property
    def name(self) -> str:
        """The full name, or given names followed by the surname."""
        return self.full_name or " ".join([*self.given_names, self.surname]).strip()


def legs_travelled(traveller: Traveller, legs: list[Leg]) -> list[Leg]:
    """Return the legs between the traveller's embarkation and debarkation.

    When those ports do not match the legs (or are unknown), every leg counts.
    """
    starts = [i for i, leg in enumerate(legs) if leg.departure == traveller.embarkation]
    ends = [i for i, leg in enumerate(legs) if leg.arrival == traveller.debarkation]
    if not starts or not ends or starts[0] > ends[-1]:
        return legs
    return legs[starts[0] : ends[-1] + 1]


def traveller_entities(traveller: Traveller, legs: list[Leg], dataset: str) -> list[EntityProxy]:
    """Build the Person, document and Trip entities of a traveller (not airports)."""
    person = make_person(traveller, dataset)
    entities = [person]
    entities.extend(make_document(person, doc, dataset) for doc in traveller.documents)
    entities.extend(
        make_trip(person, traveller, leg, dataset) for leg in legs_travelled(traveller, legs)
    )
    return entities


def make_person(traveller: Traveller, dataset: str) -> EntityProxy:
    """Build the Person; its id hashes the name, birth date and document numbers."""
    person = model.make_entity("Person")
    numbers = sorted(d.number for d in traveller.documents)
    key = traveller.source_id or "|".join([traveller.name, traveller.birth_date or "", *numbers])
    person.id = person.make_id(dataset, "traveller", key)
    person.add("name", traveller.name, cleaned=True)
    person.add("alias", traveller.aliases, cleaned=True)
    person.add("lastName", traveller.surname or None, cleaned=True)
    person.add("firstName", traveller.given_names[:1], cleaned=True)
    person.add("middleName", traveller.given_names[1:], cleaned=True)
    person.add("gender", traveller.gender, cleaned=True)
    person.add("birthDate", traveller.birth_date, cleaned=True)
    person.add("birthPlace", traveller.birth_place or None, cleaned=True)
    person.add("nationality", traveller.nationalities, cleaned=True)
    person.add("country", traveller.residence, cleaned=True)
    person.add("address", traveller.address or None, cleaned=True)
    return person


def make_document(person: EntityProxy, doc: Document, dataset: str) -> EntityProxy:
    """Build a Passport or Identification held by the person."""
    entity = model.make_entity("Passport" if doc.is_passport else "Identification")
    entity.id = entity.make_id(dataset, "document", person.id, doc.kind, doc.number, doc.country)
    entity.add("holder", person.id, cleaned=True)
    entity.add("number", doc.number, cleaned=True)
    entity.add("type", DOCUMENT_TYPES.get(doc.kind.upper(), doc.kind) or None, cleaned=True)
    entity.add("country", doc.country, cleaned=True)
    entity.add("endDate", doc.expiry, cleaned=True)
    entity.add("startDate", doc.issued, cleaned=True)
    person.add("passportNumber" if doc.is_passport else "idNumber", doc.number, cleaned=True)
    return entity


def make_airport(code: str) -> EntityProxy:
    """Build the Address entity standing for an airport (IATA code)."""
    airport = model.make_entity("Address")
    airport.id = airport.make_id("airport", code.upper())
    airport.add("full", code.upper(), cleaned=True)
    airport.add("summary", "Airport", cleaned=True)
    return airport


@lru_cache(maxsize=4096)
def airport_id(code: str) -> str:
    """The id of an airport's Address entity (see `make_airport`)."""
    return str(make_airport(code).id)


def airports(legs: list[Leg]) -> list[EntityProxy]:
    """Build one Address entity per distinct airport of the legs."""
    codes = dict.fromkeys(c.upper() for leg in legs for c in (leg.departure, leg.arrival) if c)
    return [make_airport(code) for code in codes]


def make_trip(person: EntityProxy, traveller: Traveller, leg: Leg, dataset: str) -> EntityProxy:
    """Build the Trip of a person on one leg (airports: see `airports`)."""
    trip = model.make_entity("Trip")
    trip.id = trip.make_id(
        dataset, "trip", person.id, leg.flight, leg.departure, leg.arrival, leg.departure_time
    )
    trip.add("name", f"{leg.flight or 'Flight'} {leg.departure or '?'}-{leg.arrival or '?'}")
    trip.add("involved", person.id, cleaned=True)
    if leg.departure:
        trip.add("startLocation", airport_id(leg.departure), cleaned=True)
    if leg.arrival:
        trip.add("endLocation", airport_id(leg.arrival), cleaned=True)
    trip.add("startDate", leg.departure_time, cleaned=True)
    trip.add("endDate", leg.arrival_time, cleaned=True)
    trip.add("keywords", [k for k in (leg.flight, traveller.role) if k], cleaned=True)
    trip.add("notes", traveller.references, cleaned=True)
    trip.add("recordId", traveller.record_locators, cleaned=True)
    return trip
