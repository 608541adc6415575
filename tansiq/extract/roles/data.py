"""Annotated training reports: JSON lines of a text and its role fillers.

One JSON object per line (the MUC-4 format of the GRIT release)::

    {"docid": "r-1", "doctext": "gunmen killed the mayor ...",
     "extracts": {"PerpInd": [[["gunmen", 0]]], "PerpOrg": [], "Target": [],
                  "Victim": [[["the mayor", 14], ["mayor", 14]]], "Weapon": []}}

``extracts`` maps each of the five roles to a list of fillers; a filler is a list of its
coreferent mentions, each ``[text, character offset]`` (the offset is not used). A report with
every list empty reports no attack. ``docid`` is optional.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tansiq.exceptions import InvalidData
from tansiq.extract.roles.heads import head

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")


@dataclass(frozen=True)
class Report:
    """One annotated report: role -> fillers, each a tuple of its mentions' texts."""

    docid: str
    text: str
    fillers: dict[str, tuple[tuple[str, ...], ...]]

    def heads(self) -> dict[str, set[str]]:
        """Role -> the head words of every mention of every filler."""
        return {r: {head(m) for f in self.fillers[r] for m in f} for r in ROLES}

    @property
    def has_attack(self) -> bool:
        return any(self.fillers[r] for r in ROLES)


def read_reports(path: Path) -> list[Report]:
    """The reports of a JSON-lines file; InvalidData naming the line of the first bad one."""
    with path.open(encoding="utf-8") as handle:
        reports = list(parse_lines(handle, path.name))
    if not reports:
        raise InvalidData(f"{path.name}: no annotated reports")
    return reports


def parse_lines(lines: Iterable[str], name: str) -> Iterable[Report]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield _report(json.loads(line), number)
        except (ValueError, TypeError, KeyError, IndexError) as exc:
            raise InvalidData(f"{name}, line {number}: {exc}") from None


def _report(record: object, number: int) -> Report:
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    text = record["doctext"]
    extracts = record["extracts"]
    if not isinstance(text, str) or not isinstance(extracts, dict):
        raise ValueError("'doctext' must be a string and 'extracts' an object")
    unknown = set(extracts) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles {sorted(unknown)}; expected {', '.join(ROLES)}")
    fillers = {role: _fillers(extracts.get(role, []), role) for role in ROLES}
    return Report(str(record.get("docid", f"line-{number}")), text, fillers)


def _fillers(value: object, role: str) -> tuple[tuple[str, ...], ...]:
    if not isinstance(value, list):
        raise ValueError(f"{role} must be a list of fillers")
    out = []
    for filler in value:
        if not isinstance(filler, list) or not all(
            isinstance(m, list) and m and isinstance(m[0], str) for m in filler
        ):
            raise ValueError(f"{role}: a filler is a list of [text, offset] mentions")
        if filler:
            out.append(tuple(m[0] for m in filler))
    return tuple(out)
