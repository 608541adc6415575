"""``tansiq serve`` and ``tansiq demo``."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from tansiq.interfaces.cli.common import err, out, platform, settings_from
from tansiq.services.demo import load_demo
from tansiq.services.demo_accounts import DEMO_PASSWORD
from tansiq.settings import Settings

HostOption = Annotated[str | None, typer.Option(metavar="HOST", help="Address to listen on.")]
PortOption = Annotated[int | None, typer.Option(metavar="PORT", help="Port to listen on.")]


def _serve(settings: Settings, host: str | None, port: int | None) -> None:
    import uvicorn  # imported here so other commands start fast

    from tansiq.interfaces.app import create_app

    host, port = host or settings.host, port or settings.port
    err.print(f"Tansiq is serving on [bold]http://{host}:{port}[/] (Ctrl+C to stop)")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")


def serve_command(ctx: typer.Context, host: HostOption = None, port: PortOption = None) -> None:
    """Run the web app and the REST API (docs at /docs)."""
    settings = settings_from(ctx)
    with platform(ctx):
        pass  # opens (and, for SQLite, migrates) the store before serving
    _serve(settings, host, port)


def demo_command(
    ctx: typer.Context,
    serve: Annotated[
        bool,
        typer.Option(
            "--serve/--no-serve",
            help="Serve the web app afterwards (--no-serve for scripts and CI).",
        ),
    ] = True,
    seed: Annotated[
        int | None, typer.Option(metavar="N", help="Seed of the fictional world.")
    ] = None,
    host: HostOption = None,
    port: PortOption = None,
) -> None:
    """Load the fictional demo world (watchlist, groups, agencies, news) and serve it."""
    with platform(ctx) as app:
        summary = load_demo(app, app.local_admin(), *(() if seed is None else (seed,)))
    table = Table("dataset", "entities", "statements", title="Demo data loaded (all fictional)")
    for r in summary.imports:
        table.add_row(r.dataset, f"{r.entities:,}", f"{r.statements:,}")
    table.add_row("[bold]total", f"{summary.entities:,}", f"{summary.statements:,}")
    out.print(table)
    out.print(
        f"Files in {summary.folder}: {summary.articles} articles, manifest {summary.manifest}"
    )
    if summary.screening is not None:
        sc = summary.screening
        out.print(
            f"Screened the demo manifest ({sc.total} travellers) against {', '.join(sc.against)}: "
            f"{_count(sc.alert_count, 'alert')} for review "
            f"({sc.suppressed} already cleared or waiting). "
            "Review them: [bold]tansiq alerts list[/] or /alerts in the web app."
        )
    if summary.push is not None:
        push = summary.push
        out.print(
            f"Screened the demo PNRGOV push pnrgov.edi ({push.total} travellers): "
            f"{_count(push.alert_count, 'alert')} for review."
        )
    if summary.ingested is not None:
        ing = summary.ingested
        events = sum(f.events for f in ing.files)
        figures = sum(f.figures for f in ing.files)
        linked = sum(f.linked for f in ing.files)
        out.print(
            f"Ingested {ing.count('ingested')} demo articles into {ing.dataset} "
            f"({ing.count('duplicate')} already there): {events} events, {figures} figures, "
            f"{_count(linked, 'name')} spelt differently linked to the watchlist. "
            "Read them: /documents and /events in the web app."
        )
    if summary.accounts:
        who = Table("log in as", "organisation", "role", "sees", title="Demo accounts")
        for a in summary.accounts:
            who.add_row(a.email, a.organisation, a.role, a.sees)
        out.print(who)
        out.print(f"Every demo account's password: [bold]{DEMO_PASSWORD}[/] (demo databases only)")
    example = summary.example or "brigade"
    out.print(
        f"Try: [bold]tansiq search {example}[/], [bold]tansiq datasets[/], "
        "[bold]tansiq export -d demo-watchlist[/]"
    )
    if serve:
        _serve(settings_from(ctx), host, port)


def _count(n: int, word: str) -> str:
    """'1 alert', '15 alerts'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
