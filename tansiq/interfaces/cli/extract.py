"""``tansiq extract``: tools for the extraction stage (training the learnt role model)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, TaskID
from rich.table import Table

from tansiq.exceptions import InvalidData, TansiqError
from tansiq.extract.roles.heads import f1
from tansiq.extract.roles.store import save
from tansiq.extract.roles.training import Trained, train_file
from tansiq.interfaces.cli.common import err, fail, out

extract_app = typer.Typer(
    help="Extraction tools: train the learnt event-role model.", no_args_is_help=True
)

STAGES = {"parse": "Parsing reports", "cross-validation": "Cross-validating", "fit": "Fitting"}


def _summary(trained: Trained, output: Path) -> None:
    model = trained.model
    table = Table(
        "role",
        "precision",
        "recall",
        "F1",
        "correct/predicted/gold",
        title=f"Five-fold cross-validation on {model.meta['documents']} reports (head-noun match)",
    )
    for role, counts in trained.cv.items():
        p, r, f = f1(counts)
        table.add_row(role, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}", "/".join(map(str, counts)))
    out.print(table)
    out.print(f"Saved {model.id} to {output} ({output.stat().st_size:,} bytes).")
    out.print(f"Use it with TANSIQ_ROLE_MODEL={output}")


def train_roles_command(
    data: Annotated[
        Path,
        typer.Argument(
            metavar="DATA.jsonl",
            help="Annotated reports, one JSON object a line: "
            '{"doctext": "...", "extracts": {"PerpInd": [[["gunmen", 0]]], "PerpOrg": [], '
            '"Target": [], "Victim": [], "Weapon": []}} (docs/guides/collection.md).',
        ),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", metavar="MODEL.json.gz", help="Where to write the model."),
    ],
) -> None:
    """Train the learnt event-role model on your own annotated reports (needs the 'train'
    extra: scikit-learn). Prints its cross-validated precision, recall and F1 per role."""
    try:
        with Progress(console=err, transient=True) as bar:
            tasks: dict[str, TaskID] = {}

            def progress(stage: str, done: int, total: int) -> None:
                if stage not in tasks:
                    tasks[stage] = bar.add_task(STAGES.get(stage, stage), total=total)
                bar.update(tasks[stage], completed=done, total=total)

            trained = train_file(data, progress)
        save(trained.model, output)
    except TansiqError as exc:
        raise fail(exc) from None
    except OSError as exc:
        raise fail(InvalidData(f"{exc.filename or data}: {exc.strerror or exc}")) from None
    _summary(trained, output)
