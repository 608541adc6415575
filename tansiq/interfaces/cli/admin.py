"""``tansiq db upgrade``, ``tansiq db check`` and ``tansiq audit verify``."""

from __future__ import annotations

import typer

from tansiq.exceptions import TansiqError
from tansiq.interfaces.cli.common import AsOption, acting, err, fail, platform, settings_from
from tansiq.services.app import migrate
from tansiq.services.audit import verify
from tansiq.store.migrate import check

db_app = typer.Typer(help="Create and upgrade the database schema.", no_args_is_help=True)
audit_app = typer.Typer(help="Inspect the audit trail.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade(ctx: typer.Context) -> None:
    """Apply every pending migration to TANSIQ_DATABASE_URL."""
    settings = settings_from(ctx)
    try:
        revision = migrate(settings)
    except TansiqError as exc:
        raise fail(exc) from None
    err.print(f"database at revision {revision}")


@db_app.command("check")
def db_check(ctx: typer.Context) -> None:
    """Fail if the database schema differs from the code's tables."""
    check(settings_from(ctx).database_url)
    err.print("schema matches the code")


@audit_app.command("verify")
def audit_verify(ctx: typer.Context, as_: AsOption = None) -> None:
    """Check the hash chain of the audit log; exit 1 if an event was changed or removed."""
    with platform(ctx) as app:
        result = verify(app, acting(ctx, app))
    if result.intact:
        err.print(f"audit log intact: {result.events:,} events")
        return
    err.print(f"[bold red]audit log broken at event {result.broken_at}:[/] {result.reason}")
    raise typer.Exit(1)
