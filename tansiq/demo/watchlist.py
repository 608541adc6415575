"""The demo-watchlist dataset: persons, passports, listed groups, fronts and sanctions."""

from __future__ import annotations

import random

from tansiq.demo.entities import entity_id, make
from tansiq.demo.lore import GROUPS
from tansiq.demo.people import WatchPerson
from tansiq.demo.plot import Front, Plot
from tansiq.demo.records import EntityDict

DATASET = "demo-watchlist"
AUTHORITY = "Demo Joint Watchlist"
PROGRAMS = (
    "DJW-TER Terrorist designations",
    "DJW-FTF Foreign terrorist fighters",
    "DJW-FIN Terrorist financing",
)
REASONS = (
    "Travelled to a conflict zone to join an armed group.",
    "Suspected of facilitating the travel of foreign fighters.",
    "Convicted in absentia of terrorist conspiracy.",
    "Disseminated online propaganda inciting violence.",
    "Suspected of collecting funds for armed groups.",
)


def person_id(person: WatchPerson) -> str:
    """Entity id of a watchlist person."""
    return entity_id(DATASET, "person", person.index, person.name)


def front_id(front: Front) -> str:
    """Entity id of a front organisation on the watchlist."""
    return entity_id(DATASET, "front", front.index, front.name)


def listed_group_id(group: int) -> str:
    """Entity id of a group as listed on the watchlist."""
    return entity_id(DATASET, "group", GROUPS[group].key)


def _person(person: WatchPerson) -> EntityDict:
    return make(
        "Person",
        person_id(person),
        {
            "name": person.name,
            "alias": person.aliases,
            "weakAlias": person.weak_aliases,
            "firstName": person.first_name,
            "middleName": person.middle_name,
            "lastName": person.last_name,
            "gender": person.gender,
            "birthDate": person.birth_date,
            "birthPlace": person.birth_place,
            "nationality": person.nationalities,
            "passportNumber": [p.number for p in person.passports],
            "topics": ["sanction", "crime.terror"],
        },
    )


def _passports(person: WatchPerson) -> list[EntityDict]:
    return [
        make(
            "Passport",
            entity_id(DATASET, "passport", p.country, p.number),
            {
                "holder": person_id(person),
                "number": p.number,
                "country": p.country,
                "type": "passport",
                "startDate": p.issued,
                "endDate": p.expires,
            },
        )
        for p in person.passports
    ]


def _sanction(rng: random.Random, target: str, reason: str, earliest: int) -> EntityDict:
    year = rng.randint(max(earliest, 2012), 2025)
    return make(
        "Sanction",
        entity_id(DATASET, "sanction", target),
        {
            "entity": target,
            "authority": AUTHORITY,
            "program": rng.choice(PROGRAMS),
            "reason": reason,
            "listingDate": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        },
    )


def _reasons(plot: Plot) -> dict[int, str]:
    return {a.person: f"Alleged {a.role} of the {GROUPS[a.group].name}." for a in plot.affiliations}


def _groups(rng: random.Random) -> list[EntityDict]:
    out: list[EntityDict] = []
    for index, group in enumerate(GROUPS):
        gid = listed_group_id(index)
        out.append(
            make(
                "Organization",
                gid,
                {
                    "name": group.listed_as,
                    "alias": [group.french, group.arabic],
                    "country": group.countries,
                    "topics": ["sanction", "crime.terror"],
                },
            )
        )
        reason = f"Armed group; {group.summary}"
        out.append(_sanction(rng, gid, reason, int(group.founded) + 1))
    return out


def _front(rng: random.Random, front: Front) -> list[EntityDict]:
    fid = front_id(front)
    props = {"name": front.name, "alias": front.french, "country": front.country}
    org = make("Organization", fid, {**props, "topics": "sanction"})
    reason = "Suspected front organisation used to move funds."
    if front.group is not None:
        reason = f"Provides financial support to the {GROUPS[front.group].name}."
    return [org, _sanction(rng, fid, reason, 2015)]


def watchlist_entities(
    rng: random.Random, people: tuple[WatchPerson, ...], plot: Plot
) -> tuple[EntityDict, ...]:
    """All entities of the demo-watchlist dataset."""
    reasons = _reasons(plot)
    out: list[EntityDict] = []
    for person in people:
        out.append(_person(person))
        out.extend(_passports(person))
        reason = reasons.get(person.index) or rng.choice(REASONS)
        out.append(_sanction(rng, person_id(person), reason, person.birth_year + 18))
    out.extend(_groups(rng))
    for front in plot.fronts:
        out.extend(_front(rng, front))
    return tuple(out)
