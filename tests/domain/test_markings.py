import pytest

from tansiq.domain.markings import TLP, Classification, Marking
from tansiq.exceptions import InvalidData

LADDER = ("UNCLASSIFIED", "RESTRICTED", "SECRET")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TLP:AMBER", TLP.AMBER),
        ("amber", TLP.AMBER),
        ("TLP:AMBER+STRICT", TLP.AMBER_STRICT),
        ("tlp:clear", TLP.CLEAR),
        ("WHITE", TLP.CLEAR),
        (" TLP:RED ", TLP.RED),
    ],
)
def test_it_reads_tlp_labels_in_their_common_spellings(text: str, expected: TLP) -> None:
    assert TLP.parse(text) is expected


def test_it_refuses_an_unknown_tlp_label_and_names_the_valid_ones() -> None:
    with pytest.raises(InvalidData, match="TLP:AMBER\\+STRICT") as info:
        TLP.parse("TLP:ORANGE")
    assert info.value.field == "marking"


def test_tlp_ranks_go_from_most_to_least_shareable() -> None:
    assert [t.rank for t in TLP] == [0, 1, 2, 3, 4]
    assert TLP.CLEAR.rank < TLP.RED.rank


def test_classification_follows_the_configured_ladder() -> None:
    assert Classification.parse("restricted", LADDER) == Classification(1, "RESTRICTED")
    assert Classification.parse("SECRET", LADDER) > Classification.parse("RESTRICTED", LADDER)
    with pytest.raises(InvalidData, match="levels: UNCLASSIFIED, RESTRICTED, SECRET"):
        Classification.parse("TOP SECRET", LADDER)


def test_a_marking_prints_its_tlp_and_classification() -> None:
    assert str(Marking.parse("amber", "secret", LADDER)) == "TLP:AMBER SECRET"
    assert str(Marking.parse("TLP:GREEN", None, LADDER)) == "TLP:GREEN"
