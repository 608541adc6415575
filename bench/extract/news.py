"""Quality on the four real news articles of ../shared/corpus/news against news_gold.json.

Figures match on value, qualifier, unit and period (strict) or on value and unit (loose); events on
type and trigger offset; entities on label and case-folded name, once per document.
``--throughput`` measures end-to-end ingest instead (see :mod:`bench.extract.throughput`).
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from tansiq.extract import Document, Extraction, Extractor, load_document

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "news"
GOLD = Path(__file__).with_name("news_gold.json")
Key = tuple[object, ...]


def figure_keys(extraction: Extraction, strict: bool) -> set[Key]:
    return {
        (f.value, f.unit, f.qualifier, f.period) if strict else (f.value, f.unit)
        for f in extraction.figures
    }


def gold_figures(gold: dict[str, list[dict[str, object]]], strict: bool) -> set[Key]:
    keys = set()
    for f in gold["figures"]:
        value = float(f["value"])  # type: ignore[arg-type]
        keys.add((value, f["unit"], f["qualifier"], f["period"]) if strict else (value, f["unit"]))
    return keys


def scores(pred: set[Key], gold: set[Key]) -> tuple[int, int, int]:
    return len(pred & gold), len(pred), len(gold)


def throughput(extractor: Extractor, documents: list[Document], rounds: int = 7) -> float:
    """Median words/s of extracting every document once, one process, models warm."""
    words = sum(len(d.text.split()) for d in documents)
    for document in documents:
        extractor.extract(document)  # warm-up: models loaded, caches filled
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        for document in documents:
            extractor.extract(document)
        times.append(time.perf_counter() - started)
    return words / statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    if argv and argv[0] == "--throughput":
        from bench.extract.throughput import main as ingest_throughput

        return ingest_throughput(argv[1:])
    gold_all = json.loads(GOLD.read_text(encoding="utf-8"))
    totals: dict[str, list[int]] = {}
    extractor = Extractor()
    for name, gold in gold_all.items():
        if name.startswith("_"):
            continue
        x = extractor.extract(load_document((CORPUS / name).read_bytes(), name))
        parts = {
            "figures (strict)": scores(figure_keys(x, True), gold_figures(gold, True)),
            "figures (value+unit)": scores(figure_keys(x, False), gold_figures(gold, False)),
            "events (type+trigger)": scores(
                {(e.type, e.start) for e in x.events},
                {(e["type"], e["start"]) for e in gold["events"]},
            ),
            "events (+ date)": scores(
                {(e.type, e.start, e.date) for e in x.events},
                {(e["type"], e["start"], e["date"]) for e in gold["events"]},
            ),
        }
        for label in ("PER", "ORG", "LOC"):
            pred = {m.text.casefold().removeprefix("the ") for m in x.mentions if m.label == label}
            parts[f"entities {label}"] = scores(
                pred, {n.casefold() for n in gold["entities"][label]}
            )
        for key, (c, p, g) in parts.items():
            acc = totals.setdefault(key, [0, 0, 0])
            acc[0], acc[1], acc[2] = acc[0] + c, acc[1] + p, acc[2] + g
    print(f"{'news gold':<24} {'P':>6} {'R':>6} {'F1':>6}   (correct/pred/gold)")
    for key, (c, p, g) in totals.items():
        prec, rec = (c / p if p else 0.0), (c / g if g else 0.0)
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        print(f"  {key:<22} {prec:6.3f} {rec:6.3f} {f1:6.3f}   ({c}/{p}/{g})")
    documents = [
        load_document((CORPUS / name).read_bytes(), name)
        for name in gold_all
        if not name.startswith("_")
    ]
    words = sum(len(d.text.split()) for d in documents)
    rate = throughput(extractor, documents)
    print(f"\n{len(documents)} articles, {words} words: {rate:,.0f} words/s (median of 7 rounds)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
