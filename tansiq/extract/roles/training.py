"""Training a role model from annotated reports (needs the ``train`` extra: scikit-learn).

1. Every report is parsed whole and read by the event rules (their roles are features).
2. Five-fold cross-validation (fixed seed): each fold is predicted by models fitted on the other
   four, with relevance probabilities that are themselves out of fold; a coordinate ascent picks
   per-role thresholds, per-role caps and a relevance gate maximising the folds' micro F1
   (head-noun scoring). That F1 is the estimate reported to the user.
3. The final models are fitted on all reports and exported as plain weights.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tansiq.extract.lexicon import Lexicon
from tansiq.extract.model import Document
from tansiq.extract.pipeline import Extractor
from tansiq.extract.roles.data import Report, read_reports
from tansiq.extract.roles.features import Candidates, candidates
from tansiq.extract.roles.fitting import C, fit_pools
from tansiq.extract.roles.heads import Counts, f1, score_head
from tansiq.extract.roles.model import RoleModel
from tansiq.extract.roles.relevance import Relevance, fit_relevance, words
from tansiq.extract.roles.selection import ROLES, Probabilities, Thresholds, select
from tansiq.extract.roles.tuning import folds, tune

log = logging.getLogger(__name__)
Progress = Callable[[str, int, int], None]
"""(stage, done, total): 'parse' per report, 'cross-validation' per fold, 'fit' at the end."""


@dataclass(frozen=True)
class Trained:
    """A trained model and its cross-validated counts per role and 'micro'."""

    model: RoleModel
    cv: dict[str, Counts]


def _quiet(stage: str, done: int, total: int) -> None:
    log.debug("%s %d/%d", stage, done, total)


def train_file(path: Path, progress: Progress = _quiet, c: float = C) -> Trained:
    """Train on a JSON-lines file of annotated reports (see :mod:`~tansiq.extract.roles.data`)."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return train(read_reports(path), path.name, digest, progress, c)


def scores(reports: Sequence[Report], preds: Sequence[dict[str, list[str]]]) -> dict[str, Counts]:
    """Head-noun (correct, predicted, gold) per role and 'micro'."""
    out: dict[str, Counts] = {}
    for role in ROLES:
        counts = [score_head(p[role], r.fillers[role]) for r, p in zip(reports, preds, strict=True)]
        out[role] = (
            sum(x[0] for x in counts),
            sum(x[1] for x in counts),
            sum(x[2] for x in counts),
        )
    out["micro"] = (
        sum(out[r][0] for r in ROLES),
        sum(out[r][1] for r in ROLES),
        sum(out[r][2] for r in ROLES),
    )
    return out


def parse_reports(reports: Sequence[Report], progress: Progress) -> list[Candidates]:
    """The candidate words of every report, the document frequency not counting its own."""
    lexicon = Lexicon()
    df = Counter(w for r in reports for w in words(r.text))
    docs = (Document(r.docid, r.text, "text/plain", r.docid, language="en") for r in reports)
    out = []
    for i, (found, doc) in enumerate(Extractor(lexicon=lexicon).parsed(docs), 1):
        own = words(reports[i - 1].text)
        out.append(candidates(doc, found.events, lexicon, _excluding(df, own)))
        progress("parse", i, len(reports))
    return out


def train(
    reports: Sequence[Report], name: str, digest: str, progress: Progress = _quiet, c: float = C
) -> Trained:
    """Fit, cross-validate and export a role model from annotated reports."""
    cands = parse_reports(reports, progress)
    golds = [r.heads() for r in reports]
    labels = [r.has_attack for r in reports]
    parts = folds(len(reports))
    relevance = [0.0] * len(reports)
    probs: list[Probabilities] = [{} for _ in reports]
    for k, part in enumerate(parts, 1):
        held = set(part)
        rest = [i for i in range(len(reports)) if i not in held]
        rel = fit_relevance([reports[i].text for i in rest], [labels[i] for i in rest])
        for i in part:
            relevance[i] = rel.probability(reports[i].text)
        progress("cross-validation", k - 1, len(parts))
        fold = _model(
            [cands[i] for i in rest], [relevance[i] for i in rest], [golds[i] for i in rest], c
        )
        for i in part:
            probs[i] = fold.probabilities(cands[i], relevance[i])
    progress("cross-validation", len(parts), len(parts))
    thresholds = tune(probs, relevance, lambda preds: scores(reports, preds)["micro"])
    cv = scores(reports, [select(p, r, thresholds) for p, r in zip(probs, relevance, strict=True)])
    progress("fit", 0, 1)
    final = _model(cands, relevance, golds, c, fit_relevance([r.text for r in reports], labels))
    df = Counter(w for r in reports for w in words(r.text))
    meta = _meta(name, digest, reports, cv, c)
    model = RoleModel(final.pools, thresholds, final.relevance, dict(df), "en", meta)
    progress("fit", 1, 1)
    return Trained(model, cv)


def _excluding(df: Counter[str], own: set[str]) -> Callable[[str], int]:
    """Document frequency not counting the document of ``own`` words."""
    return lambda w: df[w] - (w in own)


def _model(
    cands: Sequence[Candidates],
    relevance: Sequence[float],
    golds: Sequence[dict[str, set[str]]],
    c: float,
    rel: Relevance | None = None,
) -> RoleModel:
    pools = fit_pools(cands, relevance, golds, c)
    none = Thresholds(dict.fromkeys(ROLES, 1.0), dict.fromkeys(ROLES, 0))
    return RoleModel(pools, none, rel or Relevance({}, 0.0), {})


def _meta(
    name: str, digest: str, reports: Sequence[Report], cv: dict[str, Counts], c: float
) -> dict[str, object]:
    return {
        "data": name,
        "sha256": digest,
        "documents": len(reports),
        "with_attack": sum(r.has_attack for r in reports),
        "trained": datetime.now(UTC).date().isoformat(),
        "c": c,
        "cv": {k: [round(x, 3) for x in f1(v)] for k, v in cv.items()},
    }
