"""Behaviour of the UN Security Council consolidated list importer."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from followthemoney import EntityProxy, model

from tansiq.exceptions import InvalidData
from tansiq.watchlists import PARSERS, detect_format, parse_file
from tansiq.watchlists.un import parse_un_xml

FIXTURES = Path(__file__).parent / "fixtures"
SMALL = FIXTURES / "un_list_small.xml"
REAL = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "eval"
    / "screening"
    / "un_consolidated_list.xml"
)
NAME_PROPS = ("name", "alias", "weakAlias", "previousName")


def unsc_id(dataid: str) -> str | None:
    """The id the importer gives a record (make_id sets the id of its entity)."""
    return model.make_entity("Thing").make_id("unsc", dataid)


def _by_name(entities: list[EntityProxy], name: str) -> EntityProxy:
    return next(e for e in entities if name in e.get("name", quiet=True))


@pytest.fixture(scope="module")
def small() -> list[EntityProxy]:
    result = parse_un_xml(SMALL)
    assert result.problems == []
    return result.entities


@pytest.fixture(scope="module")
def real() -> tuple[list[EntityProxy], ET.Element]:
    if not REAL.is_file():
        pytest.skip("the real UN list is not in ../shared")
    return parse_un_xml(REAL).entities, ET.parse(REAL).getroot()


def test_it_builds_the_name_from_the_four_name_parts(small: list[EntityProxy]) -> None:
    person = _by_name(small, "ZARIF HAMDAN AL-QASIMI BAKR")
    assert person.schema.name == "Person"


def test_it_maps_alias_quality_to_alias_weak_alias_and_previous_name(
    small: list[EntityProxy],
) -> None:
    person = _by_name(small, "ZARIF HAMDAN AL-QASIMI BAKR")
    assert {"Abu Zarif", "Zarif Bakr"} <= set(person.get("alias"))
    assert person.get("weakAlias") == ["The Accountant"]
    assert person.get("previousName") == ["Zarif Hamdan Salem"]


def test_it_keeps_the_name_in_original_script_as_alias(small: list[EntityProxy]) -> None:
    assert "ظريف حمدان القاسمي" in _by_name(small, "ZARIF HAMDAN AL-QASIMI BAKR").get("alias")
    assert "مؤسسة المثال للإغاثة" in _by_name(small, "EXAMPLE RELIEF FOUNDATION").get("alias")


def test_it_reads_exact_approximate_between_and_month_birth_dates(
    small: list[EntityProxy],
) -> None:
    person = _by_name(small, "ZARIF HAMDAN AL-QASIMI BAKR")
    assert set(person.get("birthDate")) == {"1970-02-03", "1968", "1972", "1973", "1974", "1969-11"}
    notes = " ".join(person.get("notes"))
    assert "approximately 1968" in notes and "between 1972 and 1974" in notes


def test_it_keeps_an_unreadable_birth_date_as_a_note(small: list[EntityProxy]) -> None:
    person = _by_name(small, "MARTA VELIKOVA")
    assert person.get("birthDate") == []
    assert "Date of birth: 30-35 years old" in person.get("notes")


def test_it_cleans_nationalities_gender_and_places(small: list[EntityProxy]) -> None:
    person = _by_name(small, "ZARIF HAMDAN AL-QASIMI BAKR")
    assert person.get("nationality") == ["ye", "ir"]
    assert person.get("gender") == ["male"]
    assert person.get("birthPlace") == ["Mukalla, Yemen"]
    assert person.get("address") == ["12 Example Road, Aden, Yemen"]
    assert person.get("title") == ["Sheikh"]
    assert person.get("position") == ["Financier", "Recruiter"]


def test_it_makes_documents_held_by_the_person(small: list[EntityProxy]) -> None:
    person = _by_name(small, "ZARIF HAMDAN AL-QASIMI BAKR")
    documents = [e for e in small if e.get("holder", quiet=True) == [person.id]]
    passport = next(d for d in documents if d.schema.name == "Passport")
    identification = next(d for d in documents if d.schema.name == "Identification")
    assert passport.get("number") == ["01234567"]
    assert passport.get("country") == ["ye"]
    assert identification.get("number") == ["ID-778899"]
    assert person.get("passportNumber") == ["01234567"]
    assert person.get("idNumber") == ["ID-778899"]


def test_it_makes_a_sanction_for_every_listed_record(small: list[EntityProxy]) -> None:
    person = _by_name(small, "ZARIF HAMDAN AL-QASIMI BAKR")
    sanction = next(
        e for e in small if e.schema.name == "Sanction" and e.get("entity") == [person.id]
    )
    assert sanction.get("authority") == ["United Nations Security Council"]
    assert sanction.get("program") == ["Al-Qaida"]
    assert sanction.get("unscId") == ["QDi.999"]
    assert sanction.get("listingDate") == ["2011-05-04"]
    assert len([e for e in small if e.schema.name == "Sanction"]) == 3


def test_it_derives_ids_from_dataid() -> None:
    first, second = parse_un_xml(SMALL).entities, parse_un_xml(SMALL).entities
    assert [e.id for e in first] == [e.id for e in second]
    assert _by_name(first, "MARTA VELIKOVA").id == unsc_id("9900002")


def test_it_imports_entities_as_organizations(small: list[EntityProxy]) -> None:
    org = _by_name(small, "EXAMPLE RELIEF FOUNDATION")
    assert org.schema.name == "Organization"
    assert org.get("previousName") == ["Example Charity Society"]
    assert org.get("country") == ["pk"]


def test_it_refuses_a_dtd() -> None:
    with pytest.raises(InvalidData, match="DTD"):
        parse_un_xml(FIXTURES / "un_list_with_dtd.xml")


def test_it_refuses_malformed_xml(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>")
    with pytest.raises(InvalidData, match="malformed XML"):
        parse_un_xml(broken)


def test_it_detects_the_un_format_and_parses_through_the_registry() -> None:
    assert detect_format(SMALL, SMALL.read_bytes()[:4096]) == "un_xml"
    assert "un_xml" in PARSERS
    assert len(parse_file(SMALL).entities) == len(parse_un_xml(SMALL).entities)


def test_it_imports_every_individual_of_the_un_list(
    real: tuple[list[EntityProxy], ET.Element],
) -> None:
    entities, root = real
    assert len(root.findall("INDIVIDUALS/INDIVIDUAL")) == 730
    ids = {e.id for e in entities if e.schema.name == "Person"}
    assert len(ids) == 730


def test_it_imports_every_entity_of_the_un_list(
    real: tuple[list[EntityProxy], ET.Element],
) -> None:
    entities, root = real
    assert (
        len([e for e in entities if e.schema.name == "Organization"])
        == len(root.findall("ENTITIES/ENTITY"))
        == 273
    )
    assert len([e for e in entities if e.schema.name == "Sanction"]) == 1003


def test_it_keeps_every_alias_of_the_un_list(real: tuple[list[EntityProxy], ET.Element]) -> None:
    entities, root = real
    by_id = {e.id: e for e in entities}
    checked = 0
    for tag, alias_tag in (
        ("INDIVIDUALS/INDIVIDUAL", "INDIVIDUAL_ALIAS"),
        ("ENTITIES/ENTITY", "ENTITY_ALIAS"),
    ):
        for record in root.findall(tag):
            entity = by_id[unsc_id((record.findtext("DATAID") or "").strip())]
            names = {n for p in NAME_PROPS for n in entity.get(p)}
            for alias in record.findall(f"{alias_tag}/ALIAS_NAME"):
                if (alias.text or "").strip():
                    assert " ".join(alias.text.split()) in names  # type: ignore[union-attr]
                    checked += 1
    assert checked > 2500


def test_it_keeps_every_birth_date_of_the_un_list(
    real: tuple[list[EntityProxy], ET.Element],
) -> None:
    entities, root = real
    by_id = {e.id: e for e in entities}
    checked = 0
    for record in root.findall("INDIVIDUALS/INDIVIDUAL"):
        person = by_id[unsc_id((record.findtext("DATAID") or "").strip())]
        for dob in record.findall("INDIVIDUAL_DATE_OF_BIRTH"):
            for tag in ("DATE", "YEAR", "FROM_YEAR", "TO_YEAR"):
                value = (dob.findtext(tag) or "").strip()
                if value:
                    assert value in person.get("birthDate"), (person.id, value)
                    checked += 1
    assert checked == 454 + 378 + 31 + 31


def test_it_keeps_every_document_of_the_un_list(
    real: tuple[list[EntityProxy], ET.Element],
) -> None:
    entities, root = real
    documents = [e for e in entities if e.schema.name in ("Passport", "Identification")]
    noted = [n for e in entities for n in e.get("notes", quiet=True) if n.startswith("Document:")]
    raw = [d for d in root.iter("INDIVIDUAL_DOCUMENT") if len(d)]
    assert len(documents) + len(noted) == len(raw) == 468
    with_number = [d for d in raw if (d.findtext("NUMBER") or "").strip()]
    assert len(documents) >= len(with_number)
    holders = {e.id for e in entities if e.schema.name == "Person"}
    assert all(d.get("holder")[0] in holders for d in documents)
