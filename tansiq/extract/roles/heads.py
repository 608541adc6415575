"""Head nouns and the MUC-4 head-noun score of role fillers.

A filler is right when its head noun (the last word before a preposition or a relative clause,
lower case, no punctuation or articles) is the head of any mention of a gold filler; each gold
filler counts once and predictions with the same gold filler are merged (best of coreferent
mentions). The trainer labels words and chooses its thresholds with this score.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from functools import lru_cache

TAIL = re.compile(r"\b(of|in|from|who|that|which|with|at|on|for|and)\b.*$")
ARTICLES = re.compile(r"\b(a|an|the)\b")
PUNCTUATION = str.maketrans("", "", string.punctuation)

Counts = tuple[int, int, int]
"""(correct, predicted, gold)."""


def normalise(text: str) -> str:
    """Lower case, no punctuation, no articles, single spaces."""
    return " ".join(ARTICLES.sub(" ", text.lower().translate(PUNCTUATION)).split())


@lru_cache(maxsize=1 << 16)
def head(text: str) -> str:
    """The head noun of a phrase: the last word before a preposition or relative clause."""
    words = TAIL.sub("", normalise(text)).split() or normalise(text).split()
    return words[-1] if words else ""


def matching(edges: Sequence[Sequence[int]], n_right: int) -> int:
    """Size of a maximum bipartite matching (augmenting paths)."""
    owner = [-1] * n_right

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if owner[j] == -1 or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return sum(augment(i, set()) for i in range(len(edges)))


def score_head(preds: Sequence[str], golds: Sequence[Sequence[str]]) -> Counts:
    """(correct, predicted, gold) of one role of one document, coreferent predictions merged."""
    gold_heads = [{head(m) for m in entity} for entity in golds]
    merged: dict[object, list[int]] = {}
    for i, pred in enumerate(preds):
        hits = tuple(j for j, heads in enumerate(gold_heads) if head(pred) in heads)
        merged.setdefault(hits or ("miss", i), list(hits))
    edges = list(merged.values())
    return matching(edges, len(golds)), len(edges), len(golds)


def f1(counts: Counts) -> tuple[float, float, float]:
    """(precision, recall, F1) of counts."""
    c, p, g = counts
    prec, rec = (c / p if p else 0.0), (c / g if g else 0.0)
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)
