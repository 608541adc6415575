"""Scripted set-up from the command line, and acting as a user with --as."""

from __future__ import annotations

import json
from pathlib import Path

from tests.factories import e, write_lines
from tests.interfaces.test_cli import tansiq


def test_an_administrator_sets_up_agencies_and_users_act_within_their_markings(
    database_url: str, tmp_path: Path
) -> None:
    def ok(*args: str, stdin: bytes | None = None) -> str:
        done = tansiq(database_url, *args, stdin=stdin)
        assert done.returncode == 0, done.stderr.decode()
        return done.stdout.decode()

    ok("orgs", "create", "agency-a", "--title", "Agency A")
    ok("orgs", "create", "agency-b")
    ok("orgs", "create", "airline-c", "--kind", "airline", "--client-of", "agency-b")
    password = b"a long enough passphrase\n"
    ok(
        "users",
        "create",
        "ana@a.test",
        "--org",
        "agency-a",
        "--role",
        "analyst",
        "--password-stdin",
        stdin=password,
    )
    ok("users", "create", "sam@a.test", "--org", "agency-a", "--role", "supervisor")
    ok("users", "create", "bob@b.test", "--org", "agency-b", "--role", "analyst")
    ok("groups", "create", "ab", "--org", "agency-a", "--org", "agency-b")
    token = ok("tokens", "create", "bob@b.test", "--scope", "read").strip()
    assert token.startswith("tsq_")
    assert token not in ok("tokens", "list", "bob@b.test")

    path = write_lines(tmp_path / "p.json", [e("Person", "p1", name="Selim Achour")])
    ok("import", str(path), "-d", "a-leads", "--marking", "TLP:AMBER", "--as", "ana@a.test")
    assert "0 found" in ok("search", "selim", "--as", "bob@b.test")
    release = ok("releases", "request", "a-leads", "--group", "ab", "--as", "ana@a.test").strip()
    refused = tansiq(database_url, "--as", "ana@a.test", "releases", "approve", release)
    assert refused.returncode == 4 and b"may not release" in refused.stderr
    ok("releases", "approve", release, "--as", "sam@a.test")
    assert "1 found" in ok("search", "selim", "--as", "bob@b.test")
    exported = ok("export", "--as", "bob@b.test")
    assert [json.loads(line)["id"] for line in exported.splitlines()] == ["p1"]

    unknown = tansiq(database_url, "search", "x", "--as", "nobody@x.test")
    assert unknown.returncode == 3 and b"no active user" in unknown.stderr
    lines = ok("audit", "export", "--format", "jsonl", "--action", "release.decide").splitlines()
    assert [json.loads(line)["actor"] for line in lines] == ["sam@a.test"]
    syslog = ok("audit", "export", "--format", "syslog").splitlines()
    assert syslog[0].startswith("<37>1 ") and '[tansiq@32473 seq="1"' in syslog[0]
    assert "intact" in tansiq(database_url, "audit", "verify").stderr.decode()
