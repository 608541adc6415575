"""Clean fictional travellers of many cultures whose names never collide with the watchlist."""

from __future__ import annotations

import random
from dataclasses import dataclass

from tansiq.demo.cultures import Culture, culture
from tansiq.demo.given_names import given_names
from tansiq.demo.people import WatchPerson, passport_number
from tansiq.demo.places import MAGHREB_NATIONALITIES, SAHEL_NATIONALITIES, city, weighted
from tansiq.demo.surnames import invent_surname
from tansiq.demo.variants import fold, surname_variants

CULTURE_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("maghreb", 30),
    ("sahel", 15),
    ("fr", 12),
    ("es", 5),
    ("pt", 3),
    ("it", 3),
    ("de", 4),
    ("nl", 3),
    ("en", 5),
    ("tr", 4),
    ("ng", 4),
    ("sn", 4),
    ("zh", 3),
    ("ja", 2),
    ("in", 3),
)


@dataclass(frozen=True)
class Traveller:
    """One passenger as an airline would report it."""

    first_name: str
    middle_name: str
    last_name: str
    gender: str
    date_of_birth: str
    place_of_birth: str
    nationality: str
    document_number: str


def forbidden_surnames(people: tuple[WatchPerson, ...]) -> set[str]:
    """Folded surnames (and their variants) of the watchlist: clean travellers avoid them."""
    keys: set[str] = set()
    for person in people:
        for name in (person.last_name, *surname_variants(person.last_name)):
            keys.add(fold(name))
    return keys


def _dob(rng: random.Random) -> str:
    return f"{rng.randint(1945, 2022)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _arab(rng: random.Random, region: str, gender: str) -> tuple[str, str, str, str]:
    table = SAHEL_NATIONALITIES if region == "sahel" else MAGHREB_NATIONALITIES
    given = rng.choice(given_names(gender, region))
    first = rng.choice((given.latin, *given.variants))
    middle = ""
    if gender == "male" and rng.random() < 0.15:
        middle = rng.choice(given_names("male", region)).latin
    return first, middle, invent_surname(rng, region).latin, weighted(rng, table)


def _other(rng: random.Random, culture: Culture, gender: str) -> tuple[str, str, str, str]:
    names = culture.male if gender == "male" else culture.female
    first = rng.choice(names)
    middle = rng.choice(names) if culture.code in ("en", "pt") and rng.random() < 0.35 else ""
    if middle == first:
        middle = ""
    return first, middle, culture.surname(rng), rng.choice(culture.countries)


def clean_traveller(rng: random.Random, forbidden: set[str], documents: set[str]) -> Traveller:
    """A traveller whose surname is none of the forbidden (folded) surnames."""
    code = weighted(rng, CULTURE_WEIGHTS)
    gender = "male" if rng.random() < 0.55 else "female"
    while True:
        if code in ("maghreb", "sahel"):
            first, middle, last, country = _arab(rng, code, gender)
        else:
            first, middle, last, country = _other(rng, culture(code), gender)
        if fold(last) not in forbidden:
            break
    return Traveller(
        first,
        middle,
        last,
        "M" if gender == "male" else "F",
        _dob(rng),
        city(rng, country),
        country.upper(),
        passport_number(rng, documents),
    )
