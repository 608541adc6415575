"""Learnt MUC-4 role fillers: one logistic regression per role over the words of a document.

The unit the head-noun score counts is a head word, so the classifier scores every candidate word
of a document (a noun, proper noun or adjective that is not a stop word) for each role. A word's
features are pooled over its occurrences in the document:

* the word itself, its part of speech and dependency relation;
* the word that governs it (``dobj>kill``, ``pobj:by>attack``), and whether a governor up to three
  steps above it is an attack trigger of the lexicon (``atk:nsubj``, ``atk:pobj:with``);
* its neighbours and modifiers ('fmln' before 'guerrillas', 'urban' before 'terrorists');
* the role the package's event rules (:class:`tansiq.extract.events.EventReader`) gave it;
* where it first occurs (sentence index), how often it occurs, and the document's relevance
  probability from :mod:`bench.extract.muc4`'s relevance classifier.

Everything is fitted on the *train* split when the bench runs. The probability thresholds (and
the relevance gate) are chosen by five-fold cross-validation on train: each fold is scored by a
model fitted on the other four, with relevance probabilities that are themselves out of fold.
Dev is only ever predicted, never looked at for a choice. The inverse regularisation ``C`` and
the pooling (``POOLS``) were also chosen on train cross-validation (see docs/benchmarks.md).
Needs scikit-learn (liblinear) and scipy, from the ``bench`` extra.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from tansiq.extract import lexicon as lx
from tansiq.extract.events import EventReader
from tansiq.extract.model import Span
from tansiq.extract.nlp import pipeline

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
ROLE_OF = {
    "perpetrator": "PerpInd",
    "perpetrator_org": "PerpOrg",
    "target": "Target",
    "victim": "Victim",
    "weapon": "Weapon",
}
CANDIDATE_POS = {"NOUN", "PROPN", "ADJ", "X"}
PUNCT = str.maketrans("", "", "!\"#$%&'()*+,./:;<=>?@[\\]^_`{|}~")
UP = 3
"""How many governors above a word are searched for an attack trigger."""

C = 1.0
"""Inverse L2 strength of the logistic regressions (chosen by train cross-validation)."""
WINDOW = 4
"""Verbs and nouns this many tokens either side of a word (in its sentence) are features."""

POOLS = ("word", "token")
"""The models averaged: 'word' has one row per word with the features of all its occurrences
pooled; 'token' one row per occurrence, a word's probability the maximum over its occurrences."""
MAX_ROWS = 10

Features = dict[str, list[set[str]]]
"""Candidate word -> its rows of feature names, for one document."""


def parse(texts: list[str], cache: Path | None = None) -> list[Any]:
    """Parsed documents (English pipeline without NER, as the extractor runs on lower-case
    text); ``cache`` keeps a DocBin to skip the parse on the next run with the same texts."""
    from spacy.tokens import DocBin

    nlp = pipeline("en")
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(nlp.pipe(texts, batch_size=32, disable=["ner"]))
    if cache is not None:
        DocBin(store_user_data=False, docs=docs).to_disk(cache)
    return docs


def word(token: Any) -> str:
    """A token as the scorer normalises it: lower case, no punctuation."""
    return str(token.lower_).translate(PUNCT)


def is_candidate(token: Any) -> bool:
    w = word(token)
    return token.pos_ in CANDIDATE_POS and not token.is_stop and len(w) > 1 and w[:1].isalpha()


def governors(token: Any) -> Iterable[tuple[int, Any, str]]:
    """(distance, governor, path) up to ``UP`` steps; a preposition's object climbs through it."""
    path = token.dep_
    current = token
    for step in range(1, UP + 1):
        head = current.head
        if head is current:
            return
        if current.dep_ == "pobj":
            path = f"pobj:{head.lower_}"
            current, head = head, head.head
            if head is current:
                return
        yield step, head, path
        path = f"{current.dep_}+"
        current = head


def token_features(token: Any, lexicon: lx.Lexicon) -> set[str]:
    """The features of one occurrence of a candidate word."""
    feats = {f"w={word(token)}", f"pos={token.pos_}", f"dep={token.dep_}"}
    doc = token.doc
    if token.i > 0:
        feats.add(f"l={doc[token.i - 1].lower_}")
    if token.i + 1 < len(doc):
        feats.add(f"r={doc[token.i + 1].lower_}")
    feats |= {f"mod={c.lower_}" for c in token.children if c.dep_ in ("compound", "amod")}
    sent = token.sent
    window = doc[max(token.i - WINDOW, sent.start) : min(token.i + WINDOW + 1, sent.end)]
    feats |= {
        f"ctx={t.lemma_.lower()}" for t in window if t.pos_ in ("VERB", "NOUN") and t != token
    }
    if not WINDOW:
        feats = {f for f in feats if not f.startswith("ctx=")}
    if token.dep_ in ("compound", "amod"):
        feats.add(f"modof={token.head.lemma_}")
    for step, head, path in governors(token):
        if step == 1:
            feats |= {f"gov={path}>{head.lemma_}", f"path={path}", f"govl={head.lemma_}"}
        kind = lexicon.event_type(head.lemma_.lower(), "VERB" if head.pos_ == "VERB" else "NOUN")
        if kind is not None:
            feats |= {f"ev{step}={kind}:{path}", f"ev={kind}"}
    return feats


def rule_features(doc: Any, lexicon: lx.Lexicon) -> dict[str, set[str]]:
    """word -> 'rule=<role>' for the head words the package's event rules fill roles with."""
    reader = EventReader(lexicon, lambda start, end: (None, None))
    sentences = [Span(s.start_char, s.end_char) for s in doc.sents]
    found: dict[str, set[str]] = {}
    for event in reader.events(doc, sentences, [], []):
        for role in event.roles:
            name = ROLE_OF.get(role.role)
            span = doc.char_span(role.start, role.end, alignment_mode="expand")
            if name is None or span is None:
                continue
            found.setdefault(word(span.root), set()).add(f"rule={name}:{event.type}")
    return found


def rarity(n: int) -> str:
    """A bucket of a word's train document frequency: rare words are mostly names."""
    return "df=" + next(str(b) for b in (0, 1, 3, 10, 50, 200, 10**9) if n <= b)


def doc_features(doc: Any, lexicon: lx.Lexicon, df: Callable[[str], int]) -> Features:
    """Every candidate word of a parsed document with a row of features per occurrence;
    ``df`` is a word's train document frequency (not counting the document itself)."""
    shared: dict[str, set[str]] = {}
    occurrences: dict[str, list[set[str]]] = {}
    for index, sent in enumerate(doc.sents):
        attack = any(lexicon.event_type(t.lemma_.lower(), t.pos_) == lx.ATTACK for t in sent)
        for token in sent:
            if not is_candidate(token):
                continue
            w = word(token)
            if w not in shared:
                shared[w] = {f"first={min(index, 6)}", rarity(df(w)), f"suf={w[-3:]}"}
            row = token_features(token, lexicon)
            if attack:
                row.add("sent=attack")
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            row.add("next=cand" if nxt is not None and is_candidate(nxt) else "next=other")
            occurrences.setdefault(w, []).append(row)
    for w, rules in rule_features(doc, lexicon).items():
        if w in shared:
            shared[w] |= rules
    for w, rows in occurrences.items():
        shared[w].add(f"count={min(len(rows), 4)}")
        if not any("next=other" in row for row in rows):
            shared[w].add("always=modifier")  # never the last word of a phrase: never a head
    return {w: [shared[w] | row for row in rows[:MAX_ROWS]] for w, rows in occurrences.items()}


@dataclass
class Vectoriser:
    """Feature names to columns; names seen fewer than ``min_df`` times are dropped."""

    columns: dict[str, int]

    @classmethod
    def fit(cls, rows: Iterable[set[str]], min_df: int = 2) -> Vectoriser:
        df = Counter(f for row in rows for f in row)
        names = sorted(f for f, n in df.items() if n >= min_df)
        return cls({f: i for i, f in enumerate(names)})

    def matrix(self, rows: Sequence[set[str]], relevance: Sequence[float]) -> Any:
        from scipy.sparse import csr_matrix

        indptr, indices, values = [0], [], []
        rel = len(self.columns)
        for row, p in zip(rows, relevance, strict=True):
            cols = sorted(self.columns[f] for f in row if f in self.columns)
            indices += [*cols, rel]
            values += [1.0] * len(cols) + [p]
            indptr.append(len(indices))
        return csr_matrix((values, indices, indptr), shape=(len(rows), rel + 1))


@dataclass
class RoleModel:
    """One logistic regression per role over candidate words."""

    vectoriser: Vectoriser
    models: dict[str, Any]
    pool: str

    def probabilities(
        self, docs: Sequence[Features], relevance: Sequence[float]
    ) -> list[dict[str, dict[str, float]]]:
        """Per document, role -> word -> probability."""
        rows, rels, owners = flatten(docs, relevance, self.pool)
        x = self.vectoriser.matrix(rows, rels)
        out: list[dict[str, dict[str, float]]] = [{r: {} for r in ROLES} for _ in docs]
        for role, model in self.models.items():
            for (i, w), p in zip(owners, model.predict_proba(x)[:, 1], strict=True):
                out[i][role][w] = max(float(p), out[i][role].get(w, 0.0))
        return out


@dataclass
class Ensemble:
    """The average of role models with different pooling."""

    members: list[RoleModel]

    def probabilities(
        self, docs: Sequence[Features], relevance: Sequence[float]
    ) -> list[dict[str, dict[str, float]]]:
        """Per document, role -> word -> mean probability of the members."""
        runs = [m.probabilities(docs, relevance) for m in self.members]
        return [
            {r: {w: sum(d[r][w] for d in docs_) / len(runs) for w in docs_[0][r]} for r in ROLES}
            for docs_ in zip(*runs, strict=True)
        ]


def flatten(
    docs: Sequence[Features], relevance: Sequence[float], pool: str
) -> tuple[list[set[str]], list[float], list[tuple[int, str]]]:
    rows, rels, owners = [], [], []
    for i, (feats, p) in enumerate(zip(docs, relevance, strict=True)):
        for w, token_rows in feats.items():
            word_rows = [set().union(*token_rows)] if pool == "word" else token_rows
            for row in word_rows:
                rows.append(row)
                rels.append(p)
                owners.append((i, w))
    return rows, rels, owners


def fit(
    docs: Sequence[Features],
    relevance: Sequence[float],
    gold_heads: Sequence[dict[str, set[str]]],
    c: float = C,
    pools: Sequence[str] = POOLS,
) -> Ensemble:
    """The models of every pooling in ``pools``, averaged."""
    return Ensemble([fit_pool(docs, relevance, gold_heads, c, pool) for pool in pools])


def fit_pool(
    docs: Sequence[Features],
    relevance: Sequence[float],
    gold_heads: Sequence[dict[str, set[str]]],
    c: float,
    pool: str,
) -> RoleModel:
    """Fit the per-role models; a word is positive for a role when it heads a gold mention."""
    from sklearn.linear_model import LogisticRegression

    rows, rels, owners = flatten(docs, relevance, pool)
    vectoriser = Vectoriser.fit(rows)
    x = vectoriser.matrix(rows, rels)
    models = {}
    for role in ROLES:
        y = np.array([w in gold_heads[i][role] for i, w in owners], dtype=int)
        model = LogisticRegression(C=c, solver="liblinear", max_iter=200)
        models[role] = model.fit(x, y)
    return RoleModel(vectoriser, models, pool)


@dataclass(frozen=True)
class Thresholds:
    """Per-role probability thresholds, at most ``top[role]`` words per document and role, and
    the relevance gate under which nothing is predicted."""

    role: dict[str, float]
    gate: float
    top: dict[str, int]


def select(
    probs: dict[str, dict[str, float]], relevance: float, thresholds: Thresholds
) -> dict[str, list[str]]:
    """The words predicted for each role of one document."""
    if relevance < thresholds.gate:
        return {role: [] for role in ROLES}
    out = {}
    for role in ROLES:
        ranked = sorted(probs[role].items(), key=lambda wp: (-wp[1], wp[0]))
        kept = [w for w, p in ranked[: thresholds.top[role]] if p >= thresholds.role[role]]
        out[role] = sorted(kept)
    return out


TOPS = (1, 2, 3, 4, 6, 1000)
"""The caps on words per document and role that cross-validation chooses from."""

Scorer = Callable[[list[dict[str, list[str]]]], tuple[int, int, int]]


def tune(
    probs: list[dict[str, dict[str, float]]], relevance: Sequence[float], scorer: Scorer
) -> Thresholds:
    """Thresholds maximising micro F1 of ``scorer`` (coordinate ascent, two passes)."""
    grid = [round(0.05 * k, 2) for k in range(2, 15)]
    best = Thresholds(dict.fromkeys(ROLES, 0.3), 0.0, dict.fromkeys(ROLES, TOPS[-1]))
    probs = [
        {r: {w: p for w, p in ps.items() if p >= grid[0]} for r, ps in d.items()} for d in probs
    ]

    def f1(t: Thresholds) -> float:
        c, p, g = scorer([select(pr, r, t) for pr, r in zip(probs, relevance, strict=True)])
        return 2 * c / (p + g) if p + g else 0.0

    for _ in range(2):
        for role in ROLES:
            options = [Thresholds({**best.role, role: v}, best.gate, best.top) for v in grid]
            best = max(options, key=f1)
            tops = [Thresholds(best.role, best.gate, {**best.top, role: k}) for k in TOPS]
            best = max(tops, key=f1)
        gates = [Thresholds(best.role, v, best.top) for v in (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)]
        best = max(gates, key=f1)
    return best


def folds(n: int, k: int = 5, seed: int = 13) -> list[list[int]]:
    """``k`` disjoint index folds of ``range(n)``, shuffled with a fixed seed."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [sorted(order[i::k]) for i in range(k)]
