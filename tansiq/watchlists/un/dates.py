"""Read INDIVIDUAL_DATE_OF_BIRTH into birth dates plus a qualifier note.

FtM dates are ISO prefixes, so a year ("1966") already says "some day in 1966".
- EXACT with DATE or YEAR: that date or year.
- APPROXIMATELY with YEAR: the year, with a note "approximately 1966".
- BETWEEN FROM_YEAR and TO_YEAR: every year of the range (ranges longer than
  MAX_RANGE years give only the two bounds), with a note "between 1973 and 1974".
- NOTE only ("Nov. 1973", "30-35 years old"): a month-year is read as a date,
  anything else is kept as a note.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from tansiq.watchlists.un.fields import text
from tansiq.watchlists.values import clean_date, month_year

MAX_RANGE = 15


@dataclass
class BirthDates:
    """Birth dates read from one record, notes on their precision, and failures."""

    dates: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)


def read_birth_dates(record: ET.Element) -> BirthDates:
    """Read every INDIVIDUAL_DATE_OF_BIRTH of an INDIVIDUAL record."""
    result = BirthDates()
    for element in record.findall("INDIVIDUAL_DATE_OF_BIRTH"):
        _read_one(element, result)
    return result


def _read_one(element: ET.Element, result: BirthDates) -> None:
    kind = text(element, "TYPE_OF_DATE").upper()
    note = text(element, "NOTE")
    if kind == "BETWEEN":
        _read_between(element, result)
    for tag in ("DATE", "YEAR"):
        raw = text(element, tag)
        if not raw:
            continue
        value = clean_date(raw)
        if value is None:
            result.unreadable.append(raw)
            continue
        result.dates.append(value)
        if kind == "APPROXIMATELY":
            result.notes.append(f"Date of birth approximately {value}")
    if note:
        value = month_year(note) or clean_date(note)
        if value is not None:
            result.dates.append(value)
        else:
            result.notes.append(f"Date of birth: {note}")


def _read_between(element: ET.Element, result: BirthDates) -> None:
    start, end = text(element, "FROM_YEAR"), text(element, "TO_YEAR")
    if not (start.isdigit() and end.isdigit()):
        result.unreadable.append(f"between {start!r} and {end!r}")
        return
    low, high = sorted((int(start), int(end)))
    years = range(low, high + 1) if high - low <= MAX_RANGE else (low, high)
    result.dates.extend(str(year) for year in years)
    result.notes.append(f"Date of birth between {low} and {high}")
