"""The ``tansiq`` command: entry point and command registry."""

from __future__ import annotations

from typing import Annotated

import typer

from tansiq import __version__
from tansiq.interfaces.cli import access, admin, browse, data, extract, ingest, screen, serving
from tansiq.interfaces.cli.common import configure_logging
from tansiq.settings import Settings, get_settings

app = typer.Typer(
    name="tansiq",
    help="Tansiq: counter-terrorism intelligence fusion and sharing.\n\n"
    "Everything is a statement (entity, property, value) with its source, marking and grade. "
    "Start with 'tansiq demo', or 'tansiq db upgrade' then 'tansiq import FILE -d DATASET'. "
    "Settings come from TANSIQ_* environment variables (see docs/reference/settings.md).",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tansiq {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    database_url: Annotated[
        str | None,
        typer.Option("--database-url", metavar="URL", help="Overrides TANSIQ_DATABASE_URL."),
    ] = None,
    as_user: Annotated[
        str | None,
        typer.Option("--as", metavar="EMAIL", help="Act as this user in the command that follows."),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Tansiq command line."""
    settings = get_settings()
    if database_url:
        settings = Settings(**{**settings.model_dump(), "database_url": database_url})
    configure_logging(settings)
    ctx.obj = settings
    ctx.meta["as"] = as_user


app.add_typer(admin.db_app, name="db")
app.command("import")(data.import_command)
app.command("export")(data.export_command)
app.command("search")(browse.search_command)
app.add_typer(browse.entity_app, name="entity")
app.command("datasets")(browse.datasets_command)
app.command("ingest")(ingest.ingest_command)
app.add_typer(extract.extract_app, name="extract")
extract.extract_app.command("train-roles")(extract.train_roles_command)
app.command("screen")(screen.screen_command)
app.add_typer(screen.alerts_app, name="alerts")
app.command("serve")(serving.serve_command)
app.command("demo")(serving.demo_command)
app.add_typer(admin.audit_app, name="audit")
admin.audit_app.command("export")(access.audit_export)
app.add_typer(access.orgs_app, name="orgs")
app.add_typer(access.users_app, name="users")
app.add_typer(access.tokens_app, name="tokens")
app.add_typer(access.groups_app, name="groups")
app.add_typer(access.releases_app, name="releases")


def main() -> None:
    app()
