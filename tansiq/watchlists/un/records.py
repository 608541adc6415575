"""Build FtM entities from one INDIVIDUAL or ENTITY record of the UN list."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from followthemoney import EntityProxy, model

from tansiq.watchlists.un.dates import read_birth_dates
from tansiq.watchlists.un.documents import make_document
from tansiq.watchlists.un.fields import (
    add_addresses,
    add_aliases,
    add_common,
    joined,
    make_sanction,
    text,
    values,
)
from tansiq.watchlists.values import clean_country, clean_gender

NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
_PLACE_PARTS = ("STREET", "CITY", "STATE_PROVINCE", "COUNTRY")


class RecordError(ValueError):
    """A record that cannot become an entity; reported as a Problem."""


def _dataid(record: ET.Element) -> str:
    dataid = text(record, "DATAID")
    if not dataid:
        raise RecordError("record has no DATAID")
    return dataid


def build_individual(record: ET.Element) -> tuple[list[EntityProxy], list[str]]:
    """Return the Person, its documents and Sanction, plus unreadable values."""
    dataid = _dataid(record)
    person = model.make_entity("Person")
    add_common(person, record, dataid)
    name = " ".join(v for v in (text(record, p) for p in NAME_PARTS) if v)
    if not name:
        raise RecordError(f"individual {dataid} has no name")
    person.add("name", name, cleaned=True)
    person.add("alias", text(record, "NAME_ORIGINAL_SCRIPT") or None, cleaned=True)
    add_aliases(person, record, "INDIVIDUAL_ALIAS")
    person.add("title", values(record, "TITLE"), cleaned=True)
    person.add("position", values(record, "DESIGNATION"), cleaned=True)
    for nationality in values(record, "NATIONALITY"):
        person.add("nationality", clean_country(nationality), cleaned=True)
    person.add("gender", clean_gender(text(record, "GENDER")), cleaned=True)
    add_addresses(person, record, "INDIVIDUAL_ADDRESS")
    _add_birth_places(person, record)
    births = read_birth_dates(record)
    person.add("birthDate", births.dates, cleaned=True)
    person.add("notes", births.notes, cleaned=True)
    documents = _documents(person, record, dataid)
    unreadable = [f"date of birth {v!r}" for v in births.unreadable]
    return [person, *documents, make_sanction(person, record, dataid)], unreadable


def _add_birth_places(person: EntityProxy, record: ET.Element) -> None:
    for place in record.findall("INDIVIDUAL_PLACE_OF_BIRTH"):
        full = joined(place, _PLACE_PARTS)
        person.add("birthPlace", full or None, cleaned=True)
        person.add("birthCountry", clean_country(text(place, "COUNTRY")), cleaned=True)
        note = text(place, "NOTE")
        person.add("notes", f"Place of birth: {note}" if note else None, cleaned=True)


def _documents(person: EntityProxy, record: ET.Element, dataid: str) -> list[EntityProxy]:
    documents: list[EntityProxy] = []
    elements = [e for e in record.findall("INDIVIDUAL_DOCUMENT") if len(e)]
    for index, element in enumerate(elements):
        document = make_document(person, element, dataid, index)
        if document is not None:
            documents.append(document)
    return documents


def build_organization(record: ET.Element) -> tuple[list[EntityProxy], list[str]]:
    """Return the Organization and its Sanction for an ENTITY record."""
    dataid = _dataid(record)
    org = model.make_entity("Organization")
    add_common(org, record, dataid)
    name = text(record, "FIRST_NAME")
    if not name:
        raise RecordError(f"entity {dataid} has no name")
    org.add("name", name, cleaned=True)
    org.add("alias", text(record, "NAME_ORIGINAL_SCRIPT") or None, cleaned=True)
    add_aliases(org, record, "ENTITY_ALIAS")
    add_addresses(org, record, "ENTITY_ADDRESS")
    return [org, make_sanction(org, record, dataid)], []
