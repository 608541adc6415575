"""Load the bundled fictional demo world through the ordinary import path."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tansiq.demo import DEFAULT_SEED, DemoWorld, generate_world, write_world
from tansiq.domain.audit import AuditAction
from tansiq.domain.principal import Principal
from tansiq.domain.roles import Permission
from tansiq.domain.screening import Screening
from tansiq.services.access import require
from tansiq.services.app import Tansiq
from tansiq.services.audit import record_now
from tansiq.services.demo_accounts import DemoAccount, load_accounts
from tansiq.services.importing import ImportOptions, ImportReport, import_path
from tansiq.services.ingest import IngestOptions, IngestReport, ingest_paths
from tansiq.services.screening import ScreeningOptions, screen_manifest

WATCHLIST = "demo-watchlist"
REPORTS = "demo-reports"
NEWS = "demo-news"
TRAVELLERS = "demo-travellers"


@dataclass(frozen=True)
class DemoSummary:
    """What the demo wrote to disk and loaded into the store."""

    folder: Path
    imports: list[ImportReport] = field(default_factory=list)
    articles: int = 0
    manifest: Path | None = None
    example: str | None = None
    screening: Screening | None = None
    ingested: IngestReport | None = None
    accounts: list[DemoAccount] = field(default_factory=list)
    push: Screening | None = None  # the PNRGOV push's screening

    @property
    def statements(self) -> int:
        return sum(r.statements for r in self.imports)

    @property
    def entities(self) -> int:
        return sum(r.entities for r in self.imports)


def load_demo(app: Tansiq, principal: Principal, seed: int = DEFAULT_SEED) -> DemoSummary:
    """Generate the fictional world into the data folder and import each of its datasets."""
    require(principal, Permission.ADMIN)
    world = generate_world(seed)
    folder = app.settings.data_dir / "demo"
    write_world(world, folder)
    imports = []
    for ds in world.datasets:
        if ds.name == NEWS:
            continue  # its articles are ingested from the files below, with extraction
        opts = ImportOptions(ds.name, marking=ds.marking, grade=ds.grade, title=ds.title)
        imports.append(import_path(app, principal, folder / f"{ds.name}.ftm.json", opts))
    record_now(app, principal, AuditAction.DEMO_LOAD, str(folder), seed=seed)
    manifest = folder / "manifest.csv"
    screening = ScreeningOptions((WATCHLIST,), TRAVELLERS, marking="TLP:AMBER", grade="B2")
    run = screen_manifest(app, principal, manifest, screening)
    push = screen_manifest(app, principal, folder / "pnrgov.edi", screening)
    reports = IngestOptions(REPORTS, marking="TLP:CLEAR", grade="C3", title="Demo reports")
    ingested = ingest_paths(app, principal, [folder / "articles"], reports)
    example = _example(world)
    accounts = load_accounts(app, principal)
    return DemoSummary(
        folder,
        imports,
        len(world.articles),
        manifest,
        example,
        run.screening,
        ingested,
        accounts,
        push.screening,
    )


def _example(world: DemoWorld) -> str | None:
    """A watchlist name to try in the search box."""
    for ds in world.datasets:
        for data in ds.entities:
            names = data.get("properties", {}).get("lastName")
            if data.get("schema") == "Person" and names:
                return str(names[0])
    return None
