"""``tansiq import`` and ``tansiq export``."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Annotated, Any

import orjson
import typer
from rich.progress import DownloadColumn, Progress, TimeRemainingColumn

from tansiq.exceptions import TansiqError
from tansiq.formats import STATEMENT_COLUMNS
from tansiq.interfaces.cli.common import AsOption, acting, err, fail, platform
from tansiq.services.exporting import export_entities, export_statements
from tansiq.services.importing import ImportOptions, ImportReport, import_path, import_stream


def _import_one(ctx: typer.Context, source: str, opts: ImportOptions) -> ImportReport:
    with platform(ctx) as app:
        principal = acting(ctx, app)
        if source == "-":
            return import_stream(app, principal, sys.stdin.buffer, "<stdin>", opts)
        path = Path(source)
        if not path.is_file():
            raise typer.BadParameter(f"{source}: no such file", param_hint="FILE")
        columns = (*Progress.get_default_columns()[:-1], DownloadColumn(), TimeRemainingColumn())
        with Progress(*columns, console=err, transient=True) as bar:
            task = bar.add_task(f"Importing {path.name}", total=path.stat().st_size)
            return import_path(app, principal, path, opts, lambda n: bar.update(task, completed=n))


def import_command(
    ctx: typer.Context,
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE",
            help="FtM entity JSON lines, statement CSV or statement JSON lines; '-' reads stdin.",
        ),
    ],
    dataset: Annotated[
        str, typer.Option("--dataset", "-d", metavar="NAME", help="Dataset to import into.")
    ],
    marking: Annotated[
        str | None,
        typer.Option(metavar="TLP", help="TLP label, e.g. TLP:AMBER (default: the dataset's)."),
    ] = None,
    classification: Annotated[
        str | None, typer.Option(metavar="LEVEL", help="Classification level.")
    ] = None,
    grade: Annotated[
        str | None, typer.Option(metavar="GRADE", help="Admiralty grade, e.g. B2.")
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="entities, statements-csv, statements-json, un-xml or list-csv "
            "(default: detected).",
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Title of a new dataset.")
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Watchlist files: fail on the first bad value instead of importing the rest "
            "and listing the problems.",
        ),
    ] = False,
    as_: AsOption = None,
) -> None:
    """Import files into a dataset: FtM entities, statements, or a watchlist (UN XML, CSV).

    Each file is all-or-nothing: a bad line stores nothing.
    """
    opts = ImportOptions(dataset, marking, classification, grade, fmt, title, strict)
    for source in files:
        try:
            report = _import_one(ctx, source, opts)
        except TansiqError as exc:
            raise fail(exc) from None
        err.print(
            f"{report.source}: {report.entities:,} entities, {report.statements:,} statements "
            f"into [bold]{report.dataset}[/] ({report.format})"
        )
        _warn(report.problems)


def _warn(problems: tuple[str, ...], shown: int = 10) -> None:
    for problem in problems[:shown]:
        err.print(f"[yellow]warning:[/] {problem}", highlight=False)
    if len(problems) > shown:
        err.print(f"[yellow]warning:[/] … and {len(problems) - shown} more problems")


def _write_lines(rows: Iterable[dict[str, Any]], stream: IO[bytes]) -> int:
    count = 0
    for row in rows:
        stream.write(orjson.dumps(row) + b"\n")
        count += 1
    return count


def _write_csv(rows: Iterable[dict[str, Any]], stream: IO[bytes]) -> int:
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=list(STATEMENT_COLUMNS))
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    text.detach()
    return count


def export_command(
    ctx: typer.Context,
    dataset: Annotated[
        str | None,
        typer.Option(
            "--dataset",
            "-d",
            metavar="NAME",
            help="Only this dataset (default: everything you may see).",
        ),
    ] = None,
    statements: Annotated[
        bool,
        typer.Option(
            "--statements",
            help="Write statement rows with markings and grades instead of entities.",
        ),
    ] = False,
    as_csv: Annotated[
        bool,
        typer.Option("--csv", help="With --statements: write CSV instead of JSON lines."),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="File to write (default: stdout)."),
    ] = None,
    as_: AsOption = None,
) -> None:
    """Export FtM entities (or statements) as JSON lines, or statements as CSV."""
    write = _write_csv if as_csv else _write_lines
    try:
        with platform(ctx) as app:
            principal = acting(ctx, app)
            export = export_statements if statements or as_csv else export_entities
            rows = export(app, principal, dataset)
            if output is None:
                count = write(rows, sys.stdout.buffer)
                sys.stdout.flush()
            else:
                with output.open("wb") as stream:
                    count = write(rows, stream)
    except TansiqError as exc:
        raise fail(exc) from None
    err.print(f"exported {count:,} {'statements' if statements or as_csv else 'entities'}")
