"""Read a traveller manifest from CSV.

Columns (headers are matched ignoring case, spaces and hyphens; see ALIASES):
id, full_name, first_name, middle_name, last_name, gender, date_of_birth,
place_of_birth, nationality, document_number, document_type, document_country,
document_expiry, flight, departure, arrival, date. Each row is one traveller
on one leg. Unknown columns are reported once and ignored.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from followthemoney import EntityProxy

from tansiq.domain.parsing import ParseResult, Problem
from tansiq.domain.values import clean_country, clean_date, clean_gender, split_values
from tansiq.exceptions import InvalidData
from tansiq.travel.traveller import Document, Leg, Traveller, airports, traveller_entities

FORMAT = "csv"
FIELDS = (
    "id",
    "full_name",
    "first_name",
    "middle_name",
    "last_name",
    "gender",
    "date_of_birth",
    "place_of_birth",
    "nationality",
    "document_number",
    "document_type",
    "document_country",
    "document_expiry",
    "flight",
    "departure",
    "arrival",
    "date",
)
ALIASES = {
    "name": "full_name",
    "given_name": "first_name",
    "given_names": "first_name",
    "surname": "last_name",
    "family_name": "last_name",
    "sex": "gender",
    "dob": "date_of_birth",
    "birth_date": "date_of_birth",
    "birth_place": "place_of_birth",
    "citizenship": "nationality",
    "passport_number": "document_number",
    "doc_number": "document_number",
    "document_no": "document_number",
    "doc_type": "document_type",
    "issuing_country": "document_country",
    "flight_number": "flight",
    "from": "departure",
    "origin": "departure",
    "to": "arrival",
    "destination": "arrival",
    "departure_date": "date",
    "flight_date": "date",
    "expiry": "document_expiry",
}
_DATES = ("date_of_birth", "document_expiry", "date")


def canonical(header: str) -> str:
    """Map a header to a field name, or "" if it is not one."""
    key = "_".join(header.strip().lower().replace("-", " ").split())
    key = ALIASES.get(key, key)
    return key if key in FIELDS else ""


def parse_manifest_csv(
    path: str | Path, *, dataset: str | None = None, strict: bool = False
) -> ParseResult:
    """Parse a CSV manifest. Bad values are Problems by line (InvalidData if strict)."""
    path = Path(path)
    result = ParseResult()
    seen: dict[str, EntityProxy] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        headers = [canonical(h) for h in next(reader, [])]
        if not any(headers):
            raise InvalidData("no known column in the header", source=path.name, line=1)
        line = 2
        for row in reader:
            record = {h: v.strip() for h, v in zip(headers, row, strict=False) if h and v.strip()}
            if record:
                _row(result, seen, path.name, line, record, dataset or path.stem, strict)
            line = reader.line_num + 1
    return result


def _row(
    result: ParseResult,
    seen: dict[str, EntityProxy],
    source: str,
    line: int,
    record: dict[str, str],
    dataset: str,
    strict: bool,
) -> None:
    errors: list[tuple[str, str]] = []
    traveller, leg = _read(record, errors)
    if not traveller.name:
        errors.append(("full_name", "row has no name; skipped"))
    for column, reason in errors:
        if strict:
            raise InvalidData(reason, source=source, line=line, field=column)
        result.problems.append(Problem(source, f"line {line}", f"{column}: {reason}"))
    if not traveller.name:
        return
    legs = [leg] if leg.flight or leg.departure or leg.arrival else []
    entities = traveller_entities(traveller, legs, dataset)
    if traveller.source_id:
        result.references[str(entities[0].id)] = traveller.source_id
    for entity in [*entities, *airports(legs)]:
        if entity.id in seen:
            seen[str(entity.id)].merge(entity)
        else:
            seen[str(entity.id)] = entity
            result.entities.append(entity)


def _read(record: dict[str, str], errors: list[tuple[str, str]]) -> tuple[Traveller, Leg]:
    dates = {f: _date(record, f, errors) for f in _DATES}
    traveller = Traveller(
        surname=record.get("last_name", ""),
        given_names=[record[f] for f in ("first_name", "middle_name") if f in record],
        full_name=record.get("full_name", ""),
        source_id=record.get("id", ""),
        gender=_cleaned(record, "gender", clean_gender, errors),
        birth_date=dates["date_of_birth"],
        birth_place=record.get("place_of_birth", ""),
    )
    for value in split_values(record.get("nationality", "")):
        country = clean_country(value)
        if country is None:
            errors.append(("nationality", f"unknown country {value!r}"))
        traveller.nationalities.extend([country] if country else [])
    if "document_number" in record:
        traveller.documents.append(_document(record, dates["document_expiry"], errors))
    leg = Leg(
        flight=record.get("flight", "").upper(),
        departure=record.get("departure", "").upper(),
        arrival=record.get("arrival", "").upper(),
        departure_time=dates["date"],
    )
    return traveller, leg


def _document(
    record: dict[str, str], expiry: str | None, errors: list[tuple[str, str]]
) -> Document:
    return Document(
        number=record["document_number"],
        kind=record.get("document_type", ""),
        country=_cleaned(record, "document_country", clean_country, errors),
        expiry=expiry,
    )


def _date(record: dict[str, str], column: str, errors: list[tuple[str, str]]) -> str | None:
    return _cleaned(record, column, clean_date, errors)


def _cleaned(
    record: dict[str, str],
    column: str,
    cleaner: Callable[[str], str | None],
    errors: list[tuple[str, str]],
) -> str | None:
    raw = record.get(column)
    if not raw:
        return None
    value = cleaner(raw)
    if value is None:
        errors.append((column, f"invalid value {raw!r}"))
    return value
