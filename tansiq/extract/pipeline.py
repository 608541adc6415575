"""The extraction pipeline: a Document in, mentions, candidates, events and figures out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from tansiq.extract import ner
from tansiq.extract.dates import find_dates, parse_reference
from tansiq.extract.events import EventReader
from tansiq.extract.figures import find_figures
from tansiq.extract.gazetteer import Gazetteer
from tansiq.extract.lexicon import Lexicon
from tansiq.extract.model import Document, Extraction, Mention, Span
from tansiq.extract.nlp import pipeline

DEFAULT_LANGUAGE = "en"


class Extractor:
    """Extracts from documents with a gazetteer of known entities and a lexicon of triggers."""

    def __init__(self, gazetteer: Gazetteer | None = None, lexicon: Lexicon | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer()
        self.lexicon = lexicon or Lexicon()

    def extract(self, document: Document) -> Extraction:
        """Everything in one document."""
        lang = _language(document)
        return self._read(document, pipeline(lang)(document.text), lang)

    def extract_many(
        self, documents: Iterable[Document], batch_size: int = 32, n_process: int = 1
    ) -> Iterator[Extraction]:
        """Many documents of one language at a time through ``nlp.pipe`` (faster in bulk)."""
        by_lang: dict[str, list[Document]] = {}
        for document in documents:
            by_lang.setdefault(_language(document), []).append(document)
        for lang, docs in by_lang.items():
            texts = (d.text for d in docs)
            parsed = pipeline(lang).pipe(texts, batch_size=batch_size, n_process=n_process)
            for document, doc in zip(docs, parsed, strict=True):
                yield self._read(document, doc, lang)

    def _read(self, document: Document, doc: Any, lang: str) -> Extraction:
        text = document.text
        acronyms = ner.acronym_table(text)
        mentions = ner.merge(
            self.gazetteer.find(text),
            ner.acronym_mentions(text),
            ner.dateline_mentions(text),
            ner.model_mentions(doc),
        )
        sentences = [Span(s.start_char, s.end_char) for s in doc.sents]
        dates = find_dates(text, parse_reference(document.published))
        figures = find_figures(doc, text, sentences, dates, lang)
        reader = EventReader(self.lexicon, _resolver(mentions))
        return Extraction(
            document=document,
            mentions=mentions,
            candidates=ner.candidates(mentions, acronyms),
            events=reader.events(doc, sentences, dates, figures),
            figures=figures,
        )


def extract(document: Document, gazetteer: Gazetteer | None = None) -> Extraction:
    """Extract from one document with the default lexicon."""
    return Extractor(gazetteer).extract(document)


def _language(document: Document) -> str:
    return document.language if document.language in ("en", "fr") else DEFAULT_LANGUAGE


def _resolver(mentions: list[Mention]) -> Any:
    def resolve(start: int, end: int) -> tuple[str | None, str | None]:
        for mention in mentions:
            if mention.start < end and start < mention.end:
                return mention.entity_id, mention.label
        return None, None

    return resolve
