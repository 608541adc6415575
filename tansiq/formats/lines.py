"""Streaming readers that decode strictly and keep line numbers for error messages."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import IO, Any

import orjson

from tansiq.exceptions import InvalidData


def _decode(raw: bytes, source: str, line_no: int) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        column = exc.start + 1
        raise InvalidData(
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at column {column}); "
            "convert the file to UTF-8",
            source=source,
            line=line_no,
        ) from None


def read_json_lines(stream: IO[bytes], source: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) for each non-blank line; refuse anything else."""
    for line_no, raw in enumerate(stream, 1):
        if line_no == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        text = _decode(raw, source, line_no).strip()
        if not text:
            continue
        try:
            data = orjson.loads(text)
        except orjson.JSONDecodeError as exc:
            raise InvalidData(f"malformed JSON ({exc})", source=source, line=line_no) from None
        if not isinstance(data, dict):
            raise InvalidData("each line must be a JSON object", source=source, line=line_no)
        yield line_no, data


def read_csv_rows(stream: IO[bytes], source: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) from a CSV file with a header row, decoded strictly as UTF-8."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="strict", newline="")
    reader = csv.DictReader(text)
    try:
        if not reader.fieldnames:
            raise InvalidData("the CSV file has no header row", source=source, line=1)
        for row in reader:
            if None in row:
                raise InvalidData(
                    "more cells than header columns", source=source, line=reader.line_num
                )
            yield reader.line_num, row
    except UnicodeDecodeError:
        raise InvalidData(
            "not UTF-8 text; convert the file to UTF-8", source=source, line=reader.line_num + 1
        ) from None
    except csv.Error as exc:
        raise InvalidData(f"malformed CSV ({exc})", source=source, line=reader.line_num) from None
