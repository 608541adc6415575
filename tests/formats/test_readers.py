import io

import pytest

from tansiq.domain.grading import Grade
from tansiq.domain.markings import TLP, Marking
from tansiq.domain.statement import StatementContext
from tansiq.exceptions import InvalidData
from tansiq.formats import detect_format, read_statements, statement_to_row
from tansiq.formats.detect import ENTITIES, STATEMENTS_CSV, STATEMENTS_JSON

CTX = StatementContext("list", "Agency A", Marking(TLP.AMBER), Grade("B", 2), "f", "2026")
LADDER = ("UNCLASSIFIED", "SECRET")


def _read(data: bytes, name: str = "f.json") -> list:
    fmt = detect_format(name, data[:4096])
    return list(read_statements(io.BytesIO(data), name, fmt, CTX, LADDER))


@pytest.mark.parametrize(
    ("name", "head", "fmt"),
    [
        ("a.ftm.json", b'{"id": "x", "schema": "Person", "properties": {}}', ENTITIES),
        ("a.jsonl", b'{"entity_id": "x", "prop": "name", "value": "A"}', STATEMENTS_JSON),
        ("a.csv", b"entity_id,schema,prop,value\n", STATEMENTS_CSV),
    ],
)
def test_it_detects_the_format_from_name_and_content(name: str, head: bytes, fmt: str) -> None:
    assert detect_format(name, head) == fmt


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.json", b"", "the file is empty"),
        ("a.json", b"  \n\n", "the file is empty"),
        ("a.json", b"%PDF-1.7 ...", "this is a PDF document"),
        ("a.csv", b"PK\x03\x04....", "ZIP archive"),
        ("a.json", b"\xff\xfe{\x00", "UTF-16"),
        ("a.json", b"id,schema\n", "expected JSON lines"),
        ("a.csv", b'{"id": "x"}\n', "named .csv but holds JSON"),
    ],
)
def test_it_refuses_files_that_are_not_what_they_claim(
    name: str, data: bytes, message: str
) -> None:
    with pytest.raises(InvalidData, match=message):
        _read(data, name)


def test_a_malformed_json_line_is_reported_with_file_and_line() -> None:
    data = b'{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}\n{"id": "b", oops\n'
    with pytest.raises(InvalidData) as info:
        _read(data, "people.json")
    assert str(info.value).startswith("people.json:2: malformed JSON")


def test_wrong_encoding_is_reported_with_line_and_column() -> None:
    good = b'{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}\n'
    latin1 = '{"id": "b", "schema": "Person", "properties": {"name": ["Chérif"]}}\n'.encode(
        "latin-1"
    )
    with pytest.raises(InvalidData, match=r"people.json:2: not UTF-8 text \(byte 0xe9 at column"):
        _read(good + latin1, "people.json")


def test_an_unknown_property_names_file_line_and_field() -> None:
    data = b'{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}\n' * 2
    data += b'{"id": "c", "schema": "Person", "properties": {"shoeSize": ["44"]}}\n'
    with pytest.raises(InvalidData) as info:
        _read(data, "p.json")
    assert str(info.value) == "p.json:3: shoeSize: Person has no property 'shoeSize'"


def test_statement_rows_round_trip_with_markings_and_grades() -> None:
    stmts = [
        s
        for _, s in _read(
            b'{"id": "a", "schema": "Person", "properties": '
            b'{"name": ["Amina"], "nationality": ["Morocco"]}}\n'
        )
    ]
    rows = [statement_to_row(s) for s in stmts]
    rows[1]["marking"], rows[1]["classification"], rows[1]["grade"] = "TLP:RED", "SECRET", "A1"
    header = [
        "entity_id",
        "schema",
        "prop",
        "value",
        "original_value",
        "marking",
        "classification",
        "grade",
    ]
    csv_text = ",".join(header) + "\n"
    for r in rows:
        csv_text += ",".join(str(r[k] or "") for k in header) + "\n"
    again = [s for _, s in _read(csv_text.encode(), "s.csv")]
    assert [s.id for s in again] == [s.id for s in stmts]
    assert (again[1].tlp, again[1].classification, str(again[1].grade)) == (TLP.RED, "SECRET", "A1")
    assert (again[2].value, again[2].original_value) == ("ma", "Morocco")


def test_a_csv_row_with_an_unknown_classification_is_refused_with_its_line() -> None:
    data = b"entity_id,schema,prop,value,classification\nx,Person,name,A,COSMIC\n"
    with pytest.raises(InvalidData, match=r"s.csv:2: classification: unknown classification"):
        _read(data, "s.csv")


def test_a_csv_row_with_extra_cells_is_refused() -> None:
    with pytest.raises(InvalidData, match=r"s\.csv:2: more cells than header columns"):
        _read(b"entity_id,schema,prop,value\nx,Person,name,A,extra\n", "s.csv")


def test_an_unknown_statement_column_is_refused_by_name() -> None:
    data = b"entity_id,schema,prop,vaule\nx,Person,name,A\n"
    with pytest.raises(InvalidData, match=r"s\.csv:2: vaule: unknown column 'vaule'"):
        _read(data, "s.csv")
