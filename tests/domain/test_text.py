from hypothesis import given
from hypothesis import strategies as st

from tansiq.domain.text import fold, terms


def test_search_terms_ignore_case_accents_and_punctuation() -> None:
    assert terms("Abd-el-Krim  EL KHATTÂBI, Jr.") == ["abd", "el", "krim", "khattabi", "jr"]


def test_arabic_terms_drop_short_vowel_marks() -> None:
    assert terms("مُحَمَّد") == terms("محمد") == ["محمد"]


@given(st.text())
def test_folding_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
