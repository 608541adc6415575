"""The candidate index of one or more watchlist datasets, built from the store and cached."""

from __future__ import annotations

import functools
import hashlib
import logging
import pickle
import platform
import tempfile
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from followthemoney.proxy import EntityProxy

import tansiq.domain.entities
import tansiq.matching
from tansiq.domain.entities import DOCUMENT_NUMBERS, build_entity, group_by_entity
from tansiq.domain.policy import Scope
from tansiq.matching import ALGORITHM, CandidateIndex, PreparedEntity, prepare
from tansiq.services.app import Tansiq

log = logging.getLogger(__name__)
SCREENED_SCHEMATA = ("Person", "Organization", "Company", "LegalEntity", "PublicBody")
MEMORY_SLOTS = 4
_MEMORY: OrderedDict[str, WatchlistIndex] = OrderedDict()
_MEMORY_LOCK = threading.Lock()
DEPENDENCIES = ("followthemoney", "rigour", "numpy", "rapidfuzz", "tansiq")
"""Packages whose versions key the cache too (what the index holds is made with them)."""


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


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


@functools.cache
def _code_digest() -> str:
    """Digest of the code that makes a cached index: a pickle made by other code is never loaded.

    The algorithm's version changes with its scores, not with the index's layout, so the
    version alone would let an upgrade load a pickle of classes that have since changed.
    The sources of the matching package, of this module and of the entity building, the
    versions of the packages they use and Python's all count.
    """
    digest = hashlib.sha1(usedforsecurity=False)
    sources = sorted(Path(tansiq.matching.__file__).parent.glob("*.py"))
    sources += [Path(__file__), Path(tansiq.domain.entities.__file__)]
    for path in sources:
        if path.suffix == ".py" and path.exists():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for package in DEPENDENCIES:
        digest.update(f"{package}={_version(package)};".encode())
    digest.update(platform.python_version().encode())
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
    # a temporary file of its own: two processes building the same index do not collide
    with tempfile.NamedTemporaryFile(
        "wb", dir=path.parent, prefix=path.stem + ".", suffix=".tmp", delete=False
    ) as handle:
        tmp = Path(handle.name)
        try:
            pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:
            handle.close()
            tmp.unlink(missing_ok=True)
            raise
    tmp.replace(path)
    log.info("Built the candidate index of %s: %d entries", ",".join(datasets), len(built))
    return built


def _from_disk(path: Path, key: str) -> WatchlistIndex | None:
    """The cached index in ``path``, or None when there is none or it cannot be read.

    The cache directory is the application's own (under its data directory): whoever
    can write there can change the data anyway, so the pickle is trusted as written.
    """
    if not path.exists():
        return None
    try:
        with path.open("rb") as handle:
            index = pickle.load(handle)  # our own cache file, keyed by the code that wrote it
    except Exception as error:  # a truncated or foreign file: rebuild rather than fail
        log.warning("Ignoring the unreadable index cache %s (%s); rebuilding", path, error)
        return None
    if not isinstance(index, WatchlistIndex) or index.key != key:
        log.warning("Ignoring the index cache %s: not the index of its key; rebuilding", path)
        return None
    return index


def load_index(app: Tansiq, datasets: Sequence[str], scope: Scope) -> WatchlistIndex:
    """The index of these datasets as ``scope`` sees them now: from memory, disk, or built."""
    names = tuple(sorted(set(datasets)))
    key = _key(names, app.store.dataset_state(list(names), scope) + repr(scope))
    with _MEMORY_LOCK:
        found = _MEMORY.get(key)
        if found is not None:
            _MEMORY.move_to_end(key)
            return found
    index = _from_disk(_disk_path(app, key), key)
    if index is None:
        index = _build(app, names, scope, key)
    with _MEMORY_LOCK:
        _MEMORY[key] = index
        while len(_MEMORY) > MEMORY_SLOTS:
            _MEMORY.popitem(last=False)
    return index
