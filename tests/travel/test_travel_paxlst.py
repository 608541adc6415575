"""Behaviour of the PAXLST interpreter."""

from __future__ import annotations

from pathlib import Path

import pytest
from followthemoney import EntityProxy

from tansiq.exceptions import InvalidData
from tansiq.travel import detect_format, parse_file
from tansiq.travel.edifact import parse_paxlst

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "eval" / "travel"


def _of(entities: list[EntityProxy], schema: str) -> list[EntityProxy]:
    return [e for e in entities if e.schema.name == schema]


def _person(entities: list[EntityProxy], name: str) -> EntityProxy:
    return next(e for e in _of(entities, "Person") if name in e.get("name"))


def test_it_reads_passengers_crew_documents_and_legs() -> None:
    result = parse_paxlst(FIXTURES / "paxlst_fictional_d05b.edi")
    assert result.problems == []
    entities = result.entities
    sean = _person(entities, "SEAN PATRICK O'BRIEN")
    assert sean.get("lastName") == ["O'BRIEN"]
    assert sean.get("birthDate") == ["1985-12-24"]
    assert sean.get("gender") == ["male"]
    assert sean.get("nationality") == ["ie"]
    assert sean.get("country") == ["ie"]
    assert sean.get("birthPlace") == ["Cork"]
    passport = next(p for p in _of(entities, "Passport") if p.get("holder") == [sean.id])
    assert passport.get("number") == ["PX9988776"]
    assert passport.get("endDate") == ["2030-01-15"]
    assert passport.get("country") == ["ie"]
    visa = _of(entities, "Identification")[0]
    assert visa.get("number") == ["VISA-55"] and visa.get("holder") == [sean.id]


def test_it_infers_the_century_of_birth_dates() -> None:
    entities = parse_paxlst(FIXTURES / "paxlst_fictional_d05b.edi").entities
    assert _person(entities, "AMIRA BEN SALAH").get("birthDate") == ["2001-02-03"]
    assert _person(entities, "LUCA ROSSI").get("birthDate") == ["1970-05-12"]


def test_it_gives_each_traveller_a_trip_per_leg_travelled() -> None:
    entities = parse_paxlst(FIXTURES / "paxlst_fictional_d05b.edi").entities
    trips = _of(entities, "Trip")
    sean = _person(entities, "SEAN PATRICK O'BRIEN")
    amira = _person(entities, "AMIRA BEN SALAH")
    sean_trips = sorted(t.first("name") or "" for t in trips if t.get("involved") == [sean.id])
    amira_trips = [t.first("name") for t in trips if t.get("involved") == [amira.id]]
    assert sean_trips == ["XA101 TUN-FCO", "XA102 FCO-CDG"]
    assert amira_trips == ["XA102 FCO-CDG"]
    leg = next(t for t in trips if t.first("name") == "XA101 TUN-FCO")
    assert leg.get("startDate") == ["2025-03-01T10:00"]
    assert leg.get("endDate") == ["2025-03-01T11:30"]
    airports = {a.id: a.first("full") or "" for a in _of(entities, "Address")}
    assert airports[leg.first("startLocation")] == "TUN"
    assert sorted(airports.values()) == ["CDG", "FCO", "TUN"]


def test_it_reports_a_truncated_paxlst_by_message_and_segment() -> None:
    result = parse_paxlst(FIXTURES / "paxlst_truncated.edi")
    problems = [(p.location, p.reason) for p in result.problems]
    assert ("message 1, segment 13 (NAD)", "segment not terminated (truncated?)") in problems
    assert ("message 1, segment 13 (NAD)", "message 1 truncated: no UNT") in problems
    assert [p.first("name") for p in _of(result.entities, "Person")] == ["YUSUF HADDAD"]


def test_it_reports_broken_segments_and_parses_the_rest_of_the_manifest() -> None:
    result = parse_paxlst(FIXTURES / "paxlst_malformed.edi")
    problems = [(p.location, p.reason) for p in result.problems]
    assert ("message 1, segment 7 (DTM)", "DTM+329: invalid date '991399'") in problems
    assert ("message 1, segment 9 (NAD)", "NAD+FL without a name; traveller skipped") in problems
    assert ("message 2, segment 9 (UNT)", "UNT declares '8' segments, message has 9") in problems
    names = sorted(p.first("name") or "" for p in _of(result.entities, "Person"))
    assert names == ["RANIA KARAM", "RANIA KARAM", "TARIQ FARES"]
    assert [p.first("number") for p in _of(result.entities, "Passport")] == ["LB445566"]


def test_it_raises_on_the_first_problem_in_strict_mode() -> None:
    with pytest.raises(InvalidData) as error:
        parse_paxlst(FIXTURES / "paxlst_malformed.edi", strict=True)
    assert error.value.field == "DTM"
    assert error.value.line == 8


def test_it_detects_paxlst_and_tells_it_from_pnrgov() -> None:
    path = FIXTURES / "paxlst_fictional_d05b.edi"
    assert detect_format(path, path.read_bytes()) == "paxlst"
    assert len(parse_file(path).entities) == len(parse_paxlst(path).entities)
    pnrgov = b"UNA:+.? 'UNB+IATA:1+XX+YY'UNH+1+PNRGOV:11:1:IA'"
    assert detect_format("x.edi", pnrgov) == "pnrgov"
    with pytest.raises(InvalidData, match="unknown EDIFACT message type"):
        detect_format("x.edi", b"UNA:+.? 'UNB+IATA:1+XX+YY'UNH+1+CUSRES:D:05B:UN'")


EXPECTED = {  # sample -> (persons, passports, trips, airports)
    "Test1.txt": (8, 8, 8, 2),
    "Test3.txt": (260, 260, 260, 2),
    "airline2.edi": (10, 10, 10, 2),
    "apisMessage.txt": (2, 0, 3, 3),
    "multiple_flight_leg_apis.txt": (2, 2, 6, 4),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_it_parses_every_paxlst_sample(name: str) -> None:
    path = SAMPLES / "paxlst" / name
    if not path.is_file():
        pytest.skip("the PAXLST samples are not in ../shared")
    entities = parse_file(path).entities
    counts = tuple(len(_of(entities, s)) for s in ("Person", "Passport", "Trip", "Address"))
    assert counts == EXPECTED[name]
    assert all(p.get("name") and p.get("birthDate") for p in _of(entities, "Person"))
