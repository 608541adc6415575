from __future__ import annotations

import json
from pathlib import Path

import pytest

from tansiq.demo import DemoWorld, write_world
from tansiq.demo.__main__ import main


def test_write_world_writes_json_lines_and_manifest(world: DemoWorld, tmp_path: Path) -> None:
    paths = write_world(world, tmp_path)
    assert all(p.is_file() for p in paths)
    for ds in world.datasets:
        lines = (tmp_path / f"{ds.name}.ftm.json").read_text(encoding="utf-8").splitlines()
        assert [json.loads(line) for line in lines] == list(ds.entities)
        assert all(
            line == json.dumps(json.loads(line), sort_keys=True, ensure_ascii=False)
            for line in lines
        )
    assert (tmp_path / "manifest.csv").read_text(encoding="utf-8") == world.manifest_csv


def test_write_world_writes_a_dataset_index(world: DemoWorld, tmp_path: Path) -> None:
    write_world(world, tmp_path)
    index = json.loads((tmp_path / "datasets.json").read_text(encoding="utf-8"))
    assert [d["name"] for d in index] == [ds.name for ds in world.datasets]
    for entry in index:
        assert set(entry) == {"name", "title", "description", "marking", "grade", "file"}
        assert (tmp_path / entry["file"]).is_file()


def test_write_world_writes_the_raw_articles(world: DemoWorld, tmp_path: Path) -> None:
    write_world(world, tmp_path)
    files = sorted(p.name for p in (tmp_path / "articles").iterdir())
    assert files == sorted(a.filename for a in world.articles)
    for article in world.articles:
        content = (tmp_path / "articles" / article.filename).read_text(encoding="utf-8")
        assert content == article.content


def test_write_world_writes_the_manifest_ground_truth(world: DemoWorld, tmp_path: Path) -> None:
    write_world(world, tmp_path)
    hits = json.loads((tmp_path / "manifest_hits.json").read_text(encoding="utf-8"))
    assert [h["pax_id"] for h in hits] == [h.pax_id for h in world.manifest_hits]


def test_the_command_line_writes_the_world_for_a_seed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path), "--seed", "42"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert str(tmp_path / "manifest.csv") in listed
    assert (tmp_path / "demo-watchlist.ftm.json").is_file()
