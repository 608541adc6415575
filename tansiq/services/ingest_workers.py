"""Read and extract documents in worker processes, so that a large ingest uses every core.

Each worker loads its own spaCy models (or inherits the parent's, when forked after they were
loaded) and turns ``(name, bytes)`` into an :class:`~tansiq.extract.Extraction`, or into the
reason the file cannot be read; the parent keeps every store access, in its own order.
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType

from tansiq.exceptions import InvalidData
from tansiq.extract import Document, Extraction, Extractor, load_document

log = logging.getLogger(__name__)
PARALLEL_FROM_BYTES = 32 << 10
"""Below this much input (about 5,000 words) starting workers costs more than they save."""

Outcome = Extraction | str
"""What reading one file gives: its extraction, or why it was skipped."""


def read(extractor: Extractor, files: list[tuple[str, bytes]]) -> list[Outcome]:
    """Load files and extract from them in one batch; an unreadable file gives the reason it
    is skipped."""
    skipped: list[str | None] = []
    documents: list[Document] = []
    for name, data in files:
        try:
            documents.append(load_document(data, name))
            skipped.append(None)
        except InvalidData as exc:
            skipped.append(exc.reason)
    found = iter(extractor.extract_many(documents, batch_size=max(1, len(documents))))
    return [next(found) if reason is None else reason for reason in skipped]


def auto_workers(sizes: list[int], most: int) -> int:
    """How many processes an ingest of files of these sizes (bytes) should use: one for a
    single or small input, else one per file up to ``most`` (the ``ingest_workers`` setting)."""
    if len(sizes) < 2 or sum(sizes) < PARALLEL_FROM_BYTES:
        return 1
    return max(1, min(most, len(sizes)))


class WorkerPool:
    """Worker processes that read and extract files, started on the first file sent (an
    ingest of files already stored starts none); a context manager that stops them on exit."""

    def __init__(self, extractor: Extractor, workers: int) -> None:
        self.extractor = extractor
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None

    def submit(self, files: list[tuple[str, bytes]]) -> Future[list[Outcome]]:
        """Start reading files; the future's result is their Outcomes (a worker's error is
        re-raised by it)."""
        if self._executor is None:
            self._executor = self._start()
        return self._executor.submit(_read, files)

    def _start(self) -> ProcessPoolExecutor:
        forking = "fork" in multiprocessing.get_all_start_methods()
        if forking:
            self.extractor.warm_up()  # loaded once, here; the forked workers share it
        context = multiprocessing.get_context("fork" if forking else "spawn")
        log.info("Extracting in %d worker processes", self.workers)
        return ProcessPoolExecutor(
            self.workers, mp_context=context, initializer=_start, initargs=(self.extractor,)
        )

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=error is None, cancel_futures=True)


_EXTRACTOR: list[Extractor] = []


def _start(extractor: Extractor) -> None:
    _EXTRACTOR[:] = [extractor]


def _read(files: list[tuple[str, bytes]]) -> list[Outcome]:
    try:
        return read(_EXTRACTOR[0], files)
    except Exception as exc:
        raise _portable(exc) from None


def _portable(exc: Exception) -> Exception:
    """``exc`` if it survives pickling back to the parent, else a RuntimeError that says it."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"extraction failed: {type(exc).__name__}: {exc}")
    return exc
