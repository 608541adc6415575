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
