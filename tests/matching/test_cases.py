"""Name matching cases as data: (query, candidate, expected is_match)."""

from __future__ import annotations

import itertools

import pytest

from tansiq.matching import ALGORITHM, compare, prepare

from .conftest import person

KHIAME = [
    "Abdelhak El Khiame",
    "Abdelhak El Khiam",
    "Khiame",
    "Abd al-Haqq al-Khiyam",
    "عبد الحق الخيام",
]

NAME_CASES = [
    # romanisation variants
    ("Mohammed Abdel Rahman", "Muhammad Abd al-Rahman", True),
    ("Mohamed Abdulrahman", "Mohammad Abderrahmane", True),
    ("Youssef El Khoury", "Yusuf al-Khuri", True),
    ("Djaafar Abou Mohamed", "Jafar Abu Muhammad", True),
    ("Nooruddin Turabi", "Nur al-Din Turabi", True),
    ("Habibullah Reshad", "Habib Allah Reshad", True),
    # joined / split compounds
    ("Abdelhak Belkacem", "Abdel Hak Belkacem", True),
    ("Abdulaziz Qahtani", "Abdul Aziz al-Qahtani", True),
    # token order and inverted listings
    ("Rustum Hanafi Habibullah", "HANAFI HABIBULLAH, RUSTUM", True),
    ("Ahmed Salim Zoghbi", "Zoghbi Ahmed Salim", True),
    # missing middle names
    ("Abdul Basir Noorzai", "Abdul Basir Mohammad Noorzai", True),
    ("Yasir Sabawi Ibrahim Hasan al-Tikriti", "Yasir al-Tikriti", True),
    # honorifics and particles
    ("Sheikh Mohamed ben Belgacem al-Aouadi", "Mohamed Belgacem Aouadi", True),
    # Arabic script against Latin
    ("رياض محمد حسن محمد الحجازي", "Raed Muhammad Hasan Muhammad Hijazi", True),
    ("إبراهيم حسن طالع عسيري", "Ibrahim Hassan Tali Asiri", True),
    ("عبدالله السندي", "Abdullah Sindhi", True),
    # clean negatives: shared common given name, different people
    ("Mohammed Ali", "Mohammed Hassan", False),
    ("Mohammed", "Mohammed Ali Hassan", False),
    ("Ahmed Khalil", "Ahmed Karimi", False),
    ("John Smith", "John Williams", False),
    ("Maria Garcia", "Maria Lopez", False),
    ("Abdelhak El Khiame", "Abdelkader Belkacem", False),
]


@pytest.mark.parametrize(("query", "candidate"), list(itertools.permutations(KHIAME, 2)))
def test_khiame_variants_all_match(query: str, candidate: str) -> None:
    match = compare(person(query), person(candidate))
    assert match.is_match, match.text


@pytest.mark.parametrize(("query", "candidate", "expected"), NAME_CASES)
def test_name_cases(query: str, candidate: str, expected: bool) -> None:
    match = compare(person(query), person(candidate))
    assert match.is_match is expected, match.text


def test_name_only_exact_match_is_below_full_identity() -> None:
    name_only = compare(person("Abdelhak El Khiame"), person("Abdelhak El Khiame"))
    full = compare(
        person("Abdelhak El Khiame", birthDate="1960-03-04", passportNumber="AB123456"),
        person("Abdelhak El Khiame", birthDate="1960-03-04", passportNumber="AB 123456"),
    )
    assert ALGORITHM.match_threshold.value <= name_only.score <= 0.85
    assert full.score == pytest.approx(1.0)


def test_prepared_entities_give_same_result() -> None:
    query, cand = person("Abd al-Haqq al-Khiyam"), person("عبد الحق الخيام")
    assert compare(prepare(query), prepare(cand)).score == compare(query, cand).score


def test_score_in_unit_interval_and_explained() -> None:
    match = compare(person("Abdelhak El Khiame", birthDate="1960"), person("Khiame"))
    assert 0.0 <= match.score <= 1.0
    assert match.algorithm == "tansiq-name-v1"
    assert [r.name for r in match.explanation][:2] == ["name", "birth_date"]
    assert "khiame" in match.text


def test_person_cannot_match_vessel() -> None:
    from followthemoney import model

    vessel = model.make_entity("Vessel")
    vessel.id = "v1"
    vessel.add("name", "Abdelhak El Khiame")
    assert compare(person("Abdelhak El Khiame"), vessel).score == 0.0


def test_organisation_names_compare() -> None:
    from followthemoney import model

    org_a = model.make_entity("Organization")
    org_a.id = "o1"
    org_a.add("name", "Jabhat al-Nusrah")
    org_b = model.make_entity("Organization")
    org_b.id = "o2"
    org_b.add("name", "Jabhet al-Nusra")
    assert compare(org_a, org_b).is_match
