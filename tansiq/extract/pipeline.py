"""The extraction pipeline: a Document in, mentions, candidates, events and figures out."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from tansiq.extract import ner
from tansiq.extract.attributes import FastRuler
from tansiq.extract.dates import dateline_reference, find_dates, parse_reference
from tansiq.extract.events import EventReader
from tansiq.extract.figures import find_figures
from tansiq.extract.focus import focus, needs_names, trigger_pattern
from tansiq.extract.gazetteer import Gazetteer
from tansiq.extract.language import load_detector
from tansiq.extract.lexicon import Lexicon
from tansiq.extract.model import Document, Event, Extraction, Mention, Span
from tansiq.extract.nlp import attribute_ruler, pipeline
from tansiq.extract.roles import RoleModel
from tansiq.extract.roles.attach import attach
from tansiq.extract.roles.features import candidates

DEFAULT_LANGUAGE = "en"


class Extractor:
    """Extracts from documents with a gazetteer of known entities and a lexicon of triggers.

    The parser reads only the sentences with a trigger word, a number or a gazetteer hit, and the
    statistical NER, run separately, only the sentences with a capitalised name or a gazetteer hit
    of cased text (see :mod:`tansiq.extract.focus`).

    With a learnt ``roles`` model (:mod:`tansiq.extract.roles`), documents in the model's
    language are parsed whole (the model reads every sentence) and its predicted fillers join
    the events as roles marked with the model's id and their probability.
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        lexicon: Lexicon | None = None,
        roles: RoleModel | None = None,
    ) -> None:
        self.gazetteer = gazetteer or Gazetteer()
        self.lexicon = lexicon or Lexicon()
        self.roles = roles
        self._triggers = trigger_pattern(self.lexicon)

    def warm_up(self, languages: Iterable[str] = (DEFAULT_LANGUAGE,)) -> None:
        """Load the language detector and the models of ``languages`` now: before forking
        worker processes, which then start with them loaded."""
        load_detector()
        for lang in languages:
            pipeline(lang)
            attribute_ruler(lang)

    def extract(self, document: Document) -> Extraction:
        """Everything in one document."""
        return next(self._extract_batch([document], batch_size=1))

    def extract_many(
        self, documents: Iterable[Document], batch_size: int = 32, n_process: int = 1
    ) -> Iterator[Extraction]:
        """Extractions in input order, parsed ``batch_size`` documents at a time with
        ``nlp.pipe``; ``n_process > 1`` spreads batches over worker processes, each parsing and
        reading its own documents (only the small Extraction records travel back)."""
        if n_process <= 1:
            yield from self._extract_batch(documents, batch_size)
            return
        forking = "fork" in multiprocessing.get_all_start_methods()
        if forking:
            pipeline(DEFAULT_LANGUAGE)  # loaded once here, shared by the forked workers
        context = multiprocessing.get_context("fork" if forking else "spawn")
        with context.Pool(n_process, initializer=_init_worker, initargs=(self,)) as pool:
            for extractions in pool.imap(_work, _chunks(documents, batch_size)):
                yield from extractions

    def parsed(
        self, documents: Iterable[Document], batch_size: int = 32
    ) -> Iterator[tuple[Extraction, Any]]:
        """Rule extractions (no NER, no role model) with their spaCy docs, every sentence
        parsed: what a role model is trained on."""
        for chunk in _chunks(documents, batch_size):
            prepared = [self._prepare(d, full=True) for d in chunk]
            parsed = self._run(prepared, batch_size, ner=False)
            for i, document in enumerate(chunk):
                yield self._read(document, parsed[i], None, prepared[i]), parsed[i]

    def _extract_batch(
        self, documents: Iterable[Document], batch_size: int
    ) -> Iterator[Extraction]:
        for chunk in _chunks(documents, batch_size):
            prepared = [self._prepare(d, self._learnt(d)) for d in chunk]
            parsed = self._run(prepared, batch_size, ner=False)
            named = self._run(prepared, batch_size, ner=True)
            for i, document in enumerate(chunk):
                found = self._read(document, parsed[i], named.get(i), prepared[i])
                if self.roles is not None and prepared[i].full:
                    found.events = self._predict(self.roles, found, parsed[i])
                yield found

    def _learnt(self, document: Document) -> bool:
        return self.roles is not None and _language(document) == self.roles.language

    def _predict(self, model: RoleModel, found: Extraction, doc: Any) -> list[Event]:
        """The events with the role model's predicted fillers added."""
        words = candidates(doc, found.events, self.lexicon, model.frequency)
        predictions = model.predict(words, model.relevance.probability(found.document.text))
        sentences = [_trimmed(s) for s in doc.sents]
        return attach(doc, found.events, sentences, predictions, f"model:{model.id}")

    def _run(self, prepared: list[Prepared], batch_size: int, ner: bool) -> dict[int, Any]:
        """Index -> spaCy doc: the parse (no NER) of the parse texts, or the NER alone of the
        name texts of the documents that have one. The NER has its own token vectors, so the two
        runs share no work and each reads only the sentences it needs."""
        groups: dict[str, list[int]] = {}
        for i, p in enumerate(prepared):
            if not ner or p.names is not None:
                groups.setdefault(p.lang, []).append(i)
        done: dict[int, Any] = {}
        for lang, indexes in groups.items():
            nlp = pipeline(lang)
            texts = [(prepared[i].names if ner else prepared[i].parse) or "" for i in indexes]
            if ner:
                disable = [name for name in nlp.pipe_names if name != "ner"]
                docs = nlp.pipe(texts, batch_size=batch_size, disable=disable)
            else:
                docs = _parse(nlp, texts, batch_size, attribute_ruler(lang))
            done.update(zip(indexes, docs, strict=True))
        return done

    def _prepare(self, document: Document, full: bool = False) -> Prepared:
        """A document's language, texts for the parser (``full``: all of it) and the NER, and
        gazetteer mentions."""
        known = self.gazetteer.find(document.text)
        spans = [(m.start, m.end) for m in known]
        text = document.text
        parse = text if full else focus(text, self._triggers, spans, names=False)
        names = focus(document.text, None, spans) if needs_names(document.text) else None
        return Prepared(_language(document), parse, names, known, full)

    def _read(
        self, document: Document, doc: Any, named: Any | None, prepared: Prepared
    ) -> Extraction:
        text = document.text
        known = prepared.known
        acronyms = ner.acronym_table(text)
        mentions = ner.merge(
            known,
            ner.acronym_mentions(text),
            ner.dateline_mentions(text),
            ner.model_mentions(named) if named is not None else [],
        )
        sentences = [_trimmed(s) for s in doc.sents]
        reference = parse_reference(document.published) or dateline_reference(text)
        dates = find_dates(text, reference)
        figures = find_figures(doc, text, sentences, dates, prepared.lang, reference)
        reader = EventReader(self.lexicon, _resolver(mentions))
        return Extraction(
            document=document,
            mentions=mentions,
            candidates=ner.candidates(mentions, acronyms),
            events=reader.events(doc, sentences, dates, figures),
            figures=figures,
        )


@dataclass(frozen=True)
class Prepared:
    """What a document needs parsed: the text for the parser (sentences with a trigger, a number
    or a known name) and for the NER (sentences with a name; None for lower-case text)."""

    lang: str
    parse: str
    names: str | None
    known: list[Mention]
    full: bool = False


_WORKER: list[Extractor] = []


def _init_worker(extractor: Extractor) -> None:
    _WORKER[:] = [extractor]


def _work(documents: list[Document]) -> list[Extraction]:
    return list(_WORKER[0]._extract_batch(documents, len(documents)))


def _parse(nlp: Any, texts: list[str], batch_size: int, ruler: FastRuler | None) -> Iterator[Any]:
    """Parsed docs without NER; with ``ruler`` (see :func:`~tansiq.extract.nlp.attribute_ruler`)
    the attribute ruler is that stand-in, run here before the lemmatizer, in pipeline order."""
    if ruler is None:
        disable = [name for name in ("ner",) if name in nlp.pipe_names]
        yield from nlp.pipe(texts, batch_size=batch_size, disable=disable)
        return
    disable = [n for n in ("attribute_ruler", "lemmatizer", "ner") if n in nlp.pipe_names]
    lemmatizer = nlp.get_pipe("lemmatizer")
    for doc in nlp.pipe(texts, batch_size=batch_size, disable=disable):
        yield lemmatizer(ruler(doc))


def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for document in documents:
        chunk.append(document)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _trimmed(sent: Any) -> Span:
    """A sentence's span without the blanked-out text and spaces at its ends."""
    words = [t for t in sent if not t.is_space]
    if not words:
        return Span(sent.start_char, sent.start_char)
    return Span(words[0].idx, words[-1].idx + len(words[-1].text))


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
