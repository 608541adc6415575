"""Access-control benchmark: the cost of the policy gate, and audit append throughput.

Writes N statements (default 1,000,000) of a fictional world to SQLite under 20 markings
(5 TLP labels x 4 classification levels) from 50 organisations in 50 datasets, releases some
datasets to a sharing group, then times the entity service and search for an analyst of one
organisation (the gate on: their principal resolved per request, as the web app does, and every
query filtered by the policy) against the same queries with the gate off (the unrestricted
operator scope). Then appends audit events, one transaction each, as the services do.
Timings are reported (medians of repeats, p50/p99), never asserted.

Run: ``.venv/bin/python -m bench access [--statements N | --quick]``.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson
from rich.console import Console
from rich.table import Table

from bench.docs import write_section
from bench.foundation import DOCS, machine, percentile, sample_queries
from bench.synthetic import World, generate
from tansiq.domain.audit import AuditAction
from tansiq.domain.entities import entity_statements
from tansiq.domain.grading import Grade
from tansiq.domain.markings import TLP, Marking
from tansiq.domain.principal import Principal
from tansiq.domain.statement import Statement, StatementContext
from tansiq.exceptions import NotFound
from tansiq.services import Tansiq, open_tansiq
from tansiq.services.accounts import create_group, create_organisation, create_user
from tansiq.services.audit import record_now
from tansiq.services.auth import principal_by_email
from tansiq.services.entities import get_entity
from tansiq.services.search import search
from tansiq.services.sharing import decide_release, request_release
from tansiq.settings import Settings
from tansiq.store.port import DatasetInfo, SearchQuery

SECTION = "## Access control: cost of the gate and audit throughput"
ORGS = 50
LEVELS = (None, "RESTRICTED", "CONFIDENTIAL", "SECRET")
MARKINGS = [Marking(t, c) for t in TLP for c in LEVELS]
GATE_TARGET = 1.3
AUDIT_TARGET = 5_000.0
BATCH = 20_000
console = Console(width=120)


@dataclass
class Options:
    statements: int
    samples: int
    repeat: int
    audit_events: int
    docs: bool
    seed: int


def _contexts() -> list[StatementContext]:
    grade = Grade.parse("B2")
    return [
        StatementContext(
            f"ds-{i:02d}", f"org-{i:02d}", MARKINGS[i % len(MARKINGS)], grade, seen_at="2026"
        )
        for i in range(ORGS)
    ]


def _batches(world: World) -> Iterator[list[Statement]]:
    contexts = _contexts()
    batch: list[Statement] = []
    with world.path.open("rb") as lines:
        for n, line in enumerate(lines):
            batch.extend(entity_statements(orjson.loads(line), contexts[n % ORGS]))
            if len(batch) >= BATCH:
                yield batch
                batch = []
    if batch:
        yield batch


def load(app: Tansiq, world: World) -> None:
    with app.store.transaction() as writer:
        for ctx in _contexts():
            m = ctx.marking
            info = DatasetInfo(
                ctx.dataset,
                ctx.dataset,
                None,
                m.tlp.value,
                m.classification,
                "B2",
                ctx.organisation,
                "",
                "",
            )
            writer.put_dataset(info)
    for batch in _batches(world):
        with app.store.transaction() as writer:
            writer.put_statements(batch)


def accounts(app: Tansiq) -> str:
    """Fifty organisations, an analyst of org-00 cleared CONFIDENTIAL, releases to a group."""
    operator = app.local_admin()
    for i in range(ORGS):
        create_organisation(app, operator, f"org-{i:02d}")
    create_user(
        app,
        operator,
        "analyst@org-00.test",
        organisation="org-00",
        roles=["analyst"],
        clearance="CONFIDENTIAL",
    )
    for i in (1, 2):
        create_user(
            app,
            operator,
            f"sup@org-{i:02d}.test",
            organisation=f"org-{i:02d}",
            roles=["supervisor"],
        )
        create_user(
            app, operator, f"ana@org-{i:02d}.test", organisation=f"org-{i:02d}", roles=["analyst"]
        )
    create_group(app, operator, "regional", organisations=[f"org-{i:02d}" for i in range(5)])
    for i in (1, 2):
        asker = principal_by_email(app, f"ana@org-{i:02d}.test")
        release = request_release(app, asker, f"ds-{i:02d}", "regional")
        approver = principal_by_email(app, f"sup@org-{i:02d}.test")
        decide_release(app, approver, release.id, approve=True)
    return "analyst@org-00.test"


def _times(call: Callable[[str], object], inputs: list[str]) -> list[float]:
    found = []
    for item in inputs:
        start = time.perf_counter()
        with contextlib.suppress(NotFound):  # an entity the reader may not see: timed too
            call(item)
        found.append((time.perf_counter() - start) * 1000)
    return found


def measure(
    app: Tansiq, email: str, ids: list[str], prefixes: list[str], repeat: int
) -> dict[str, float]:
    operator = app.local_admin()

    def gated(fn: Callable[[Tansiq, Principal, str], object]) -> Callable[[str], object]:
        return lambda x: fn(app, principal_by_email(app, email), x)

    def open_(fn: Callable[[Tansiq, Principal, str], object]) -> Callable[[str], object]:
        return lambda x: fn(app, operator, x)

    def find(a: Tansiq, p: Principal, q: str) -> object:
        return search(a, p, SearchQuery(text=q, limit=20))

    runs: dict[str, list[list[float]]] = {}
    for _ in range(repeat):
        for name, call, inputs in (
            ("entity_on", gated(get_entity), ids),
            ("entity_off", open_(get_entity), ids),
            ("search_on", gated(find), prefixes),
            ("search_off", open_(find), prefixes),
        ):
            runs.setdefault(name, []).append(_times(call, inputs))
    result: dict[str, float] = {}
    for name, samples in runs.items():
        result[f"{name}_p50"] = statistics.median(percentile(s, 50) for s in samples)
        result[f"{name}_p99"] = statistics.median(percentile(s, 99) for s in samples)
    return result


def audit_rate(app: Tansiq, events: int, repeat: int) -> float:
    """Events/s appended one transaction each (hash chain read + insert + commit)."""
    analyst = principal_by_email(app, "analyst@org-00.test")
    rates = []
    counter = itertools.count()
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(events):
            record_now(app, analyst, AuditAction.READ, f"e-{next(counter)}", markings=["TLP:AMBER"])
        rates.append(events / (time.perf_counter() - start))
    return statistics.median(rates)


def parse(argv: list[str]) -> Options:
    ap = argparse.ArgumentParser(prog="python -m bench access", description=__doc__)
    ap.add_argument("--statements", type=int, default=1_000_000)
    ap.add_argument("--quick", action="store_true", help="100,000 statements, fewer samples")
    ap.add_argument("--samples", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--audit-events", type=int, default=5_000)
    ap.add_argument("--no-docs", action="store_true")
    ap.add_argument("--seed", type=int, default=11)
    a = ap.parse_args(argv)
    if a.quick:
        a.statements, a.samples, a.repeat, a.audit_events = 100_000, 100, 2, 2_000
    return Options(a.statements, a.samples, a.repeat, a.audit_events, not a.no_docs, a.seed)


def report(result: dict[str, float], world: World, opts: Options, seconds: float) -> str:
    table = Table(
        title=f"Access control on SQLite, {world.statements:,} statements, "
        f"{ORGS} organisations, {len(MARKINGS)} markings"
    )
    for col in ("measure", "gate off", "gate on", "ratio (on/off)", "target"):
        table.add_column(col)
    rows = []
    for what, key in (
        ("entity (service), p50 ms", "entity_{}_p50"),
        ("entity (service), p99 ms", "entity_{}_p99"),
        ("search, p50 ms", "search_{}_p50"),
        ("search, p99 ms", "search_{}_p99"),
    ):
        off, on = result[key.format("off")], result[key.format("on")]
        ratio = on / off if off else float("nan")
        rows.append((what, f"{off:,.2f}", f"{on:,.2f}", f"{ratio:.2f}", f"<= {GATE_TARGET}"))
    rate = result["audit_events_per_s"]
    rows.append(
        (
            "audit append, events/s (one transaction each)",
            "",
            f"{rate:,.0f}",
            f"{rate / AUDIT_TARGET:.2f}x target",
            f">= {AUDIT_TARGET:,.0f}",
        )
    )
    for row in rows:
        table.add_row(*row)
    console.print(table)
    lines = [
        SECTION,
        "",
        f"Command: `.venv/bin/python -m bench access --statements {opts.statements}` ({machine()}; "
        f"{seconds:,.0f} s in all; medians of {opts.repeat} runs of {opts.samples} entity ids and "
        f"{opts.samples} name prefixes). Gate on: an analyst of one of {ORGS} organisations, "
        "cleared CONFIDENTIAL, whose organisation is in a group two datasets were released to; the "
        "principal is resolved on every call as the web app does. Gate off: the same service calls "
        "with the unrestricted operator scope. Both write the same audit events.",
        "",
        "| measure | gate off | gate on | ratio (on/off) | target |",
        "|---|---:|---:|---:|---|",
    ]
    lines += [f"| {' | '.join(r)} |" for r in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    opts = parse(argv)
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tansiq-access-") as tmp:
        work = Path(tmp)
        world = generate(work / "world.ftm.json", opts.statements, opts.seed)
        settings = Settings(database_url=f"sqlite:///{work / 'access.db'}", data_dir=work / "var")
        app = open_tansiq(settings, auto_migrate=True)
        try:
            console.print(f"loading {world.statements:,} statements ...")
            load(app, world)
            email = accounts(app)
            ids, prefixes = sample_queries(world, opts.samples, opts.samples, opts.seed)
            random.Random(opts.seed).shuffle(ids)
            result = measure(app, email, ids, prefixes, opts.repeat)
            result["audit_events_per_s"] = audit_rate(app, opts.audit_events, opts.repeat)
        finally:
            app.close()
        text = report(result, world, opts, time.perf_counter() - began)
    if opts.docs:
        write_section(DOCS, SECTION, text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
