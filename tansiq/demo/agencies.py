"""The demo-agencies dataset: fictional agencies, a partner service, an airline, a platform."""

from __future__ import annotations

from tansiq.demo.entities import entity_id, make
from tansiq.demo.records import EntityDict

DATASET = "demo-agencies"

# name, acronym, country, jurisdiction, description
AGENCIES: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "National Counter-Terrorism Coordination Bureau",
        "NCTCB",
        "ma",
        "ma",
        "Fictional national fusion centre coordinating counter-terrorism intelligence.",
    ),
    (
        "Border and Airport Police Directorate",
        "BAPD",
        "ma",
        "ma",
        "Fictional border police; receives advance passenger information from airlines.",
    ),
    (
        "Financial Intelligence and Terrorist Financing Unit",
        "FITFU",
        "ma",
        "ma",
        "Fictional financial intelligence unit.",
    ),
    (
        "Directorate for External Security Liaison",
        "DESL",
        "fr",
        "fr",
        "Fictional partner service abroad exchanging watchlist data.",
    ),
    (
        "Federal Office for Violent Extremism Prevention",
        "FOVEP",
        "be",
        "be",
        "Fictional partner agency in charge of prevention and threat assessment.",
    ),
    (
        "Sahel Joint Analysis Cell",
        "SJAC",
        "ml",
        "ml",
        "Fictional joint analysis cell of several Sahel services.",
    ),
    (
        "Sirocco Meridian Airways",
        "SMA",
        "ma",
        "ma",
        "Fictional airline sending passenger manifests.",
    ),
    (
        "Pan-African Liaison Platform for Counter-Terrorism Agencies",
        "PALPCA",
        "sn",
        "sn",
        "Fictional regional platform through which African agencies share intelligence.",
    ),
)


def agency_id(acronym: str) -> str:
    """Entity id of an agency by its acronym."""
    return entity_id(DATASET, "agency", acronym)


def agency_entities() -> tuple[EntityDict, ...]:
    """All entities of the demo-agencies dataset."""
    return tuple(
        make(
            "Organization",
            agency_id(acronym),
            {
                "name": name,
                "alias": acronym,
                "country": country,
                "jurisdiction": jurisdiction,
                "description": description,
                "topics": None if acronym == "SMA" else "gov.security",
            },
        )
        for name, acronym, country, jurisdiction, description in AGENCIES
    )
