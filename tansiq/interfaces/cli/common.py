"""What every command shares: settings, the opened platform, errors to exit codes."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console

from tansiq.domain.principal import Principal
from tansiq.exceptions import (
    ConfigurationError,
    Conflict,
    InvalidData,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
    TansiqError,
)
from tansiq.services import Tansiq, open_tansiq
from tansiq.services.auth import principal_by_email
from tansiq.settings import Settings, get_settings

err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)

EXIT_CODES: dict[type[TansiqError], int] = {
    InvalidData: 2,
    NotAuthenticated: 4,
    NotFound: 3,
    PermissionDenied: 4,
    Conflict: 5,
    ConfigurationError: 6,
}


def exit_code(exc: TansiqError) -> int:
    for kind, code in EXIT_CODES.items():
        if isinstance(exc, kind):
            return code
    return 1


def configure_logging(settings: Settings) -> None:
    logging.basicConfig(
        level=settings.log_level.upper(),
        stream=sys.stderr,
        format="%(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("alembic").setLevel(logging.WARNING)


def settings_from(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else get_settings()


@contextmanager
def platform(ctx: typer.Context) -> Iterator[Tansiq]:
    """Open the store for a command; a fresh SQLite database is migrated on the way."""
    settings = settings_from(ctx)
    app = open_tansiq(settings, auto_migrate=settings.database_url.startswith("sqlite"))
    try:
        yield app
    finally:
        app.close()


def fail(exc: TansiqError) -> typer.Exit:
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(exit_code(exc))


AS_HELP = "Act as this user: their organisation, roles and clearance (default: the operator)."
AsOption = Annotated[str | None, typer.Option("--as", metavar="EMAIL", help=AS_HELP)]


def acting(ctx: typer.Context, app: Tansiq) -> Principal:
    """Who a command acts as: ``--as EMAIL`` (on the command or before it), else the operator.

    The operator (no ``--as``) is the person at the server's own command line, with every
    permission and no marking restriction: whoever can run it can read the database anyway.
    """
    email = ctx.params.get("as_") or ctx.find_root().meta.get("as")
    if not email:
        return app.local_admin()
    return principal_by_email(app, str(email))
