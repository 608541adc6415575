"""The features of the candidate words of a parsed document, one set per occurrence.

The unit the model scores is a word (lower case, no punctuation): a noun, proper noun or
adjective that is not a stop word. An occurrence's features:

* the word, its part of speech and dependency relation, its neighbours and modifiers;
* the word that governs it (``gov=dobj>kill``, ``gov=pobj:by>attack``), and any attack trigger
  of the lexicon up to three governors above it (``ev1=attack:nsubj``);
* verbs and nouns within four tokens in its sentence, whether the sentence has an attack trigger,
  whether the next word is another candidate (a modifier is not a head);
* shared by all its occurrences: the role the event rules gave it (``rule=Victim:attack``), its
  first sentence, its count, its training document frequency bucket and its last three letters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tansiq.extract import lexicon as lx
from tansiq.extract.model import Event

Token = Any
CANDIDATE_POS = frozenset({"NOUN", "PROPN", "ADJ", "X"})
PUNCT = str.maketrans("", "", "!\"#$%&'()*+,./:;<=>?@[\\]^_`{|}~")
UP = 3
"""How many governors above a word are searched for an attack trigger."""
WINDOW = 4
"""Verbs and nouns this many tokens either side of a word (in its sentence) are features."""
MAX_ROWS = 10
"""Occurrences of a word kept (the first ones)."""
RULE_ROLE = {
    "perpetrator": "PerpInd",
    "perpetrator_org": "PerpOrg",
    "target": "Target",
    "victim": "Victim",
    "weapon": "Weapon",
}
"""The event rules' role names -> the model's roles."""
DF_BUCKETS = (0, 1, 3, 10, 50, 200)
"""Upper bounds of the document frequency buckets (rare words are mostly names)."""


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of a candidate word: its token index and its features."""

    index: int
    features: frozenset[str]


Candidates = dict[str, list[Occurrence]]
"""Candidate word -> its occurrences (at most MAX_ROWS), shared features included."""


def word(token: Token) -> str:
    """A token as the scorer normalises it: lower case, no punctuation."""
    return str(token.lower_).translate(PUNCT)


def is_candidate(token: Token) -> bool:
    w = word(token)
    return token.pos_ in CANDIDATE_POS and not token.is_stop and len(w) > 1 and w[:1].isalpha()


def rarity(n: int) -> str:
    """The bucket of a word's training document frequency."""
    return "df=" + next((str(b) for b in DF_BUCKETS if n <= b), str(10**9))


def governors(token: Token) -> Iterable[tuple[int, Token, str]]:
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


@dataclass(frozen=True)
class View:
    """Per-token values of a parsed document, read once: lower-case form, the context feature
    (``ctx=<lemma>`` of a verb or noun, else None) and whether it is a candidate."""

    lower: list[str]
    ctx: list[str | None]
    candidate: list[bool]

    @classmethod
    def of(cls, doc: Any) -> View:
        tokens = list(doc)
        ctx = [f"ctx={t.lemma_.lower()}" if t.pos_ in ("VERB", "NOUN") else None for t in tokens]
        return cls([t.lower_ for t in tokens], ctx, [is_candidate(t) for t in tokens])


def _context(token: Token, view: View, sent: tuple[int, int]) -> set[str]:
    i = token.i
    feats = {f"mod={c.lower_}" for c in token.children if c.dep_ in ("compound", "amod")}
    if i > 0:
        feats.add(f"l={view.lower[i - 1]}")
    if i + 1 < len(view.lower):
        feats.add(f"r={view.lower[i + 1]}")
    for j in range(max(i - WINDOW, sent[0]), min(i + WINDOW + 1, sent[1])):
        context = view.ctx[j]
        if context is not None and j != i:
            feats.add(context)
    if token.dep_ in ("compound", "amod"):
        feats.add(f"modof={token.head.lemma_}")
    return feats


def token_features(
    token: Token, lexicon: lx.Lexicon, view: View, sent: tuple[int, int]
) -> set[str]:
    """The features of one occurrence of a candidate word (``sent``: its sentence's token range)."""
    feats = {f"w={word(token)}", f"pos={token.pos_}", f"dep={token.dep_}"}
    feats |= _context(token, view, sent)
    for step, head, path in governors(token):
        if step == 1:
            feats |= {f"gov={path}>{head.lemma_}", f"path={path}", f"govl={head.lemma_}"}
        kind = lexicon.event_type(head.lemma_.lower(), "VERB" if head.pos_ == "VERB" else "NOUN")
        if kind is not None:
            feats |= {f"ev{step}={kind}:{path}", f"ev={kind}"}
    return feats


def rule_features(doc: Any, events: Sequence[Event]) -> dict[str, set[str]]:
    """Word -> 'rule=<role>:<event type>' for the head words the event rules gave a role."""
    found: dict[str, set[str]] = {}
    for event in events:
        for role in event.roles:
            name = RULE_ROLE.get(role.role)
            span = doc.char_span(role.start, role.end, alignment_mode="expand")
            if name is not None and span is not None:
                found.setdefault(word(span.root), set()).add(f"rule={name}:{event.type}")
    return found


def candidates(
    doc: Any, events: Sequence[Event], lexicon: lx.Lexicon, df: Callable[[str], int]
) -> Candidates:
    """Every candidate word of a parsed document with its occurrences' features; ``df`` is a
    word's training document frequency (not counting the document itself)."""
    shared: dict[str, set[str]] = {}
    rows: dict[str, list[tuple[int, set[str]]]] = {}
    view = View.of(doc)
    for index, sent in enumerate(doc.sents):
        attack = any(lexicon.event_type(t.lemma_.lower(), t.pos_) == lx.ATTACK for t in sent)
        bounds = (sent.start, sent.end)
        for token in sent:
            if not view.candidate[token.i]:
                continue
            w = word(token)
            if w not in shared:
                shared[w] = {f"first={min(index, 6)}", rarity(df(w)), f"suf={w[-3:]}"}
            row = token_features(token, lexicon, view, bounds)
            if attack:
                row.add("sent=attack")
            after = token.i + 1 < len(view.candidate) and view.candidate[token.i + 1]
            row.add("next=cand" if after else "next=other")
            rows.setdefault(w, []).append((token.i, row))
    for w, rules in rule_features(doc, events).items():
        if w in shared:
            shared[w] |= rules
    return {w: _occurrences(shared[w], found) for w, found in rows.items()}


def _occurrences(shared: set[str], found: list[tuple[int, set[str]]]) -> list[Occurrence]:
    shared = shared | {f"count={min(len(found), 4)}"}
    if not any("next=other" in row for _, row in found):
        shared.add("always=modifier")  # never the last word of a phrase: never a head
    return [Occurrence(i, frozenset(shared | row)) for i, row in found[:MAX_ROWS]]
