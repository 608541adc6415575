"""Arabic-script words against Latin tokens: letter patterns, similarity and blocking."""

from __future__ import annotations

import pytest

from tansiq.matching import CandidateIndex, compare, prepare
from tansiq.matching.crossscript import cross_similarity, latin_form, pattern_skeletons
from tansiq.matching.names import TOKEN_FLOOR, token_similarity
from tansiq.matching.phonetic import phonetic_key, skeleton
from tansiq.matching.tokens import name_tokens

from .conftest import person

# Invented names, each with a plausible Arabic-script spelling.
ROMANISED = [
    ("فيلماريتش", "velmaric"),  # č written تش, its caron lost in Latin
    ("فيلماريتش", "velmarich"),
    ("طوبار", "toubar"),
    ("طوبار", "tubar"),
    ("كاراجيلو", "caragelo"),  # c as k, g as ج
    ("سيراندو", "cerando"),  # c as s
    ("أوسترفيل", "ostervil"),  # leading alif carries the vowel
    ("بيلانيه", "bilanet"),  # French silent final t
]


@pytest.mark.parametrize(("arabic", "latin"), ROMANISED)
def test_plausible_romanisations_score_high(arabic: str, latin: str) -> None:
    assert cross_similarity(arabic, latin) >= 0.85


def test_long_vowel_of_another_class_scores_lower() -> None:
    assert cross_similarity("طوبار", "tubar") > cross_similarity("طوبار", "tibar")


def test_unvoiced_twin_costs_less_than_another_consonant() -> None:
    assert cross_similarity("طوبار", "tupar") > cross_similarity("طوبار", "tumar")


@pytest.mark.parametrize(("arabic", "latin"), [("فيلماريتش", "gordanek"), ("طوبار", "mizeli")])
def test_other_names_score_low(arabic: str, latin: str) -> None:
    assert cross_similarity(arabic, latin) < 0.5


def test_latin_form_keeps_c_ambiguous_and_folds_digraphs() -> None:
    assert latin_form("cerando") == "cirandu"
    assert latin_form("schomer").startswith("$")


@pytest.mark.parametrize(("arabic", "latin"), [("ألوين", "alwin"), ("الوين", "wynn")])
def test_leading_al_may_be_article_or_the_names_letters(arabic: str, latin: str) -> None:
    tok_a, tok_l = name_tokens(arabic)[0], name_tokens(latin)[0]
    assert token_similarity(tok_a, tok_l) >= TOKEN_FLOOR


@pytest.mark.parametrize(("arabic", "latin"), ROMANISED[:2] + ROMANISED[4:6])
def test_pattern_skeletons_include_the_latin_skeleton(arabic: str, latin: str) -> None:
    assert skeleton(phonetic_key(latin)) in pattern_skeletons(arabic)


def test_token_keeps_its_arabic_letters_only_when_unvocalised() -> None:
    assert name_tokens("طوبار")[0].source == "طوبار"
    assert name_tokens("محمد")[0].source == ""  # a known name word: spelled, not patterned
    assert name_tokens("Toubar")[0].source == ""


def test_arabic_query_finds_latin_entry_in_both_directions() -> None:
    latin = person("Velmaric Toubar")
    latin.id = "latin"
    arabic = person("فيلماريتش طوبار")
    arabic.id = "arabic"
    index = CandidateIndex.build([prepare(latin), prepare(person("Gordanek Mizeli"))])
    assert [m.candidate_id for m in index.screen(prepare(arabic))] == ["latin"]
    assert compare(latin, arabic).score == pytest.approx(compare(arabic, latin).score)
    assert compare(arabic, latin).is_match


def test_wrong_vowels_do_not_make_a_match() -> None:
    # same consonants, but the Arabic long vowels (و ا) are not the Latin ones
    assert not compare(person("طوبار سيراندو"), person("Tebir Sorondi")).is_match
