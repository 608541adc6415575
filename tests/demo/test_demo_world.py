from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from tansiq.demo import DEFAULT_SEED, DemoWorld, generate_world, write_world


def test_it_generates_the_same_world_for_the_same_seed(world: DemoWorld) -> None:
    assert generate_world(DEFAULT_SEED) == world


def test_a_different_seed_gives_a_different_world(world: DemoWorld) -> None:
    other = generate_world(DEFAULT_SEED + 1)
    assert other.manifest_csv != world.manifest_csv
    assert other.dataset("demo-watchlist") != world.dataset("demo-watchlist")


def _digest(outdir: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(outdir.rglob("*")):
        if path.is_file():
            sha.update(path.relative_to(outdir).as_posix().encode())
            sha.update(path.read_bytes())
    return sha.hexdigest()


def test_output_is_byte_identical_across_processes_and_hash_seeds(tmp_path: Path) -> None:
    digests = []
    for hash_seed in ("1", "2"):
        outdir = tmp_path / hash_seed
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        subprocess.run(
            [sys.executable, "-m", "tansiq.demo", str(outdir)],
            env=env,
            check=True,
            capture_output=True,
        )
        digests.append(_digest(outdir))
    in_process = tmp_path / "in-process"
    write_world(generate_world(), in_process)
    assert digests[0] == digests[1] == _digest(in_process)


def test_it_has_the_four_datasets_with_markings_and_grades(world: DemoWorld) -> None:
    meta = {ds.name: (ds.marking, ds.grade) for ds in world.datasets}
    assert meta == {
        "demo-agencies": ("TLP:GREEN", "A1"),
        "demo-watchlist": ("TLP:AMBER", "B2"),
        "demo-groups": ("TLP:AMBER", "B3"),
        "demo-news": ("TLP:CLEAR", "C3"),
    }
    assert all(ds.title and ds.description for ds in world.datasets)


def test_datasets_have_the_expected_sizes(world: DemoWorld) -> None:
    def schemas(name: str) -> Counter[str]:
        return Counter(e["schema"] for e in world.dataset(name).entities)

    assert schemas("demo-agencies") == {"Organization": 8}
    watchlist = schemas("demo-watchlist")
    assert watchlist["Person"] == 300
    assert watchlist["Organization"] == 40
    assert watchlist["Passport"] >= 240
    assert watchlist["Sanction"] == 340
    groups = schemas("demo-groups")
    assert groups["Organization"] == 6
    assert groups["Membership"] == 40
    assert groups["Associate"] >= 10
    assert groups["UnknownLink"] >= 5
    assert schemas("demo-news") == {"Article": 10}
