"""``tansiq orgs``, ``users``, ``tokens``, ``groups``, ``releases`` and ``audit export``."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from tansiq.domain.identity import ReleaseStatus
from tansiq.exceptions import TansiqError
from tansiq.interfaces.cli.common import AsOption, acting, err, fail, out, platform
from tansiq.services.accounts import (
    create_group,
    create_organisation,
    create_token,
    create_user,
    enable_totp,
    list_groups,
    list_organisations,
    list_tokens,
    list_users,
    revoke_token,
    update_user,
)
from tansiq.services.audit import export_events
from tansiq.services.sharing import decide_release, list_releases, request_release
from tansiq.store.port import AuditQuery

orgs_app = typer.Typer(
    help="Organisations: agencies, airlines, partner services.", no_args_is_help=True
)
users_app = typer.Typer(help="Users, their roles and clearances.", no_args_is_help=True)
tokens_app = typer.Typer(help="API tokens (the secret is printed once).", no_args_is_help=True)
groups_app = typer.Typer(
    help="Sharing groups of organisations and named users.", no_args_is_help=True
)
releases_app = typer.Typer(
    help="Release datasets to sharing groups (four eyes: a supervisor approves).",
    no_args_is_help=True,
)
ROLES_HELP = "analyst, supervisor, liaison, auditor or administrator (repeat for several)."


@orgs_app.command("create")
def orgs_create(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="Short name, e.g. border-police.")],
    title: Annotated[str | None, typer.Option(help="Full name.")] = None,
    kind: Annotated[str, typer.Option(help="agency, airline or partner.")] = "agency",
    client_of: Annotated[
        str | None,
        typer.Option("--client-of", metavar="ORG", help="TLP:AMBER reaches it through ORG."),
    ] = None,
    as_: AsOption = None,
) -> None:
    """Create an organisation (or change its title)."""
    try:
        with platform(ctx) as app:
            org = create_organisation(
                app, acting(ctx, app), name, title=title, kind=kind, client_of=client_of
            )
    except TansiqError as exc:
        raise fail(exc) from None
    err.print(f"organisation {org.name} ({org.kind})")


@orgs_app.command("list")
def orgs_list(ctx: typer.Context, as_: AsOption = None) -> None:
    """List organisations."""
    with platform(ctx) as app:
        for org in list_organisations(app, acting(ctx, app)):
            client = f" client of {org.client_of}" if org.client_of else ""
            out.print(f"{org.name}\t{org.kind}\t{org.title}{client}")


def _password(from_stdin: bool) -> str | None:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n") or None
    if sys.stdin.isatty():
        return (
            typer.prompt("Password (empty: API tokens only)", default="", hide_input=True) or None
        )
    return None


@users_app.command("create")
def users_create(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(metavar="EMAIL")],
    org: Annotated[str, typer.Option("--org", metavar="NAME", help="Their organisation.")],
    role: Annotated[list[str], typer.Option("--role", metavar="ROLE", help=ROLES_HELP)],
    clearance: Annotated[
        str | None, typer.Option(metavar="LEVEL", help="Highest classification they may read.")
    ] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    name: Annotated[str | None, typer.Option(help="Display name.")] = None,
    as_: AsOption = None,
) -> None:
    """Create a user (asks for a password on a terminal; without one, tokens only)."""
    try:
        with platform(ctx) as app:
            user = create_user(
                app,
                acting(ctx, app),
                email,
                organisation=org,
                roles=role,
                clearance=clearance,
                password=_password(password_stdin),
                name=name,
            )
    except TansiqError as exc:
        raise fail(exc) from None
    err.print(f"user {user.email} in {user.organisation}: {', '.join(sorted(user.roles))}")


@users_app.command("set")
def users_set(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(metavar="EMAIL")],
    role: Annotated[
        list[str] | None, typer.Option("--role", metavar="ROLE", help=ROLES_HELP)
    ] = None,
    clearance: Annotated[str | None, typer.Option(metavar="LEVEL")] = None,
    active: Annotated[bool | None, typer.Option("--active/--inactive")] = None,
    password_stdin: Annotated[bool, typer.Option("--password-stdin")] = False,
    totp: Annotated[bool, typer.Option("--totp", help="Add a TOTP second factor.")] = False,
    as_: AsOption = None,
) -> None:
    """Change a user's roles, clearance, password or status; add a second factor."""
    try:
        with platform(ctx) as app:
            principal = acting(ctx, app)
            password = _password(True) if password_stdin else None
            if role or clearance or active is not None or password:
                update_user(
                    app,
                    principal,
                    email,
                    roles=role,
                    clearance=clearance,
                    active=active,
                    password=password,
                )
            if totp:
                out.print(enable_totp(app, principal, email))
    except TansiqError as exc:
        raise fail(exc) from None


@users_app.command("list")
def users_list(ctx: typer.Context, as_: AsOption = None) -> None:
    """List users."""
    try:
        with platform(ctx) as app:
            for u in list_users(app, acting(ctx, app)):
                state = "" if u.active else "\tinactive"
                roles = ",".join(sorted(u.roles))
                out.print(f"{u.email}\t{u.organisation}\t{roles}\t{u.clearance or '-'}{state}")
    except TansiqError as exc:
        raise fail(exc) from None


@tokens_app.command("create")
def tokens_create(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(metavar="EMAIL")],
    name: Annotated[str, typer.Option(help="What the token is for.")] = "api",
    scope: Annotated[str, typer.Option(help="read, write or all.")] = "write",
    days: Annotated[int, typer.Option(help="Days until it expires (0: never).")] = 90,
    as_: AsOption = None,
) -> None:
    """Create an API token and print it once (send it as 'Authorization: Bearer TOKEN')."""
    try:
        with platform(ctx) as app:
            token, secret = create_token(
                app, acting(ctx, app), email, name=name, scope=scope, days=days or None
            )
    except TansiqError as exc:
        raise fail(exc) from None
    out.print(secret)
    err.print(f"token {token.id} for {email}, scope {scope}, expires {token.expires_at or 'never'}")


@tokens_app.command("list")
def tokens_list(
    ctx: typer.Context,
    email: Annotated[str | None, typer.Argument(metavar="[EMAIL]")] = None,
    as_: AsOption = None,
) -> None:
    """List tokens (never their secrets)."""
    try:
        with platform(ctx) as app:
            for t in list_tokens(app, acting(ctx, app), email):
                status = "revoked" if t.revoked_at else "active"
                out.print(f"{t.id}\t{t.name}\t{t.scope}\t{t.expires_at or 'never'}\t{status}")
    except TansiqError as exc:
        raise fail(exc) from None


@tokens_app.command("revoke")
def tokens_revoke(
    ctx: typer.Context, token_id: Annotated[str, typer.Argument(metavar="ID")], as_: AsOption = None
) -> None:
    """Revoke a token now."""
    try:
        with platform(ctx) as app:
            revoke_token(app, acting(ctx, app), token_id)
    except TansiqError as exc:
        raise fail(exc) from None
    err.print(f"token {token_id} revoked")


@groups_app.command("create")
def groups_create(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME")],
    org: Annotated[list[str], typer.Option("--org", metavar="NAME", help="A member organisation.")],
    user: Annotated[
        list[str] | None,
        typer.Option("--user", metavar="EMAIL", help="A named recipient (TLP:RED)."),
    ] = None,
    title: Annotated[str | None, typer.Option()] = None,
    as_: AsOption = None,
) -> None:
    """Create (or redefine) a sharing group."""
    try:
        with platform(ctx) as app:
            group = create_group(
                app, acting(ctx, app), name, organisations=org, users=user or [], title=title
            )
    except TansiqError as exc:
        raise fail(exc) from None
    err.print(f"group {group.name}: {', '.join(sorted(group.organisations))}")


@groups_app.command("list")
def groups_list(ctx: typer.Context, as_: AsOption = None) -> None:
    """List the sharing groups one belongs to (all of them for an administrator)."""
    with platform(ctx) as app:
        for g in list_groups(app, acting(ctx, app)):
            named = f"\tnamed: {','.join(sorted(g.users))}" if g.users else ""
            out.print(f"{g.name}\t{','.join(sorted(g.organisations))}{named}")


@releases_app.command("request")
def releases_request(
    ctx: typer.Context,
    dataset: Annotated[str, typer.Argument(metavar="DATASET")],
    group: Annotated[str, typer.Option("--group", metavar="NAME")],
    reason: Annotated[str | None, typer.Option()] = None,
    as_: AsOption = None,
) -> None:
    """Ask to release a dataset to a sharing group; prints the release id."""
    try:
        with platform(ctx) as app:
            release = request_release(app, acting(ctx, app), dataset, group, reason)
    except TansiqError as exc:
        raise fail(exc) from None
    out.print(release.id)


def _decide(ctx: typer.Context, release_id: str, approve: bool, reason: str | None) -> None:
    try:
        with platform(ctx) as app:
            release = decide_release(app, acting(ctx, app), release_id, approve, reason)
    except TansiqError as exc:
        raise fail(exc) from None
    err.print(f"release {release.id} of {release.dataset} to {release.group}: {release.status}")


@releases_app.command("approve")
def releases_approve(
    ctx: typer.Context,
    release_id: Annotated[str, typer.Argument(metavar="ID")],
    reason: Annotated[str | None, typer.Option()] = None,
    as_: AsOption = None,
) -> None:
    """Approve a requested release (a supervisor other than the requester)."""
    _decide(ctx, release_id, True, reason)


@releases_app.command("refuse")
def releases_refuse(
    ctx: typer.Context,
    release_id: Annotated[str, typer.Argument(metavar="ID")],
    reason: Annotated[str | None, typer.Option()] = None,
    as_: AsOption = None,
) -> None:
    """Refuse a requested release, or revoke an approved one."""
    _decide(ctx, release_id, False, reason)


@releases_app.command("list")
def releases_list(
    ctx: typer.Context,
    status: Annotated[
        str | None, typer.Option(help="requested, approved, refused, revoked.")
    ] = None,
    as_: AsOption = None,
) -> None:
    """List releases of one's organisation's datasets."""
    try:
        with platform(ctx) as app:
            chosen = ReleaseStatus(status) if status else None
            for r in list_releases(app, acting(ctx, app), chosen):
                out.print(f"{r.id}\t{r.dataset}\t{r.group}\t{r.status.value}\t{r.requested_by}")
    except (TansiqError, ValueError) as exc:
        if isinstance(exc, TansiqError):
            raise fail(exc) from None
        raise typer.BadParameter(str(exc), param_hint="--status") from None


def audit_export(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", help="jsonl or syslog.")] = "jsonl",
    actor: Annotated[str | None, typer.Option(metavar="EMAIL")] = None,
    action: Annotated[list[str] | None, typer.Option(metavar="ACTION")] = None,
    since: Annotated[str | None, typer.Option(metavar="ISO-TIME")] = None,
    until: Annotated[str | None, typer.Option(metavar="ISO-TIME")] = None,
    as_: AsOption = None,
) -> None:
    """Write the audit trail (oldest first) to standard output as JSON lines or syslog lines."""
    query = AuditQuery(actor, None, tuple(action or ()), since, until)
    try:
        with platform(ctx) as app:
            for line in export_events(app, acting(ctx, app), query, fmt):
                sys.stdout.write(line + "\n")
    except TansiqError as exc:
        raise fail(exc) from None
