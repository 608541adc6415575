"""Value cleaners of the watchlist parsers: the shared ones, and month-year dates."""

from __future__ import annotations

import re

from tansiq.domain.values import clean_country, clean_date, clean_gender, collapse, split_values

__all__ = ["clean_country", "clean_date", "clean_gender", "collapse", "month_year", "split_values"]

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
_MONTH_YEAR = re.compile(r"^([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$")


def month_year(text: str) -> str | None:
    """Read "Nov. 1973" or "August 1961" as "1973-11"; None otherwise."""
    match = _MONTH_YEAR.match(collapse(text))
    if match is None:
        return None
    month = _MONTHS.get(match.group(1).lower())
    return None if month is None else f"{match.group(2)}-{month:02d}"
