"""Recording a benchmark's results in its own section of docs/benchmarks.md."""

from __future__ import annotations

import re
from pathlib import Path


def write_section(docs: Path, section: str, text: str) -> None:
    """Replace (or add) the section headed ``section``, leaving the rest of the file as it is."""
    docs.parent.mkdir(parents=True, exist_ok=True)
    current = docs.read_text(encoding="utf-8") if docs.exists() else "# Benchmarks\n\n"
    pattern = re.compile(rf"^{re.escape(section)}\n.*?(?=^## |\Z)", re.M | re.S)
    if pattern.search(current):
        updated = pattern.sub(lambda _: text.rstrip("\n") + "\n\n", current)
    else:
        updated = current.rstrip("\n") + "\n\n" + text
    docs.write_text(updated.rstrip("\n") + "\n", encoding="utf-8")
