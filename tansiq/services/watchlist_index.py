"""The candidate index of one or more watchlist datasets, built from the store and cached."""

from __future__ import annotations

import functools
import hashlib
import logging
import pickle
from collections import OrderedDict, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from followthemoney.proxy import EntityProxy

import tansiq.matching
from tansiq.domain.entities import DOCUMENT_NUMBERS, build_entity, group_by_entity
from tansiq.domain.policy import Scope
from tansiq.matching import ALGORITHM, CandidateIndex, PreparedEntity, prepare
from tansiq.services.app import Tansiq

log = logging.getLogger(__name__)
SCREENED_SCHEMATA = ("Person", "Organization", "Company", "LegalEntity", "PublicBody")
MEMORY_SLOTS = 4
_MEMORY: OrderedDict[str, WatchlistIndex] = OrderedDict()


@dataclass
class WatchlistIndex:
    """A candidate index over the screenable entities of some datasets, at one state."""

    key: str
    datasets: tuple[str, ...]
    index: CandidateIndex

    def __len__(self) -> int:
        return len(self.index)


def _documents(
    app: Tansiq, datasets: Sequence[str], scope: Scope
) -> dict[str, list[tuple[str, str]]]:
    """Holder id -> (property, number) of every passport and identity document listed."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    rows = app.store.iter_statements(datasets, scope, schemata=tuple(DOCUMENT_NUMBERS))
    for _, group in group_by_entity(rows):
        holders = [s.value for s in group if s.prop == "holder"]
        numbers = [s.value for s in group if s.prop == "number"]
        prop = DOCUMENT_NUMBERS.get(group[0].schema, "idNumber")
        for holder in holders:
            found[holder].extend((prop, number) for number in numbers)
    return found


def watchlist_entities(app: Tansiq, datasets: Sequence[str], scope: Scope) -> Iterator[EntityProxy]:
    """Persons and organisations of the datasets, with their documents' numbers folded in."""
    documents = _documents(app, datasets, scope)
    rows = app.store.iter_statements(datasets, scope, schemata=SCREENED_SCHEMATA)
    for entity_id, group in group_by_entity(rows):
        entity = build_entity(entity_id, group)
        for prop, number in documents.get(entity_id, ()):
            if entity.schema.get(prop) is not None:
                entity.add(prop, number, cleaned=True)
        yield entity


@functools.cache
def _code_digest() -> str:
    """Digest of the matching code: a cached index pickled by other code is never loaded.

    The algorithm's version changes with its scores, not with the index's layout, so the
    version alone would let an upgrade load a pickle of classes that have since changed.
    """
    digest = hashlib.sha1(usedforsecurity=False)
    for path in sorted(Path(tansiq.matching.__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _key(datasets: tuple[str, ...], state: str) -> str:
    text = f"{ALGORITHM.name}:{ALGORITHM.version}:{_code_digest()}|{','.join(datasets)}|{state}"
    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()


def _disk_path(app: Tansiq, key: str) -> Path:
    return app.settings.data_dir / "cache" / f"watchlist-{key}.pickle"


def _build(app: Tansiq, datasets: tuple[str, ...], scope: Scope, key: str) -> WatchlistIndex:
    prepared: list[PreparedEntity] = [prepare(e) for e in watchlist_entities(app, datasets, scope)]
    built = WatchlistIndex(key, datasets, CandidateIndex.build(prepared))
    path = _disk_path(app, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as handle:
        pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    log.info("Built the candidate index of %s: %d entries", ",".join(datasets), len(built))
    return built


def _from_disk(path: Path) -> WatchlistIndex | None:
    """The cached index in ``path``, or None when there is none or it cannot be read."""
    if not path.exists():
        return None
    try:
        with path.open("rb") as handle:
            index = pickle.load(handle)  # our own cache file, keyed by the code that wrote it
    except Exception as error:  # a truncated or foreign file: rebuild rather than fail
        log.warning("Ignoring the unreadable index cache %s (%s); rebuilding", path, error)
        return None
    return index if isinstance(index, WatchlistIndex) else None


def load_index(app: Tansiq, datasets: Sequence[str], scope: Scope) -> WatchlistIndex:
    """The index of these datasets as ``scope`` sees them now: from memory, disk, or built."""
    names = tuple(sorted(set(datasets)))
    key = _key(names, app.store.dataset_state(list(names), scope) + repr(scope))
    if key in _MEMORY:
        _MEMORY.move_to_end(key)
        return _MEMORY[key]
    index = _from_disk(_disk_path(app, key))
    if index is None:
        index = _build(app, names, scope, key)
    _MEMORY[key] = index
    while len(_MEMORY) > MEMORY_SLOTS:
        _MEMORY.popitem(last=False)
    return index
