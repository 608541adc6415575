from __future__ import annotations

from typing import Any

import pytest

from tansiq.extract.attributes import fast_ruler
from tansiq.extract.nlp import attribute_ruler, pipeline
from tansiq.extract.pipeline import _parse

spacy = pytest.importorskip("spacy")

ENGLISH = [
    "Police in Tessaoua said they're gonna question the two men who'd fled, y'all know that.",
    "It ain't over: the Coastal Security Bureau (CSB) has dismantled 14 cells since 2019 and "
    "seized nothin' but   three rifles.\n\nThose that returned were arrested; these weren't.",
    "Something happened to everyone who met Karim Belhadj. Let's see whether he gets bail.",
]
FRENCH = [
    "Les enquêteurs ont arrêté trois hommes à Vellmar le 3 mars 2021.  Ils préparaient un "
    "attentat, selon le parquet. Au cours des cinq dernières années, 42 projets ont été déjoués."
]


def _attributes(doc: Any) -> list[tuple[object, ...]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.mark.parametrize(("lang", "texts"), [("en", ENGLISH), ("fr", FRENCH)])
def test_the_fast_ruler_sets_what_the_spacy_ruler_sets(lang: str, texts: list[str]) -> None:
    nlp = pipeline(lang)
    ruler = attribute_ruler(lang)
    assert ruler is not None
    reference = [_attributes(d) for d in nlp.pipe(texts, disable=["ner"])]
    assert [_attributes(d) for d in _parse(nlp, texts, 8, ruler)] == reference


def _blank_ruler(
    patterns: list[list[dict[str, Any]]], attrs: dict[str, str], index: int = 0
) -> Any:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add(patterns, attrs, index=index)
    return nlp, ruler


def test_later_rules_win_and_two_token_rules_set_the_token_they_name() -> None:
    nlp, ruler = _blank_ruler([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=1)
    ruler.add([[{"LOWER": {"IN": ["gon", "wan"]}}]], {"POS": "VERB", "LEMMA": "go"})
    ruler.add([[{"LOWER": {"REGEX": "^go"}}]], {"POS": "AUX"}, index=0)
    ruler.add([[{"LOWER": "wan"}, {"LOWER": "na"}]], {"LEMMA": "want"}, index=0)
    fast = fast_ruler(ruler)
    assert fast is not None
    text = "They gon na leave , wan na stay"
    expected = [(t.pos_, t.lemma_) for t in ruler(nlp.make_doc(text))]
    assert [(t.pos_, t.lemma_) for t in fast(nlp.make_doc(text))] == expected
    assert expected[1:3] == [("AUX", "go"), ("", "to")]
    assert expected[5:7] == [("VERB", "want"), ("", "")]


def test_a_ruler_with_a_pattern_it_cannot_read_is_left_to_spacy() -> None:
    _, ruler = _blank_ruler([[{"ORTH": "Vellmar"}]], {"POS": "PROPN"})
    assert fast_ruler(ruler) is None
    _, ruler = _blank_ruler([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    assert fast_ruler(ruler) is None
