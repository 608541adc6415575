"""Immutable records that make up a generated demo world."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

EntityDict = dict[str, Any]


@dataclass(frozen=True)
class DemoDataset:
    """One FtM dataset of the demo world, with its handling marking and Admiralty grade."""

    name: str
    title: str
    description: str
    marking: str
    grade: str
    entities: tuple[EntityDict, ...]


@dataclass(frozen=True)
class DemoArticle:
    """A raw news file for the ingest pipeline; ``html`` is set for the HTML variants."""

    filename: str
    language: str
    title: str
    published: str
    text: str
    html: str | None = None

    @property
    def content(self) -> str:
        """The bytes-to-be of the raw file: the HTML page if there is one, else the text."""
        return self.html if self.html is not None else self.text


@dataclass(frozen=True)
class ManifestHit:
    """Ground truth: a manifest row that is a watchlist person travelling under a variant."""

    pax_id: str
    entity_id: str
    variation: str


@dataclass(frozen=True)
class DemoWorld:
    """Everything the demo generator produces for one seed."""

    datasets: tuple[DemoDataset, ...]
    articles: tuple[DemoArticle, ...]
    manifest_csv: str
    manifest_hits: tuple[ManifestHit, ...] = field(default=())
    pnrgov: str = ""  # a PNRGOV push of one flight's bookings
    pnrgov_hit: ManifestHit | None = None  # its planted watchlist person

    def dataset(self, name: str) -> DemoDataset:
        """Return the dataset called ``name``; raise KeyError if there is none."""
        for dataset in self.datasets:
            if dataset.name == name:
                return dataset
        raise KeyError(name)
