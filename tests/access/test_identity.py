"""Passwords, throttling, second factor, tokens, sessions, CSRF, four eyes and their audit."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pyotp
import pytest
from fastapi.testclient import TestClient

from tansiq.domain.audit import AuditAction
from tansiq.domain.principal import Principal
from tansiq.domain.roles import Permission
from tansiq.exceptions import Conflict, InvalidData, NotAuthenticated, NotFound, PermissionDenied
from tansiq.services import Tansiq
from tansiq.services.accounts import (
    create_group,
    create_token,
    enable_totp,
    revoke_token,
    update_user,
)
from tansiq.services.auth import MAX_FAILURES, login, principal_by_email, token_principal
from tansiq.services.sharing import decide_release, request_release
from tansiq.services.throttle import FailureWindow
from tests import personas
from tests.factories import e, load


def _actions(app: Tansiq) -> list[str]:
    return [s.event.action.value for s in app.store.audit_events()]


def test_passwords_are_stored_as_argon2_hashes_and_checked(app: Tansiq) -> None:
    personas.user(app, "ana@a.test", "agency-a")
    stored = app.store.user(email="ana@a.test")
    assert stored is not None and stored.password_hash is not None
    assert stored.password_hash.startswith("$argon2id$")
    assert personas.PASSWORD not in stored.password_hash
    secret, csrf = login(app, "ANA@a.test ", personas.PASSWORD)
    assert secret and csrf
    with pytest.raises(NotAuthenticated):
        login(app, "ana@a.test", "wrong password!!")
    with pytest.raises(NotAuthenticated, match="wrong email, password or code"):
        login(app, "nobody@a.test", personas.PASSWORD)


def test_repeated_failures_lock_the_account_even_for_the_right_password(app: Tansiq) -> None:
    personas.user(app, "ana@a.test", "agency-a")
    for _ in range(MAX_FAILURES):
        with pytest.raises(NotAuthenticated):
            login(app, "ana@a.test", "not the password")
    with pytest.raises(NotAuthenticated):
        login(app, "ana@a.test", personas.PASSWORD)
    assert _actions(app).count(AuditAction.LOGIN_FAILED.value) == MAX_FAILURES + 1
    update_user(app, app.local_admin(), "ana@a.test", password="a brand new passphrase")
    assert login(app, "ana@a.test", "a brand new passphrase")


def test_a_second_factor_is_required_once_enabled(app: Tansiq) -> None:
    personas.user(app, "ana@a.test", "agency-a")
    uri = enable_totp(app, app.local_admin(), "ana@a.test")
    secret = pyotp.parse_uri(uri).secret
    with pytest.raises(NotAuthenticated):
        login(app, "ana@a.test", personas.PASSWORD)
    with pytest.raises(NotAuthenticated):
        login(app, "ana@a.test", personas.PASSWORD, "000000")
    assert login(app, "ana@a.test", personas.PASSWORD, pyotp.TOTP(secret).now())


def test_tokens_are_hashed_scoped_expiring_and_revocable(app: Tansiq) -> None:
    personas.user(app, "ana@a.test", "agency-a")
    token, secret = create_token(app, app.local_admin(), "ana@a.test", scope="read", days=30)
    assert secret.startswith("tsq_") and secret not in str(app.store.token(token.id))
    principal = token_principal(app, secret)
    assert principal.id == "ana@a.test"
    assert principal.can(Permission.READ) and not principal.can(Permission.WRITE)
    with pytest.raises(NotAuthenticated):
        token_principal(app, secret[:-1] + ("A" if secret[-1] != "A" else "B"))
    revoke_token(app, app.local_admin(), token.id)
    with pytest.raises(NotAuthenticated, match="expired or revoked"):
        token_principal(app, secret)
    expired, old = create_token(app, app.local_admin(), "ana@a.test")
    with app.store.engine.begin() as conn:  # type: ignore[attr-defined]
        conn.exec_driver_sql(
            "UPDATE api_tokens SET expires_at = '2000-01-01T00:00:00' WHERE id = ?"
            if app.store.engine.dialect.name == "sqlite"  # type: ignore[attr-defined]
            else "UPDATE api_tokens SET expires_at = '2000-01-01T00:00:00' WHERE id = %s",
            (expired.id,),
        )
    with pytest.raises(NotAuthenticated):
        token_principal(app, old)


def test_an_inactive_user_loses_sessions_and_tokens(app: Tansiq) -> None:
    personas.user(app, "ana@a.test", "agency-a")
    _, secret = create_token(app, app.local_admin(), "ana@a.test")
    update_user(app, app.local_admin(), "ana@a.test", active=False)
    with pytest.raises(NotAuthenticated):
        token_principal(app, secret)
    with pytest.raises(NotAuthenticated):
        login(app, "ana@a.test", personas.PASSWORD)


def test_only_administrators_manage_accounts_and_changes_are_audited(app: Tansiq) -> None:
    analyst = personas.user(app, "ana@a.test", "agency-a")
    with pytest.raises(PermissionDenied):
        update_user(app, analyst, "ana@a.test", roles=["administrator"])
    with pytest.raises(Conflict):
        personas.user(app, "ana@a.test", "agency-a")
    with pytest.raises(InvalidData):
        update_user(app, app.local_admin(), "ana@a.test", clearance="COSMIC")
    update_user(app, app.local_admin(), "ana@a.test", roles=["supervisor"])
    assert principal_by_email(app, "ana@a.test").roles == {"supervisor"}
    changes = [s.event for s in app.store.audit_events() if s.event.action.value == "user.change"]
    assert [c.details["roles"] for c in changes] == [["analyst"], ["supervisor"]]


def test_a_release_needs_a_second_person_who_is_a_supervisor_of_the_owner(
    app: Tansiq, tmp_path: Path
) -> None:
    tmp = tmp_path
    ana = personas.user(app, "ana@a.test", "agency-a", "supervisor")
    sam = personas.user(app, "sam@a.test", "agency-a", "supervisor")
    bob = personas.user(app, "bob@b.test", "agency-b", "supervisor")
    analyst = personas.user(app, "ali@a.test", "agency-a", "analyst")
    personas.organisation(app, "agency-b")
    create_group(app, app.local_admin(), "ab", organisations=["agency-a", "agency-b"])
    load(app, ana, tmp, "a-data", [e("Person", "p1", name="Idris Fennane")], marking="TLP:AMBER")
    release = request_release(app, ana, "a-data", "ab", "joint operation")
    with pytest.raises(PermissionDenied, match="four eyes"):
        decide_release(app, ana, release.id, approve=True)
    with pytest.raises(PermissionDenied):
        decide_release(app, analyst, release.id, approve=True)
    with pytest.raises(NotFound, match="no release"):
        decide_release(app, bob, release.id, approve=True)
    with pytest.raises(NotFound):  # another agency's dataset is not even visible to bob
        request_release(app, bob, "a-data", "ab")
    bob_before = principal_by_email(app, "bob@b.test")
    assert "a-data" not in bob_before.reach.amber
    done = decide_release(app, sam, release.id, approve=True, reason="ok")
    assert done.status.value == "approved" and done.decided_by == "sam@a.test"
    assert "a-data" in principal_by_email(app, "bob@b.test").reach.amber
    assert {"release.request", "release.decide"} <= set(_actions(app))


def test_nobody_records_above_their_clearance_or_into_another_agencys_dataset(
    app: Tansiq, tmp_path: Path
) -> None:
    tmp = tmp_path
    ana = personas.user(app, "ana@a.test", "agency-a", clearance="RESTRICTED")
    bob = personas.user(app, "bob@b.test", "agency-b", clearance="SECRET")
    person = [e("Person", "p1", name="Idris Fennane")]
    with pytest.raises(PermissionDenied, match="not cleared for SECRET"):
        load(app, ana, tmp, "a-data", person, classification="SECRET")
    load(app, ana, tmp, "a-data", person, classification="RESTRICTED")
    with pytest.raises(PermissionDenied, match="another organisation"):
        load(app, bob, tmp, "a-data", person)
    auditor = replace(ana, roles=frozenset({"auditor"}))
    with pytest.raises(PermissionDenied):
        load(app, auditor, tmp, "a-other", person)


def test_reading_amber_and_above_is_audited_and_clear_is_not(
    app: Tansiq, client: TestClient, operator: Principal, tmp_path: Path
) -> None:
    tmp = tmp_path
    load(
        app, operator, tmp, "open", [e("Person", "p-open", name="Open Person")], marking="TLP:CLEAR"
    )
    load(app, operator, tmp, "kept", [e("Person", "p-kept", name="Kept Person")], marking="TLP:RED")
    before = len(_actions(app))
    assert client.get("/entities/p-open").status_code == 200
    assert len(_actions(app)) == before
    assert client.get("/api/v1/entities/p-kept").status_code == 200
    last = list(app.store.audit_events())[-1].event
    assert (last.action.value, last.target, last.actor) == ("read", "p-kept", operator.id)
    assert last.details["markings"] == ["TLP:RED"]


def test_web_forms_need_the_session_csrf_token(client: TestClient) -> None:
    token = client.headers.pop("X-CSRF-Token")
    response = client.post("/account/tokens", data={"name": "x", "scope": "read"})
    assert response.status_code == 403 and "CSRF" in response.text
    response = client.post(
        "/account/tokens", data={"name": "x", "scope": "read", "csrf_token": token}
    )
    assert response.status_code == 200 and "tsq_" in response.text


def test_logging_out_ends_the_session_and_login_never_redirects_off_site(
    client: TestClient, operator: Principal
) -> None:
    assert client.get("/account").status_code == 200
    client.post("/logout")
    assert client.get("/account", follow_redirects=False).status_code == 303
    data = {"email": operator.id, "password": personas.PASSWORD, "next": "//evil.example/x"}
    response = client.post("/login", data=data, follow_redirects=False)
    assert response.headers["location"] == "/"


def test_the_api_says_who_one_is_and_refuses_what_the_role_does_not_allow(
    app: Tansiq, anonymous: TestClient
) -> None:
    personas.user(app, "aud@a.test", "agency-a", "auditor")
    anonymous.headers["Authorization"] = f"Bearer {personas.token_for(app, 'aud@a.test')}"
    me = anonymous.get("/api/v1/me").json()
    assert (me["organisation"], me["permissions"]) == ("agency-a", ["audit"])
    assert anonymous.get("/api/v1/search?q=x").status_code == 403
    assert anonymous.post("/api/v1/organisations", json={"name": "x"}).status_code == 403
    events = anonymous.get("/api/v1/audit", params={"action": "access.denied"}).json()
    assert events["total"] == 2
    assert {e["target"] for e in events["events"]} == {
        "GET /api/v1/search",
        "POST /api/v1/organisations",
    }


def test_each_user_is_offered_only_the_markings_they_may_record_under(
    app: Tansiq, anonymous: TestClient
) -> None:
    personas.user(app, "ana@a.test", "agency-a", "analyst", clearance="RESTRICTED")
    personas.user(app, "aud@a.test", "agency-a", "auditor")
    http = personas.authenticated(anonymous, app, "ana@a.test")
    offered = http.get("/api/v1/me").json()["may_record"]
    assert offered["classifications"] == ["UNCLASSIFIED", "RESTRICTED"]
    assert "TLP:RED" in offered["tlps"]
    form = http.get("/documents").text.split('name="classification"', 1)[1].split("</select>")[0]
    assert "RESTRICTED" in form and "SECRET" not in form
    http.headers["Authorization"] = f"Bearer {personas.token_for(app, 'aud@a.test')}"
    assert http.get("/api/v1/me").json()["may_record"] == {"tlps": [], "classifications": []}


def test_one_address_is_throttled_across_accounts_and_only_for_a_while(app: Tansiq) -> None:
    personas.user(app, "ana@a.test", "agency-a")
    now = [0.0]
    app.login_failures = FailureWindow(limit=3, seconds=60, clock=lambda: now[0])
    for i in range(3):  # three accounts, one wrong guess each: no account is locked
        with pytest.raises(NotAuthenticated):
            login(app, f"user{i}@a.test", "guess", source="192.0.2.7")
    with pytest.raises(NotAuthenticated):
        login(app, "ana@a.test", personas.PASSWORD, source="192.0.2.7")
    assert login(app, "ana@a.test", personas.PASSWORD, source="198.51.100.1")
    reasons = [s.event.details.get("reason") for s in app.store.audit_events()]
    assert "too many failed logins from 192.0.2.7" in reasons
    now[0] = 61.0  # the window has passed
    assert login(app, "ana@a.test", personas.PASSWORD, source="192.0.2.7")


def test_the_login_page_throttles_by_client_address(app: Tansiq, anonymous: TestClient) -> None:
    personas.user(app, "ana@a.test", "agency-a")
    anonymous.app.state.tansiq.login_failures = FailureWindow(limit=2)  # type: ignore[attr-defined]
    for _ in range(2):
        bad = {"email": "nobody@a.test", "password": "guess"}
        assert anonymous.post("/login", data=bad).status_code == 401
    good = {"email": "ana@a.test", "password": personas.PASSWORD}
    refused = anonymous.post("/login", data=good, follow_redirects=False)
    assert refused.status_code == 401 and "tansiq_session" not in refused.cookies
