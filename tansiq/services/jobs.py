"""Screening jobs for the web app and the API: run in the background, report progress."""

from __future__ import annotations

import logging
import re
import threading
import time
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import IO

from tansiq.domain.policy import read_scope
from tansiq.domain.principal import Principal
from tansiq.domain.roles import Permission
from tansiq.domain.screening import Screening
from tansiq.exceptions import InvalidData, NotFound
from tansiq.services.access import require
from tansiq.services.app import Tansiq
from tansiq.services.screening import (
    ScreeningOptions,
    ScreeningRun,
    new_screening,
    record_failure,
    screen_manifest,
)

log = logging.getLogger(__name__)
CHUNK = 1 << 20
PROGRESS_EVERY = 0.5
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def save_upload(app: Tansiq, stream: IO[bytes], filename: str) -> Path:
    """Copy an upload to the data folder, refusing it past TANSIQ_MAX_UPLOAD_MB."""
    limit = app.settings.max_upload_mb * CHUNK
    folder = app.settings.data_dir / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    safe = _UNSAFE.sub("_", Path(filename or "upload").name)[-100:] or "upload"
    target = folder / f"{uuid.uuid4().hex}-{safe}"
    size = 0
    with target.open("wb") as out:
        while chunk := stream.read(CHUNK):
            size += len(chunk)
            if size > limit:
                out.close()
                target.unlink()
                raise InvalidData(f"file larger than {app.settings.max_upload_mb} MiB", source=safe)
            out.write(chunk)
    if size == 0:
        target.unlink()
        raise InvalidData("the file is empty", source=safe)
    return target


class ScreeningJobs:
    """One background worker per app; screenings run one after another."""

    def __init__(self) -> None:
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="screening")
        self.futures: dict[str, Future[ScreeningRun]] = {}
        self.lock = threading.Lock()

    def start(
        self, app: Tansiq, principal: Principal, path: Path, opts: ScreeningOptions, source: str
    ) -> str:
        """Queue a manifest; returns the screening id to poll."""
        screening = new_screening(app, principal, source, opts)
        with app.store.transaction() as writer:
            writer.put_screening(screening)
        future = self.executor.submit(self._run, app, principal, path, opts, screening, source)
        screening_id = screening.id
        with self.lock:
            self.futures[screening_id] = future
        return screening_id

    def _run(
        self,
        app: Tansiq,
        principal: Principal,
        path: Path,
        opts: ScreeningOptions,
        screening: Screening,
        source: str,
    ) -> ScreeningRun:
        screening_id = screening.id
        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if now - last[0] >= PROGRESS_EVERY or done == total:
                last[0] = now
                with app.store.transaction() as writer:
                    writer.set_progress(screening_id, done, total)

        try:
            return screen_manifest(app, principal, path, opts, progress, screening_id, source)
        except Exception as exc:
            log.warning("Screening %s failed: %s", screening_id, exc)
            stored = app.store.screening(screening_id, read_scope(principal))
            if stored is None or stored.status == "running":
                record_failure(app, stored or screening, exc)
            raise
        finally:
            path.unlink(missing_ok=True)

    def wait(self, screening_id: str, timeout: float | None = None) -> None:
        with self.lock:
            future = self.futures.get(screening_id)
        if future is not None:
            future.exception(timeout)

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def list_screenings(app: Tansiq, principal: Principal, limit: int = 50) -> list[Screening]:
    """Recent screenings the principal may see."""
    require(principal, Permission.SCREEN)
    return app.store.screenings(read_scope(principal), limit)


def get_screening(app: Tansiq, principal: Principal, screening_id: str) -> Screening:
    require(principal, Permission.SCREEN)
    screening = app.store.screening(screening_id, read_scope(principal))
    if screening is None:
        raise NotFound(f"no screening {screening_id!r}")
    return screening
