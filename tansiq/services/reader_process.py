"""Parse and encode an import file in a second process while this one writes to the database.

The child (forked, so it shares the code and settings) reads the file, builds and encodes
statements in batches and sends them through a bounded queue; the first bad line is sent back
as the error and re-raised here, inside the caller's transaction, so nothing is stored.
"""

from __future__ import annotations

import multiprocessing
import queue
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tansiq.domain.statement import BASE_PROP, Statement, StatementContext
from tansiq.exceptions import InvalidData
from tansiq.formats import read_statements

QUEUE_DEPTH = 4
POLL_SECONDS = 1.0


@dataclass(frozen=True)
class EncodedPart:
    """One encoded batch and what the progress report needs."""

    payload: Any
    entities: int
    last_line: int
    position: int


def _produce(
    out: Any,
    path: Path,
    source: str,
    fmt: str,
    ctx: StatementContext,
    ladder: tuple[str, ...],
    size: int,
    encode: Callable[[list[Statement]], Any],
) -> None:
    try:
        with path.open("rb") as stream:
            batch: list[Statement] = []
            last = 0
            for last, stmt in read_statements(stream, source, fmt, ctx, ladder):
                batch.append(stmt)
                if len(batch) >= size:
                    out.put(_part(batch, encode, last, stream.tell()))
                    batch = []
            out.put(_part(batch, encode, last, stream.tell()))
        out.put(None)
    except InvalidData as exc:
        out.put(("error", exc.reason, exc.source, exc.line, exc.field))
    except Exception as exc:  # reported to the parent, which raises it in its transaction
        out.put(("error", f"reading failed: {exc}", source, None, None))


def _part(
    batch: list[Statement], encode: Callable[[list[Statement]], Any], last: int, position: int
) -> EncodedPart:
    entities = sum(s.prop == BASE_PROP for s in batch)
    return EncodedPart(encode(batch), entities, last, position)


def encoded_parts(
    path: Path,
    source: str,
    fmt: str,
    ctx: StatementContext,
    ladder: tuple[str, ...],
    size: int,
    encode: Callable[[list[Statement]], Any],
) -> Iterator[EncodedPart]:
    """Encoded batches of a file, produced by a child process."""
    context = multiprocessing.get_context("fork")
    out: Any = context.Queue(maxsize=QUEUE_DEPTH)
    child = context.Process(
        target=_produce, args=(out, path, source, fmt, ctx, ladder, size, encode), daemon=True
    )
    child.start()
    try:
        while True:
            try:
                item = out.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if not child.is_alive():
                    raise InvalidData(
                        "the reading process stopped unexpectedly", source=source
                    ) from None
                continue
            if item is None:
                return
            if isinstance(item, tuple):
                _, reason, where, line, field = item
                raise InvalidData(reason, source=where, line=line, field=field)
            yield item
    finally:
        if child.is_alive():
            child.terminate()
        child.join(timeout=5)
