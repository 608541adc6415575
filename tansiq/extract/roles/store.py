"""The role model file: plain weights in JSON, gzipped when the name ends in ``.gz``.

::

    {"format": "tansiq-role-model", "version": 1, "id": "…", "language": "en",
     "roles": ["PerpInd", …],
     "meta": {"data": …, "sha256": …, "documents": …, "trained": …, "cv": …},
     "thresholds": {"role": {role: p}, "top": {role: n}, "gate": p},
     "relevance": {"bias": b, "weights": {word: w}},
     "df": {word: training document frequency},
     "pools": [{"pool": "word" | "token", "intercept": [w per role],
                "relevance": [w per role], "weights": {feature: [w per role]}}]}

Weights are rounded to four decimals, those under ``PRUNE`` are zero, and a feature whose weights
are all zero is left out.
The ``id`` is a digest of everything else: the extraction marks each prediction with it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from tansiq.exceptions import ConfigurationError
from tansiq.extract.roles.model import PoolWeights, RoleModel
from tansiq.extract.roles.relevance import Relevance
from tansiq.extract.roles.selection import ROLES, Thresholds

FORMAT = "tansiq-role-model"
VERSION = 1
DECIMALS = 4
PRUNE = 0.02
"""Feature weights smaller than this (in absolute value) are saved as zero; a feature whose
weights are all zero is left out of the file."""


def _weights(values: Any, prune: float = 0.0) -> list[float]:
    return [round(float(v), DECIMALS) if abs(v) >= prune else 0.0 for v in values]


def _pool(pool: PoolWeights, prune: float) -> dict[str, Any]:
    weights = {}
    for name, row in pool.columns.items():
        kept = _weights(pool.weights[row], prune)
        if any(kept):
            weights[name] = kept
    return {
        "pool": pool.pool,
        "intercept": _weights(pool.intercept),
        "relevance": _weights(pool.relevance),
        "weights": dict(sorted(weights.items())),
    }


def to_json(model: RoleModel, prune: float = PRUNE) -> dict[str, Any]:
    """The model as a JSON object, with its ``id``."""
    relevance = {w: round(v, DECIMALS) for w, v in model.relevance.weights.items()}
    body: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "language": model.language,
        "roles": list(ROLES),
        "meta": {k: v for k, v in model.meta.items() if k != "id"},
        "thresholds": {
            "role": dict(model.thresholds.role),
            "top": dict(model.thresholds.top),
            "gate": model.thresholds.gate,
        },
        "relevance": {
            "bias": round(model.relevance.bias, DECIMALS),
            "weights": {w: v for w, v in sorted(relevance.items()) if v},
        },
        "df": dict(sorted(model.df.items())),
        "pools": [_pool(p, prune) for p in model.pools],
    }
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()
    return {"id": f"roles-{digest[:12]}", **body}


def save(model: RoleModel, path: Path, prune: float = PRUNE) -> RoleModel:
    """Write the model to ``path`` (gzipped for ``.gz``); the model as it will be read back."""
    data = to_json(model, prune)
    raw = json.dumps(data, separators=(",", ":")).encode("utf-8")
    path.write_bytes(gzip.compress(raw, mtime=0) if path.name.endswith(".gz") else raw)
    return from_json(data)


def load(path: Path) -> RoleModel:
    """Read a model file; ConfigurationError if it is not one this version can read."""
    try:
        raw = path.read_bytes()
        data = json.loads(gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw)
    except (OSError, ValueError) as exc:
        raise ConfigurationError(f"cannot read the role model {path}: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ConfigurationError(f"{path} is not a Tansiq role model")
    if data.get("version") != VERSION or data.get("roles") != list(ROLES):
        raise ConfigurationError(f"{path}: role model version {data.get('version')} unsupported")
    return from_json(data)


@lru_cache(maxsize=2)
def load_cached(path: str, mtime_ns: int, size: int) -> RoleModel:
    """:func:`load`, once per path and file version."""
    return load(Path(path))


def _from_pool(data: dict[str, Any]) -> PoolWeights:
    names = list(data["weights"])
    weights = np.zeros((len(names) + 1, len(ROLES)))
    for i, name in enumerate(names):
        weights[i] = data["weights"][name]
    return PoolWeights(
        data["pool"],
        {name: i for i, name in enumerate(names)},
        weights,
        np.array(data["intercept"], dtype=float),
        np.array(data["relevance"], dtype=float),
    )


def from_json(data: dict[str, Any]) -> RoleModel:
    t = data["thresholds"]
    rel = data["relevance"]
    return RoleModel(
        pools=tuple(_from_pool(p) for p in data["pools"]),
        thresholds=Thresholds(t["role"], t["top"], float(t["gate"])),
        relevance=Relevance(dict(rel["weights"]), float(rel["bias"])),
        df={w: int(n) for w, n in data["df"].items()},
        language=str(data.get("language", "en")),
        meta={**data.get("meta", {}), "id": data["id"]},
    )
