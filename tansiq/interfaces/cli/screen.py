"""``tansiq screen`` and ``tansiq alerts``: screening and the review queue."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import IO, Annotated

import orjson
import typer
from rich.progress import Progress
from rich.table import Table

from tansiq.domain.screening import AlertStatus
from tansiq.exceptions import InvalidData, TansiqError
from tansiq.interfaces.cli.common import AsOption, acting, err, fail, out, platform
from tansiq.services.review import alert_view_dict, decide, get_alert, list_alerts
from tansiq.services.screening import (
    PersonQuery,
    ScreeningOptions,
    ScreeningRun,
    screen_manifest,
    screen_person,
)
from tansiq.store.port import AlertQuery

alerts_app = typer.Typer(
    help="The review queue: list, show and decide alerts.", no_args_is_help=True
)
Text = Annotated[str | None, typer.Option(metavar="TEXT")]


def _alert_lines(run: ScreeningRun, stream: IO[bytes]) -> None:
    for alert in run.alerts:
        line = {
            "traveller": alert.traveller.get("reference", alert.traveller_id),
            "traveller_entity": alert.traveller_id,
            "entity_id": alert.entity_id,
            "score": alert.score,
            "alert_id": alert.id,
            "explanation": alert.explanation,
        }
        stream.write(orjson.dumps(line) + b"\n")


def _summary(run: ScreeningRun, seconds: float) -> None:
    s = run.screening
    rate = s.total / seconds if seconds > 0 else 0.0
    err.print(
        f"screened {s.total:,} against {', '.join(s.against)} in {seconds:.1f} s "
        f"({rate:,.0f}/s): {s.alert_count} alerts for review, {s.suppressed} already cleared "
        f"or waiting; screening {s.id}",
        highlight=False,
    )
    for problem in s.problems[:10]:
        err.print(f"[yellow]warning:[/] {problem}", highlight=False)
    if len(s.problems) > 10:
        err.print(f"[yellow]warning:[/] … and {len(s.problems) - 10} more problems")


def _run(
    ctx: typer.Context, manifest: Path | None, query: PersonQuery | None, opts: ScreeningOptions
) -> ScreeningRun:
    with platform(ctx) as app:
        principal = acting(ctx, app)
        if query is not None:
            return screen_person(app, principal, query, opts)
        assert manifest is not None
        with Progress(console=err, transient=True) as bar:
            task = bar.add_task(f"Screening {manifest.name}", total=None)
            report = lambda n, total: bar.update(task, completed=n, total=total)  # noqa: E731
            return screen_manifest(app, principal, manifest, opts, report)


def screen_command(
    ctx: typer.Context,
    manifest: Annotated[
        Path | None,
        typer.Argument(
            metavar="[MANIFEST]", help="CSV manifest, UN/EDIFACT PAXLST or IATA PNRGOV file."
        ),
    ] = None,
    against: Annotated[
        list[str] | None,
        typer.Option("--against", "-a", metavar="DATASET", help="Watchlist dataset (repeatable)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write alerts as JSON lines here (default: stdout).",
        ),
    ] = None,
    store_as: Annotated[
        str | None,
        typer.Option(metavar="DATASET", help="Keep the travellers as statements in this dataset."),
    ] = None,
    marking: Annotated[
        str | None, typer.Option(metavar="TLP", help="Marking of the travellers' data.")
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option(
            metavar="SCORE", help="Alert threshold (default: TANSIQ_SCREENING_THRESHOLD)."
        ),
    ] = None,
    name: Annotated[
        str | None, typer.Option(metavar="NAME", help="Screen one person by name.")
    ] = None,
    birth_date: Text = None,
    gender: Text = None,
    nationality: Text = None,
    document: Annotated[
        str | None, typer.Option(metavar="NUMBER", help="Passport or ID number.")
    ] = None,
    as_: AsOption = None,
) -> None:
    """Screen a manifest (or one person with --name) against watchlists.

    Prints one JSON line per alert: the traveller's id, the watchlist entity id, the score and
    the explanation. Alerts wait in the review queue for a person's decision.
    """
    if (manifest is None) == (name is None):
        raise fail(InvalidData("give a MANIFEST file or --name, not both"))
    if manifest is not None and not manifest.is_file():
        raise fail(InvalidData(f"{manifest}: no such file"))
    query = None if name is None else PersonQuery(name, birth_date, gender, nationality, document)
    opts = ScreeningOptions(tuple(against or ()), store_as, marking, None, threshold)
    started = time.perf_counter()
    try:
        run = _run(ctx, manifest, query, opts)
    except TansiqError as exc:
        raise fail(exc) from None
    if output is None:
        _alert_lines(run, sys.stdout.buffer)
        sys.stdout.flush()
    else:
        with output.open("wb") as stream:
            _alert_lines(run, stream)
    _summary(run, time.perf_counter() - started)


@alerts_app.command("list")
def alerts_list(
    ctx: typer.Context,
    status: Annotated[
        list[str] | None,
        typer.Option(
            metavar="STATUS", help="open, unsure, match or no_match (default: open and unsure)."
        ),
    ] = None,
    screening: Annotated[
        str | None, typer.Option(metavar="ID", help="Only this screening.")
    ] = None,
    limit: Annotated[int, typer.Option(metavar="N")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines.")] = False,
    as_: AsOption = None,
) -> None:
    """List alerts, best score first."""
    try:
        statuses = AlertStatus.parse_many(status)
    except InvalidData as exc:
        raise fail(exc) from None
    with platform(ctx) as app:
        page = list_alerts(app, acting(ctx, app), AlertQuery(statuses, screening, limit=limit))
    if as_json:
        for alert in page.alerts:
            sys.stdout.write(
                orjson.dumps(
                    {
                        "id": alert.id,
                        "status": alert.status.value,
                        "score": alert.score,
                        "traveller": alert.traveller_id,
                        "entity_id": alert.entity_id,
                    }
                ).decode()
                + "\n"
            )
        return
    table = Table(
        "alert", "score", "traveller", "watchlist entry", "status", title=f"{page.total} alerts"
    )
    for alert in page.alerts:
        entry = page.entries.get(alert.entity_id)
        names = alert.traveller.get("properties", {}).get("name", ["?"])
        table.add_row(
            alert.id,
            f"{alert.score:.2f}",
            names[0],
            entry.caption if entry else alert.entity_id,
            alert.status.value,
        )
    out.print(table)


@alerts_app.command("show")
def alerts_show(
    ctx: typer.Context, alert_id: Annotated[str, typer.Argument(metavar="ID")], as_: AsOption = None
) -> None:
    """Show an alert: both sides, the explanation and the decisions so far (JSON)."""
    try:
        with platform(ctx) as app:
            view = get_alert(app, acting(ctx, app), alert_id)
    except TansiqError as exc:
        raise fail(exc) from None
    out.print_json(orjson.dumps(alert_view_dict(view)).decode())


@alerts_app.command("decide")
def alerts_decide(
    ctx: typer.Context,
    alert_id: Annotated[str, typer.Argument(metavar="ID")],
    decision: Annotated[str, typer.Option(metavar="DECISION", help="match, no_match or unsure.")],
    reason: Annotated[str, typer.Option(metavar="TEXT", help="Why (required).")],
    as_: AsOption = None,
) -> None:
    """Decide an alert. 'no_match' clears the pair: the same traveller data against the same
    entry is not asked again."""
    try:
        with platform(ctx) as app:
            view = decide(app, acting(ctx, app), alert_id, decision, reason)
    except TansiqError as exc:
        raise fail(exc) from None
    err.print(f"alert {alert_id}: {view.alert.status.value}")
