"""``python -m tansiq.demo OUTDIR [--seed N]``: write the demo world to OUTDIR."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tansiq.demo.world import DEFAULT_SEED, generate_world, write_world


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, generate the world, write it and list the files written."""
    parser = argparse.ArgumentParser(prog="python -m tansiq.demo", description=__doc__)
    parser.add_argument("outdir", type=Path, help="directory to write the demo world into")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    args = parser.parse_args(argv)
    paths = write_world(generate_world(args.seed), args.outdir)
    for path in paths:
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
