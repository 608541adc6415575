"""A passenger manifest: clean travellers plus watchlist persons under spelling variants."""

from __future__ import annotations

import csv
import io
import random
import unicodedata
from dataclasses import dataclass, replace

from tansiq.demo.given_names import GIVEN_NAMES
from tansiq.demo.people import WatchPerson, passport_number
from tansiq.demo.records import ManifestHit
from tansiq.demo.travellers import Traveller, clean_traveller, forbidden_surnames
from tansiq.demo.variants import surname_variants
from tansiq.demo.watchlist import person_id

HEADER = (
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
    "flight",
    "departure",
    "arrival",
    "date",
)
# flight, departure, arrival, date, reported in upper-case ASCII?
FLIGHTS: tuple[tuple[str, str, str, str, bool], ...] = (
    ("SMA201", "CMN", "CDG", "2025-11-03", False),
    ("SMA202", "CDG", "CMN", "2025-11-03", False),
    ("SMA310", "CMN", "BKO", "2025-11-04", False),
    ("SMA311", "BKO", "CMN", "2025-11-04", True),
    ("SMA415", "CMN", "BRU", "2025-11-05", False),
    ("SMA520", "CMN", "DSS", "2025-11-05", False),
    ("SMA605", "CMN", "NIM", "2025-11-06", True),
    ("SMA730", "CMN", "MAD", "2025-11-06", False),
    ("SMA840", "IST", "CMN", "2025-11-07", True),
    ("SMA912", "TUN", "CMN", "2025-11-07", False),
)
HIT_KINDS = (
    ("spelling",) * 4
    + ("spelling+passport",) * 4
    + ("birth_year_off_by_one",) * 3
    + ("birth_year_off_by_one+passport", "swapped_names", "swapped_names", "year_only_dob")
)
TOTAL = 500


@dataclass(frozen=True)
class _Row:
    traveller: Traveller
    hit: tuple[str, str] | None  # (watchlist entity id, variation)


def _variant_names(rng: random.Random, person: WatchPerson) -> tuple[str, str]:
    given = next(g for g in GIVEN_NAMES if g.latin == person.first_name)
    first = rng.choice(given.variants)
    last = rng.choice(surname_variants(person.last_name) or [person.last_name])
    return first, last


def _dob(rng: random.Random, person: WatchPerson, kind: str) -> str:
    year = person.birth_year + (rng.choice((-1, 1)) if "off_by_one" in kind else 0)
    rest = person.birth_date[4:] or f"-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return f"{year}{rest}"


def _hit(rng: random.Random, person: WatchPerson, kind: str, docs: set[str]) -> _Row:
    first, last = _variant_names(rng, person)
    if kind == "swapped_names":
        first, last = last, first
    passport = person.passports[0] if "passport" in kind else None
    number = passport.number if passport else passport_number(rng, docs)
    country = passport.country if passport else person.nationalities[0]
    middle = (person.middle_name or "") if rng.random() < 0.5 else ""
    traveller = Traveller(
        first,
        middle,
        last,
        "M" if person.gender == "male" else "F",
        _dob(rng, person, kind),
        person.birth_place,
        country.upper(),
        number,
    )
    return _Row(traveller, (person_id(person), kind))


def variant_traveller(
    rng: random.Random, person: WatchPerson, kind: str, docs: set[str]
) -> Traveller:
    """A watchlist person as an airline would report them, under a variation (HIT_KINDS)."""
    return _hit(rng, person, kind, docs).traveller


def variant_candidates(people: tuple[WatchPerson, ...]) -> list[WatchPerson]:
    """Watchlist persons with a passport and a full birth date whose given name has variants."""
    known = {g.latin for g in GIVEN_NAMES}
    return [p for p in people if p.first_name in known and p.passports and len(p.birth_date) > 4]


def _pick_hits(
    rng: random.Random, people: tuple[WatchPerson, ...]
) -> list[tuple[WatchPerson, str]]:
    known = {g.latin for g in GIVEN_NAMES}
    pool = [p for p in people if p.first_name in known]
    year_only = [p for p in pool if len(p.birth_date) == 4]
    with_passport = [p for p in pool if p.passports and len(p.birth_date) > 4]
    chosen = [rng.choice(year_only)]
    others = rng.sample([p for p in with_passport if p not in chosen], k=len(HIT_KINDS) - 1)
    chosen += others
    kinds = [HIT_KINDS[-1], *HIT_KINDS[:-1]]
    return list(zip(chosen, kinds, strict=True))


def _ascii_upper(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper()


def _line(pax: str, row: _Row, flight: tuple[str, str, str, str, bool]) -> list[str]:
    t = row.traveller
    if flight[4]:
        t = replace(
            t,
            first_name=_ascii_upper(t.first_name),
            last_name=_ascii_upper(t.last_name),
            middle_name=_ascii_upper(t.middle_name),
            place_of_birth=_ascii_upper(t.place_of_birth),
        )
    full = " ".join(p for p in (t.first_name, t.middle_name, t.last_name) if p)
    return [
        pax,
        full,
        t.first_name,
        t.middle_name,
        t.last_name,
        t.gender,
        t.date_of_birth,
        t.place_of_birth,
        t.nationality,
        t.document_number,
        *flight[:4],
    ]


def make_manifest(
    rng: random.Random, people: tuple[WatchPerson, ...]
) -> tuple[str, tuple[ManifestHit, ...]]:
    """The manifest CSV text and the ground truth of which rows are watchlist persons."""
    docs = {p.number for person in people for p in person.passports}
    rows = [_hit(rng, person, kind, docs) for person, kind in _pick_hits(rng, people)]
    forbidden = forbidden_surnames(people)
    rows += [_Row(clean_traveller(rng, forbidden, docs), None) for _ in range(TOTAL - len(rows))]
    placed = sorted(
        ((rng.randrange(len(FLIGHTS)), rng.random(), row) for row in rows),
        key=lambda item: (item[0], item[1]),
    )
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    hits: list[ManifestHit] = []
    for number, (flight, _, row) in enumerate(placed, start=1):
        pax = f"PAX-{number:04d}"
        writer.writerow(_line(pax, row, FLIGHTS[flight]))
        if row.hit:
            hits.append(ManifestHit(pax, row.hit[0], row.hit[1]))
    return out.getvalue(), tuple(hits)
