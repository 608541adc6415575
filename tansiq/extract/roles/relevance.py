"""Does a report describe an attack at all? A logistic regression on its set of words.

Fitted by gradient descent on the mean log loss with an L2 penalty (numpy only); its probability
is a feature of every candidate word and, under the model's gate, no role is predicted.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

WORD = re.compile(r"[a-z][a-z'-]+")
MIN_DF = 3
"""Words in fewer training reports than this are not features."""


def words(text: str) -> set[str]:
    """The distinct lower-case words of a text."""
    return set(WORD.findall(text.lower()))


@dataclass(frozen=True)
class Relevance:
    """Word -> weight and the bias of the relevance classifier."""

    weights: dict[str, float]
    bias: float

    def probability(self, text: str) -> float:
        """The probability that ``text`` reports an attack."""
        z = self.bias + sum(self.weights.get(w, 0.0) for w in words(text))
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


def fit_relevance(
    texts: Sequence[str], labels: Sequence[bool], l2: float = 1.0, steps: int = 300
) -> Relevance:
    """Fit the classifier on texts labelled with whether they report an attack."""
    doc_words = [words(t) for t in texts]
    df = Counter(w for ws in doc_words for w in ws)
    vocab = sorted(w for w, n in df.items() if n >= MIN_DF)
    column = {w: i for i, w in enumerate(vocab)}
    x = np.zeros((len(texts), len(vocab)))
    for i, ws in enumerate(doc_words):
        x[i, [column[w] for w in ws if w in column]] = 1.0
    y = np.array(labels, dtype=float)
    w, b, rate = np.zeros(len(vocab)), 0.0, 0.5
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        w -= rate * (x.T @ (p - y) / len(y) + l2 * w / len(y))
        b -= rate * float(np.mean(p - y))
    return Relevance(dict(zip(vocab, map(float, w), strict=True)), b)
