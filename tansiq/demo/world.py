"""Generate the fictional demo world and write it to disk.

Everything here is invented: people, groups, agencies, airline and events. Given names are
common real given names; every surname, group and organisation name is made up.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from tansiq.demo import news
from tansiq.demo.agencies import agency_entities
from tansiq.demo.groups import group_entities
from tansiq.demo.manifest import make_manifest
from tansiq.demo.people import generate_people
from tansiq.demo.plot import make_plot
from tansiq.demo.pnrgov import make_pnrgov
from tansiq.demo.records import DemoArticle, DemoDataset, DemoWorld, EntityDict, ManifestHit
from tansiq.demo.watchlist import watchlist_entities

__all__ = [
    "DEFAULT_SEED",
    "DemoArticle",
    "DemoDataset",
    "DemoWorld",
    "ManifestHit",
    "generate_world",
    "write_world",
]

DEFAULT_SEED = 20261123
PERSONS = 300
FRONTS = 34


# name: (title, description, marking, grade)
DATASETS: dict[str, tuple[str, str, str, str]] = {
    "demo-agencies": (
        "Demo agencies",
        "Fictional agencies, partner services, an airline and a regional platform.",
        "TLP:GREEN",
        "A1",
    ),
    "demo-watchlist": (
        "Demo joint watchlist",
        "Fictional listed persons, passports, groups, front organisations and sanctions.",
        "TLP:AMBER",
        "B2",
    ),
    "demo-groups": (
        "Demo armed groups",
        "Fictional groups, their members, associates and financing links.",
        "TLP:AMBER",
        "B3",
    ),
    "demo-news": (
        "Demo news articles",
        "Fictional press articles in English and French.",
        "TLP:CLEAR",
        "C3",
    ),
}


def _dataset(name: str, entities: tuple[EntityDict, ...]) -> DemoDataset:
    return DemoDataset(name, *DATASETS[name], entities=entities)


def generate_world(seed: int = DEFAULT_SEED) -> DemoWorld:
    """Generate the whole demo world; the same seed always gives the same world."""
    rng = random.Random(seed)
    people = generate_people(rng, PERSONS)
    plot = make_plot(rng, people, FRONTS)
    stories = news.write_stories(rng, people, plot)
    manifest_csv, hits = make_manifest(rng, people)
    datasets = (
        _dataset("demo-agencies", agency_entities()),
        _dataset("demo-watchlist", watchlist_entities(rng, people, plot)),
        _dataset("demo-groups", group_entities(people, plot)),
        _dataset("demo-news", tuple(news.to_entity(s) for s in stories)),
    )
    articles = tuple(news.to_article(s) for s in stories)
    pnrgov, pnrgov_hit = make_pnrgov(seed, people)
    return DemoWorld(datasets, articles, manifest_csv, hits, pnrgov, pnrgov_hit)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return path


def _dump(data: object) -> str:
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _write_datasets(world: DemoWorld, outdir: Path) -> list[Path]:
    written: list[Path] = []
    index: list[dict[str, str]] = []
    for ds in world.datasets:
        filename = f"{ds.name}.ftm.json"
        lines = [json.dumps(e, sort_keys=True, ensure_ascii=False) + "\n" for e in ds.entities]
        written.append(_write(outdir / filename, "".join(lines)))
        meta = {"name": ds.name, "title": ds.title, "description": ds.description}
        index.append({**meta, "marking": ds.marking, "grade": ds.grade, "file": filename})
    written.append(_write(outdir / "datasets.json", _dump(index)))
    return written


def write_world(world: DemoWorld, outdir: Path) -> list[Path]:
    """Write datasets (FtM JSON lines), datasets.json, articles/, manifest.csv, pnrgov.edi
    and the hits.

    ``manifest_hits.json`` is the ground truth of which manifest rows are watchlist persons,
    ``pnrgov_hits.json`` that of the PNRGOV push.
    """
    written = _write_datasets(world, outdir)
    for article in world.articles:
        written.append(_write(outdir / "articles" / article.filename, article.content))
    written.append(_write(outdir / "manifest.csv", world.manifest_csv))
    hits = [vars(hit) for hit in world.manifest_hits]
    written.append(_write(outdir / "manifest_hits.json", _dump(hits)))
    if world.pnrgov:
        written.append(_write(outdir / "pnrgov.edi", world.pnrgov))
        pnr_hits = [vars(world.pnrgov_hit)] if world.pnrgov_hit else []
        written.append(_write(outdir / "pnrgov_hits.json", _dump(pnr_hits)))
    return written
