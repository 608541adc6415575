"""Import the UN Security Council consolidated sanctions list (XML).

Each INDIVIDUAL becomes a Person, each ENTITY an Organization, both with a
Sanction; individuals' documents become Passport or Identification entities.
Ids derive from DATAID, so re-importing a newer list updates the same entities.
"""

from __future__ import annotations

from pathlib import Path

from tansiq.domain.parsing import ParseResult, Problem
from tansiq.exceptions import InvalidData
from tansiq.watchlists.un.records import RecordError, build_individual, build_organization
from tansiq.watchlists.un.safexml import iter_records

FORMAT = "un_xml"
_BUILDERS = {"INDIVIDUAL": build_individual, "ENTITY": build_organization}


def parse_un_xml(
    path: str | Path, *, dataset: str | None = None, strict: bool = False
) -> ParseResult:
    """Parse a UN consolidated list file.

    `dataset` is accepted for a uniform parser signature; ids always use the
    "unsc" prefix so every copy of the list yields the same ids. A record that
    cannot be read is a Problem, or InvalidData when `strict`. Malformed XML
    and DTDs are always InvalidData.
    """
    path = Path(path)
    result = ParseResult()
    for record, line in iter_records(path, frozenset(_BUILDERS)):
        try:
            entities, unreadable = _BUILDERS[record.tag](record)
        except RecordError as exc:
            _problem(result, path, line, str(exc), strict)
            continue
        result.entities.extend(entities)
        for value in unreadable:
            _problem(result, path, line, f"unreadable {value}", strict)
    return result


def _problem(result: ParseResult, path: Path, line: int, reason: str, strict: bool) -> None:
    if strict:
        raise InvalidData(reason, source=path.name, line=line)
    result.problems.append(Problem(path.name, f"line {line}", reason))
