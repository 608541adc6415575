"""Organisations, users and authenticated HTTP clients for tests of the access policy."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tansiq.domain.principal import Principal
from tansiq.services import Tansiq
from tansiq.services.accounts import create_organisation, create_token, create_user
from tansiq.services.auth import principal_by_email

PASSWORD = "correct horse battery staple"


def organisation(app: Tansiq, name: str, client_of: str | None = None) -> None:
    if app.store.organisation(name) is None:
        create_organisation(app, app.local_admin(), name, client_of=client_of)


def user(
    app: Tansiq,
    email: str,
    org: str,
    *roles: str,
    clearance: str | None = None,
) -> Principal:
    """A user with a password (PASSWORD), returned as the principal they act as."""
    organisation(app, org)
    create_user(
        app,
        app.local_admin(),
        email,
        organisation=org,
        roles=list(roles) or ["analyst"],
        clearance=clearance,
        password=PASSWORD,
    )
    return principal_by_email(app, email)


def token_for(app: Tansiq, email: str, scope: str = "all") -> str:
    return create_token(app, app.local_admin(), email, scope=scope)[1]


def sign_in(http: TestClient, email: str, password: str = PASSWORD) -> None:
    """Log in through the login form; keeps the session cookie and sends its CSRF token."""
    response = http.post(
        "/login", data={"email": email, "password": password}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    http.cookies.set("tansiq_session", response.cookies["tansiq_session"])
    page = http.get("/account")
    marker = 'name="csrf_token" value="'
    csrf = page.text.split(marker, 1)[1].split('"', 1)[0]
    http.headers["X-CSRF-Token"] = csrf


def authenticated(http: TestClient, app: Tansiq, email: str) -> TestClient:
    """Sign ``http`` in as ``email`` for the web and give it a bearer token for the API."""
    sign_in(http, email)
    http.headers["Authorization"] = f"Bearer {token_for(app, email)}"
    return http
