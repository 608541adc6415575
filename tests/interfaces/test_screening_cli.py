import json
from pathlib import Path

from tansiq.domain.principal import Principal
from tansiq.services import Tansiq
from tests.interfaces.test_cli import tansiq
from tests.screening_fixtures import PNRGOV, PNRGOV_PLANTED, load_watchlist, write_manifest


def test_screen_writes_one_json_line_per_alert_and_alerts_can_be_decided(
    app: Tansiq, admin: Principal, database_url: str, tmp_path: Path
) -> None:
    load_watchlist(app, admin, tmp_path)
    out = tmp_path / "alerts.jsonl"
    done = tansiq(
        database_url,
        "screen",
        str(write_manifest(tmp_path)),
        "--against",
        "watchlist",
        "--output",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert {x["traveller"] for x in lines} == {"PAX-1", "PAX-3", "PAX-5"}
    assert all({"entity_id", "score", "explanation"} <= set(x) for x in lines)
    assert b"3 alerts for review" in done.stderr
    alert_id = lines[0]["alert_id"]
    decided = tansiq(
        database_url,
        "alerts",
        "decide",
        alert_id,
        "--decision",
        "no_match",
        "--reason",
        "Checked the date of birth with the airline",
    )
    assert decided.returncode == 0, decided.stderr
    listed = tansiq(database_url, "alerts", "list", "--json").stdout.decode().splitlines()
    assert alert_id not in {json.loads(x)["id"] for x in listed} and len(listed) == 2


def test_screen_one_person_by_name(
    app: Tansiq, admin: Principal, database_url: str, tmp_path: Path
) -> None:
    load_watchlist(app, admin, tmp_path)
    done = tansiq(
        database_url,
        "screen",
        "--name",
        "Abd al-Karim Zerhouni",
        "--birth-date",
        "1979",
        "-a",
        "watchlist",
    )
    assert done.returncode == 0, done.stderr
    [line] = [json.loads(x) for x in done.stdout.decode().splitlines()]
    assert line["entity_id"] == "p-karim"


def test_screen_needs_a_manifest_or_a_name(database_url: str) -> None:
    done = tansiq(database_url, "screen", "-a", "watchlist")
    assert done.returncode == 2 and b"MANIFEST file or --name" in done.stderr


def test_screen_reads_a_pnrgov_push_and_alerts_on_the_planted_traveller(
    app: Tansiq, admin: Principal, database_url: str, tmp_path: Path
) -> None:
    load_watchlist(app, admin, tmp_path)
    out = tmp_path / "alerts.jsonl"
    done = tansiq(database_url, "screen", str(PNRGOV), "-a", "watchlist", "-o", str(out))
    assert done.returncode == 0, done.stderr
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [(x["traveller"], x["entity_id"]) for x in lines] == [(PNRGOV_PLANTED, "p-karim")]
    assert b"warning" not in done.stderr
