"""Field readers for PNRGOV segments: names (TIF), SSR DOCS and INFT texts, flights (TVL).

Each function reads one segment or free text and returns plain values, or a
reason when the value is unreadable. Titles are dropped from given names:
reservation systems write them after the name, spaced ("ISABELLE MRS") or glued
("JOHNMR"); a glued title is dropped only once and only with at least two
letters left ("AMR" stays).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from tansiq.travel.edifact.dates import parse_ddmmmyy, parse_ddmmyy
from tansiq.travel.edifact.tokenizer import Segment
from tansiq.travel.traveller import Leg

TITLES = frozenset({"MR", "MRS", "MS", "MISS", "MSTR", "MASTER", "DR", "PROF", "REV", "SIR"})
GLUED_TITLES = ("MSTR", "MISS", "MRS", "MR", "MS")  # longest first; not DR (ALEKSANDR)
PLACEHOLDER_SURNAMES = frozenset({"TBA", "TBN"})  # "to be advised/named": nobody yet
INFANT_GENDERS = {"MI": "M", "FI": "F"}
_AIRPORT = re.compile(r"^[A-Z]{3}$")
_DOCS_FIELDS = 9  # "" (before the first slash), type .. surname; the names after are optional


@dataclass(frozen=True)
class TifName:
    """A TIF segment: the traveller's names as booked, type and reference."""

    surname: str
    given: str  # raw, title included
    kind: str  # A adult, C child, IN infant...
    reference: str
    is_group: bool


@dataclass
class Docs:
    """The fields of an SSR DOCS text (passport or identity data)."""

    kind: str = ""
    issuer: str = ""
    number: str = ""
    nationality: str = ""
    birth_date: str | None = None
    gender: str = ""
    infant: bool = False
    expiry: str | None = None
    surname: str = ""
    given: str = ""
    middle: str = ""
    problems: list[str] = field(default_factory=list)


def read_tif(seg: Segment) -> list[TifName]:
    """Read TIF+SURNAME[:qualifier]+GIVEN:type:reference[:infant indicator][+GIVEN:...].

    The traveller details may repeat (several travellers of one surname).
    """
    is_group = seg.get(0, 1).upper() == "G"
    return [
        TifName(seg.get(0), seg.get(i), seg.get(i, 1).upper(), seg.get(i, 2), is_group)
        for i in range(1, max(2, len(seg.elements)))
    ]


def split_given(given: str, glued_title: str = "") -> list[str]:
    """Split given names into words without titles; `glued_title` is also cut from the end."""
    words = [w for w in given.upper().split() if w not in TITLES]
    if words and glued_title and words[-1].endswith(glued_title):
        rest = words[-1][: -len(glued_title)]
        words[-1:] = [rest] if len(rest) >= 2 else words[-1:]
    return words


def glued_title(given: str) -> str:
    """The title glued to the last given name ("JOHNMR" -> "MR"), or ""."""
    words = given.upper().split()
    if not words or words[-1] in TITLES:
        return ""
    last = words[-1]
    return next((t for t in GLUED_TITLES if last.endswith(t) and len(last) - len(t) >= 2), "")


def ssr_text(seg: Segment) -> str:
    """The free text of an SSR (component 9 of its first element)."""
    text = seg.get(0, 8)
    if not text and seg.elements:
        text = next((c for c in reversed(seg.elements[0]) if "/" in c), "")
    return text


def read_docs(text: str, reference_year: int) -> Docs | str:
    """Read /type/issuer/number/nationality/birth/gender/expiry/surname/given[/middle]."""
    parts = [p.strip() for p in text.strip().split("/")]
    if len(parts) < _DOCS_FIELDS or parts[0]:
        return f"SSR DOCS: unreadable text {text[:40]!r}"
    kind, issuer, number, nationality, birth, gender, expiry, surname = parts[1:9]
    docs = Docs(kind.upper(), issuer, number, nationality, surname=surname.upper())
    docs.given, docs.middle = (*(p.upper() for p in parts[9:11]), "", "")[:2]
    docs.infant = gender.upper() in INFANT_GENDERS
    docs.gender = INFANT_GENDERS.get(gender.upper(), gender.upper())
    docs.birth_date = _docs_date(docs, "birth date", birth, reference_year, past=True)
    docs.expiry = _docs_date(docs, "expiry", expiry, reference_year + 10, past=True)
    return docs


def _docs_date(docs: Docs, what: str, value: str, year: int, *, past: bool) -> str | None:
    if not value:
        return None
    parsed = parse_ddmmmyy(value, year, past=past)
    if parsed is None:
        docs.problems.append(f"SSR DOCS: invalid {what} {value!r}")
    return parsed


def read_inft(text: str, reference_year: int) -> tuple[str, list[str], str | None] | None:
    """Read an SSR INFT text "SURNAME/GIVEN 20SEP12": surname, given names, birth date."""
    if "/" not in text:
        return None
    surname, _, rest = text.partition("/")
    words = rest.upper().split()
    birth = parse_ddmmmyy(words[-1], reference_year, past=True) if words else None
    if birth is not None:
        words = words[:-1]
    given = [w for w in words if w not in TITLES]
    return (surname.strip().upper(), given, birth) if surname.strip() else None


def read_tvl(seg: Segment, reference_year: int) -> Leg | str | None:
    """Read a flight leg; None for a TVL that is no flight between airports.

    The first element holds dates (DDMMYY) and times (HHMM): departure date,
    departure time, arrival date, arrival time, any of them left out.
    """
    departure, arrival = seg.get(1).upper(), seg.get(2).upper()
    if not (_AIRPORT.match(departure) and _AIRPORT.match(arrival)):
        return None
    carrier = seg.get(3, 1) or seg.get(3)  # the operating carrier flies the number
    leg = Leg(flight=f"{carrier}{seg.get(4)}", departure=departure, arrival=arrival)
    stamps = _stamps(seg.elements[0] if seg.elements else ())
    if isinstance(stamps, str):
        return stamps
    dep_date, dep_time, arr_date, arr_time = stamps
    leg.departure_time = parse_ddmmyy(dep_date, dep_time, reference_year) if dep_date else None
    if arr_date or (dep_date and arr_time):
        leg.arrival_time = parse_ddmmyy(arr_date or dep_date, arr_time, reference_year)
        leg.arrival_time = _overnight(leg.departure_time, leg.arrival_time, bool(arr_date))
    if (dep_date and leg.departure_time is None) or (arr_date and leg.arrival_time is None):
        return f"TVL: invalid date {dep_date if leg.departure_time is None else arr_date!r}"
    return leg


def _stamps(components: tuple[str, ...]) -> tuple[str, str, str, str] | str:
    """Departure date, departure time, arrival date, arrival time ("" when absent).

    Some senders leave the arrival date out and put the arrival time in its
    place (280918:1220:1505); a four-digit third value is read as a time.
    """
    padded = (*(c.strip() for c in components[:4]), "", "", "", "")
    dep_date, dep_time, arr_date, arr_time = padded[:4]
    if len(arr_date) == 4 and not arr_time:
        arr_date, arr_time = "", arr_date
    for value, size in ((dep_date, 6), (dep_time, 4), (arr_date, 6), (arr_time, 4)):
        if value and (len(value) != size or not value.isdigit()):
            return f"TVL: invalid date or time {value!r}"
    return dep_date, dep_time, arr_date, arr_time


def _overnight(departure: str | None, arrival: str | None, dated: bool) -> str | None:
    """Move an undated arrival earlier than the departure to the next day."""
    if dated or departure is None or arrival is None or arrival >= departure:
        return arrival
    return (datetime.fromisoformat(arrival) + timedelta(days=1)).isoformat(timespec="minutes")
