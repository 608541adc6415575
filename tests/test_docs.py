"""Documentation tests: every setting and every CLI command is documented."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tansiq.settings import Settings

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"


def test_every_setting_is_documented_in_the_reference_and_the_readme() -> None:
    reference = (DOCS / "reference" / "settings.md").read_text()
    readme = (ROOT / "README.md").read_text()
    for name in Settings.model_fields:
        variable = f"TANSIQ_{name.upper()}"
        assert f"`{variable}`" in reference, f"{variable} missing from docs/reference/settings.md"
        assert variable in readme, f"{variable} missing from the README's configuration table"


def test_the_cli_reference_is_up_to_date(tmp_path: Path) -> None:
    out = tmp_path / "cli.md"
    typer = Path(sys.executable).parent / "typer"
    subprocess.run(
        [
            str(typer),
            "tansiq.interfaces.cli.main",
            "utils",
            "docs",
            "--name",
            "tansiq",
            "--title",
            "CLI reference",
            "--output",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    committed = (DOCS / "reference" / "cli.md").read_text()
    assert out.read_text() == committed, "run `make docs` to regenerate docs/reference/cli.md"


def test_the_readme_shows_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "make demo" in readme and "make test" in readme
