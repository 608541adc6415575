"""Invented watchlist persons: names, spelling variants, birth data, nationalities, passports."""

from __future__ import annotations

import random
from dataclasses import dataclass

from tansiq.demo.cultures import CONVERT_CULTURES, culture
from tansiq.demo.given_names import GivenName, given_names
from tansiq.demo.places import (
    CONVERT_COUNTRIES,
    DIASPORA,
    MAGHREB_NATIONALITIES,
    NISBAS,
    SAHEL_NATIONALITIES,
    city,
    weighted,
)
from tansiq.demo.surnames import Surname, unique_surname
from tansiq.demo.variants import surname_variants


@dataclass(frozen=True)
class PassportRecord:
    """A travel document of a watchlist person."""

    number: str
    country: str
    issued: str
    expires: str


@dataclass(frozen=True)
class WatchPerson:
    """A fictional watchlist person, before being turned into FtM entities."""

    index: int
    first_name: str
    middle_name: str | None
    last_name: str
    gender: str
    birth_date: str
    birth_place: str
    nationalities: tuple[str, ...]
    aliases: tuple[str, ...]
    arabic_name: str | None
    weak_aliases: tuple[str, ...]
    passports: tuple[PassportRecord, ...]

    @property
    def name(self) -> str:
        """The full name as listed."""
        return " ".join(p for p in (self.first_name, self.middle_name, self.last_name) if p)

    @property
    def birth_year(self) -> int:
        """Year of birth."""
        return int(self.birth_date[:4])

    @property
    def latin_aliases(self) -> tuple[str, ...]:
        """Aliases written in Latin script."""
        return tuple(a for a in self.aliases if not _has_arabic(a))


def _has_arabic(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in text)


def birth_date(rng: random.Random, first: int = 1965, last: int = 2004) -> str:
    """A birth date; about one in seven is known by year only."""
    year = rng.randint(first, last)
    if rng.random() < 0.15:
        return str(year)
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def passport_number(rng: random.Random, used: set[str]) -> str:
    """A unique passport number: two letters and seven digits."""
    while True:
        letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2))
        number = f"{letters}{rng.randint(0, 9_999_999):07d}"
        if number not in used:
            used.add(number)
            return number


def _passports(rng: random.Random, nats: tuple[str, ...], used: set[str]) -> list[PassportRecord]:
    out: list[PassportRecord] = []
    for pos, country in enumerate(nats):
        if rng.random() < (0.85 if pos == 0 else 0.4):
            year = rng.randint(2014, 2023)
            issued = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            expires = f"{year + 10}{issued[4:]}"
            out.append(PassportRecord(passport_number(rng, used), country, issued, expires))
    return out


def _nationalities(rng: random.Random, region: str) -> tuple[str, ...]:
    table = SAHEL_NATIONALITIES if region == "sahel" else MAGHREB_NATIONALITIES
    primary = weighted(rng, table)
    regional = {k for k, _ in table}
    origins = [c for c in DIASPORA.get(primary, ()) if c in regional]
    if origins and rng.random() < 0.6:
        return primary, rng.choice(origins)
    return (primary,)


def _latin_aliases(rng: random.Random, given: GivenName, surname: str) -> list[str]:
    firsts = [given.latin, *given.variants]
    lasts = [surname, *surname_variants(surname)]
    combos = [f"{f} {s}" for f in firsts for s in lasts if (f, s) != (given.latin, surname)]
    picked = rng.sample(combos, k=min(len(combos), rng.randint(2, 4)))
    if lasts[1:] and all(surname in p for p in picked):
        picked[-1] = f"{rng.choice(given.variants)} {rng.choice(lasts[1:])}"
    return picked


def _kunya(rng: random.Random, nisba: tuple[str, str] | None) -> tuple[str, str]:
    father = rng.choice(given_names("male", "maghreb"))
    latin, arabic = f"Abou {father.latin}", f"أبو {father.arabic}"
    if nisba is not None:
        latin, arabic = f"{latin} {nisba[0]}", f"{arabic} {nisba[1]}"
    return latin, arabic


@dataclass
class _Draft:
    index: int
    gender: str
    nationalities: tuple[str, ...]
    surname: Surname


def _arab_person(rng: random.Random, draft: _Draft, region: str, used: set[str]) -> WatchPerson:
    given = rng.choice(given_names(draft.gender, region))
    middle = None
    if draft.gender == "male" and rng.random() < 0.2:
        middle = rng.choice([g for g in given_names("male", region) if g != given]).latin
    arabic = f"{given.arabic} {draft.surname.arabic}" if rng.random() < 0.9 else None
    aliases = _latin_aliases(rng, given, draft.surname.latin)
    weak: tuple[str, ...] = ()
    if draft.gender == "male" and rng.random() < 0.25:
        weak = _kunya(rng, rng.choice(NISBAS) if rng.random() < 0.3 else None)
    return WatchPerson(
        index=draft.index,
        first_name=given.latin,
        middle_name=middle,
        last_name=draft.surname.latin,
        gender=draft.gender,
        birth_date=birth_date(rng),
        birth_place=city(rng, rng.choice(draft.nationalities)),
        nationalities=draft.nationalities,
        aliases=tuple(aliases + ([arabic] if arabic else [])),
        arabic_name=arabic,
        weak_aliases=weak,
        passports=tuple(_passports(rng, draft.nationalities, used)),
    )


def _convert(rng: random.Random, index: int, gender: str, used: _Used) -> WatchPerson:
    origin = culture(rng.choice(CONVERT_CULTURES))
    country = next(c for c in origin.countries if c in CONVERT_COUNTRIES)
    first = rng.choice(origin.male if gender == "male" else origin.female)
    last = origin.surname(rng)
    while last in used.surnames:
        last = origin.surname(rng)
    used.surnames.add(last)
    kunya, kunya_ar = _kunya(rng, rng.choice(NISBAS))
    return WatchPerson(
        index=index,
        first_name=first,
        middle_name=None,
        last_name=last,
        gender=gender,
        birth_date=birth_date(rng, 1975, 2002),
        birth_place=city(rng, country),
        nationalities=(country,),
        aliases=(f"{last} {first}",),
        arabic_name=None,
        weak_aliases=(kunya, kunya_ar),
        passports=tuple(_passports(rng, (country,), used.numbers)),
    )


@dataclass
class _Used:
    surnames: set[str]
    numbers: set[str]


def generate_people(rng: random.Random, count: int) -> tuple[WatchPerson, ...]:
    """Invent ``count`` watchlist persons with unique surnames and passport numbers."""
    used = _Used(set(), set())
    people: list[WatchPerson] = []
    for index in range(count):
        gender = "male" if rng.random() < 0.85 else "female"
        roll = rng.random()
        if roll < 0.06:
            people.append(_convert(rng, index, gender, used))
            continue
        region = "sahel" if roll < 0.36 else "maghreb"
        nats = _nationalities(rng, region)
        draft = _Draft(index, gender, nats, unique_surname(rng, region, used.surnames))
        people.append(_arab_person(rng, draft, region, used.numbers))
    return tuple(people)
