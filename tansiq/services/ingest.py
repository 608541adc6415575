"""Ingest reporting: files in, documents with their mentions, events and figures out, each
value stored as a statement that points at the document and the characters it was read from."""

from __future__ import annotations

import logging
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path

from tansiq.domain.audit import AuditAction
from tansiq.domain.entities import entity_statements, group_by_entity
from tansiq.domain.policy import Scope, read_scope
from tansiq.domain.principal import Principal
from tansiq.domain.roles import Permission
from tansiq.domain.statement import BASE_PROP, StatementContext, utc_now
from tansiq.exceptions import ConfigurationError, InvalidData
from tansiq.extract import Extraction, Extractor, Gazetteer, load_document
from tansiq.extract.documents import document_id
from tansiq.extract.roles import RoleModel, load_role_model
from tansiq.extract.to_entities import to_entities
from tansiq.services.access import require
from tansiq.services.app import Tansiq
from tansiq.services.audit import record
from tansiq.services.datasets import check_name
from tansiq.services.importing import ImportOptions, dataset_context
from tansiq.services.ingest_workers import Outcome, WorkerPool, auto_workers
from tansiq.services.mention_links import Link, Linker, link_entities
from tansiq.services.watchlist_index import SCREENED_SCHEMATA, load_index
from tansiq.settings import Settings

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
NAME_PROPS = ("name", "alias", "weakAlias", "previousName", "abbreviation")
_GAZETTEERS: OrderedDict[str, tuple[Gazetteer, tuple[str, ...]]] = OrderedDict()
AHEAD = 2
"""Batches sent ahead per worker: enough to keep it busy, few enough to bound the memory held."""
BATCH_BYTES = 16 << 10
BATCH_FILES = 16
"""A worker's batch ends at this many bytes (about 2,500 words) or files."""


@dataclass(frozen=True)
class IngestOptions:
    """Where documents go; ``None`` means the dataset's defaults."""

    dataset: str
    marking: str | None = None
    classification: str | None = None
    grade: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class IngestedFile:
    """What happened to one file."""

    name: str
    status: str  # ingested, duplicate, skipped
    document_id: str | None = None
    language: str | None = None
    mentions: int = 0
    events: int = 0
    figures: int = 0
    reason: str | None = None
    linked: int = 0
    """New names linked to known entities by the matching engine (see mention_links)."""


@dataclass
class IngestReport:
    dataset: str
    files: list[IngestedFile] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(f.status == status for f in self.files)


def files_under(paths: Iterable[Path]) -> list[Path]:
    """The files named, and every file in the folders named (recursively, hidden ones left out)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        elif path.is_file():
            found.append(path)
        else:
            raise InvalidData("no such file or folder", source=str(path))
    return found


def _known(app: Tansiq, scope: Scope) -> tuple[Gazetteer, tuple[str, ...]]:
    """Names of the people and organisations the reader may see, for resolving mentions, and the
    datasets that hold them (for linking names spelt otherwise)."""
    names = [d.name for d in app.store.datasets(scope)]
    key = app.store.dataset_state(names, scope) + repr(scope)
    if key not in _GAZETTEERS:
        entries = []
        datasets: set[str] = set()
        for entity_id, group in group_by_entity(
            app.store.iter_statements(None, scope, SCREENED_SCHEMATA)
        ):
            values = [s.value for s in group if s.prop in NAME_PROPS]
            if values:
                entries.append((entity_id, group[0].schema, values))
                datasets.update(s.dataset for s in group)
        _GAZETTEERS[key] = (Gazetteer(entries), tuple(sorted(datasets)))
        while len(_GAZETTEERS) > 2:
            _GAZETTEERS.popitem(last=False)
    return _GAZETTEERS[key]


def role_model(settings: Settings) -> RoleModel | None:
    """The learnt role model named by ``TANSIQ_ROLE_MODEL`` (read once per file version)."""
    if settings.role_model is None:
        return None
    if not settings.role_model.is_file():
        raise ConfigurationError(f"TANSIQ_ROLE_MODEL: no file {settings.role_model}")
    return load_role_model(settings.role_model)


@dataclass
class _Run:
    """One ingest call: the dataset's statement context is worked out once, on first use."""

    app: Tansiq
    principal: Principal
    opts: IngestOptions
    extractor: Extractor
    known: tuple[str, ...] = ()
    base: StatementContext | None = None
    _linker: Linker | None = None

    def links(self, found: Extraction) -> list[Link]:
        """The document's candidate names that the matching engine links to known entities."""
        if not self.known or not found.candidates:
            return []
        if self._linker is None:
            index = load_index(self.app, self.known, read_scope(self.principal))
            self._linker = Linker(index.index)
        return self._linker.links(found.candidates)

    def context(self, source: str) -> StatementContext:
        if self.base is None:
            o = self.opts
            as_import = ImportOptions(
                o.dataset, o.marking, o.classification, o.grade, title=o.title
            )
            with self.app.store.transaction() as writer:
                self.base = dataset_context(self.app, writer, self.principal, as_import, source)
        return replace(self.base, origin=source, seen_at=utc_now())


def _store(
    app: Tansiq,
    principal: Principal,
    ctx: StatementContext,
    found: Extraction,
    links: list[Link],
) -> int:
    document_id = found.document.id
    entities = to_entities(found)
    link_entities(found, entities, links)
    with app.store.transaction() as writer:
        count = 0
        for entity in entities:
            spans = entity.get("provenance", {}).get("spans", {})
            stmts = list(entity_statements(entity, ctx, document_id, spans))
            count += writer.put_statements(stmts)
        record(
            writer,
            principal,
            AuditAction.INGEST,
            document_id,
            dataset=ctx.dataset,
            source=ctx.origin,
            statements=count,
            events=len(found.events),
            linked=len(links),
        )
    return count


def _already(app: Tansiq, scope: Scope, dataset: str, document_id: str) -> bool:
    found = app.store.statements_of([document_id], scope)
    return any(s.prop == BASE_PROP and s.dataset == dataset for s in found)


def _one(run: _Run, name: str, data: bytes | None) -> IngestedFile:
    app, principal, opts = run.app, run.principal, run.opts
    if data is None:
        limit = app.settings.max_upload_mb
        return IngestedFile(name, "skipped", reason=f"larger than {limit} MiB")
    try:
        document = load_document(data, name)
    except InvalidData as exc:
        return IngestedFile(name, "skipped", reason=exc.reason)
    if _already(app, read_scope(principal), opts.dataset, document.id):
        return _duplicate(name, document.id, document.language)
    return _save(run, name, run.extractor.extract(document))


def _duplicate(name: str, document_id: str, language: str | None) -> IngestedFile:
    return IngestedFile(
        name, "duplicate", document_id, language, reason="already ingested (same content)"
    )


def _save(run: _Run, name: str, found: Extraction) -> IngestedFile:
    document = found.document
    links = run.links(found)
    _store(run.app, run.principal, run.context(name), found, links)
    return IngestedFile(
        name,
        "ingested",
        document.id,
        document.language,
        len(found.mentions),
        len(found.events),
        len(found.figures),
        linked=len(links),
    )


@dataclass
class _Batch:
    """Files read and extracted together by one worker (spaCy works faster on batches)."""

    files: list[tuple[str, bytes]] = field(default_factory=list)
    size: int = 0
    future: Future[list[Outcome]] | None = None

    def send(self, pool: WorkerPool) -> Future[list[Outcome]]:
        if self.future is None:
            self.future = pool.submit(self.files)
        return self.future


@dataclass(frozen=True)
class _Pending:
    """A file on its way: in a worker's batch, or left to this process in its turn."""

    name: str
    data: bytes | None
    batch: _Batch | None = None
    index: int = 0


def _finish(run: _Run, pending: _Pending, pool: WorkerPool) -> IngestedFile:
    if pending.batch is None:
        return _one(run, pending.name, pending.data)
    outcome = pending.batch.send(pool).result()[pending.index]
    if isinstance(outcome, str):
        return IngestedFile(pending.name, "skipped", reason=outcome)
    document = outcome.document
    if _already(run.app, read_scope(run.principal), run.opts.dataset, document.id):
        return _duplicate(pending.name, document.id, document.language)
    return _save(run, pending.name, outcome)


def _in_parallel(
    run: _Run, files: Iterable[tuple[str, bytes | None]], pool: WorkerPool
) -> Iterator[IngestedFile]:
    """Results in input order, while the workers read and extract batches of files ahead.

    A file already stored, or the same bytes as a file sent to a worker in this run, is left
    to this process in its turn: it is then a duplicate (or skipped for the same reason as its
    twin), and no worker extracts it for nothing."""
    scope = read_scope(run.principal)
    sent: set[str] = set()
    window: deque[_Pending] = deque()
    batch = _Batch()
    for name, data in files:
        pending = _Pending(name, data)
        if data is not None:
            key = document_id(data)
            if key not in sent and not _already(run.app, scope, run.opts.dataset, key):
                sent.add(key)
                pending = _Pending(name, data, batch, len(batch.files))
                batch.files.append((name, data))
                batch.size += len(data)
                if batch.size >= BATCH_BYTES or len(batch.files) >= BATCH_FILES:
                    batch.send(pool)
                    batch = _Batch()
        window.append(pending)
        while len(window) > AHEAD * pool.workers * BATCH_FILES:
            yield _finish(run, window.popleft(), pool)
    if batch.files:
        batch.send(pool)
    while window:
        yield _finish(run, window.popleft(), pool)


def _results(
    run: _Run, files: Iterable[tuple[str, bytes | None]], workers: int
) -> Iterator[IngestedFile]:
    if workers <= 1:
        for name, data in files:
            yield _one(run, name, data)
        return
    with WorkerPool(run.extractor, workers) as pool:
        yield from _in_parallel(run, files, pool)


def ingest(
    app: Tansiq,
    principal: Principal,
    files: Iterable[tuple[str, bytes | None]],
    opts: IngestOptions,
    progress: Progress | None = None,
    total: int = 0,
    workers: int = 1,
) -> IngestReport:
    """Ingest documents one by one: each is stored whole or not at all; the rest goes on.

    With ``workers`` > 1, that many processes read and extract the files while this one stores
    them, in input order, one transaction per document, as with one process."""
    require(principal, Permission.WRITE)
    check_name(opts.dataset)
    known, datasets = _known(app, read_scope(principal))
    extractor = Extractor(known, roles=role_model(app.settings))
    run = _Run(app, principal, opts, extractor, datasets)
    report = IngestReport(opts.dataset)
    for done, result in enumerate(_results(run, files, workers), 1):
        if result.status == "skipped":
            log.warning("Skipped %s: %s", result.name, result.reason)
        report.files.append(result)
        if progress is not None:
            progress(done, total)
    return report


def read_files(paths: list[Path], max_bytes: int) -> Iterator[tuple[str, bytes | None]]:
    """(name, bytes) of each file; ``None`` for a file over the size limit (then skipped)."""
    for path in paths:
        yield str(path), (None if path.stat().st_size > max_bytes else path.read_bytes())


def ingest_paths(
    app: Tansiq,
    principal: Principal,
    paths: list[Path],
    opts: IngestOptions,
    progress: Progress | None = None,
    workers: int | None = None,
) -> IngestReport:
    """Ingest files and folders from disk; ``workers`` None: several processes for a large
    input (see :func:`~tansiq.services.ingest_workers.auto_workers`), one for a small one."""
    require(principal, Permission.WRITE)
    found = files_under(paths)
    limit = app.settings.max_upload_mb << 20
    if workers is None:
        sizes = [size for size in (p.stat().st_size for p in found) if size <= limit]
        workers = auto_workers(sizes, app.settings.ingest_workers)
    files = read_files(found, limit)
    return ingest(app, principal, files, opts, progress, len(found), workers)
