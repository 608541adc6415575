"""Prepared entities: the comparable facts of an FtM entity, normalised once.

:func:`prepare` reads names, birth dates, gender, nationality and document
numbers from a FollowTheMoney entity and caches every normalised name key, so
a blocking index and batch screening can reuse them across many comparisons.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from typing import Any

from .rarity import NameStats
from .tokens import NameToken, name_tokens

__all__ = ["BirthDate", "PreparedEntity", "prepare", "reweigh", "reweigh_token"]

BirthDate = tuple[int, int | None, int | None]
"""(year, month or None, day or None)."""

NAME_PROPS = ("name", "alias", "previousName", "weakAlias", "abbreviation")
PART_PROPS = ("firstName", "secondName", "middleName", "fatherName", "lastName")
DOCUMENT_PROPS = ("passportNumber", "idNumber", "registrationNumber", "taxNumber", "innCode")
COUNTRY_PROPS = ("nationality", "citizenship")
MIN_DOCUMENT_LENGTH = 5

_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
_NOT_ALNUM = re.compile(r"[^0-9A-Z]")


@dataclass(frozen=True, slots=True)
class PreparedEntity:
    """Normalised, comparison-ready view of one entity (immutable, cacheable)."""

    id: str | None
    schema: Any
    names: tuple[str, ...]
    name_tokens: tuple[tuple[NameToken, ...], ...]
    birth_dates: tuple[BirthDate, ...]
    genders: frozenset[str]
    countries: frozenset[str]
    documents: frozenset[str]

    def with_name_tokens(self, name_tokens: tuple[tuple[NameToken, ...], ...]) -> PreparedEntity:
        """The same entity with other name tokens (cheaper than ``dataclasses.replace``)."""
        return PreparedEntity(
            id=self.id,
            schema=self.schema,
            names=self.names,
            name_tokens=name_tokens,
            birth_dates=self.birth_dates,
            genders=self.genders,
            countries=self.countries,
            documents=self.documents,
        )

    @property
    def keys(self) -> frozenset[str]:
        """All phonetic keys of all names: the entity's blocking keys."""
        return frozenset(k for tokens in self.name_tokens for t in tokens for k in t.keys)


def _values(entity: Any, props: tuple[str, ...]) -> list[str]:
    values: list[str] = []
    for prop in props:
        values.extend(entity.get(prop, quiet=True))
    return values


def parse_date(value: str) -> BirthDate | None:
    """Parse an ISO-like date prefix ``YYYY[-MM[-DD]]``; None if not a date."""
    found = _DATE.match(value.strip())
    if found is None:
        return None
    year, month, day = found.groups()
    # a month or day out of range (00 is a common "unknown") is not known; nor is a
    # day without its month
    month_i = int(month) if month and 1 <= int(month) <= 12 else None
    day_i = int(day) if month_i and day and 1 <= int(day) <= 31 else None
    return (int(year), month_i, day_i)


def normalise_document(value: str) -> str | None:
    """Upper-case alphanumerics of a document number; None when too short."""
    clean = _NOT_ALNUM.sub("", value.upper())
    return clean if len(clean) >= MIN_DOCUMENT_LENGTH else None


def _full_names(entity: Any) -> list[str]:
    names = _values(entity, NAME_PROPS)
    parts = " ".join(_values(entity, PART_PROPS))
    if parts.strip():
        names.append(parts)
    return list(dict.fromkeys(n for n in names if n.strip()))


def prepare(entity: Any) -> PreparedEntity:
    """Extract and normalise everything :func:`compare` needs from an FtM entity."""
    names = _full_names(entity)
    tokenised = tuple(tokens for tokens in map(name_tokens, names) if tokens)
    if len(tokenised) > 1:  # hashing name tokens is not free: most travellers have one name
        tokenised = tuple(dict.fromkeys(tokenised))
    dates = tuple(d for d in (parse_date(v) for v in _values(entity, ("birthDate",))) if d)
    documents = (normalise_document(v) for v in _values(entity, DOCUMENT_PROPS))
    return PreparedEntity(
        id=entity.id,
        schema=entity.schema,
        names=tuple(names),
        name_tokens=tokenised,
        birth_dates=tuple(dict.fromkeys(dates)),
        genders=frozenset(g.lower() for g in _values(entity, ("gender",))),
        countries=frozenset(c.lower() for c in _values(entity, COUNTRY_PROPS)),
        documents=frozenset(d for d in documents if d),
    )


def reweigh_token(token: NameToken, stats: NameStats) -> NameToken:
    """The token with its weight lowered to what ``stats`` says about its keys."""
    weight = stats.weight(token.rarity, token.weight)
    if weight == token.weight:
        return token
    return token.with_weight(weight)


REWEIGHED_CACHE = 65_536
"""Query tokens whose re-weighed form is remembered, for one ``NameStats`` at a time."""

_Reweighed = dict[int, tuple[NameToken, NameToken]]


class _ReweighedCache:
    """Re-weighed tokens of the last ``NameStats`` used, keyed by token identity.

    Prepared names share their token objects (see :mod:`tokens`), so a batch meets
    the same given names again and again. Each entry keeps its token alive, so its
    ``id`` cannot be reused while it is cached; the statistics are held weakly, and
    a new (or freed) one starts an empty cache.
    """

    def __init__(self) -> None:
        self._current: tuple[weakref.ref[NameStats], _Reweighed] | None = None

    def of(self, stats: NameStats) -> _Reweighed:
        current = self._current  # read once: another thread may swap it meanwhile
        if current is None or current[0]() is not stats:
            current = self._current = (weakref.ref(stats), {})
        return current[1]


_REWEIGHED = _ReweighedCache()


def _reweighed(token: NameToken, stats: NameStats, cache: _Reweighed) -> NameToken:
    found = cache.get(id(token))
    if found is not None and found[0] is token:
        return found[1]
    result = reweigh_token(token, stats)
    if len(cache) >= REWEIGHED_CACHE:
        cache.clear()
    cache[id(token)] = (token, result)
    return result


def reweigh(entity: PreparedEntity, stats: NameStats) -> PreparedEntity:
    """The entity with every name token re-weighted by list statistics (see NameStats)."""
    cache = _REWEIGHED.of(stats)
    tokens = tuple(tuple(_reweighed(t, stats, cache) for t in name) for name in entity.name_tokens)
    if tokens == entity.name_tokens:
        return entity
    return entity.with_name_tokens(tokens)
