"""EDIFACT date/time values (DTM) to ISO strings, with century inference."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

# Format qualifier (2379) -> strptime pattern. Two-digit years get a century below.
FORMATS = {
    "101": "%y%m%d",
    "102": "%Y%m%d",
    "201": "%y%m%d%H%M",
    "203": "%Y%m%d%H%M",
    "204": "%Y%m%d%H%M%S",
}
_BY_LENGTH = {6: "101", 8: "102", 10: "201", 12: "203", 14: "204"}


@lru_cache(maxsize=8192)
def parse_dtm(value: str, fmt: str, reference_year: int, *, past: bool) -> str | None:
    """Return an ISO date or date-time, or None if the value is not a date.

    Two-digit years take the century that puts the date before the reference
    year when `past` (birth dates: 780706 in 2014 is 1978, 050101 is 2005), and
    otherwise the one within fifty years of it (expiry and flight dates).
    """
    value = value.strip()
    fmt = fmt if fmt in FORMATS else _BY_LENGTH.get(len(value), "")
    pattern = FORMATS.get(fmt)
    if pattern is None or not value.isdigit():
        return None
    if "%y" in pattern:
        value = _with_century(value, reference_year, past=past)
        pattern = pattern.replace("%y", "%Y")
    try:
        parsed = datetime.strptime(value, pattern)
    except ValueError:
        return None
    if "%H" in pattern:
        return parsed.isoformat(timespec="minutes" if "%S" not in pattern else "seconds")
    return parsed.date().isoformat()


def _with_century(value: str, reference_year: int, *, past: bool) -> str:
    two = int(value[:2])
    year = reference_year - reference_year % 100 + two
    latest = reference_year if past else reference_year + 50
    if year > latest:
        year -= 100
    elif not past and year <= reference_year - 50:
        year += 100
    return f"{year:04d}{value[2:]}"


MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


def parse_ddmmmyy(value: str, reference_year: int, *, past: bool) -> str | None:
    """Read an airline date (12JUL64, 12JUL1964) as an ISO date, or None.

    Two-digit years get their century as in `parse_dtm`.
    """
    value = value.strip().upper()
    if len(value) not in (7, 9) or value[2:5] not in MONTHS:
        return None
    day, year = value[:2], value[5:]
    if not (day.isdigit() and year.isdigit()):
        return None
    month = f"{MONTHS.index(value[2:5]) + 1:02d}"
    if len(year) == 4:
        return parse_dtm(year + month + day, "102", reference_year, past=past)
    return parse_dtm(year + month + day, "101", reference_year, past=past)


def parse_ddmmyy(day: str, time: str, reference_year: int) -> str | None:
    """Read a PNRGOV date (DDMMYY) and optional time (HHMM) as ISO, or None."""
    day, time = day.strip(), time.strip()
    if len(day) != 6 or not day.isdigit():
        return None
    ymd = day[4:] + day[2:4] + day[:2]
    if len(time) == 4 and time.isdigit():
        return parse_dtm(ymd + time, "201", reference_year, past=False)
    return parse_dtm(ymd, "101", reference_year, past=False)
