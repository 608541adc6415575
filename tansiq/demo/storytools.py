"""Helpers for writing the fictional news stories."""

from __future__ import annotations

import random
from dataclasses import dataclass

from tansiq.demo.lore import GROUPS
from tansiq.demo.people import WatchPerson
from tansiq.demo.plot import Front, Plot


@dataclass(frozen=True)
class Story:
    """A news story before it becomes a file and an FtM Article."""

    slug: str
    language: str
    title: str
    published: str
    author: str
    publisher: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        """Plain text: title, blank line, paragraphs separated by blank lines."""
        return "\n\n".join((self.title, *self.paragraphs)) + "\n"


@dataclass(frozen=True)
class Cast:
    """What a story may draw on: the people and the plot of the world."""

    rng: random.Random
    people: tuple[WatchPerson, ...]
    plot: Plot

    def members(self, group: int, count: int) -> list[WatchPerson]:
        """``count`` members of a group, leader first."""
        members = [self.people[i] for i in self.plot.members(group)]
        return [members[0], *self.rng.sample(members[1:], k=count - 1)]

    def role_of(self, person: WatchPerson) -> str:
        """The role of a person in their group ("member" if unknown)."""
        roles = [a.role for a in self.plot.affiliations if a.person == person.index]
        return roles[0] if roles else "member"

    def with_role(self, group: int, role: str) -> WatchPerson:
        """A member of ``group`` holding ``role``, or else its leader."""
        found = [a.person for a in self.plot.affiliations if a.group == group and a.role == role]
        return self.people[found[0] if found else self.plot.members(group)[0]]

    def front_with_director(self) -> Front:
        """A front organisation that finances a group and has a director."""
        fronts = [f for f in self.plot.fronts if f.director is not None and f.group is not None]
        return self.rng.choice(fronts)


def spelled(rng: random.Random, person: WatchPerson, french: bool = False) -> str:
    """The person's name as a journalist might spell it: usually one of the Latin aliases."""
    options = [
        a for a in person.latin_aliases if " " in a and not a.startswith(person.last_name)
    ] or [person.name]
    name = rng.choice(options)
    if french and rng.random() < 0.5:
        first, _, last = name.rpartition(" ")
        return f"{first} {last.upper()}"
    return name


RESPELLINGS = (
    ("ou", "u"),
    ("dj", "j"),
    ("ch", "sh"),
    ("kh", "k"),
    ("o", "ou"),
    ("i", "y"),
    ("e", "a"),
)
"""A journalist's own transliteration of a surname, tried in order (see :func:`respelled`)."""


def respelled(person: WatchPerson) -> str:
    """The person's listed name with the surname spelt as no list entry spells it ('Othmane
    Djelchadra' -> 'Othmane Jelchadra'): a document naming the person in a way only the matching
    engine links to the watchlist."""
    first, _, last = person.name.rpartition(" ")
    listed = {n.casefold() for n in (person.name, *person.aliases)}
    for old, new in RESPELLINGS:
        if old in last:
            other = f"{first} {last.replace(old, new, 1)}".strip()
            if other.casefold() not in listed:
                return other
    return f"{first} {last}e".strip()


def age(person: WatchPerson, published: str) -> int:
    """Age in the year of publication (year arithmetic is what newspapers do)."""
    return int(published[:4]) - person.birth_year


def group_name(group: int) -> str:
    """English name of a group."""
    return GROUPS[group].name


def group_french(group: int) -> str:
    """French name of a group."""
    return GROUPS[group].french


def group_index(key: str) -> int:
    """Index of the group with this key."""
    return next(i for i, g in enumerate(GROUPS) if g.key == key)
