"""The storyline of the demo world: fictional groups, who belongs to them, who finances them."""

from __future__ import annotations

import random
from dataclasses import dataclass

from tansiq.demo.lore import (
    FRONT_COUNTRIES,
    FRONT_KINDS,
    FRONT_PLACES,
    GROUPS,
    RELATIONSHIPS,
    ROLES,
)
from tansiq.demo.people import WatchPerson


@dataclass(frozen=True)
class Affiliation:
    """A watchlist person's membership of a group."""

    person: int
    group: int
    role: str
    since: str


@dataclass(frozen=True)
class Association:
    """Two watchlist persons who know each other."""

    person: int
    associate: int
    relationship: str


@dataclass(frozen=True)
class Front:
    """A fictional front organisation; may finance a group and have a director."""

    index: int
    name: str
    kind: str
    french: str | None
    country: str
    group: int | None
    director: int | None


@dataclass(frozen=True)
class Plot:
    """Everything linking people, groups and fronts."""

    affiliations: tuple[Affiliation, ...]
    associations: tuple[Association, ...]
    fronts: tuple[Front, ...]

    def members(self, group: int) -> tuple[int, ...]:
        """Person indexes of the members of ``group``, leader first."""
        return tuple(a.person for a in self.affiliations if a.group == group)


def _affiliations(rng: random.Random, people: tuple[WatchPerson, ...]) -> list[Affiliation]:
    eligible = [p.index for p in people if p.gender == "male" and p.birth_year <= 1996]
    chosen = rng.sample(eligible, k=40)
    out: list[Affiliation] = []
    for pos, person in enumerate(chosen):
        group = pos % len(GROUPS)
        role = "leader" if pos < len(GROUPS) else rng.choice(ROLES)
        since = str(rng.randint(int(GROUPS[group].founded), 2023))
        out.append(Affiliation(person, group, role, since))
    return out


def _associations(rng: random.Random, affs: list[Affiliation], total: int) -> list[Association]:
    out: list[Association] = []
    for aff in affs[:12]:
        peers = [a.person for a in affs if a.group == aff.group and a.person != aff.person]
        out.append(Association(aff.person, rng.choice(peers), rng.choice(RELATIONSHIPS)))
    for _ in range(4):
        person, associate = rng.sample(range(total), k=2)
        out.append(Association(person, associate, rng.choice(RELATIONSHIPS)))
    return out


def _front_name(rng: random.Random, taken: set[str]) -> tuple[str, str, str | None]:
    while True:
        suffix, kind, french = rng.choice(FRONT_KINDS)
        place = rng.choice(FRONT_PLACES)
        name = f"{place} {suffix}"
        if name not in taken:
            taken.add(name)
            return name, kind, french.format(place=place) or None


def _fronts(rng: random.Random, affs: list[Affiliation], count: int) -> list[Front]:
    out: list[Front] = []
    taken: set[str] = set()
    for index in range(count):
        name, kind, french = _front_name(rng, taken)
        financing = affs[index] if index < 10 else None
        if financing is None:
            out.append(Front(index, name, kind, french, rng.choice(FRONT_COUNTRIES), None, None))
            continue
        country = rng.choice(GROUPS[financing.group].countries)
        director = financing.person if index % 2 == 0 else None
        out.append(Front(index, name, kind, french, country, financing.group, director))
    return out


def make_plot(rng: random.Random, people: tuple[WatchPerson, ...], fronts: int) -> Plot:
    """Decide memberships (40 persons), associations and front organisations."""
    affs = _affiliations(rng, people)
    return Plot(
        tuple(affs), tuple(_associations(rng, affs, len(people))), tuple(_fronts(rng, affs, fronts))
    )
