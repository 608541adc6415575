from pathlib import Path

import pytest

from tansiq.domain.principal import Principal
from tansiq.exceptions import InvalidData
from tansiq.services import Tansiq
from tansiq.services.datasets import get_dataset, list_datasets
from tansiq.services.entities import get_statements
from tansiq.services.exporting import export_entities, export_statements
from tansiq.services.importing import ImportOptions, import_path
from tests.factories import WORLD, e, load, write_lines


def test_importing_stores_every_value_with_marking_grade_and_source(
    app: Tansiq, admin: Principal, tmp_path: Path
) -> None:
    report = load(app, admin, tmp_path, "watchlist", WORLD, marking="TLP:RED", grade="B2")
    assert (report.entities, report.statements) == (5, 22)
    names = [s for s in get_statements(app, admin, "p-amina") if s.prop == "alias"]
    assert {s.value for s in names} == {"أمينة التدراني", "Amina Tidrany"}
    s = names[0]
    assert (str(s.marking), str(s.grade), s.organisation) == ("TLP:RED", "B2", "local")
    assert s.origin is not None and s.origin.endswith("watchlist.ftm.json")


def test_importing_the_same_file_twice_changes_nothing(
    app: Tansiq, admin: Principal, tmp_path: Path
) -> None:
    load(app, admin, tmp_path, "watchlist", WORLD)
    before = list(export_statements(app, admin, "watchlist"))
    load(app, admin, tmp_path, "watchlist", WORLD)
    after = list(export_statements(app, admin, "watchlist"))
    assert [r["id"] for r in before] == [r["id"] for r in after]
    assert [r["first_seen"] for r in before] == [r["first_seen"] for r in after]
    assert get_dataset(app, admin, "watchlist").statement_count == 22


def test_a_broken_line_stores_nothing_from_the_file(
    app: Tansiq, admin: Principal, tmp_path: Path
) -> None:
    many = [e("Person", f"p{i}", name=f"Person {i}") for i in range(40)]
    many.insert(30, e("Person", "bad", birthDate="31/02/1990"))
    path = write_lines(tmp_path / "people.json", many)
    with pytest.raises(InvalidData) as info:
        import_path(app, admin, path, ImportOptions("people"))
    assert str(info.value) == f"{path}:31: birthDate: invalid date '31/02/1990'"
    assert list_datasets(app, admin) == []
    assert list(export_entities(app, admin)) == []


def test_a_new_dataset_takes_the_marking_and_grade_of_its_first_import(
    app: Tansiq, admin: Principal, tmp_path: Path
) -> None:
    load(
        app,
        admin,
        tmp_path,
        "partner",
        WORLD[:1],
        marking="TLP:GREEN",
        grade="C3",
        classification="restricted",
    )
    info = get_dataset(app, admin, "partner")
    assert (info.tlp, info.classification, info.grade) == ("TLP:GREEN", "RESTRICTED", "C3")
    load(app, admin, tmp_path, "partner", WORLD[1:2])
    yassin = get_statements(app, admin, "p-yassin")
    assert {(s.tlp.value, s.classification, str(s.grade)) for s in yassin} == {
        ("TLP:GREEN", "RESTRICTED", "C3")
    }


def test_an_export_imports_back_into_the_same_entities(
    app: Tansiq, admin: Principal, tmp_path: Path
) -> None:
    load(app, admin, tmp_path, "watchlist", WORLD)
    exported = list(export_entities(app, admin, "watchlist"))
    load(app, admin, tmp_path, "copy", exported)
    again = list(export_entities(app, admin, "copy"))
    strip = [(x["id"], x["schema"], x["properties"]) for x in exported]
    assert strip == [(x["id"], x["schema"], x["properties"]) for x in again]


def test_statement_exports_keep_provenance_and_import_back(
    app: Tansiq, admin: Principal, tmp_path: Path
) -> None:
    load(app, admin, tmp_path, "watchlist", WORLD, marking="TLP:AMBER+STRICT", grade="A1")
    rows = list(export_statements(app, admin, "watchlist"))
    path = write_lines(tmp_path / "statements.jsonl", rows)
    report = import_path(app, admin, path, ImportOptions("mirror"))
    assert report.format == "statements-json" and report.statements == len(rows)
    mirrored = list(export_statements(app, admin, "mirror"))
    assert {(r["marking"], r["grade"]) for r in mirrored} == {("TLP:AMBER+STRICT", "A1")}


@pytest.mark.parametrize("name", ["Bad Name", "UPPER", "", "a/b", "x" * 101])
def test_it_refuses_bad_dataset_names(
    app: Tansiq, admin: Principal, tmp_path: Path, name: str
) -> None:
    path = write_lines(tmp_path / "a.json", WORLD[:1])
    with pytest.raises(InvalidData, match="dataset name"):
        import_path(app, admin, path, ImportOptions(name))


@pytest.fixture
def parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    """Send every file through the two-process import path."""
    monkeypatch.setattr("tansiq.services.importing.PARALLEL_FROM_BYTES", 0)


def test_the_two_process_import_stores_the_same_statements(
    app: Tansiq, admin: Principal, tmp_path: Path, parallel: None
) -> None:
    many = [e("Person", f"p{i}", name=f"Person {i}", birthDate="1980") for i in range(50)]
    report = load(app, admin, tmp_path, "many", many)
    assert (report.entities, report.statements, report.lines) == (50, 150, 50)
    assert len(list(export_entities(app, admin, "many"))) == 50


def test_the_two_process_import_stores_nothing_from_a_broken_file(
    app: Tansiq, admin: Principal, tmp_path: Path, parallel: None
) -> None:
    many = [e("Person", f"p{i}", name=f"Person {i}") for i in range(40)]
    many.insert(35, e("Person", "bad", nationality="Atlantis"))
    path = write_lines(tmp_path / "people.json", many)
    with pytest.raises(InvalidData) as info:
        import_path(app, admin, path, ImportOptions("people"))
    assert str(info.value) == f"{path}:36: nationality: invalid country 'Atlantis'"
    assert list_datasets(app, admin) == []
