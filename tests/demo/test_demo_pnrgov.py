"""The demo's PNRGOV push: one flight's bookings, one watchlist person under another spelling."""

from __future__ import annotations

from tansiq.demo import DemoWorld
from tansiq.demo.pnrgov import airline_name
from tansiq.travel.edifact import parse_pnrgov_text


def test_the_push_parses_cleanly_and_holds_the_planted_person(world: DemoWorld) -> None:
    result = parse_pnrgov_text(world.pnrgov, source="pnrgov.edi")
    assert result.problems == []
    persons = result.of_schema("Person")
    assert len(persons) == 14 and all(p.get("birthDate") for p in persons)
    hit = world.pnrgov_hit
    assert hit is not None and hit.pax_id in result.references.values()
    watchlist = {e["id"] for e in world.dataset("demo-watchlist").entities}
    assert hit.entity_id in watchlist
    assert "EXAMPLE.ORG" not in " ".join(v for p in persons for _, v in p.itervalues())


def test_names_are_written_as_reservation_systems_keep_them() -> None:
    assert airline_name("Zerhouni-Bellaoui") == "ZERHOUNI BELLAOUI"
    assert airline_name("Ngozi O'Connor Müller") == "NGOZI OCONNOR MULLER"
