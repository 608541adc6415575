"""Import FtM entities or statements into a dataset: streaming, atomic per file."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

from tansiq import watchlists
from tansiq.domain.audit import AuditAction
from tansiq.domain.entities import entity_statements
from tansiq.domain.principal import Principal
from tansiq.domain.statement import BASE_PROP, Statement, StatementContext, utc_now
from tansiq.formats import detect_format, read_statements
from tansiq.services.app import Tansiq
from tansiq.services.audit import record
from tansiq.services.datasets import check_marking, check_name, ensure_dataset
from tansiq.services.reader_process import EncodedPart, encoded_parts
from tansiq.store.port import Writer

log = logging.getLogger(__name__)
HEAD_SIZE = 8192
PARALLEL_FROM_BYTES = 4 << 20
"""Files this large are parsed in a second process while the first one writes."""
LIST_FORMATS = {"un-xml": "un_xml", "list-csv": "csv"}
"""Watchlist formats, parsed by ``tansiq.watchlists``, by their ``--format`` names."""
Progress = Callable[[int], None]
"""Called with the number of bytes read so far."""


@dataclass(frozen=True)
class ImportOptions:
    """What the user said about an import; ``None`` means the dataset's default."""

    dataset: str
    marking: str | None = None
    classification: str | None = None
    grade: str | None = None
    fmt: str | None = None
    title: str | None = None
    strict: bool = False


@dataclass(frozen=True)
class ImportReport:
    """What one import stored."""

    dataset: str
    source: str
    format: str
    entities: int
    statements: int
    lines: int
    problems: tuple[str, ...] = ()


def dataset_context(
    app: Tansiq, writer: Writer, principal: Principal, opts: ImportOptions, source: str
) -> StatementContext:
    """The context of statements from ``source``: the dataset (created if new) and its defaults."""
    info = ensure_dataset(
        app,
        writer,
        principal,
        opts.dataset,
        marking=app.marking(opts.marking, opts.classification),
        grade=app.grade(opts.grade),
        title=opts.title,
    )
    marking = app.marking(opts.marking or info.tlp, opts.classification or info.classification)
    check_marking(app, principal, marking)
    return StatementContext(
        dataset=info.name,
        organisation=principal.organisation,
        marking=marking,
        grade=app.grade(opts.grade or info.grade),
        origin=source,
        seen_at=utc_now(),
    )


def _write(
    app: Tansiq,
    writer: Writer,
    rows: Iterator[tuple[int, Statement]],
    stream: IO[bytes] | None,
    progress: Progress | None,
) -> tuple[int, int, int]:
    """Write statements in batches; returns (entities, statements, last line)."""
    batch: list[Statement] = []
    statements = entities = last_line = 0
    size = app.settings.import_batch_size
    for line_no, stmt in rows:
        batch.append(stmt)
        entities += stmt.prop == BASE_PROP
        last_line = line_no
        if len(batch) >= size:
            statements += writer.put_statements(batch)
            batch = []
            if progress is not None and stream is not None:
                progress(stream.tell())
    statements += writer.put_statements(batch)
    return entities, statements, last_line


def _write_parts(
    writer: Writer, parts: Iterator[EncodedPart], progress: Progress | None
) -> tuple[int, int, int]:
    statements = entities = last_line = 0
    for part in parts:
        statements += writer.put_encoded(part.payload)
        entities += part.entities
        last_line = part.last_line or last_line
        if progress is not None:
            progress(part.position)
    return entities, statements, last_line


Write = Callable[[Writer, StatementContext], tuple[int, int, int]]
"""Writes a file's statements in a unit of work; returns (entities, statements, lines)."""


def _import(
    app: Tansiq,
    principal: Principal,
    source: str,
    fmt: str,
    opts: ImportOptions,
    write: Write,
    problems: tuple[str, ...] = (),
) -> ImportReport:
    """One unit of work: the dataset, the statements, the audit event; all or nothing."""
    with app.store.transaction() as writer:
        ctx = dataset_context(app, writer, principal, opts, source)
        entities, count, lines = write(writer, ctx)
        record(
            writer,
            principal,
            AuditAction.IMPORT,
            opts.dataset,
            source=source,
            format=fmt,
            statements=count,
            entities=entities,
        )
    log.info("Imported %d statements (%d entities) from %s", count, entities, source)
    return ImportReport(opts.dataset, source, fmt, entities, count, lines, problems)


def import_file_parallel(
    app: Tansiq,
    principal: Principal,
    path: Path,
    fmt: str,
    opts: ImportOptions,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a large file with parsing in a second process (same result as ``import_stream``)."""
    source = str(path)

    def write(writer: Writer, ctx: StatementContext) -> tuple[int, int, int]:
        size = app.settings.import_batch_size
        parts = encoded_parts(path, source, fmt, ctx, app.ladder, size, app.store.encode)
        return _write_parts(writer, parts, progress)

    return _import(app, principal, source, fmt, opts, write)


def import_stream(
    app: Tansiq,
    principal: Principal,
    stream: IO[bytes],
    source: str,
    opts: ImportOptions,
    progress: Progress | None = None,
) -> ImportReport:
    """Import one file; the first bad line aborts it and nothing from it is stored."""
    check_name(opts.dataset)
    if not isinstance(stream, io.BufferedReader):
        stream = io.BufferedReader(stream, HEAD_SIZE)  # type: ignore[type-var]
    head = stream.peek(HEAD_SIZE)[:HEAD_SIZE]
    fmt = detect_format(source, head, opts.fmt)
    buffered = stream

    def write(writer: Writer, ctx: StatementContext) -> tuple[int, int, int]:
        rows = read_statements(buffered, source, fmt, ctx, app.ladder)
        return _write(app, writer, rows, buffered, progress)

    return _import(app, principal, source, fmt, opts, write)


def import_entities(
    app: Tansiq,
    principal: Principal,
    entities: Iterable[Mapping[str, Any]],
    source: str,
    opts: ImportOptions,
    problems: tuple[str, ...] = (),
) -> ImportReport:
    """Import FtM entity dicts made by a parser (a watchlist, a manifest) in one unit of work."""
    check_name(opts.dataset)

    def write(writer: Writer, ctx: StatementContext) -> tuple[int, int, int]:
        rows = (
            (n, stmt) for n, data in enumerate(entities, 1) for stmt in entity_statements(data, ctx)
        )
        return _write(app, writer, rows, None, None)

    return _import(app, principal, source, opts.fmt or "entities", opts, write, problems)


def _list_format(path: Path, declared: str | None) -> str | None:
    """The watchlist parser for a file, if it is a list rather than an FtM or statement file."""
    if declared is not None:
        return LIST_FORMATS.get(declared)
    with path.open("rb") as stream:
        head = stream.read(HEAD_SIZE)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<"):
        return watchlists.detect_format(path, head)
    header = text.split(b"\n", 1)[0].lower()
    if path.suffix.lower() in {".csv", ".tsv"} and b"entity_id" not in header:
        return watchlists.detect_format(path, head)
    return None


def import_list(
    app: Tansiq, principal: Principal, path: Path, fmt: str, opts: ImportOptions
) -> ImportReport:
    """Import a watchlist file (UN XML, CSV of people) through its parser."""
    result = watchlists.parse_file(path, fmt=fmt, dataset=opts.dataset, strict=opts.strict)
    problems = tuple(str(p) for p in result.problems)
    entities = (e.to_dict() for e in result.entities)
    name = next(k for k, v in LIST_FORMATS.items() if v == fmt)
    return import_entities(app, principal, entities, str(path), replace(opts, fmt=name), problems)


def import_path(
    app: Tansiq,
    principal: Principal,
    path: Path,
    opts: ImportOptions,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a file from disk: FtM entities, statements, or a watchlist format."""
    list_format = _list_format(path, opts.fmt)
    if list_format is not None:
        return import_list(app, principal, path, list_format, opts)
    if app.settings.import_workers > 1 and path.stat().st_size >= PARALLEL_FROM_BYTES:
        check_name(opts.dataset)
        with path.open("rb") as stream:
            fmt = detect_format(str(path), stream.read(HEAD_SIZE), opts.fmt)
        return import_file_parallel(app, principal, path, fmt, opts, progress)
    with path.open("rb") as stream:
        return import_stream(app, principal, stream, str(path), opts, progress)
