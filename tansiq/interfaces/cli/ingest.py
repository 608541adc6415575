"""``tansiq ingest``: documents in, entities, events and figures out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress
from rich.table import Table

from tansiq.exceptions import TansiqError
from tansiq.interfaces.cli.common import AsOption, acting, err, fail, out, platform
from tansiq.services.ingest import IngestOptions, IngestReport, ingest_paths

Text = Annotated[str | None, typer.Option(metavar="TEXT")]


def _show(report: IngestReport) -> None:
    table = Table(
        "file",
        "status",
        "language",
        "mentions",
        "linked",
        "events",
        "figures",
        "note",
        title=f"{report.count('ingested')} ingested into {report.dataset}",
    )
    for f in report.files:
        table.add_row(
            Path(f.name).name,
            f.status,
            f.language or "",
            str(f.mentions),
            str(f.linked),
            str(f.events),
            str(f.figures),
            f.reason or "",
        )
    out.print(table)


def ingest_command(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH", help="Files (.txt, .html, .pdf) or folders (read recursively)."
        ),
    ],
    dataset: Annotated[
        str, typer.Option("--dataset", "-d", metavar="NAME", help="Dataset of the documents.")
    ],
    marking: Annotated[
        str | None, typer.Option(metavar="TLP", help="Default: the dataset's.")
    ] = None,
    classification: Annotated[str | None, typer.Option(metavar="LEVEL")] = None,
    grade: Annotated[
        str | None,
        typer.Option(
            metavar="GRADE", help="Source grading, e.g. C3; extracted statements carry it."
        ),
    ] = None,
    title: Text = None,
    as_: AsOption = None,
) -> None:
    """Ingest reporting: clean text, language, known and new names, events and figures, each
    traceable to the characters it was read from. A broken file is reported and skipped."""
    opts = IngestOptions(dataset, marking, classification, grade, title)
    try:
        with platform(ctx) as app, Progress(console=err, transient=True) as bar:
            task = bar.add_task("Ingesting", total=None)
            report = ingest_paths(
                app,
                acting(ctx, app),
                paths,
                opts,
                lambda done, total: bar.update(task, completed=done, total=total),
            )
    except TansiqError as exc:
        raise fail(exc) from None
    _show(report)
    if report.count("skipped"):
        raise typer.Exit(1)
