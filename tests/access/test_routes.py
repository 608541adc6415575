"""One gate: every route declares an access rule, and without credentials nothing but the public
pages answers."""

from __future__ import annotations

import re

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from tansiq.domain.roles import Permission
from tansiq.exceptions import ConfigurationError
from tansiq.interfaces.app import create_app
from tansiq.interfaces.http import PUBLIC, access_rule, flat_routes, unguarded
from tansiq.settings import Settings

PUBLIC_ROUTES = {"/api/v1/health", "/login"}


def _routes(settings: Settings) -> list[APIRoute]:
    return [r for r in flat_routes(create_app(settings).routes) if isinstance(r, APIRoute)]


def test_every_route_of_the_api_and_the_web_declares_an_access_rule(settings: Settings) -> None:
    routes = _routes(settings)
    assert len(routes) > 50
    rules = {f"{sorted(r.methods)} {r.path}": access_rule(r) for r in routes}
    assert None not in rules.values(), [k for k, v in rules.items() if v is None]
    known = {p.value for p in Permission} | {PUBLIC, "authenticated"}
    assert set(rules.values()) <= known
    assert {r.path for r in routes if access_rule(r) == PUBLIC} == PUBLIC_ROUTES


def test_the_app_refuses_to_start_with_a_route_without_a_rule(settings: Settings) -> None:
    app = create_app(settings)

    @app.get("/forgotten")
    def forgotten() -> dict[str, str]:
        return {"leak": "yes"}

    assert unguarded(app.routes) == ["['GET'] /forgotten"]
    try:
        from tansiq.interfaces import web

        web.router.add_api_route("/also-forgotten", forgotten)
        create_app(settings)
    except ConfigurationError as exc:
        assert "/also-forgotten" in str(exc)
    else:
        raise AssertionError("an unguarded route was accepted")
    finally:
        web.router.routes[:] = [r for r in web.router.routes if r.path != "/also-forgotten"]


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "x", path)


def test_without_credentials_the_api_answers_401_and_pages_send_to_login(
    settings: Settings, anonymous: TestClient
) -> None:
    for route in _routes(settings):
        if route.path in PUBLIC_ROUTES:
            continue
        for method in route.methods:
            response = anonymous.request(method, _concrete(route.path), follow_redirects=False)
            where = f"{method} {route.path}"
            if route.path.startswith("/api/"):
                assert response.status_code == 401, where
                assert response.headers["www-authenticate"].startswith("Bearer"), where
                assert response.headers["content-type"] == "application/problem+json", where
            elif method == "GET":
                assert response.status_code == 303, where
                assert response.headers["location"].startswith("/login?next="), where
            else:
                assert response.status_code == 401, where
    assert anonymous.get("/api/v1/health").status_code == 200
    assert anonymous.get("/login").status_code == 200


def test_a_wrong_or_malformed_token_is_refused(anonymous: TestClient) -> None:
    for header in ("Bearer nope", "Bearer tsq_abc_def", "Basic dXNlcjpwYXNz", "Bearer "):
        response = anonymous.get("/api/v1/datasets", headers={"Authorization": header})
        assert response.status_code == 401, header
