"""Interchange formats: FtM entity JSON lines and statement CSV / JSON lines (pure, streaming)."""

from tansiq.formats.detect import FORMATS, detect_format
from tansiq.formats.readers import read_statements
from tansiq.formats.rows import STATEMENT_COLUMNS, statement_to_row

__all__ = ["FORMATS", "STATEMENT_COLUMNS", "detect_format", "read_statements", "statement_to_row"]
