"""Read any supported file into statements, with the line each came from."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from tansiq.domain.entities import entity_statements
from tansiq.domain.statement import Statement, StatementContext
from tansiq.exceptions import InvalidData
from tansiq.formats.detect import ENTITIES, STATEMENTS_CSV
from tansiq.formats.lines import read_csv_rows, read_json_lines
from tansiq.formats.rows import row_statement


def _located(exc: InvalidData, source: str, line: int) -> InvalidData:
    return InvalidData(exc.reason, source=source, line=line, field=exc.field)


def read_statements(
    stream: IO[bytes],
    source: str,
    fmt: str,
    ctx: StatementContext,
    ladder: tuple[str, ...],
) -> Iterator[tuple[int, Statement]]:
    """Yield (line number, statement); the first bad line raises ``InvalidData`` naming it."""
    if fmt == ENTITIES:
        for line_no, data in read_json_lines(stream, source):
            try:
                for stmt in entity_statements(data, ctx):
                    yield line_no, stmt
            except InvalidData as exc:
                raise _located(exc, source, line_no) from None
        return
    records = (
        read_csv_rows(stream, source) if fmt == STATEMENTS_CSV else read_json_lines(stream, source)
    )
    for line_no, row in records:
        try:
            yield line_no, row_statement(row, ctx, ladder)
        except InvalidData as exc:
            raise _located(exc, source, line_no) from None
