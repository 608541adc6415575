"""The caches of prepare() give exactly what the uncached steps give.

Names are assembled from cached words, characters are kept through a lazily
filled translation table and query tokens are re-weighed through a cache: each
is compared here with the plain computation it replaces.
"""

from __future__ import annotations

import dataclasses
import gc
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tansiq.matching import normalise, tokens
from tansiq.matching.normalise import split_inverted, tokenise
from tansiq.matching.prepare import PreparedEntity, prepare, reweigh, reweigh_token
from tansiq.matching.rarity import NameStats
from tansiq.matching.tokens import NameToken, name_tokens

from .conftest import person

# Particles, honorifics, compound heads and tails, articles, Arabic-script words with
# and without the article, syllabic-script and punctuation-only words (fictional names).
WORDS = tuple(
    " ".join(
        (
            "al el ul ud bin ben ibn ould abd abdel abdul abu bou din uddin ullah allah rahman",
            "rehman sheikh haji dr mr hak haq noor nur habib karim zorvani tessaly mirodan",
            "nakhle-bassa o'kelly d'arvo - ' . ,",
            "عبد الحق الله الدين ابو بن بنت شيخ رحمن الرحمن عبدالله محمد الزرواني زرواني ال",
            "김 민준 たなか",
        )
    ).split(" ")
)


def _reference_tokens(name: str) -> tuple[NameToken, ...]:
    """The uncached assembly: every piece of the whole name combined at once."""
    pieces = [piece for text, script in tokenise(name) for piece in tokens._pieces(text, script)]
    combined = tokens._combine(pieces)
    return tuple(tokens._make_token(piece) for piece in combined if piece.forms[0])


@settings(max_examples=400)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))
def test_names_from_cached_words_equal_whole_name_combining(words: list[str]) -> None:
    name = " ".join(words)
    assert name_tokens(name) == _reference_tokens(name)


@given(st.text(max_size=30))
def test_any_text_tokenises_as_whole_name_combining(text: str) -> None:
    assert name_tokens(text) == _reference_tokens(text)


def test_a_particle_joins_cached_neighbours() -> None:
    """Words cached alone still combine with a particle or suffix next to them."""
    alone = name_tokens("zorvani")
    assert [t.text for t in name_tokens("abd zorvani")] != [t.text for t in alone]
    assert name_tokens("habib ullah") == name_tokens("habibullah")
    assert name_tokens("al") == _reference_tokens("al")  # a lone article stays a token


def _reference_normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", split_inverted(text)).casefold()
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(normalise._keep_char(char) for char in decomposed)
    return " ".join(unicodedata.normalize("NFC", kept).split())


@given(st.text(max_size=40))
def test_normalise_table_keeps_what_keep_char_keeps(text: str) -> None:
    normalise.normalise_text.cache_clear()
    assert normalise.normalise_text(text) == _reference_normalise(text)


def test_kept_character_table_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    table = normalise._KeptChars()
    monkeypatch.setattr(normalise, "KEPT_TABLE_MAX", 3)
    assert "Zö-é ab".translate(table) == "".join(normalise._keep_char(c) for c in "Zö-é ab")
    assert len(table) == 3


def test_one_form_tokens_equal_the_general_formula() -> None:
    for piece in (
        tokens._latin_piece("zorvani"),
        tokens._Piece(tokens.NAME, ("minjun",), True, exact_vowels=True),
        tokens._Piece(tokens.NAME, ("zarwani",), False, source="زرواني"),
    ):
        several = dataclasses.replace(piece, forms=(*piece.forms, piece.forms[0]))
        assert len(piece.forms) == 1
        # the second, repeated form changes nothing in the general formula
        assert tokens._make_token(piece) == tokens._make_token(several)


def _stats(common: str, docs: int = 100) -> NameStats:
    key = name_tokens(common)[0].rarity[0]
    return NameStats.from_keys([[key]] * (docs // 2) + [["other"]] * (docs - docs // 2))


def _plain_reweigh(entity: PreparedEntity, stats: NameStats) -> PreparedEntity:
    names = tuple(tuple(reweigh_token(t, stats) for t in name) for name in entity.name_tokens)
    return dataclasses.replace(entity, name_tokens=names)


def test_reweigh_cache_follows_the_statistics() -> None:
    traveller = prepare(person("Zorvani Tessaly", birthDate="1980-02-03"))
    by_zorvani, by_tessaly = _stats("zorvani"), _stats("tessaly")
    for _ in range(2):  # alternate: a cache of the other statistics must not answer
        for stats in (by_zorvani, by_tessaly):
            assert reweigh(traveller, stats) == _plain_reweigh(traveller, stats)
    weights = [t.weight for t in reweigh(traveller, by_zorvani).name_tokens[0]]
    assert weights[0] < weights[1]
    del by_zorvani
    gc.collect()
    fresh = _stats("tessaly", docs=60)  # may reuse the freed statistics' address
    assert reweigh(traveller, fresh) == _plain_reweigh(traveller, fresh)


def test_unchanged_entity_is_returned_as_is() -> None:
    traveller = prepare(person("Mirodan Tessaly"))
    assert reweigh(traveller, NameStats(10)) is traveller


def test_reweigh_token_keeps_every_other_field() -> None:
    fields = [f.name for f in dataclasses.fields(NameToken)]
    # reweigh_token calls the constructor with these, in this order: update it with them
    assert fields == [
        "text",
        "keys",
        "skeletons",
        "vowelled",
        "weight",
        "exact_vowels",
        "rarity",
        "source",
    ]
    token = NameToken("zarwani", ("zarvan",), ("zrvn",), False, 1.0, True, ("zarvani",), "زرواني")
    stats = NameStats.from_keys([["zarvani"]] * 50 + [["other"]] * 50)
    lowered = reweigh_token(token, stats)
    assert lowered == dataclasses.replace(token, weight=lowered.weight)
    assert lowered.weight < token.weight
