"""Turn INDIVIDUAL_DOCUMENT elements into Passport and Identification entities.

The UN NUMBER field is free text ("CAR diplomatic passport no. D00000898",
"563210184 (Expires 18 Jun. 2018)"). The number is cut out of it; the raw
text is kept in the document's description whenever it differs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from followthemoney import EntityProxy, model

from tansiq.watchlists.un.fields import ID_PREFIX, joined, text
from tansiq.watchlists.values import clean_country, clean_date

_TYPE_TAIL = re.compile(r"\s*(?:\bnumber\b|\bno\b\.?|:)*\s*$", re.IGNORECASE)
_PASSPORT_WORDS = ("passport", "passeport", "pasaporte")
_PARENTHESES = re.compile(r"\([^)]*\)|“[^”]*”")
_KEYWORD = re.compile(r"(?:\bno\b\.?|\bnumber\b|n°|:)\s*", re.IGNORECASE)
_CUT = re.compile(r"\b(?:issued|expire[sd]?|valid|under name|made out)\b.*", re.IGNORECASE)
_CODE_TOKEN = re.compile(r"^(?=.*\d)[\w/.\-°]+$|^[A-Z]{1,3}$")


def extract_number(raw: str) -> str | None:
    """Cut a document number out of the UN's free text, or return None."""
    text_ = _CUT.sub("", " ".join(_PARENTHESES.sub(" ", raw).split()))
    parts = [p for p in text_.split(", ") if any(c.isdigit() for c in p)]
    if not parts:
        return None
    text_ = parts[0]
    pieces = _KEYWORD.split(text_)
    if len(pieces) > 1 and any(c.isdigit() for c in pieces[-1]):
        text_ = pieces[-1]
    if not any(c.islower() for c in text_):
        return text_.strip(" .") or None
    return _trailing_code(text_)


def _trailing_code(text_: str) -> str | None:
    tokens = text_.split()
    kept: list[str] = []
    for token in reversed(tokens):
        if not _CODE_TOKEN.match(token):
            break
        kept.insert(0, token)
    while kept and not any(c.isdigit() for c in kept[-1]):
        kept.pop()
    return " ".join(kept) or None


def is_passport(kind: str) -> bool:
    """Tell whether a TYPE_OF_DOCUMENT names a passport."""
    return any(word in kind.lower() for word in _PASSPORT_WORDS)


def make_document(
    person: EntityProxy, element: ET.Element, dataid: str, index: int
) -> EntityProxy | None:
    """Build the document entity and add its number to the person.

    Returns None for an empty element or one with no recognisable number;
    the text of the latter is kept in the person's notes.
    """
    kind = text(element, "TYPE_OF_DOCUMENT")
    detail = _TYPE_TAIL.sub("", text(element, "TYPE_OF_DOCUMENT2"))
    raw = text(element, "NUMBER")
    note = text(element, "NOTE")
    number = extract_number(raw) if raw else None
    if number is None and note:
        number = extract_number(note)
    if number is None:
        if raw or note:
            person.add("notes", f"Document: {' '.join(filter(None, (kind, raw, note)))}")
        return None
    passport = is_passport(kind)
    doc = model.make_entity("Passport" if passport else "Identification")
    doc.id = doc.make_id(ID_PREFIX, dataid, "document", str(index))
    doc.add("holder", person.id, cleaned=True)
    doc.add("number", number, cleaned=True)
    doc.add("type", [t for t in (kind, detail) if t], cleaned=True)
    doc.add("startDate", clean_date(text(element, "DATE_OF_ISSUE")), cleaned=True)
    for tag in ("ISSUING_COUNTRY", "COUNTRY_OF_ISSUE"):
        doc.add("country", clean_country(text(element, tag)), cleaned=True)
    doc.add("authority", joined(element, ("CITY_OF_ISSUE",)) or None, cleaned=True)
    description = "; ".join(v for v in (raw if raw != number else "", note) if v)
    doc.add("description", description or None, cleaned=True)
    person.add("passportNumber" if passport else "idNumber", number, cleaned=True)
    return doc
