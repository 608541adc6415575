"""Behaviour of the CSV watchlist importer."""

from __future__ import annotations

from pathlib import Path

import pytest

from tansiq.exceptions import InvalidData
from tansiq.watchlists import detect_format, parse_file
from tansiq.watchlists.csvlist import parse_csv

FIXTURES = Path(__file__).parent / "fixtures"
SCREENING = Path(__file__).resolve().parents[3] / "shared" / "eval" / "screening"


def test_it_reads_a_header_of_ftm_property_names() -> None:
    result = parse_csv(FIXTURES / "watchlist_ftm.csv")
    assert result.problems == []
    karim, trading, lina = result.entities
    assert karim.id == "wl-1"
    assert karim.get("alias") == ["Abu Example", "K. Example"]
    assert karim.get("nationality") == ["sy", "iq"]
    assert karim.get("passportNumber") == ["P1234567"]
    assert trading.schema.name == "Organization"
    assert lina.get("birthDate") == ["1980"]


def test_it_gives_rows_without_id_a_deterministic_id_seeded_by_the_dataset() -> None:
    first = parse_csv(FIXTURES / "watchlist_ftm.csv", dataset="a").entities[2]
    again = parse_csv(FIXTURES / "watchlist_ftm.csv", dataset="a").entities[2]
    other = parse_csv(FIXTURES / "watchlist_ftm.csv", dataset="b").entities[2]
    assert first.id == again.id != other.id


def test_it_reports_a_bad_row_by_line_and_keeps_going() -> None:
    result = parse_csv(FIXTURES / "watchlist_bad.csv")
    reasons = {(p.location, p.reason) for p in result.problems}
    assert ("line 2", "date_of_birth: invalid date '1974-01-32'") in reasons
    assert ("line 4", "nationality: invalid country 'Atlantis'") in reasons
    names = [e.get("name") for e in result.entities]
    assert names == [["Omar Fictional"], ["Sara Invented"], ["Nadia Madeup"]]
    assert result.entities[0].get("birthDate") == []


def test_it_raises_on_a_bad_row_in_strict_mode() -> None:
    with pytest.raises(InvalidData) as error:
        parse_csv(FIXTURES / "watchlist_bad.csv", strict=True)
    assert error.value.line == 2
    assert error.value.field == "date_of_birth"


def test_it_uses_a_column_mapping_sidecar_or_argument() -> None:
    sidecar = parse_csv(FIXTURES / "watchlist_mapped.csv")
    assert sidecar.problems == []
    person = sidecar.entities[0]
    assert person.get("name") == ["Jean Fictif"]
    assert person.get("nationality") == ["fr"]
    explicit = parse_csv(
        FIXTURES / "watchlist_mapped.csv",
        mapping={"Nom complet": "name", "Né le": "birthDate", "Pays": "country"},
    )
    assert explicit.entities[0].get("country") == ["fr"]
    assert [p.reason for p in explicit.problems] == ["column 'Commentaire' ignored"]


def test_it_detects_csv() -> None:
    path = FIXTURES / "watchlist_ftm.csv"
    assert detect_format(path, path.read_bytes()) == "csv"
    assert len(parse_file(path).entities) == 3


def test_it_reads_the_screening_person_columns() -> None:
    path = SCREENING / "positives_un_untreated.csv"
    if not path.is_file():
        pytest.skip("the screening files are not in ../shared")
    result = parse_csv(path)
    assert len(result.entities) == 683
    first = result.entities[0]
    assert first.get("name") == ["ABDULHAI SALEK"]
    assert first.get("birthDate") == ["1965"]
    assert first.get("nationality") == ["af"]
    assert all(p.reason.startswith("date_of_birth: invalid date") for p in result.problems)


def test_it_reads_the_screening_person_name_parts(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text(
        "full_name,first_name,middle_name,last_name,gender,date_of_birth,place_of_birth,nationality\n"
        "Ana Maria Ficta,Ana,Maria,Ficta,female,1990-01-02,Lisbon,Portugal\n",
        encoding="utf-8",
    )
    person = parse_csv(path).entities[0]
    assert person.get("firstName") == ["Ana"]
    assert person.get("middleName") == ["Maria"]
    assert person.get("lastName") == ["Ficta"]
    assert person.get("gender") == ["female"]
    assert person.get("nationality") == ["pt"]
