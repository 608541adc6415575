"""New names read in a document, linked to known people and organisations by the matching engine.

The gazetteer resolves a mention when its folded words are a known name or alias. A name spelt
another way ('Abdelhak El Khiab' for the listed 'Abdelhak El Khiabe', or in Arabic script) is a
candidate instead; here each candidate is screened against the candidate index of the datasets
that hold known entities, by name alone. It is linked only when the name agrees strongly (the name
feature at ``LINK_NAME_SCORE`` or more), has two words or more besides particles, and one known
entity is clearly ahead of any other. A link is kept as evidence, reversibly: the candidate's
``Mention`` statements say which entity it resolves to, and an FtM ``Similar`` entity records the
score, the matcher and the readable reasons. Nothing here flags anyone: a link says that a
document names a known entity, as an exact alias does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from followthemoney import model

from tansiq.extract.model import Candidate, Document, Extraction
from tansiq.extract.to_entities import EntityDict, derived_id
from tansiq.matching import CandidateIndex, Match, PreparedEntity, prepare

LINK_NAME_SCORE = 0.9
"""The least name score (0-1, the algorithm's name feature) of a link."""
MIN_WORDS = 2
"""A name of fewer words (particles aside) is too unspecific to link by itself."""
LEAD = 0.03
"""The best entity must be this much ahead, in name score, of the next one."""


@dataclass(frozen=True)
class Link:
    """A candidate name of a document that names a known entity."""

    candidate: Candidate
    entity_id: str
    match: Match

    @property
    def name_score(self) -> float:
        return _name_score(self.match)

    @property
    def criteria(self) -> str:
        """The readable reasons: how the names compare (there is nothing else to compare)."""
        names = [f for f in self.match.explanation if f.name == "name"]
        return "; ".join(f"{f.name}: {f.detail}" for f in names)


def _name_score(match: Match) -> float:
    return max((f.score for f in match.explanation if f.name == "name"), default=0.0)


class Linker:
    """Links the candidates of documents to the entities of one candidate index."""

    def __init__(self, index: CandidateIndex) -> None:
        self.index = index

    def links(self, candidates: Iterable[Candidate]) -> list[Link]:
        """The candidates that clearly name one known entity, with the match (the names of a
        document are screened as one batch)."""
        named = [(c, q) for c in candidates if (q := _query(c)) is not None]
        screened = self.index.screen_many(q for _, q in named)
        found: list[Link] = []
        for (candidate, _), matches in zip(named, screened, strict=True):
            best = _clear_best([m for m in matches if m.candidate_id])
            if best is not None:
                found.append(Link(candidate, str(best.candidate_id), best))
        return found


def _query(candidate: Candidate) -> PreparedEntity | None:
    """The candidate's name as a screening query; None for a name too short to link."""
    query = model.make_entity(candidate.schema)
    query.id = "mention"
    query.add("name", candidate.name)
    prepared = prepare(query)
    if max((len(n) for n in prepared.name_tokens), default=0) < MIN_WORDS:
        return None
    return prepared


def _clear_best(matches: list[Match]) -> Match | None:
    """The match whose names agree strongly and clearly better than any other's."""
    ranked = sorted(matches, key=_name_score, reverse=True)
    if not ranked or _name_score(ranked[0]) < LINK_NAME_SCORE:
        return None
    if len(ranked) > 1 and _name_score(ranked[1]) > _name_score(ranked[0]) - LEAD:
        return None  # two known entities fit as well: leave it to a person
    return ranked[0]


def link_entities(extraction: Extraction, entities: list[EntityDict], links: list[Link]) -> None:
    """Add the links to the entity dicts of a document: ``resolved`` on each Mention of a linked
    candidate, and one ``Similar`` per link with its score, matcher and reasons."""
    document = extraction.document
    by_id = {e["id"]: e for e in entities}
    for link in links:
        first: str | None = None
        for mention in link.candidate.mentions:
            mention_id = derived_id(document.id, mention.start, mention.end)
            entity = by_id.get(mention_id)
            if entity is None:
                continue
            first = first or mention_id
            entity["properties"]["resolved"] = [link.entity_id]
            entity["provenance"]["spans"]["resolved"] = [(mention.start, mention.end)]
        if first is not None:
            entities.append(_similar(document, first, link))


def _similar(document: Document, mention_id: str, link: Link) -> EntityDict:
    match = link.match
    props = {
        "candidate": [mention_id],
        "match": [link.entity_id],
        "confidenceScore": [f"{match.score:.4f}"],
        "criteria": [link.criteria],
        "matcher": [f"{match.algorithm} {match.version}"],
    }
    return {
        "id": derived_id(document.id, "similar", mention_id, link.entity_id),
        "schema": "Similar",
        "properties": props,
        "provenance": {"document_id": document.id, "spans": {}},
    }
