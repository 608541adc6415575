"""A synthetic, clearly fictional FtM world for benchmarks: entity JSON lines with a fixed seed.

Every name is invented from syllables; every id starts with ``bench-``; every entity carries a
note saying it is fictional. The file holds Persons (names, aliases, birth dates, nationalities,
passport numbers), Organizations, Passports, Memberships and Associates, in the proportions of a
small watchlist-like dataset. Generation stops as soon as ``target`` statements are reached;
a statement is one property value, plus one per entity for its existence (as Tansiq and
nomenklatura both count them).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

SEED = 20240611
NOTE = "Fictional entity generated for the Tansiq benchmark; it describes no real person."


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


ONSETS = _words("b d f g h k l m n p r s t v z ch sh th kh br dr gr kr tr vr zh")
VOWELS = _words("a e i o u a e i o ai ei ou")
CODAS = ("", "", "", "n", "r", "l", "s", "k", "m", "th", "sh", "x")
COUNTRIES = _words(
    "fr de it es nl be pt at ch se no dk fi ie gb pl cz gr tr ma dz tn eg jo lb iq sy sa ye "
    "ae om qa kw ir af pk in bd id my ph ng ne ml td so ke et sd ly mr sn"
)
ROLES = ("member", "treasurer", "recruiter", "spokesperson", "courier", "founder", "director")
SECTORS = ("Trading", "Relief", "Logistics", "Brotherhood", "Front", "Foundation", "Circle")
RELATIONS = ("associate", "business partner", "travel companion", "cousin", "neighbour")
PERSONS_PER_ORG = 25
ASSOCIATE_RATE = 0.4


def _word(rng: random.Random, low: int = 2, high: int = 3) -> str:
    parts = []
    for _ in range(rng.randint(low, high)):
        parts.append(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS))
    return "".join(parts).capitalize()


def _date(rng: random.Random, start: int, end: int) -> str:
    return f"{rng.randint(start, end)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _count(entity: dict[str, Any]) -> int:
    return 1 + sum(len(values) for values in entity["properties"].values())


@dataclass
class World:
    """What was generated: counts, and the ids and names to sample queries from."""

    path: Path
    statements: int = 0
    entities: int = 0
    ids: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    schemata: dict[str, int] = field(default_factory=dict)


class _Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.orgs: list[str] = []
        self.persons: list[str] = []

    def person(self, n: int) -> tuple[dict[str, Any], str]:
        rng = self.rng
        first, last = _word(rng), _word(rng, 2, 4)
        name = f"{first} {last}"
        aliases = [f"{first[0]}. {last}", f"Abu {_word(rng)}"][: rng.randint(1, 2)]
        props: dict[str, list[str]] = {
            "name": [name],
            "alias": aliases,
            "firstName": [first],
            "lastName": [last],
            "birthDate": [_date(rng, 1950, 2004)],
            "nationality": rng.sample(COUNTRIES, rng.randint(1, 2)),
            "passportNumber": [f"X{n:08d}"],
            "gender": [rng.choice(("male", "female"))],
            "notes": [NOTE],
        }
        return {"id": f"bench-person-{n}", "schema": "Person", "properties": props}, name

    def organization(self, n: int) -> tuple[dict[str, Any], str]:
        rng = self.rng
        name = f"{_word(rng)} {rng.choice(SECTORS)}"
        props = {
            "name": [name],
            "alias": [f"{_word(rng, 1, 2)} Group"],
            "country": [rng.choice(COUNTRIES)],
            "incorporationDate": [_date(rng, 1980, 2022)],
            "registrationNumber": [f"REG-{n:07d}"],
            "notes": [NOTE],
        }
        return {"id": f"bench-org-{n}", "schema": "Organization", "properties": props}, name

    def passport(self, n: int, holder: str) -> dict[str, Any]:
        rng = self.rng
        props = {
            "holder": [holder],
            "number": [f"X{n:08d}"],
            "country": [rng.choice(COUNTRIES)],
            "type": ["ordinary"],
            "startDate": [_date(rng, 2010, 2018)],
            "endDate": [_date(rng, 2020, 2030)],
        }
        return {"id": f"bench-passport-{n}", "schema": "Passport", "properties": props}

    def membership(self, n: int, member: str, org: str) -> dict[str, Any]:
        props = {
            "member": [member],
            "organization": [org],
            "role": [self.rng.choice(ROLES)],
            "startDate": [_date(self.rng, 1995, 2023)],
        }
        return {"id": f"bench-membership-{n}", "schema": "Membership", "properties": props}

    def associate(self, n: int, person: str, other: str) -> dict[str, Any]:
        props = {
            "person": [person],
            "associate": [other],
            "relationship": [self.rng.choice(RELATIONS)],
        }
        return {"id": f"bench-associate-{n}", "schema": "Associate", "properties": props}

    def entities(self) -> Iterator[tuple[dict[str, Any], str | None]]:
        """An endless stream of (entity, name or None), each person with its satellites."""
        n = 0
        while True:
            if n % PERSONS_PER_ORG == 0:
                org, org_name = self.organization(len(self.orgs))
                self.orgs.append(org["id"])
                yield org, org_name
            person, name = self.person(n)
            pid = person["id"]
            yield person, name
            yield self.passport(n, pid), None
            yield self.membership(n, pid, self.rng.choice(self.orgs)), None
            if self.persons and self.rng.random() < ASSOCIATE_RATE:
                yield self.associate(n, pid, self.rng.choice(self.persons)), None
            self.persons.append(pid)
            n += 1


def generate(path: Path, target: int, seed: int = SEED) -> World:
    """Write entity JSON lines to ``path`` until at least ``target`` statements are in it."""
    world = World(path)
    gen = _Generator(seed)
    with path.open("wb") as out:
        for entity, name in gen.entities():
            if world.statements >= target:
                break
            out.write(orjson.dumps(entity) + b"\n")
            world.statements += _count(entity)
            world.entities += 1
            world.ids.append(entity["id"])
            world.schemata[entity["schema"]] = world.schemata.get(entity["schema"], 0) + 1
            if name is not None:
                world.names.append(name)
    return world
