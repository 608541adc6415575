from __future__ import annotations

from tansiq.extract import Gazetteer

GAZ = Gazetteer(
    [
        ("p-1", "Person", ["Yassine El Oudghiri", "ياسين الودغيري"]),
        ("o-1", "Organization", ["Amber Lantern Network", "ALN"]),
    ]
)


def test_it_finds_names_across_case_accents_and_particles() -> None:
    found = GAZ.find("Police sought YASSINE OUDGHIRI and the amber lantern network.")
    assert [(m.entity_id, m.label) for m in found] == [("p-1", "PER"), ("o-1", "ORG")]


def test_it_finds_aliases_in_arabic_script() -> None:
    found = GAZ.find("قالت الشرطة إن ياسين الودغيري غادر")
    assert [m.entity_id for m in found] == ["p-1"]


def test_it_ignores_very_short_names() -> None:
    assert Gazetteer([("x", "Person", ["Al"])]).find("Al said") == []


def test_the_longest_known_name_wins_even_when_a_longer_one_is_left_unfinished() -> None:
    gaz = Gazetteer(
        [
            ("o-1", "Organization", ["Amber Lantern"]),
            ("o-2", "Organization", ["Amber Lantern Network Council of Elders"]),
            ("o-3", "Organization", ["Lantern Network"]),
        ]
    )
    found = gaz.find(
        "The amber lantern network council met; the Amber Lantern Network Council of Elders"
        " did not."
    )
    assert [(m.entity_id, m.text) for m in found] == [
        ("o-1", "amber lantern"),
        ("o-2", "Amber Lantern Network Council of Elders"),
    ]


def test_particles_inside_a_name_are_skipped_and_an_empty_gazetteer_finds_nothing() -> None:
    gaz = Gazetteer([("p-2", "Person", ["Samir Abu Haddad"])])
    found = gaz.find("Officers arrested Samir al Abu Haddad and SAMIR ABU HADDAD.")
    assert [m.text for m in found] == ["Samir al Abu Haddad", "SAMIR ABU HADDAD"]
    assert Gazetteer().find("Samir Abu Haddad") == []
