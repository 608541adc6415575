"""Typed events from a dependency parse: trigger words, then their arguments by syntactic role."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from tansiq.extract import lexicon as lx
from tansiq.extract.dates import MONTHS_EN, MONTHS_FR, WEEKDAYS, DateSpan
from tansiq.extract.model import Event, Figure, Role, Span

Token = Any
Resolver = Callable[[int, int], tuple[str | None, str | None]]
"""(start, end) -> (entity id, NER label) of the mention at that span, if any."""

ACTOR_DEPS = {"nsubj", "agent", "obl:agent"}
PATIENT_DEPS = {"dobj", "obj", "nsubjpass", "nsubj:pass"}
RELATIVES = {"who", "which", "that", "whom", "qui", "que", "lequel"}
SKIP_LEFT = {"det", "punct", "cc", "case", "predet"}
DASHES = {"–", "—", "-", "--"}
CALENDAR_WORDS = frozenset([*MONTHS_EN.split(), *MONTHS_FR.split(), *WEEKDAYS])
ACTOR_ROLES = {"perpetrator", "perpetrator_org", "agency"}
OBJECT_DEPS = {"pobj", "obl", "nmod", "obl:mod", "obl:arg"}
PLACE_PREPOSITIONS = {"in", "near", "at", "outside", "à", "en", "dans", "près", "au", "aux"}
UNREALISED = {"plan", "foil", "thwart", "prevent", "stage", "plot", "avert", "déjouer", "planifier"}
UNREALISED |= {"planning", "staging", "prepare", "preparing", "threaten", "intend", "aim"}
MODALS = {"will", "would", "could", "might", "may", "should", "shall", "can", "must", "ought"}
MODALS |= {"pourrait", "pourraient", "devrait", "devraient", "va", "vont"}
INTENT = {"plan", "aim", "intend", "seek", "want", "try", "attempt", "hope", "expect", "threaten"}
INTENT |= {"prepare", "vow", "pledge", "plot", "decide", "agree", "promise", "vouloir", "chercher"}
GENERIC_HEADS = {"number", "rate", "wave", "risk", "threat", "fear", "kind", "type", "nombre"}
DEFINITE = {"the", "this", "that", "these", "those", "such", "le", "la", "les", "ce", "cet"}
DEFINITE |= {"cette", "ces", "l'", "l’"}
ANAPHORIC = {"same", "latest", "last", "recent", "aforementioned", "dernier", "dernière", "même"}
SHARED_ROLES = {"agency", "involved", "perpetrator", "perpetrator_org"}
WITH = {"with", "avec"}
INSTRUMENT = {"with", "using", "avec", "à"}
HARM_PEOPLE = {"kill", "murder", "assassinate", "kidnap", "abduct", "wound", "injure", "shoot"}
HARM_PEOPLE |= {"execute", "behead", "massacre", "assassination", "kidnapping", "abduction"}
HARM_PEOPLE |= {"killing", "shooting", "tuer", "assassiner", "enlever", "blesser", "assassinat"}
HARM_PEOPLE |= {"enlèvement"}
"""Attack triggers whose object is a person (a victim) unless it is a target noun."""
ACTOR_ROLE = {lx.ATTACK: "perpetrator", lx.RETURN: "involved", lx.MEETING: "involved"}
PATIENT_ROLE = {lx.ARREST: "arrested", lx.DISMANTLE: "target", lx.FOIL: "target"}
PATIENT_ROLE |= {lx.MEETING: "involved", lx.PROGRAMME: "programme", lx.RETURN: "involved"}


def noun_phrase(token: Token) -> tuple[int, int]:
    """The character span of the phrase a noun heads, without determiners or a relative clause."""
    left = [t for t in token.subtree if t.i <= token.i]
    dashes = [n for n, t in enumerate(left) if t.text in DASHES]
    if dashes:  # 'Rabat – Security services': a dateline is not part of the phrase
        left = left[dashes[-1] + 1 :] or [token]
    while left and (left[0].dep_ in SKIP_LEFT or left[0].is_punct) and left[0] is not token:
        left.pop(0)
    end_token = token
    for child in token.rights:
        if child.dep_ in ("flat", "flat:name", "compound", "appos") or (
            child.dep_ == "prep" and child.lower_ == "of"
        ):
            end_token = max(end_token, child.right_edge, key=lambda t: t.i)
    start = left[0].idx if left else token.idx
    return start, end_token.idx + len(end_token.text)


def with_conjuncts(token: Token) -> list[Token]:
    """A noun and the nouns coordinated with it ('Madrid and Rabat')."""
    return [token, *token.conjuncts]


def verb_arguments(trigger: Token) -> tuple[list[Token], list[Token], list[Token]]:
    """(actors, patients, prepositional objects) of a verb trigger, inheriting a shared subject."""
    actors: list[Token] = []
    patients: list[Token] = []
    obliques: list[Token] = []
    for child in trigger.children:
        if child.dep_ in ("agent",):
            actors += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ in ACTOR_DEPS:
            actors.append(child)
        elif child.dep_ in PATIENT_DEPS:
            patients.append(trigger.head if child.lower_ in RELATIVES else child)
        elif child.dep_ == "prep" and child.lower_ in ("over", "about", "around"):
            patients += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ in ("prep", "obl"):
            obliques += [g for g in child.children if g.dep_ == "pobj"] or [child]
    if not actors and trigger.dep_ in ("conj", "xcomp", "advcl") and trigger.head is not trigger:
        actors = [c for c in trigger.head.children if c.dep_ in ("nsubj",)]
    participle = trigger.tag_ == "VBN" or (trigger.pos_ == "ADJ" and trigger.lower_.endswith("ed"))
    if not patients and trigger.dep_ in ("acl", "amod") and participle:
        patients = [trigger.head]
    return actors, patients, obliques


def noun_arguments(trigger: Token) -> tuple[list[Token], list[Token], list[Token]]:
    """(actors, patients, other modifiers) of a noun trigger: 'attack by X on Y with Z'."""
    actors: list[Token] = [c for c in trigger.children if c.dep_ in ("poss",)]
    patients: list[Token] = []
    others: list[Token] = [c for c in trigger.children if c.dep_ in ("compound", "amod")]
    for prep in (c for c in trigger.children if c.dep_ in ("prep", "nmod")):
        objects = [g for g in prep.children if g.dep_ == "pobj"] or [prep]
        if prep.lower_ in ("by", "par"):
            actors += objects
        elif prep.lower_ in ("on", "against", "of", "contre", "de"):
            patients += objects
        else:
            others += objects
    return actors, patients, others


class EventReader:
    """Reads the events of one parsed document."""

    def __init__(self, lexicon: lx.Lexicon, resolve: Resolver) -> None:
        self.lexicon = lexicon
        self.resolve = resolve

    def events(
        self, doc: Any, sentences: list[Span], dates: list[DateSpan], figures: list[Figure]
    ) -> list[Event]:
        """The events reported in ``doc`` as having happened, re-mentions merged into the first."""
        found: list[tuple[Event, bool]] = []
        headline: list[Event] = []
        for sent, span in zip(doc.sents, sentences, strict=True):
            is_headline = not found and not headline and _is_headline(doc.text, span)
            for token in sent:
                kind = self._kind(token)
                if kind is None or not realised(token):
                    continue
                event = self._event(kind, token, sent, span, dates, figures)
                if event is None:
                    continue
                if is_headline:
                    headline.append(event)
                else:
                    found.append((event, token.pos_ == "NOUN" and definite(token)))
        return fold_headline(headline, merge_mentions(found))

    def _kind(self, token: Token) -> str | None:
        pos = token.pos_
        lemma = token.lemma_.lower()
        if pos == "ADJ" and token.lower_.endswith("ed"):  # 'and dismantled cells' tagged JJ
            pos, lemma = "VERB", _participle_lemma(token.lower_, self.lexicon)
        if pos not in ("VERB", "NOUN"):
            return None
        if (
            pos == "VERB"
            and lemma in ("come", "go")
            and any(c.lower_ == "back" for c in token.children)
        ):
            return lx.RETURN
        return self.lexicon.event_type(lemma, pos)

    def _event(
        self,
        kind: str,
        trigger: Token,
        sent: Any,
        span: Span,
        dates: list[DateSpan],
        figures: list[Figure],
    ) -> Event | None:
        reader = noun_arguments if trigger.pos_ == "NOUN" else verb_arguments
        actors, patients, others = reader(trigger)
        patients = [t for t in patients if not _in_dates(t, dates)]  # 'attack ... on Sunday'
        if trigger.pos_ == "NOUN" and trigger.head.lemma_.lower() in UNREALISED:
            return None
        roles = [*self._actors(kind, actors), *self._patients(kind, patients, trigger)]
        if kind == lx.MEETING:
            roles += [self._role("involved", t) for t in others if t.head.lower_ in WITH]
        if kind == lx.ATTACK:
            roles += [*self._weapons(sent), *self._instruments(others)]
        if kind == lx.PROGRAMME and not any(r.role == "programme" for r in roles):
            return None
        if kind == lx.RETURN and trigger.pos_ == "NOUN":
            roles.append(self._role("involved", trigger))
        patient_spans = [(r.start, r.end) for r in roles if r.role in ("arrested", "target")]
        return Event(
            type=kind,
            trigger=trigger.text,
            start=trigger.idx,
            end=trigger.idx + len(trigger.text),
            sentence=span,
            date=_nearest_date(trigger.idx, span, dates),
            location=self._location(others, sent, dates),
            roles=tuple(_dedup(roles)),
            count=next((f for f in figures if _overlaps(f, patient_spans)), None),
        )

    def _role(self, role: str, token: Token) -> Role:
        start, end = noun_phrase(token)
        entity_id, _ = self.resolve(start, end)
        return Role(role, token.doc.text[start:end], start, end, entity_id)

    def _actors(self, kind: str, tokens: list[Token]) -> Iterator[Role]:
        for token in (c for t in tokens for c in with_conjuncts(t)):
            if token.lower_ in RELATIVES or token.pos_ == "PRON":
                continue
            role = self._perpetrator(token) if kind == lx.ATTACK else ACTOR_ROLE.get(kind, "agency")
            if role is not None:
                yield self._role(role, token)

    def _perpetrator(self, token: Token) -> str | None:
        _, label = self.resolve(*noun_phrase(token))
        lemma = token.lemma_.lower()
        if label == "ORG" or (lemma in self.lexicon.org_nouns and lemma != "member"):
            return "perpetrator_org"
        if label == "PER" or lemma in self.lexicon.perp_nouns:
            return "perpetrator"
        return None

    def _patients(self, kind: str, tokens: list[Token], trigger: Token) -> Iterator[Role]:
        for token in (c for t in tokens for c in with_conjuncts(t)):
            if token.pos_ == "PRON":
                continue
            role = PATIENT_ROLE.get(kind)
            if kind == lx.ATTACK:
                role = self._victim_or_target(token, trigger.lemma_.lower() in HARM_PEOPLE)
            elif kind == lx.PROGRAMME and token.lemma_.lower() not in self.lexicon.programme_nouns:
                role = None
            if role is not None:
                yield self._role(role, token)

    def _victim_or_target(self, token: Token, harms_people: bool) -> str | None:
        """The object of 'kill', 'kidnap', ... is a victim unless it is a thing ('killed 3
        peasants', 'kidnapped cerezo'); of 'bomb', 'destroy', ... a target unless a person."""
        _, label = self.resolve(*noun_phrase(token))
        lemma = token.lemma_.lower()
        if label == "PER" or lemma in self.lexicon.person_nouns:
            return "victim"
        if lemma in self.lexicon.target_nouns or label in ("ORG", "FAC"):
            return "target"
        if token.pos_ not in ("NOUN", "PROPN") or lemma in self.lexicon.weapons:
            return None
        return "victim" if harms_people else "target"

    def _weapons(self, sent: Any) -> Iterator[Role]:
        for token in sent:
            lemma = token.lemma_.lower()
            is_weapon = token.pos_ in ("NOUN", "PROPN") and lemma in self.lexicon.weapons
            if is_weapon and token.dep_ != "compound":  # 'car bomb' is read once, at 'bomb'
                yield self._role("weapon", token)

    def _instruments(self, others: list[Token]) -> Iterator[Role]:
        """'with a machinegun', 'using explosives': a weapon even if the lexicon lacks it."""
        for token in others:
            lemma = token.lemma_.lower()
            if token.head.lower_ not in INSTRUMENT or token.pos_ != "NOUN":
                continue
            if lemma in self.lexicon.person_nouns or lemma in self.lexicon.org_nouns:
                continue
            yield self._role("weapon", token)

    def _location(self, others: list[Token], sent: Any, dates: list[DateSpan]) -> str | None:
        """Where: a place named with the trigger ('in Damboa', 'à Marseille'), else in the
        sentence a place after 'in', 'near', 'à', ..., else its first place. Places are the
        document's LOC mentions (the parse has no NER of its own); a proper noun after such a
        preposition counts too, unless it is a date ('in March')."""
        after_preposition = [
            t for t in sent if t.dep_ in OBJECT_DEPS and t.head.lower_ in PLACE_PREPOSITIONS
        ]
        for tokens in (others, after_preposition):
            for token in tokens:
                place = self._place_in(_phrase(token))
                if place is not None:
                    return place
            for token in tokens:
                words = _phrase(token)
                if _named_after_preposition(token, dates) and "\n" not in _text(words):
                    return _text(words)
        return self._place_in(list(sent))

    def _place_in(self, words: list[Token]) -> str | None:
        """The first run of words that a place mention covers."""
        run = [w for w in words if w.pos_ == "PROPN" and self._is_place(w)]
        if not run:
            return None
        first = run[0]
        last = first
        for word in words[words.index(first) + 1 :]:
            if word not in run:
                break
            last = word
        return _text([first, last])

    def _is_place(self, token: Token) -> bool:
        return self.resolve(token.idx, token.idx + len(token.text))[1] == "LOC"


def realised(trigger: Token) -> bool:
    """False for a trigger under a modal, a negation, an intention or a purpose ('to meet')."""
    children = list(trigger.children)
    if any(c.dep_ == "neg" or c.lower_ in MODALS for c in children):
        return False
    head = trigger.head
    if trigger.pos_ == "NOUN":
        if head.lower_ in UNREALISED or head.lemma_.lower() in UNREALISED:
            return False
        if any(c.dep_ in ("compound", "amod") and c.lower_ in UNREALISED for c in children):
            return False  # planning attacks
        if head.dep_ == "prep" and head.head.lemma_.lower() in GENERIC_HEADS:
            return False  # 'the number of arrests'
        return not (head.lower_ in ("of", "de") and head.head.lower_ in UNREALISED)
    infinitive = any(c.dep_ == "aux" and c.lower_ in ("to", "pour") for c in children)
    if infinitive and (trigger.dep_ == "advcl" or head.lemma_.lower() in INTENT):
        return False
    return not (trigger.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in INTENT)


def definite(trigger: Token) -> bool:
    """A noun trigger that refers back: 'the attacks', 'these arrests', 'the same meeting'."""
    dets = [c for c in trigger.children if c.dep_ in ("det", "poss", "amod")]
    return any(c.lower_ in DEFINITE or c.lower_ in ANAPHORIC for c in dets)


def merge_mentions(found: list[tuple[Event, bool]]) -> list[Event]:
    """Events with re-mentions of an earlier event of the same type folded into it.

    A re-mention is a definite noun ('the attacks') after an event of its type with no other date,
    or a trigger of the same type in the same sentence sharing an actor ('visited Morocco to meet').
    Its trigger span goes into the first event's ``mentions`` and its new roles are added.
    """
    kept: list[Event] = []
    for event, is_definite in found:
        target = next((k for k in reversed(kept) if _same(k, event, is_definite)), None)
        if target is None:
            kept.append(event)
            continue
        roles = _dedup([*target.roles, *event.roles])
        merged = replace(
            target,
            roles=tuple(roles),
            mentions=(*target.mentions, Span(event.start, event.end)),
            date=target.date or event.date,
            location=target.location or event.location,
            count=target.count or event.count,
        )
        kept[kept.index(target)] = merged
    return kept


def _is_headline(text: str, span: Span) -> bool:
    """A first line without final punctuation, followed by a blank line: the title."""
    line = text[span.start : span.end].rstrip()
    if not line or line[-1] in ".!?:;\"”»'’" or "\n" in line:
        return False
    return text[span.end :].lstrip(" \t").startswith(("\n\n", "\r\n\r\n"))


def fold_headline(headline: list[Event], body: list[Event]) -> list[Event]:
    """A title's events are re-mentions of the body's first event of their type ('Customs post
    attacked near Agadez' over 'Fighters ... attacked a customs post'); one the body does not tell
    is kept without actors, since headline grammar drops the auxiliary that marks a passive."""
    events = list(body)
    for event in headline:
        target = next((e for e in events if e.type == event.type and _compatible(e, event)), None)
        if target is None:
            roles = tuple(r for r in event.roles if r.role not in ACTOR_ROLES)
            events.append(replace(event, roles=roles))
            continue
        events[events.index(target)] = replace(
            target,
            mentions=(Span(event.start, event.end), *target.mentions),
            location=target.location or event.location,
        )
    return sorted(events, key=lambda e: e.start)


def _compatible(first: Event, later: Event) -> bool:
    return not (first.date and later.date and first.date != later.date)


def _same(first: Event, later: Event, is_definite: bool) -> bool:
    if first.type != later.type or (first.date and later.date and first.date != later.date):
        return False
    if is_definite:
        return True
    shared = {(r.role, r.text.casefold()) for r in first.roles if r.role in SHARED_ROLES}
    same_sentence = first.sentence == later.sentence
    return same_sentence and any((r.role, r.text.casefold()) in shared for r in later.roles)


def _participle_lemma(word: str, lexicon: lx.Lexicon) -> str:
    for lemma in (word[:-1], word[:-2], word[:-3]):
        if lexicon.event_type(lemma, "VERB") is not None:
            return lemma
    return word


def _nearest_date(offset: int, span: Span, dates: list[DateSpan]) -> str | None:
    inside = [d for d in dates if span.start <= d.start < span.end and d.value]
    if not inside:
        return None
    after = [d for d in inside if d.start > offset]
    best = after[0] if after else max(inside, key=lambda d: (len(d.value or ""), d.start))
    return best.value


def _overlaps(figure: Figure, spans: list[tuple[int, int]]) -> bool:
    return any(s <= figure.start < e or figure.start <= s < figure.end for s, e in spans)


def _dedup(roles: list[Role]) -> list[Role]:
    seen: set[tuple[str, int]] = set()
    kept = []
    for role in roles:
        if (role.role, role.start) not in seen:
            seen.add((role.role, role.start))
            kept.append(role)
    return kept


def _in_dates(token: Token, dates: list[DateSpan]) -> bool:
    return any(d.start <= token.idx < d.end for d in dates)


def _named_after_preposition(token: Token, dates: list[DateSpan]) -> bool:
    """A proper noun after 'in', 'near', 'à', ... that is not a date: most likely a place."""
    return (
        token.pos_ == "PROPN"
        and token.head.lower_ in PLACE_PREPOSITIONS
        and not _in_dates(token, dates)
        and token.lower_ not in CALENDAR_WORDS
    )


def _phrase(token: Token) -> list[Token]:
    """The token and its left compounds, without a preposition or article ('à Marseille' ->
    'Marseille', 'Borno State')."""
    words = list(token.doc[token.left_edge.i : token.i + 1])
    while words and words[0] is not token and (words[0].dep_ in SKIP_LEFT or words[0].is_punct):
        words.pop(0)
    return words


def _text(words: list[Token]) -> str:
    return str(words[0].doc[words[0].i : words[-1].i + 1].text).strip()
