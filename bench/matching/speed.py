"""Screening speed against a fictional list of a million names.

Run: ``python -m bench screening-speed [--size N] [--travellers N] [--workers N]
[--repeats N] [--cache DIR] [--no-docs]`` (or ``main(argv)``).

Measures index build time and memory, single-query latency (prepare + screen),
one-core queries/s, batch travellers/s of ``screen_many`` on ``--workers``
forked processes sharing the built index (travellers are prepared in the
workers, as in the product), and the index's recall on one-letter typos
against exhaustive scoring. Every timed measure is repeated ``--repeats``
times (fresh travellers each time, so no per-process cache is warm from an
earlier round) and reported as median and range.

``--cache DIR`` keeps the built index as a pickle keyed by list size and the
source of tansiq/matching and of the list generator, so later runs skip the
two-minute build (the build time is then the one recorded with the pickle).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import inspect
import multiprocessing
import os
import pickle
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.docs import write_section
from bench.matching.synthetic_names import LightEntity, synthetic_list, synthetic_travellers
from tansiq.matching import CandidateIndex, compare, prepare
from tansiq.matching import index as index_module

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "benchmarks.md"
SECTION = "## Screening: speed against a 1M-name list"
SINGLE_QUERIES = 2000
TYPO_SAMPLES = 1000
QUERY_SIDE = frozenset(["index.py", "bounds.py", "kernels.py"])
NOTES = "### Notes"
"""Heading of the hand-written notes that follow the table (kept when the table is rewritten)."""


@dataclass(frozen=True)
class Built:
    """The index and what it cost to build."""

    index: CandidateIndex
    build_s: float
    memory_mb: float
    pickle_mb: float
    cached: bool


def _rss_mb() -> float:
    with Path("/proc/self/status").open(encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _source_digest() -> str:
    """Digest of the code that shapes the pickled index (so a stale cache is not used).

    All of tansiq/matching but the query side (bounds.py, and of index.py
    only the builder, the key functions and the pickled layout count).
    """
    digest = hashlib.sha1(usedforsecurity=False)
    files = sorted((ROOT / "tansiq" / "matching").glob("*.py"))
    files.append(ROOT / "bench" / "matching" / "synthetic_names.py")
    for path in files:
        if path.name not in QUERY_SIDE:
            digest.update(path.read_bytes())
    digest.update(repr(CandidateIndex.__slots__).encode())
    for part in index_module.BUILD_PARTS:
        digest.update(inspect.getsource(part).encode())
    return digest.hexdigest()[:12]


def _build(listed: list[LightEntity]) -> Built:
    gc.collect()
    before = _rss_mb()
    started = time.perf_counter()
    index = CandidateIndex.build(prepare(e) for e in listed)
    build_s = time.perf_counter() - started
    gc.collect()
    memory = _rss_mb() - before
    pickled = len(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)) / 2**20
    return Built(index, build_s, memory, pickled, cached=False)


def build_or_load(listed: list[LightEntity], cache: Path | None) -> Built:
    """The index of ``listed``, from the cache directory when it holds a current one."""
    if cache is None:
        return _build(listed)
    path = cache / f"speed-index-{len(listed)}-{_source_digest()}.pickle"
    if path.exists():
        with path.open("rb") as handle:
            built: Built = pickle.load(handle)  # our own cache file
        return Built(built.index, built.build_s, built.memory_mb, built.pickle_mb, cached=True)
    built = _build(listed)
    cache.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as handle:
        pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    return built


def typo_recall(index: CandidateIndex, listed: list[LightEntity], count: int) -> tuple[float, int]:
    """Index recall: listed persons with a one-letter typo (substitution or deletion).

    Counts only pairs that exhaustive scoring (``compare``) still alerts on.
    """
    rng = random.Random(5)
    found = total = 0
    for source in rng.sample(listed, count):
        name = source.props["name"][0]
        words = name.split()
        k = rng.randrange(len(words))
        word = words[k]
        i = rng.randrange(1, len(word)) if len(word) > 1 else 0
        letter = rng.choice("abdeiklmnorstu")
        words[k] = (
            word[:i] + letter + word[i + 1 :] if rng.random() < 0.5 else word[:i] + word[i + 1 :]
        )
        query = LightEntity(f"typo-{source.id}", {**source.props, "name": [" ".join(words)]})
        prepared = prepare(query)
        if not compare(prepared, prepare(source), stats=index.stats).is_match:
            continue
        total += 1
        found += source.id in {m.candidate_id for m in index.screen(prepared)}
    return found / max(1, total), total


_SHARED: CandidateIndex | None = None
_TRAVELLERS: list[LightEntity] = []


def _batch_worker(bounds: tuple[int, int]) -> tuple[int, float]:
    """Matches of one worker's share of the travellers, and the CPU seconds it took."""
    assert _SHARED is not None
    start, end = bounds
    started = time.process_time()
    found = _SHARED.screen_many(prepare(t) for t in _TRAVELLERS[start:end])
    return sum(len(matches) for matches in found), time.process_time() - started


def batch_rate(
    index: CandidateIndex, travellers: list[LightEntity], workers: int
) -> tuple[float, float]:
    """Travellers/s of ``screen_many`` (prepare included) on ``workers`` forked processes, by
    the wall clock and by the workers' CPU time (travellers per CPU-second times ``workers``:
    what as many fully available cores would give; steadier on a shared machine)."""
    global _SHARED, _TRAVELLERS
    _SHARED, _TRAVELLERS = index, travellers
    index.warm()
    gc.collect()
    gc.freeze()  # keep forked workers from copying the index pages on collection
    step = -(-len(travellers) // workers)
    bounds = [(i, min(len(travellers), i + step)) for i in range(0, len(travellers), step)]
    context = multiprocessing.get_context("fork")
    try:
        started = time.perf_counter()
        with context.Pool(workers) as pool:
            done = pool.map(_batch_worker, bounds)
        wall = len(travellers) / (time.perf_counter() - started)
        cpu = sum(seconds for _, seconds in done)
        return wall, len(travellers) / cpu * workers
    finally:
        gc.unfreeze()
        _SHARED, _TRAVELLERS = None, []


def single_queries(
    index: CandidateIndex, travellers: list[LightEntity]
) -> tuple[float, float, float]:
    """(p50 ms, p99 ms, queries/s) of prepare + screen, one query at a time."""
    timings = []
    for traveller in travellers:
        started = time.perf_counter()
        index.screen(prepare(traveller))
        timings.append(time.perf_counter() - started)
    timings.sort()
    p50 = statistics.median(timings) * 1000
    p99 = timings[int(len(timings) * 0.99)] * 1000
    return p50, p99, len(timings) / sum(timings)


def _spread(values: Sequence[float], fmt: Callable[[float], str]) -> str:
    """Median and range of repeated measurements."""
    if len(values) == 1:
        return fmt(values[0])
    return f"{fmt(statistics.median(values))} ({fmt(min(values))}-{fmt(max(values))})"


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _table(rows: list[tuple[str, str, str]]) -> str:
    lines = ["| measure (fictional list) | value: median (range) | target |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join(lines)


def measure(args: argparse.Namespace) -> list[tuple[str, str, str]]:
    """Build (or load) the index, then time queries and batches ``args.repeats`` times."""
    listed = synthetic_list(args.size)
    built = build_or_load(listed, args.cache)
    index = built.index
    typo_rate, typo_pairs = typo_recall(index, listed, min(TYPO_SAMPLES, len(listed)))
    # travellers copy some listed persons: keep a sample per round, not the whole list
    samples = [random.Random(r).sample(listed, min(5000, len(listed))) for r in range(args.repeats)]
    del listed
    gc.collect()
    p50s, p99s, singles, batches, cpu_batches = [], [], [], [], []
    for round_ in range(args.repeats):
        # fresh travellers each round: no cache warmed by an earlier round
        queries = synthetic_travellers(samples[round_], SINGLE_QUERIES, seed=200 + round_)
        p50, p99, rate = single_queries(index, queries)
        p50s.append(p50)
        p99s.append(p99)
        singles.append(rate)
        travellers = synthetic_travellers(samples[round_], args.travellers, seed=400 + round_)
        wall, cpu = batch_rate(index, travellers, args.workers)
        batches.append(wall)
        cpu_batches.append(cpu)
        print(
            f"round {round_ + 1}: p50 {p50:.2f} ms, p99 {p99:.2f} ms, one core {rate:,.0f} q/s, "
            f"batch {batches[-1]:,.0f} travellers/s ({cpu_batches[-1]:,.0f} by CPU time)",
            flush=True,
        )
    build = f"{built.build_s:,.0f} s" + (" (cached pickle)" if built.cached else "")
    return [
        ("listed names", f"{args.size:,}", ""),
        ("index build (prepare + build)", build, ""),
        ("index memory (RSS growth)", f"{built.memory_mb:,.0f} MB", ""),
        ("index pickle size", f"{built.pickle_mb:,.0f} MB", ""),
        ("single query p50", _spread(p50s, lambda v: f"{v:.2f} ms"), ""),
        ("single query p99", _spread(p99s, lambda v: f"{v:.2f} ms"), "<= 20 ms"),
        ("one core, queries/s", _spread(singles, lambda v: f"{v:,.0f}"), ""),
        (
            f"batch, {args.workers} workers, travellers/s",
            _spread(batches, lambda v: f"{v:,.0f}"),
            ">= 5,000",
        ),
        (
            f"batch, travellers per worker CPU-second x {args.workers}",
            _spread(cpu_batches, lambda v: f"{v:,.0f}"),
            "",
        ),
        (f"index recall, one-letter typos ({typo_pairs} pairs)", f"{typo_rate:.3f}", ">= 0.99"),
    ]


def _notes() -> str:
    """The hand-written part of the section (from ``NOTES`` on), kept across runs."""
    current = DOCS.read_text(encoding="utf-8") if DOCS.exists() else ""
    start = current.find(SECTION + "\n")
    if start < 0:
        return ""
    body = current[start + len(SECTION) :]
    end = body.find("\n## ")
    body = body if end < 0 else body[:end]
    at = body.find(NOTES)
    return "" if at < 0 else body[at:].strip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="screening-speed", description=__doc__)
    parser.add_argument("--size", type=int, default=1_000_000, help="fictional list size")
    parser.add_argument("--travellers", type=int, default=20_000, help="travellers per batch")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3, help="timed rounds (median, range)")
    parser.add_argument("--cache", type=Path, default=None, help="keep the built index here")
    parser.add_argument("--no-docs", action="store_true")
    args = parser.parse_args(argv)
    command = "python -m bench screening-speed " + " ".join(sys.argv[1:] if argv is None else argv)
    rows = measure(args)
    table = _table(rows)
    print("\n" + table)
    if not args.no_docs:
        load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
        machine = (
            f"{os.cpu_count()} cores (nproc), {_cpu()}, shared with other benchmarks "
            f"(load average at the end {load})"
        )
        text = "\n\n".join(
            (
                SECTION,
                f"Command: `{command.strip()}`. Machine: {machine}. "
                f"Timed measures: median (min-max) over {args.repeats} rounds, "
                "fresh travellers each round.",
                table,
            )
        )
        write_section(DOCS, SECTION, text + "\n\n" + _notes())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
