"""Read the common fields of a UN consolidated list record into an entity."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from followthemoney import EntityProxy, model

from tansiq.watchlists.values import clean_country, clean_date, collapse

AUTHORITY = "United Nations Security Council"
ID_PREFIX = "unsc"

# Alias QUALITY -> FtM property. "f.k.a." (formerly known as) is a previous
# name, not a weak one: the person really used it. "Low" is the UN's own flag
# for a weak, low-quality alias.
ALIAS_PROPERTY = {
    "": "alias",
    "good": "alias",
    "a.k.a.": "alias",
    "low": "weakAlias",
    "f.k.a.": "previousName",
}

_ADDRESS_PARTS = ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")


def text(element: ET.Element, tag: str) -> str:
    """Return the whitespace-collapsed text of a child, or ""."""
    return collapse(element.findtext(tag))


def values(element: ET.Element, tag: str) -> list[str]:
    """Return the non-empty VALUE texts under a child such as NATIONALITY."""
    return [v for v in (collapse(x.text) for x in element.findall(f"{tag}/VALUE")) if v]


def joined(element: ET.Element, parts: tuple[str, ...]) -> str:
    """Join the non-empty child texts named in parts with ", "."""
    return ", ".join(v for v in (text(element, p) for p in parts) if v)


def alias_property(quality: str) -> str:
    """Map an alias QUALITY to alias, weakAlias or previousName."""
    return ALIAS_PROPERTY.get(quality.strip().lower(), "alias")


def add_aliases(entity: EntityProxy, record: ET.Element, tag: str) -> None:
    """Add every non-empty alias of a record with its quality."""
    for alias in record.findall(tag):
        name = text(alias, "ALIAS_NAME")
        if name:
            entity.add(alias_property(text(alias, "QUALITY")), name, cleaned=True)
        birth_date = clean_date(text(alias, "DATE_OF_BIRTH"))
        if birth_date and entity.schema.is_a("Person"):
            entity.add("birthDate", birth_date, cleaned=True)
        birth_place = joined(alias, ("CITY_OF_BIRTH", "COUNTRY_OF_BIRTH"))
        if birth_place and entity.schema.is_a("Person"):
            entity.add("birthPlace", birth_place, cleaned=True)


def add_addresses(entity: EntityProxy, record: ET.Element, tag: str) -> None:
    """Add each address as one string, and its country to `country`."""
    for address in record.findall(tag):
        full = joined(address, _ADDRESS_PARTS)
        if full:
            entity.add("address", full, cleaned=True)
        entity.add("country", clean_country(text(address, "COUNTRY")), cleaned=True)


def add_common(entity: EntityProxy, record: ET.Element, dataid: str) -> None:
    """Add the fields individuals and entities share: notes, program, topics."""
    entity.id = entity.make_id(ID_PREFIX, dataid)
    entity.add("notes", (record.findtext("COMMENTS1") or "").strip() or None, cleaned=True)
    entity.add("program", text(record, "UN_LIST_TYPE") or None, cleaned=True)
    entity.add("topics", "sanction", cleaned=True)


def make_sanction(entity: EntityProxy, record: ET.Element, dataid: str) -> EntityProxy:
    """Build the Sanction that lists an entity on the UN list."""
    sanction = model.make_entity("Sanction")
    sanction.id = sanction.make_id(ID_PREFIX, dataid, "sanction")
    sanction.add("entity", entity.id, cleaned=True)
    sanction.add("authority", AUTHORITY, cleaned=True)
    sanction.add("program", text(record, "UN_LIST_TYPE") or None, cleaned=True)
    reference = text(record, "REFERENCE_NUMBER") or None
    sanction.add("unscId", reference, cleaned=True)
    sanction.add("authorityId", reference, cleaned=True)
    listed = clean_date(text(record, "LISTED_ON"))
    sanction.add("listingDate", listed, cleaned=True)
    sanction.add("startDate", listed, cleaned=True)
    updated = sorted(filter(None, (clean_date(v) for v in values(record, "LAST_DAY_UPDATED"))))
    if updated:
        sanction.add("modifiedAt", updated[-1], cleaned=True)
    return sanction
