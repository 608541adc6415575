"""The access-control test world: agencies, a partner, an airline, named personas and data
under every marking, released (or not) through sharing groups."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tansiq.services import Tansiq
from tansiq.services.accounts import create_group
from tansiq.services.auth import principal_by_email
from tansiq.services.sharing import decide_release, request_release
from tests import personas
from tests.factories import e, load

# persona -> (email, organisation, roles, clearance)
PERSONAS = {
    "analyst_a": ("ana@agency-a.test", "agency-a", ("analyst",), "SECRET"),
    "supervisor_a": ("sam@agency-a.test", "agency-a", ("supervisor",), None),
    "analyst_b": ("bob@agency-b.test", "agency-b", ("analyst",), "TOP SECRET"),
    "liaison_c": ("lia@partner-c.test", "partner-c", ("liaison",), None),
    "airline_d": ("dan@airline-d.test", "airline-d", ("analyst",), None),
    "auditor": ("aud@agency-a.test", "agency-a", ("auditor",), None),
    "admin": ("adm@agency-a.test", "agency-a", ("administrator",), "TOP SECRET"),
}

# dataset -> (marking, classification, released to group)
DATASETS = {
    "a-clear": ("TLP:CLEAR", None, None),
    "a-green": ("TLP:GREEN", None, None),
    "a-amber": ("TLP:AMBER", None, "ab"),
    "a-amber-kept": ("TLP:AMBER", None, None),
    "a-strict": ("TLP:AMBER+STRICT", None, "ab"),
    "a-red": ("TLP:RED", None, "named-c"),
    "a-secret": ("TLP:GREEN", "SECRET", None),
    "a-unclassified": ("TLP:GREEN", "UNCLASSIFIED", None),
}

YES = {
    "analyst_a": set(DATASETS),
    "supervisor_a": set(DATASETS) - {"a-secret"},
    "analyst_b": {"a-clear", "a-green", "a-amber", "a-strict", "a-secret", "a-unclassified"},
    "liaison_c": {"a-clear", "a-green", "a-red", "a-unclassified"},
    "airline_d": {"a-clear", "a-green", "a-amber", "a-amber-kept", "a-unclassified"},
    "auditor": set(),
    "admin": set(DATASETS),
}
"""Who sees which dataset: TLP 2.0 by organisation, client and release; classification by
clearance. The administrator belongs to agency A (the originator) and is cleared TOP SECRET."""


@dataclass(frozen=True)
class World:
    emails: dict[str, str]


def person_id(dataset: str) -> str:
    return f"p-{dataset}"


def build(app: Tansiq, tmp: Path) -> World:
    personas.organisation(app, "agency-a")
    personas.organisation(app, "agency-b")
    personas.organisation(app, "partner-c")
    personas.organisation(app, "airline-d", client_of="agency-a")
    for email, org, roles, clearance in PERSONAS.values():
        personas.user(app, email, org, *roles, clearance=clearance)
    system = app.local_admin()
    create_group(app, system, "ab", organisations=["agency-a", "agency-b"])
    create_group(
        app, system, "named-c", organisations=["agency-a"], users=[PERSONAS["liaison_c"][0]]
    )
    analyst = principal_by_email(app, PERSONAS["analyst_a"][0])
    supervisor = principal_by_email(app, PERSONAS["supervisor_a"][0])
    for name, (tlp, level, group) in DATASETS.items():
        person = e("Person", person_id(name), name=f"Zarif Oulmane {name}")
        load(app, analyst, tmp, name, [person], marking=tlp, classification=level)
        if group:
            release = request_release(app, analyst, name, group)
            decide_release(app, supervisor, release.id, approve=True)
    secret_link = [
        e("Organization", "o-cell", name="Cell of the Eastern Wadi"),
        e("Membership", "m-cell", member=person_id("a-green"), organization="o-cell"),
    ]
    load(app, analyst, tmp, "a-red", secret_link, marking="TLP:RED")
    shared = [e("Person", "p-shared", name="Nadir Ksentini")]
    load(app, analyst, tmp, "a-green", shared, marking="TLP:GREEN")
    load(
        app,
        analyst,
        tmp,
        "a-amber-kept",
        [e("Person", "p-shared", passportNumber="QX0099881")],
        marking="TLP:AMBER",
    )
    return World({k: v[0] for k, v in PERSONAS.items()})
