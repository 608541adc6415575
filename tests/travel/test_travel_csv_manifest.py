"""Behaviour of the CSV manifest reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from tansiq.exceptions import InvalidData
from tansiq.travel import detect_format
from tansiq.travel.csv_manifest import parse_manifest_csv

MANIFEST = Path(__file__).parent / "fixtures" / "manifest.csv"


def test_it_reads_travellers_with_tolerant_headers() -> None:
    result = parse_manifest_csv(MANIFEST)
    people = [e for e in result.entities if e.schema.name == "Person"]
    assert [p.first("name") for p in people] == ["Mira Fictive", "Dan Imagin", "Ola Nobody"]
    mira = people[0]
    assert mira.get("gender") == ["female"]
    assert mira.get("nationality") == ["de"]
    assert mira.get("passportNumber") == ["C01X00T47"]
    dan = people[1]
    assert dan.get("idNumber") == ["123456789"]
    assert dan.get("birthDate") == ["1979"]


def test_it_makes_a_trip_per_row() -> None:
    entities = parse_manifest_csv(MANIFEST).entities
    trips = [e for e in entities if e.schema.name == "Trip"]
    assert {t.first("name") for t in trips} == {"XA401 FRA-AMM"}
    assert len(trips) == 3
    assert trips[0].get("startDate") == ["2025-03-04"]


def test_it_reports_bad_values_by_line() -> None:
    problems = parse_manifest_csv(MANIFEST).problems
    assert [(p.location, p.reason) for p in problems] == [
        ("line 4", "date_of_birth: invalid value '1990-02-31'"),
        ("line 4", "nationality: unknown country 'Narnia'"),
    ]
    with pytest.raises(InvalidData) as error:
        parse_manifest_csv(MANIFEST, strict=True)
    assert (error.value.line, error.value.field) == (4, "date_of_birth")


def test_it_detects_a_csv_manifest() -> None:
    assert detect_format(MANIFEST, MANIFEST.read_bytes()) == "csv"
