"""Predicted role fillers as roles of the document's events.

A predicted word becomes a :class:`~tansiq.extract.model.Role` at its most likely occurrence
(the noun phrase it heads, or the word alone when it only modifies another), marked
``method='model:<id>'`` with its probability, and joins, in this order of preference:

1. the attack event whose trigger governs it in the parse;
2. the (first) attack event of its sentence;
3. the document's main attack event (the one with the most roles, the first on a tie);
4. when the rules found no attack, an attack event inferred from the predictions: no trigger,
   anchored at the sentence of the most probable filler, marked with the model's id.

Rule-made roles stay as they are, beside the predictions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from tansiq.extract.events import noun_phrase
from tansiq.extract.lexicon import ATTACK
from tansiq.extract.model import Event, Role, Span
from tansiq.extract.roles.heads import head
from tansiq.extract.roles.model import Prediction

ROLE_NAME = {
    "PerpInd": "perpetrator",
    "PerpOrg": "perpetrator_org",
    "Target": "target",
    "Victim": "victim",
    "Weapon": "weapon",
}
"""The model's roles -> the event roles of the rules."""


def filler(token: Any, prediction: Prediction, method: str) -> Role:
    """The role of a predicted word at a token: its phrase, if the phrase keeps it as head."""
    start, end = token.idx, token.idx + len(token.text)
    if token.dep_ not in ("compound", "amod"):
        phrase_start = noun_phrase(token)[0]
        text = token.doc.text[phrase_start:end]
        if head(text) == head(token.text):
            start = phrase_start
    text = token.doc.text[start:end]
    role = ROLE_NAME[prediction.role]
    return Role(role, text, start, end, None, method, round(prediction.probability, 3))


def attach(
    doc: Any,
    events: list[Event],
    sentences: Sequence[Span],
    predictions: Sequence[Prediction],
    method: str,
) -> list[Event]:
    """``events`` with the predicted roles added (and an inferred attack if there was none)."""
    if not predictions:
        return events
    attacks = [i for i, e in enumerate(events) if e.type == ATTACK]
    out = list(events)
    if not attacks:
        top = max(predictions, key=lambda p: p.probability)
        sentence = sentences[_sentence_index(doc)[doc[top.index].sent.start]]
        out.append(Event(ATTACK, "", sentence.start, sentence.end, sentence, method=method))
        attacks = [len(out) - 1]
    added: dict[int, list[Role]] = {}
    triggers = {_trigger(doc, events[i]): i for i in attacks if i < len(events)}
    for prediction in predictions:
        token = doc[prediction.index]
        target = _event_of(token, out, attacks, triggers)
        added.setdefault(target, []).append(filler(token, prediction, method))
    for i, roles in added.items():
        out[i] = replace(out[i], roles=(*out[i].roles, *roles))
    return out


def _sentence_index(doc: Any) -> dict[int, int]:
    return {sent.start: k for k, sent in enumerate(doc.sents)}


def _trigger(doc: Any, event: Event) -> int:
    span = doc.char_span(event.start, event.end, alignment_mode="expand")
    return int(span.root.i) if span is not None else -1


def _event_of(token: Any, events: list[Event], attacks: list[int], triggers: dict[int, int]) -> int:
    for ancestor in token.ancestors:
        if ancestor.i in triggers:
            return triggers[ancestor.i]
    for i in attacks:
        if events[i].sentence.start <= token.idx < events[i].sentence.end:
            return i
    return max(attacks, key=lambda i: (len(events[i].roles), -i))
