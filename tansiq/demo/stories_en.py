"""Fictional English-language news stories."""

from __future__ import annotations

from tansiq.demo.lore import GROUPS
from tansiq.demo.storytools import (
    Cast,
    Story,
    age,
    group_index,
    group_name,
    respelled,
    spelled,
)

DISPATCH = "The Meridian Dispatch"
SAHEL_POST = "Sahel Morning Post"


def cell_dismantled(cast: Cast) -> Story:
    """NCTCB dismantles a cell of the Brigade of the Southern Dunes."""
    rng, published, group = cast.rng, "2019-06-12", group_index("dunes")
    leader, second, third = cast.members(group, 3)
    arrested, phones, cells = rng.randint(9, 13), rng.randint(14, 30), rng.randint(11, 16)
    return Story(
        "nctcb-dismantles-southern-dunes-cell",
        "en",
        f"Counter-terrorism bureau dismantles {group_name(group)} cell",
        published,
        "Selma Tazerouti",
        DISPATCH,
        (
            f"The National Counter-Terrorism Coordination Bureau (NCTCB) said on Wednesday it had "
            f"arrested at least {arrested} individuals suspected of belonging to a cell of the "
            f"{group_name(group)} operating along the southern border.",
            f"Among those detained is {spelled(rng, leader)}, {age(leader, published)}, described "
            f"by investigators as the cell's leader, and {spelled(rng, second)}, "
            f"{age(second, published)}, who allegedly handled recruitment.",
            f"A third suspect, identified as {respelled(third)}, remains "
            f"at large. "
            f"Officers seized weapons, cash and {phones} mobile phones during the raids.",
            f"The bureau says it has dismantled {cells} cells since 2015.",
        ),
    )


def airport_stop(cast: Cast) -> Story:
    """Border police stop a watchlisted traveller at the airport."""
    rng, published, group = cast.rng, "2021-09-21", group_index("lantern")
    members = cast.members(group, 4)
    suspect = next((m for m in members[1:] if m.passports), members[-1])
    flagged = rng.randint(3, 8)
    return Story(
        "border-police-stop-traveller-airport",
        "en",
        "Border police stop man on watchlist at international airport",
        published,
        "Karim Oudtazzane",
        SAHEL_POST,
        (
            f"A {age(suspect, published)}-year-old man travelling under the name "
            f"{spelled(rng, suspect)} was stopped on Monday by the Border and Airport Police "
            f"Directorate after arriving on a Sirocco Meridian Airways flight.",
            f"According to a police source, the passenger manifest had flagged him as a possible "
            f"match for a person listed as a {cast.role_of(suspect)} of the {group_name(group)}.",
            f"Police say advance passenger information has flagged {flagged} such travellers "
            f"this year.",
        ),
    )


def cooperation_meeting(cast: Cast) -> Story:
    """Regional platform meeting on watchlist sharing."""
    rng, published = cast.rng, "2022-04-05"
    records, plots, countries = rng.randint(2000, 4000), rng.randint(5, 9), rng.randint(9, 14)
    return Story(
        "regional-platform-agrees-watchlist-sharing",
        "en",
        "African agencies agree to share watchlists through regional platform",
        published,
        "Amadou Sabakourou",
        DISPATCH,
        (
            f"Agencies from {countries} countries met in Dakar this week under the Pan-African "
            f"Liaison Platform for Counter-Terrorism Agencies (PALPCA) and agreed to exchange "
            f"watchlist records on a daily basis.",
            f"Officials said member services had dismantled 14 cells since 2019 and foiled "
            f"{plots} plots, several linked to the {GROUPS[group_index('oases')].name} and the "
            f"{GROUPS[group_index('tamaskart')].name}.",
            f"More than {records:,} records have already been shared, a spokesperson for the "
            f"National Counter-Terrorism Coordination Bureau said.",
        ),
    )


def _customs_post(
    slug: str, published: str, publisher: str, paragraphs: tuple[str, ...], title: str
) -> Story:
    return Story(slug, "en", title, published, "Amadou Sabakourou", publisher, paragraphs)


def customs_post_attack(cast: Cast) -> Story:
    """An attack on a customs post, as first reported: 9 May, six dead."""
    group = group_name(group_index("tamaskart"))
    return _customs_post(
        "customs-post-attacked-near-agadez",
        "2023-05-11",
        SAHEL_POST,
        (
            f"Fighters of the {group} attacked a customs post near Agadez on 9 May 2023, killing 6 "
            f"customs officers, a security source said.",
            "The post had been reinforced after earlier threats against the border crossing.",
        ),
        "Customs post attacked near Agadez",
    )


def customs_post_toll(cast: Cast) -> Story:
    """The same attack as reported by another paper: 10 May, eight dead (the sources disagree)."""
    group = group_name(group_index("tamaskart"))
    return _customs_post(
        "officials-give-higher-toll-customs-post",
        "2023-05-12",
        DISPATCH,
        (
            f"The {group} attacked a customs post near Agadez on 10 May 2023, killing 8 customs "
            f"officers, officials said on Thursday.",
            "Reinforcements have been sent to the border crossing.",
        ),
        "Officials give a higher toll for the customs post attack",
    )


def charity_financing(cast: Cast) -> Story:
    """A front charity accused of financing a group."""
    rng, published = cast.rng, "2023-08-30"
    front = cast.front_with_director()
    if front.group is None or front.director is None:
        raise ValueError("a financing story needs a front with a group and a director")
    director = cast.people[front.director]
    amount = rng.randint(180, 950) * 1000
    return Story(
        "front-accused-of-financing",
        "en",
        f"{front.name} accused of funnelling money to {group_name(front.group)}",
        published,
        "Selma Tazerouti",
        DISPATCH,
        (
            f"The Financial Intelligence and Terrorist Financing Unit has frozen the accounts of "
            f"{front.name}, which it accuses of moving about {amount:,} euros to the "
            f"{group_name(front.group)} since 2020.",
            f"Its managing director, {spelled(rng, director)}, {age(director, published)}, denies "
            f"the allegations.",
        ),
    )


def recruiter_sentenced(cast: Cast) -> Story:
    """A court sentences a recruiter."""
    rng, published, group = cast.rng, "2025-01-15", group_index("lantern")
    recruiter = cast.with_role(group, "recruiter")
    associate = next(m for m in cast.members(group, 3) if m != recruiter)
    years, recruits = rng.randint(8, 15), rng.randint(6, 12)
    return Story(
        "court-sentences-lantern-network-recruiter",
        "en",
        f"Court sentences {group_name(group)} recruiter to {years} years",
        published,
        "Amadou Sabakourou",
        SAHEL_POST,
        (
            f"A court sentenced {spelled(rng, recruiter)} to {years} years in prison on "
            f"Tuesday for recruiting at least {recruits} young men for the {group_name(group)}.",
            f"His co-defendant, {spelled(rng, associate)}, was acquitted for lack of evidence.",
        ),
    )
