"""Map CSV column headers to FtM property names.

A header may be an FtM property name in any case ("birthDate", "BIRTHDATE"),
one of the screening-file aliases below ("full_name", "date_of_birth"), or
anything an explicit mapping names. Spaces and hyphens count as underscores.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from followthemoney import model

from tansiq.exceptions import InvalidData

ID, SCHEMA = "id", "schema"

ALIASES = {
    "full_name": "name",
    "given_name": "firstName",
    "first_name": "firstName",
    "middle_name": "middleName",
    "last_name": "lastName",
    "surname": "lastName",
    "family_name": "lastName",
    "date_of_birth": "birthDate",
    "dob": "birthDate",
    "birth_date": "birthDate",
    "place_of_birth": "birthPlace",
    "birth_place": "birthPlace",
    "sex": "gender",
    "aliases": "alias",
    "passport": "passportNumber",
    "passport_number": "passportNumber",
    "id_number": "idNumber",
    "citizenship": "citizenship",
}


def canonical(header: str) -> str:
    """Lower-case a header and turn spaces and hyphens into underscores."""
    return "_".join(header.strip().lower().replace("-", " ").split())


@cache
def _property_names() -> dict[str, str]:
    names = {ID: ID, SCHEMA: SCHEMA}
    for schema in model.schemata.values():
        for prop in schema.properties.values():
            names.setdefault(prop.name.lower(), prop.name)
    return names


def resolve(header: str, mapping: dict[str, str] | None = None) -> str | None:
    """Return the property a header stands for, "id", "schema" or None."""
    if mapping and header in mapping:
        return mapping[header] or None
    key = canonical(header)
    if key in ALIASES:
        return ALIASES[key]
    return _property_names().get(key.replace("_", ""))


def load_mapping(path: Path) -> dict[str, str]:
    """Read a JSON object {column: property} from a mapping file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InvalidData(f"cannot read column mapping: {exc}", source=path.name) from exc
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str | None) for k, v in data.items()
    ):
        raise InvalidData("a column mapping is a JSON object of strings", source=path.name)
    return {k: v or "" for k, v in data.items()}


def sidecar_mapping(csv_path: Path) -> dict[str, str] | None:
    """Load `<file>.mapping.json` next to a CSV file, if there is one."""
    sidecar = csv_path.with_name(csv_path.name + ".mapping.json")
    return load_mapping(sidecar) if sidecar.is_file() else None
