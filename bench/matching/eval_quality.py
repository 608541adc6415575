"""Quality benchmark of tansiq.matching against peers.

Run: ``.venv/bin/python bench/matching/eval_quality.py [--clean N] [--distractors N]
[--no-peers] [--k K] [--no-docs]`` (or ``main(argv)``).
Data is read from ../shared/eval at run time; nothing is copied.

Quality: our matcher screens through its own :class:`CandidateIndex`; for the
comparison with peers every matcher (ours included) also scores the *same*
candidate pairs from a shared blocking step (any shared consonant-skeleton
token, ranked by IDF, top K per query), so recall there is bounded by blocking
for everyone. The index's own recall is checked against exhaustive scoring of
each positive query's true entry. Speed on a large list is measured by
``bench/matching/speed.py``.
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
    arabic_name_slice,
    arabic_queries,
    arabic_tokens,
    clean_queries,
    positive_queries,
    watchlist,
)

from bench.docs import write_section
from tansiq.matching import ALGORITHM, CandidateIndex, compare, prepare
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


ROMANISED_KIND = "arabic_translit romanised"
"""Recall of arabic_translit on the names whose every word pair is a romanisation."""


def _romanised_query(query: Query) -> bool:
    return query.kind == "arabic_translit" and query.romanised


def _row(
    queries: list[Query], alerts: list[set[str]], elapsed: float, pairs: int
) -> dict[str, float]:
    """Recall per slice, false alerts per 1k clean, overall F1 and F1 per slice.

    ``arabic_translit romanised`` is that slice's recall on its names whose
    words all correspond (``translit_exclusions``); F1 is not counted for it.

    A slice's F1 counts its own queries' hits, misses and wrong alerts plus the
    clean travellers' alert rate applied to as many clean travellers as the
    slice has queries (the same negatives, in proportion, for every slice).
    """
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for query, alerted in zip(queries, alerts, strict=True):
        totals[query.kind] += 1
        if query.truth is not None and query.truth in alerted:
            hits[query.kind] += 1
        wrong[query.kind] += query.truth is None and bool(alerted)
        if query.truth is not None:
            wrong[query.kind] += len(alerted - {query.truth})
    row: dict[str, float] = {}
    romanised = [
        (q.truth in a) for q, a in zip(queries, alerts, strict=True) if _romanised_query(q)
    ]
    if romanised:
        row[ROMANISED_KIND] = sum(romanised) / len(romanised)
    for kind in totals:
        if kind == "clean":
            continue
        row[kind] = hits[kind] / totals[kind]
        misses = totals[kind] - hits[kind]
        clean_fp = wrong["clean"] / max(1, totals["clean"]) * totals[kind]
        row[f"f1:{kind}"] = 2 * hits[kind] / (2 * hits[kind] + wrong[kind] + clean_fp + misses)
    tp = sum(hits.values())
    fn = sum(totals[k] for k in totals if k != "clean") - tp
    row["false_per_1k"] = 1000 * wrong["clean"] / max(1, totals["clean"])
    row["f1"] = 2 * tp / (2 * tp + sum(wrong.values()) + fn)
    row["pairs_s"] = pairs / elapsed if pairs else 0.0
    row["queries_s"] = len(queries) / elapsed
    return row


def evaluate(
    name: str,
    scorer: Scorer,
    threshold: float,
    queries: list[Query],
    watch: list,
    candidates: list[list[int]],
) -> dict[str, float]:
    alerts: list[set[str]] = []
    pairs = 0
    started = time.perf_counter()
    for query, cands in zip(queries, candidates, strict=True):
        alerted = set()
        for idx in cands:
            pairs += 1
            if scorer(query.entity, watch[idx]) >= threshold:
                alerted.add(watch[idx].id)
        alerts.append(alerted)
    return _row(queries, alerts, time.perf_counter() - started, pairs)


def evaluate_index(
    index: CandidateIndex, queries: list[Query], prepared: dict[int, object]
) -> tuple[dict[str, float], list[set[str]]]:
    """Our matcher end to end: CandidateIndex.screen on every query."""
    alerts = []
    started = time.perf_counter()
    for query in queries:
        found = index.screen(prepared[id(query.entity)])
        alerts.append({m.candidate_id for m in found if m.candidate_id})
    return _row(queries, alerts, time.perf_counter() - started, 0), alerts


def index_recall(
    index: CandidateIndex,
    queries: list[Query],
    alerts: list[set[str]],
    prepared: dict[int, object],
    by_id: dict[str, object],
) -> tuple[float, int]:
    """Share of true pairs that exhaustive scoring alerts on which the index also alerts on."""
    found = total = 0
    for query, alerted in zip(queries, alerts, strict=True):
        if query.truth is None:
            continue
        match = compare(prepared[id(query.entity)], by_id[query.truth], stats=index.stats)
        if match.is_match:
            total += 1
            found += query.truth in alerted
    return found / max(1, total), total


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


DOCS = Path(__file__).resolve().parents[2] / "docs" / "benchmarks.md"
SECTION = "## Screening: matching quality"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="eval_quality", description=__doc__)
    parser.add_argument("--clean", type=int, default=6000)
    parser.add_argument("--distractors", type=int, default=20000)
    parser.add_argument("--k", type=int, default=30)
    parser.add_argument("--tokens", type=int, default=5000)
    parser.add_argument("--arabic", type=int, default=500, help="Arabic-script name queries")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--no-docs", action="store_true")
    args = parser.parse_args(argv)
    command = ".venv/bin/python bench/matching/eval_quality.py " + " ".join(argv or sys.argv[1:])

    watch, un_rows = watchlist(args.distractors)
    arabic_targets, arabic_qs = arabic_queries()
    translit_entries, translit_qs = arabic_name_slice(args.arabic, 5 * args.arabic)
    watch += arabic_targets + translit_entries
    queries = positive_queries(un_rows) + arabic_qs + translit_qs + clean_queries(args.clean)
    started = time.perf_counter()
    prepared = {id(e): prepare(e) for e in watch}
    prepared.update({id(q.entity): prepare(q.entity) for q in queries})
    prep_rate = len(prepared) / (time.perf_counter() - started)
    watch_prepared = [prepared[id(e)] for e in watch]
    index = CandidateIndex.build(watch_prepared)
    by_id = {p.id: p for p in watch_prepared}
    candidates = blocking(watch_prepared, [prepared[id(q.entity)] for q in queries], args.k)
    n_pairs = sum(len(c) for c in candidates)
    print(f"watchlist {len(watch)}, queries {Counter(q.kind for q in queries)}")
    print(f"shared blocking top {args.k}: {n_pairs} pairs; prepare() {prep_rate:,.0f} entities/s")
    romanised = sum(_romanised_query(q) for q in queries)
    translit = sum(q.kind == "arabic_translit" for q in queries)
    print(f"arabic_translit: {romanised} of {translit} names have every word romanised")

    own_row, own_alerts = evaluate_index(index, queries, prepared)
    recall, checked = index_recall(index, queries, own_alerts, prepared, by_id)
    name = f"{ALGORITHM.name} {ALGORITHM.version}"
    rows: list[tuple[str, dict[str, float]]] = [(f"{name} (own index)", own_row)]

    def ours_shared(query: object, cand: object) -> float:
        return compare(prepared[id(query)], prepared[id(cand)], stats=index.stats).score

    matchers: list[tuple[str, Scorer, float]] = [
        (f"{name} (shared blocking)", ours_shared, ALGORITHM.match_threshold.value),
        ("rapidfuzz token_sort", rapidfuzz_scorer, 0.85),
    ]
    if not args.no_peers:
        for peer in ("logic-v2", "logic-v1"):
            scorer = nomenklatura_scorer(peer)
            if scorer is not None:
                matchers.append((f"nomenklatura {peer}", scorer, 0.7))
    rows += [(n, evaluate(n, s, t, queries, watch, candidates)) for n, s, t in matchers]

    kinds = [
        k
        for k in rows[0][1]
        if ":" not in k and k not in ("false_per_1k", "f1", "pairs_s", "queries_s", ROMANISED_KIND)
    ]
    recalls = [c for k in kinds for c in ([k, ROMANISED_KIND] if k == "arabic_translit" else [k])]
    header = [
        "matcher",
        *[f"recall {k}" for k in recalls],
        "FA/1k clean",
        "F1",
        "F1 min slice",
        "pairs/s",
    ]
    peer_f1 = dict(rows[-2][1]) if not args.no_peers and len(rows) >= 4 else None
    table_rows = []
    for label, row in rows:
        worst = min(row[f"f1:{k}"] for k in kinds)
        cells = [f"{row[k]:.3f}" for k in recalls]
        cells += [f"{row['false_per_1k']:.2f}", f"{row['f1']:.3f}", f"{worst:.3f}"]
        cells.append(f"{row['pairs_s']:,.0f}" if row["pairs_s"] else f"{row['queries_s']:,.0f} q/s")
        table_rows.append([label, *cells])
    quality = _table(header, table_rows)
    f1_rows = [[label, *[f"{row[f'f1:{k}']:.3f}" for k in kinds]] for label, row in rows]
    f1_table = _table(["matcher", *[f"F1 {k}" for k in kinds]], f1_rows)
    if peer_f1 is not None:
        ratios = [own_row[f"f1:{k}"] / max(1e-9, peer_f1[f"f1:{k}"]) for k in kinds]
        f1_rows.append(["ratio own index / logic-v2", *[f"{r:.2f}" for r in ratios]])
        f1_table = _table(["matcher", *[f"F1 {k}" for k in kinds]], f1_rows)
    print("\n" + quality + "\n\n" + f1_table)
    print(f"\nindex recall vs exhaustive scoring of the true entry: {recall:.4f} ({checked} pairs)")
    token_recall(args.tokens)

    if not args.no_docs:
        text = "\n\n".join(
            part
            for part in (
                SECTION,
                f"Command: `{command.strip()}` "
                "(2-core shared machine; compare ratios, not digits).",
                "Quality on ../shared/eval/screening (UN list + US distractors as watchlist; "
                "treated UN rows, our perturbations, Arabic-script names and 2-3 token names "
                "built from the transliteration files as queries; clean travellers from "
                "negatives_global). FA/1k = clean travellers with any alert per 1,000. "
                "Slice F1 counts the slice's hits, misses and wrong alerts plus the clean "
                "alert rate applied to as many clean travellers as the slice has queries.",
                quality,
                f1_table,
                f"Index recall vs exhaustive scoring of each positive query's true entry: "
                f"{recall:.4f} over {checked} pairs.",
            )
            if part
        )
        write_section(DOCS, SECTION, text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
