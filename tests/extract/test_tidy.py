"""Name mentions trimmed to the name, and one label per name in a document (fictional names)."""

import pytest

from tansiq.extract import Document, Extractor
from tansiq.extract.model import Mention
from tansiq.extract.ner import acronym_mentions, acronym_table
from tansiq.extract.tidy import one_label_per_name, tidy


def _tidy(text: str, label: str) -> str | None:
    found = tidy(Mention(text, label, 10, 10 + len(text)))
    if found is None:
        return None
    assert found.end - found.start == len(found.text)
    return found.text


@pytest.mark.parametrize(
    ("text", "label", "name"),
    [
        ("King Tamzar Oufella", "PER", "Tamzar Oufella"),
        ("President Dr. Ilyan Brask", "PER", "Ilyan Brask"),
        ("Général Kael Moreno-Vint", "PER", "Kael Moreno-Vint"),
        ("al-Zarkouni", "PER", "al-Zarkouni"),
        ("“Vanguard Front”", "ORG", "Vanguard Front"),
        ("the Director of the Dunes Bureau of Inquiry", "ORG", "Dunes Bureau of Inquiry"),
        ("Head of Tamaskart’s Office of Border Security", "ORG", "Office of Border Security"),
        ("the Tamaskart Herald\nAdd comment", "ORG", "Tamaskart Herald"),
        ("LaVerda", "ORG", "LaVerda"),
        ("King", "PER", "King"),
    ],
)
def test_titles_roles_quotes_and_lines_are_trimmed(text: str, label: str, name: str) -> None:
    assert _tidy(text, label) == name


@pytest.mark.parametrize("text", ["”he", "they", "said that"])
def test_what_is_no_name_is_dropped(text: str) -> None:
    assert _tidy(text, "PER") is None


def test_spans_point_at_the_trimmed_name() -> None:
    text = "Yesterday King Tamzar Oufella spoke."
    found = tidy(Mention("King Tamzar Oufella", "PER", 10, 29))
    assert found is not None
    assert text[found.start : found.end] == "Tamzar Oufella"


def test_an_acronym_long_form_loses_its_role_phrase() -> None:
    text = "the Director of the Dunes Bureau of Inquiry (DBI) said. DBI agents came."
    long_form = acronym_mentions(text)[0]
    assert (long_form.text, text[long_form.start : long_form.end]) == (
        "Dunes Bureau of Inquiry",
        "Dunes Bureau of Inquiry",
    )
    assert acronym_table(text) == {"DBI": "Dunes Bureau of Inquiry"}


def test_one_name_takes_the_label_of_its_most_trusted_mentions() -> None:
    mentions = [
        Mention("Tizimar", "LOC", 0, 7, source="dateline"),
        Mention("Tizimar", "PER", 40, 47),
        Mention("Ouzal Brigade", "ORG", 60, 73),
        Mention("Ouzal Brigade", "ORG", 80, 93),
        Mention("Ouzal Brigade", "PER", 100, 113),
        Mention("Morocco", "ORG", 120, 127),
    ]
    labels = [m.label for m in one_label_per_name(mentions)]
    assert labels == ["LOC", "LOC", "ORG", "ORG", "ORG", "LOC"]


def test_a_known_entity_keeps_its_label() -> None:
    mentions = [
        Mention("Tizimar", "LOC", 0, 7, source="dateline"),
        Mention("Tizimar", "LOC", 20, 27),
        Mention("Tizimar", "PER", 40, 47, entity_id="known-1", source="gazetteer"),
    ]
    assert [m.label for m in one_label_per_name(mentions)] == ["LOC", "LOC", "PER"]


def test_the_pipeline_trims_a_title_off_a_new_person() -> None:
    text = (
        "Tizimar – King Tamzar Oufella received the commander of the border guard on Monday. "
        "Tamzar Oufella praised the guards."
    )
    document = Document("story.txt", text, "text/plain", "0" * 64, language="en")
    found = Extractor().extract(document)
    people = {c.name for c in found.candidates if c.schema == "Person"}
    assert "King Tamzar Oufella" not in people
    assert "Tamzar Oufella" in people
