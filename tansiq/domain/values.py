"""Small value cleaners shared by the parsers of lists and manifests."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from followthemoney.types import registry

_DATE_FORMATS = ("%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d", "%d-%m-%Y", "%Y%m%d")


def collapse(text: str | None) -> str:
    """Strip a text and collapse every run of whitespace to one space."""
    return " ".join((text or "").split())


@lru_cache(maxsize=4096)
def clean_country(value: str) -> str | None:
    """Return the ISO code of a country name or code, or None."""
    return registry.country.clean(collapse(value))


@lru_cache(maxsize=4096)
def clean_gender(value: str) -> str | None:
    """Return "male", "female" or "other", or None."""
    return registry.gender.clean(collapse(value))


@lru_cache(maxsize=4096)
def clean_date(value: str) -> str | None:
    """Return an ISO date prefix (year, year-month or full date), or None.

    Accepts ISO prefixes and the common day-first forms (31/12/1970, 31.12.1970).
    """
    text = collapse(value)
    cleaned = registry.date.clean(text)
    if cleaned is not None:
        return cleaned
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def split_values(value: str, separator: str = ";") -> list[str]:
    """Split a multi-valued cell and drop empty parts."""
    return [part.strip() for part in value.split(separator) if part.strip()]
