"""Run the benchmarks: ``python -m bench`` runs all of them, ``python -m bench NAME ARGS`` one.

Each module listed in ``BENCHMARKS`` has ``main(argv) -> int``; a benchmark prints its table and
records it in docs/benchmarks.md.
"""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = {
    "foundation": "bench.foundation",
    "screening": "bench.matching.eval_quality",
    "screening-speed": "bench.matching.speed",
    "extract-news": "bench.extract.news",
    "extract-muc4": "bench.extract.muc4",
    "access": "bench.access",
    "travel": "bench.travel",
}


def main(argv: list[str]) -> int:
    by_name = BENCHMARKS
    if argv and argv[0] in by_name:
        selected, rest = [by_name[argv[0]]], argv[1:]
    elif argv and not argv[0].startswith("-"):
        print(f"unknown benchmark {argv[0]!r}; known: {', '.join(by_name)}", file=sys.stderr)
        return 2
    else:
        selected, rest = list(BENCHMARKS.values()), argv
    status = 0
    for module in selected:
        status = max(status, importlib.import_module(module).main(rest))
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
