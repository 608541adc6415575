"""The demo-groups dataset: fictional groups, memberships, associates and financing links."""

from __future__ import annotations

from tansiq.demo.entities import entity_id, make
from tansiq.demo.lore import GROUPS
from tansiq.demo.people import WatchPerson
from tansiq.demo.plot import Plot
from tansiq.demo.records import EntityDict
from tansiq.demo.watchlist import front_id, person_id

DATASET = "demo-groups"


def group_id(group: int) -> str:
    """Entity id of a group in the demo-groups dataset."""
    return entity_id(DATASET, "group", GROUPS[group].key)


def _group_entities() -> list[EntityDict]:
    return [
        make(
            "Organization",
            group_id(index),
            {
                "name": group.name,
                "alias": [group.listed_as, group.french, group.arabic],
                "country": group.countries,
                "incorporationDate": group.founded,
                "description": group.summary,
                "topics": "crime.terror",
            },
        )
        for index, group in enumerate(GROUPS)
    ]


def _memberships(people: tuple[WatchPerson, ...], plot: Plot) -> list[EntityDict]:
    return [
        make(
            "Membership",
            entity_id(DATASET, "membership", a.person, a.group),
            {
                "member": person_id(people[a.person]),
                "organization": group_id(a.group),
                "role": a.role,
                "startDate": a.since,
            },
        )
        for a in plot.affiliations
    ]


def _associates(people: tuple[WatchPerson, ...], plot: Plot) -> list[EntityDict]:
    return [
        make(
            "Associate",
            entity_id(DATASET, "associate", pos, a.person, a.associate),
            {
                "person": person_id(people[a.person]),
                "associate": person_id(people[a.associate]),
                "relationship": a.relationship,
            },
        )
        for pos, a in enumerate(plot.associations)
    ]


def _financing(people: tuple[WatchPerson, ...], plot: Plot) -> list[EntityDict]:
    out: list[EntityDict] = []
    for front in plot.fronts:
        if front.group is not None:
            out.append(
                make(
                    "UnknownLink",
                    entity_id(DATASET, "financing", front.index),
                    {
                        "subject": front_id(front),
                        "object": group_id(front.group),
                        "role": "suspected financing channel",
                    },
                )
            )
        if front.director is not None:
            out.append(
                make(
                    "Directorship",
                    entity_id(DATASET, "director", front.index),
                    {
                        "director": person_id(people[front.director]),
                        "organization": front_id(front),
                        "role": "managing director",
                    },
                )
            )
    return out


def group_entities(people: tuple[WatchPerson, ...], plot: Plot) -> tuple[EntityDict, ...]:
    """All entities of the demo-groups dataset."""
    return tuple(
        _group_entities()
        + _memberships(people, plot)
        + _associates(people, plot)
        + _financing(people, plot)
    )
