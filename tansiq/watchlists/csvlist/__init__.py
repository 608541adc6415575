"""Import a watchlist from CSV.

The header names FtM properties (`id,schema,name,alias,birthDate,...`), the
columns of the screening files (`full_name,first_name,...,nationality`), or
columns named by a mapping {column: property} given as a dict, a JSON file, or
a `<file>.csv.mapping.json` sidecar. Multiple values in a cell are separated
by ";". Rows without an `id` get one hashed from the dataset and the row's
cells. Rows without a `schema` are `default_schema` (Person).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from tansiq.domain.parsing import ParseResult, Problem
from tansiq.exceptions import InvalidData
from tansiq.watchlists.csvlist.columns import load_mapping, resolve, sidecar_mapping
from tansiq.watchlists.csvlist.rows import Cell, build_row

FORMAT = "csv"


def parse_csv(
    path: str | Path,
    *,
    dataset: str | None = None,
    strict: bool = False,
    mapping: dict[str, str] | str | Path | None = None,
    default_schema: str = "Person",
) -> ParseResult:
    """Parse a CSV watchlist into entities.

    In lenient mode (default) a bad value or row is a Problem located by line
    and the row keeps its valid values; with `strict` it raises InvalidData.
    `dataset` (default: the file's stem) seeds the ids of rows without one.
    """
    path = Path(path)
    columns = _mapping(path, mapping)
    result = ParseResult()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, dialect=_dialect(handle))
        headers = next(reader, None)
        if not headers:
            raise InvalidData("the file has no header row", source=path.name, line=1)
        props = _resolve_headers(path.name, headers, columns, result, strict)
        for line, row in _rows(reader):
            cells = [Cell(h, p, v.strip()) for h, p, v in zip(headers, props, row, strict=False)]
            cells = [c for c in cells if c.prop and c.raw]
            _add_row(result, path.name, line, cells, default_schema, dataset or path.stem, strict)
    return result


def _mapping(path: Path, mapping: dict[str, str] | str | Path | None) -> dict[str, str] | None:
    if isinstance(mapping, dict):
        return mapping
    if mapping is not None:
        return load_mapping(Path(mapping))
    return sidecar_mapping(path)


def _dialect(handle: object) -> type[csv.Dialect]:
    if not hasattr(handle, "readline") or not hasattr(handle, "seek"):
        return csv.excel
    first = handle.readline()
    handle.seek(0)
    return csv.excel_tab if first.count("\t") > first.count(",") else csv.excel


def _resolve_headers(
    source: str,
    headers: list[str],
    mapping: dict[str, str] | None,
    result: ParseResult,
    strict: bool,
) -> list[str]:
    props = [resolve(header, mapping) or "" for header in headers]
    for header, prop in zip(headers, props, strict=True):
        if not prop and header.strip() and not (mapping and header in mapping):
            result.problems.append(Problem(source, "line 1", f"column {header!r} ignored"))
    if not any(props):
        raise InvalidData("no column maps to a property", source=source, line=1)
    return props


def _rows(reader: Iterator[list[str]]) -> Iterator[tuple[int, list[str]]]:
    line = 2
    for row in reader:
        if any(cell.strip() for cell in row):
            yield line, row
        line = getattr(reader, "line_num", line) + 1


def _add_row(
    result: ParseResult,
    source: str,
    line: int,
    cells: list[Cell],
    default_schema: str,
    dataset: str,
    strict: bool,
) -> None:
    outcome = build_row(cells, default_schema, dataset)
    for column, reason in outcome.errors:
        if strict:
            raise InvalidData(reason, source=source, line=line, field=column)
        result.problems.append(Problem(source, f"line {line}", f"{column}: {reason}"))
    if outcome.entity is not None:
        result.entities.append(outcome.entity)
