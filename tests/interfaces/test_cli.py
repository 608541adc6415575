import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import WORLD, e, write_lines


def tansiq(
    database_url: str, *args: str, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "TANSIQ_DATABASE_URL": database_url, "TANSIQ_LOG_LEVEL": "WARNING"}
    return subprocess.run(
        [sys.executable, "-m", "tansiq", *args],
        env=env,
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_import_search_show_and_export_from_the_command_line(
    database_url: str, tmp_path: Path
) -> None:
    path = write_lines(tmp_path / "watchlist.ftm.json", WORLD)
    done = tansiq(
        database_url,
        "import",
        str(path),
        "-d",
        "watchlist",
        "--marking",
        "TLP:AMBER",
        "--grade",
        "B2",
    )
    assert done.returncode == 0, done.stderr
    assert b"5 entities, 22 statements into watchlist" in done.stderr
    found = json.loads(tansiq(database_url, "search", "tidrani", "--json").stdout)
    assert [r["id"] for r in found["results"]] == ["p-amina"]
    shown = json.loads(tansiq(database_url, "entity", "show", "p-amina", "--json").stdout)
    assert {s["grade"] for s in shown["statements"]} == {"B2"}
    exported = tansiq(database_url, "export").stdout.decode().splitlines()
    assert sorted(json.loads(x)["id"] for x in exported) == sorted(x["id"] for x in WORLD)
    datasets = json.loads(tansiq(database_url, "datasets", "--json").stdout)
    assert datasets[0]["entity_count"] == 5


def test_a_broken_line_exits_2_naming_file_and_line(database_url: str, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "people.json", [WORLD[0], e("Persn", "x", name="A")])
    done = tansiq(database_url, "import", str(path), "-d", "people")
    assert done.returncode == 2
    assert f"{path}:2: schema: unknown schema 'Persn'" in done.stderr.decode()
    listed = json.loads(tansiq(database_url, "datasets", "--json").stdout)
    assert listed == []


def test_import_reads_standard_input(database_url: str) -> None:
    data = "".join(json.dumps(x) + "\n" for x in WORLD).encode()
    done = tansiq(database_url, "import", "-", "-d", "piped", stdin=data)
    assert done.returncode == 0, done.stderr
    assert b"22 statements into piped" in done.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["entity", "show", "nobody"], 3, "no entity 'nobody'"),
        (["export", "-d", "nothing"], 3, "no dataset called 'nothing'"),
        (["import", "missing.json", "-d", "x"], 2, "no such file"),
        (["import", "-d", "x", "--grade", "Z9", "-"], 2, "reliability must be A-F"),
    ],
)
def test_errors_have_clear_messages_and_exit_codes(
    database_url: str, args: list[str], code: int, message: str
) -> None:
    done = tansiq(database_url, *args, stdin=json.dumps(WORLD[0]).encode())
    assert done.returncode == code
    assert message in done.stderr.decode()


def test_help_explains_every_command(database_url: str) -> None:
    text = tansiq(database_url, "--help").stdout.decode()
    for command in ["import", "export", "search", "entity", "datasets", "serve", "demo", "db"]:
        assert f"  {command} " in text


def test_statements_export_as_csv_and_import_back(database_url: str, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "watchlist.ftm.json", WORLD)
    tansiq(database_url, "import", str(path), "-d", "watchlist", "--marking", "TLP:RED")
    out = tmp_path / "statements.csv"
    done = tansiq(database_url, "export", "--csv", "-d", "watchlist", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_text().startswith("id,entity_id,schema,prop")
    back = tansiq(database_url, "import", str(out), "-d", "copy")
    assert back.returncode == 0, back.stderr
    assert b"5 entities, 22 statements into copy" in back.stderr
    shown = json.loads(tansiq(database_url, "entity", "show", "p-amina", "--json").stdout)
    assert {s["marking"] for s in shown["statements"] if s["dataset"] == "copy"} == {"TLP:RED"}
