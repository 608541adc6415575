"""Fictional demo world generator: watchlists, groups, news and a passenger manifest."""

from tansiq.demo.records import DemoArticle, DemoDataset, DemoWorld, ManifestHit
from tansiq.demo.world import DEFAULT_SEED, generate_world, write_world

__all__ = [
    "DEFAULT_SEED",
    "DemoArticle",
    "DemoDataset",
    "DemoWorld",
    "ManifestHit",
    "generate_world",
    "write_world",
]
