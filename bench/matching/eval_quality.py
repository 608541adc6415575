"""Quality and speed benchmark of tansiq.matching against peers.

Run: ``.venv/bin/python bench/matching/eval_quality.py [--clean N] [--distractors N]
[--no-peers] [--k K]``. Data is read from ../shared/eval at run time.

All matchers score the *same* candidate pairs: a shared blocking step (any
shared consonant-skeleton token between query and watchlist names, ranked by
IDF, top K per query). Recall is therefore bounded by blocking for everyone.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rapidfuzz import fuzz
from rigour.text import ascii_text
from screening_data import (
    Query,
    arabic_queries,
    arabic_tokens,
    clean_queries,
    positive_queries,
    watchlist,
)

from tansiq.matching import ALGORITHM, compare, prepare
from tansiq.matching.names import TOKEN_FLOOR, token_similarity
from tansiq.matching.phonetic import phonetic_key, skeleton
from tansiq.matching.tokens import name_tokens

Scorer = Callable[[object, object], float]


def _block_keys(entry: object) -> set[str]:
    """Consonant skeletons of every token and of every part of a compound token."""
    keys = {s for tokens in entry.name_tokens for t in tokens for s in t.skeletons}
    parts = {
        p
        for tokens in entry.name_tokens
        for t in tokens
        if "-" in t.text
        for p in t.text.split("-")
    }
    return keys | {skeleton(phonetic_key(p)) for p in parts if len(p) > 2}


def blocking(prepared_watch: list, prepared_queries: list, k: int) -> list[list[int]]:
    """Shared candidate generation: skeleton-token overlap ranked by IDF, top k."""
    index: dict[str, list[int]] = defaultdict(list)
    for idx, entry in enumerate(prepared_watch):
        for skel in _block_keys(entry):
            index[skel].append(idx)
    total = len(prepared_watch)
    out = []
    for query in prepared_queries:
        scores: Counter[int] = Counter()
        for skel in _block_keys(query):
            hits = index.get(skel, [])
            idf = math.log(total / (1 + len(hits)))
            for idx in hits:
                scores[idx] += idf
        out.append([idx for idx, _ in scores.most_common(k)])
    return out


def ours_scorer(prepared: dict[int, object]) -> Scorer:
    def score(query: object, cand: object) -> float:
        return compare(prepared[id(query)], prepared[id(cand)]).score

    return score


def nomenklatura_scorer(name: str) -> Scorer | None:
    try:
        from nomenklatura.matching import get_algorithm
        from nomenklatura.matching.types import ScoringConfig
    except ImportError:
        return None
    algorithm = get_algorithm(name)
    config = ScoringConfig.defaults()
    if algorithm is None:
        return None

    def score(query: object, cand: object) -> float:
        return float(algorithm.compare(query, cand, config).score)

    return score


def rapidfuzz_scorer(query: object, cand: object) -> float:
    """Baseline: best token_sort_ratio over ASCII-folded names."""
    best = 0.0
    for a in query.get("name"):
        for b in cand.get("name"):
            ratio = fuzz.token_sort_ratio(ascii_text(a).lower(), ascii_text(b).lower())
            best = max(best, ratio / 100)
    return best


def evaluate(
    name: str,
    scorer: Scorer,
    threshold: float,
    queries: list[Query],
    watch: list,
    candidates: list[list[int]],
) -> dict[str, float]:
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    wrong_alerts = clean_alerted = pairs = 0
    started = time.perf_counter()
    for query, cands in zip(queries, candidates, strict=True):
        totals[query.kind] += 1
        alerted = set()
        for idx in cands:
            pairs += 1
            if scorer(query.entity, watch[idx]) >= threshold:
                alerted.add(watch[idx].id)
        if query.truth is not None and query.truth in alerted:
            hits[query.kind] += 1
        wrong_alerts += len(alerted - {query.truth})
        clean_alerted += query.truth is None and bool(alerted)
    elapsed = time.perf_counter() - started
    row = {kind: hits[kind] / totals[kind] for kind in totals if kind != "clean"}
    tp = sum(hits.values())
    fn = sum(totals[k] for k in totals if k != "clean") - tp
    row["false_per_1k"] = 1000 * clean_alerted / max(1, totals["clean"])
    row["f1"] = 2 * tp / (2 * tp + wrong_alerts + fn)
    row["pairs_s"] = pairs / elapsed
    return row


def token_recall(limit: int) -> None:
    """Arabic-script token vs Latin token: recall and random-pair false match rate."""
    pairs = arabic_tokens(limit)
    latins = [latin for _, latin in pairs]
    ok = false = base_ok = base_false = 0
    for k, (arabic, latin) in enumerate(pairs):
        tok_a, tok_l = name_tokens(arabic), name_tokens(latin)
        other = name_tokens(latins[(k * 7919 + 13) % len(latins)])
        if tok_a and tok_l and other:
            ok += token_similarity(tok_a[0], tok_l[0]) >= TOKEN_FLOOR
            false += token_similarity(tok_a[0], other[0]) >= TOKEN_FLOOR
        base_ok += fuzz.ratio(ascii_text(arabic), latin) >= 70
        base_false += fuzz.ratio(ascii_text(arabic), latins[(k * 7919 + 13) % len(latins)]) >= 70
    n = max(1, len(pairs))
    print(
        f"\nArabic-script token -> Latin token ({n} Wikidata pairs, token threshold {TOKEN_FLOOR}):"
    )
    print(f"  tansiq      recall {ok / n:.3f}   random-pair match rate {false / n:.3f}")
    print(f"  ascii+ratio recall {base_ok / n:.3f}   random-pair match rate {base_false / n:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clean", type=int, default=6000)
    parser.add_argument("--distractors", type=int, default=20000)
    parser.add_argument("--k", type=int, default=30)
    parser.add_argument("--tokens", type=int, default=5000)
    parser.add_argument("--no-peers", action="store_true")
    args = parser.parse_args()

    watch, un_rows = watchlist(args.distractors)
    arabic_targets, arabic_qs = arabic_queries()
    watch += arabic_targets
    queries = positive_queries(un_rows) + arabic_qs + clean_queries(args.clean)
    started = time.perf_counter()
    prepared = {id(e): prepare(e) for e in watch}
    prepared.update({id(q.entity): prepare(q.entity) for q in queries})
    prep_rate = len(prepared) / (time.perf_counter() - started)
    candidates = blocking(
        [prepared[id(e)] for e in watch], [prepared[id(q.entity)] for q in queries], args.k
    )
    n_pairs = sum(len(c) for c in candidates)
    print(f"watchlist {len(watch)}, queries {Counter(q.kind for q in queries)}")
    print(
        f"shared blocking: skeleton-token overlap, top {args.k}: {n_pairs} candidate pairs; "
        f"prepare() {prep_rate:,.0f} entities/s"
    )

    matchers: list[tuple[str, Scorer, float]] = [
        (
            f"{ALGORITHM.name} {ALGORITHM.version}",
            ours_scorer(prepared),
            ALGORITHM.match_threshold.value,
        ),
        ("rapidfuzz token_sort", rapidfuzz_scorer, 0.85),
    ]
    if not args.no_peers:
        for peer in ("logic-v2", "logic-v1"):
            scorer = nomenklatura_scorer(peer)
            if scorer is not None:
                matchers.append((f"nomenklatura {peer}", scorer, 0.7))
    rows = [(name, evaluate(name, s, t, queries, watch, candidates)) for name, s, t in matchers]
    kinds = [k for k in rows[0][1] if k not in ("false_per_1k", "f1", "pairs_s")]
    header = ["matcher", *[f"rec:{k}" for k in kinds], "FA/1k", "F1", "pairs/s", "speed x"]
    print("\n" + " | ".join(header))
    base_speed = rows[0][1]["pairs_s"]
    for name, row in rows:
        cells = [f"{row[k]:.3f}" for k in kinds]
        cells += [
            f"{row['false_per_1k']:.1f}",
            f"{row['f1']:.3f}",
            f"{row['pairs_s']:,.0f}",
            f"{row['pairs_s'] / base_speed:.2f}",
        ]
        print(" | ".join([name, *cells]))
    token_recall(args.tokens)


if __name__ == "__main__":
    main()
