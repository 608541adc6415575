"""Compiled loops for the candidate ranking (numba), with the numpy path as the reference.

The ranking of one query adds the credit of its common tokens (given names) to
the entities its rarer tokens reached, then keeps the best ``limit`` by IDF plus
the cover bonus. In numpy that is some forty small array operations per query,
whose fixed costs dominate; here it is a few loops over the reached entities (plus
the key look-up, the union of a token's posting lists and the bitmaps of common
tokens).
Results are identical to the numpy path (``index._add_common`` and ``index._best``):
the same float32 operations in the same order, and the same order of the best
(by score, then by lowest position).

numba compiles these on first use (:func:`available`), once per machine (cached on
disk beside this module, or under ``NUMBA_CACHE_DIR``). Where numba cannot be
imported, the index uses the numpy path (decision 0012).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar, cast

import numpy as np
import numpy.typing as npt

__all__ = [
    "BUCKET_SHIFT",
    "add_bits",
    "available",
    "best",
    "bitmap",
    "buckets",
    "distinct_tagged",
    "find",
    "gather_tagged",
]

log = logging.getLogger(__name__)
F = TypeVar("F", bound=Callable[..., Any])

IntArray = npt.NDArray[np.int32]
FloatArray = npt.NDArray[np.float32]
Bits = npt.NDArray[np.uint8]
Spans = npt.NDArray[np.int64]
Offsets = npt.NDArray[np.int64]
Hashes = npt.NDArray[np.uint32]

_NO_INDEX = np.uint64(0xFFFFFFFF)
_ALL_BITS = np.uint32(0xFFFFFFFF)
_SIGN_BIT = np.uint32(0x80000000)


def _compiler() -> Callable[[str, F], F] | None:
    """numba's eager, cached compiler, or None where numba cannot be imported."""
    try:
        import numba
    except ImportError:
        log.info("numba is not installed: candidate ranking uses the numpy path")
        return None

    def compile_(signature: str, func: F) -> F:
        try:
            jit = numba.njit(signature, cache=True, nogil=True, boundscheck=False)
            return cast(F, jit(func))
        except RuntimeError:  # no writable cache folder (a read-only install, no home)
            log.info("numba cannot cache %s: compiled for this process only", func.__name__)
            return cast(F, numba.njit(signature, nogil=True, boundscheck=False)(func))

    return compile_


def _add_bits(
    reached: IntArray,
    idf: FloatArray,
    weight: FloatArray,
    exact: Bits,
    fuzzy: Bits,
    credit: FloatArray,
) -> None:
    """Add one common token's credit to the reached entities its posting lists hold.

    ``exact`` and ``fuzzy`` are bitmaps of the list (one bit per entity; empty when
    the token has no such keys); ``credit`` is (exact IDF, exact weight, fuzzy IDF,
    fuzzy weight). An exact hit counts over a fuzzy one.
    """
    has_exact = len(exact) > 0
    has_fuzzy = len(fuzzy) > 0
    for i in range(len(reached)):
        p = reached[i]
        cell = p >> 3
        bit = np.uint8(1) << np.uint8(p & 7)
        if has_exact and exact[cell] & bit:
            idf[i] += credit[0]
            weight[i] += credit[1]
        elif has_fuzzy and fuzzy[cell] & bit:
            idf[i] += credit[2]
            weight[i] += credit[3]


BUCKET_SHIFT = 12
"""Key hashes (32 bits) are bucketed by their top 20 bits for :func:`find`."""


def _buckets(hashes: Hashes) -> Offsets:
    """Per bucket (a value of the top bits), where its sorted ``hashes`` start; one more
    entry at the end, so bucket b spans ``[table[b], table[b + 1])``."""
    count = (1 << (32 - BUCKET_SHIFT)) + 1
    table = np.empty(count, dtype=np.int64)
    at = 0
    for bucket in range(count):
        while at < len(hashes) and (np.int64(hashes[at]) >> BUCKET_SHIFT) < bucket:
            at += 1
        table[bucket] = at
    return table


def _find(hashes: Hashes, table: Offsets, digests: Hashes) -> Offsets:
    """Where each digest is among the sorted ``hashes``, or -1 (a binary search within its
    bucket of :func:`buckets`: a couple of cache lines instead of the whole array's depth)."""
    found = np.empty(len(digests), dtype=np.int64)
    for k in range(len(digests)):
        digest = digests[k]
        bucket = np.int64(digest) >> BUCKET_SHIFT
        lo = table[bucket]
        hi = table[bucket + 1]
        while lo < hi:
            mid = (lo + hi) >> 1
            if hashes[mid] < digest:
                lo = mid + 1
            else:
                hi = mid
        found[k] = lo if lo < table[bucket + 1] and hashes[lo] == digest else -1
    return found


def _bitmap(postings: IntArray, starts: Spans, ends: Spans, listed: int) -> Bits:
    """One bit per listed entity (little-endian within a byte, as ``np.packbits`` with
    ``bitorder="little"`` of ``listed + 8`` flags), set for every position the posting
    lists of the spans hold."""
    bits = np.zeros((listed + 15) // 8, dtype=np.uint8)
    for k in range(len(starts)):
        for j in range(starts[k], ends[k]):
            p = postings[j]
            bits[p >> 3] |= np.uint8(1) << np.uint8(p & 7)
    return bits


def _gather_tagged(
    postings: IntArray,
    exact_starts: Spans,
    exact_ends: Spans,
    fuzzy_starts: Spans,
    fuzzy_ends: Spans,
) -> IntArray:
    """The posting lists of a token's exact then fuzzy spans, each position p as
    ``2p`` (exact) or ``2p + 1`` (fuzzy), concatenated (positions below 2**30)."""
    total = 0
    for k in range(len(exact_starts)):
        total += exact_ends[k] - exact_starts[k]
    for k in range(len(fuzzy_starts)):
        total += fuzzy_ends[k] - fuzzy_starts[k]
    out = np.empty(total, dtype=np.int32)
    at = 0
    for k in range(len(exact_starts)):
        for j in range(exact_starts[k], exact_ends[k]):
            out[at] = postings[j] << 1
            at += 1
    for k in range(len(fuzzy_starts)):
        for j in range(fuzzy_starts[k], fuzzy_ends[k]):
            out[at] = (postings[j] << 1) | 1
            at += 1
    return out


def _distinct_tagged(tagged: IntArray) -> tuple[IntArray, Bits]:
    """Sorted tagged positions (see :func:`gather_tagged`) as distinct positions, each with
    0 when any of its postings is exact, else 1 (the exact tag sorts first)."""
    count = 0
    previous = -1
    for i in range(len(tagged)):
        position = tagged[i] >> 1
        if position != previous:
            count += 1
            previous = position
    positions = np.empty(count, dtype=np.int32)
    fuzzy = np.empty(count, dtype=np.uint8)
    previous = -1
    at = -1
    for i in range(len(tagged)):
        position = tagged[i] >> 1
        if position != previous:
            at += 1
            positions[at] = position
            fuzzy[at] = tagged[i] & 1
            previous = position
    return positions, fuzzy


def _sift_down(heap: npt.NDArray[np.uint64], size: int) -> None:
    """Restore the min-heap property from the root of ``heap[:size]``."""
    at = 0
    while True:
        left = 2 * at + 1
        if left >= size:
            return
        child = left
        if left + 1 < size and heap[left + 1] < heap[left]:
            child = left + 1
        if heap[child] >= heap[at]:
            return
        heap[at], heap[child] = heap[child], heap[at]
        at = child


def _sift_up(heap: npt.NDArray[np.uint64], at: int) -> None:
    while at > 0:
        parent = (at - 1) // 2
        if heap[parent] <= heap[at]:
            return
        heap[at], heap[parent] = heap[parent], heap[at]
        at = parent


def _best(
    reached: IntArray, idf: FloatArray, weight: FloatArray, masses: FloatArray, limit: int
) -> tuple[IntArray, FloatArray]:
    """The ``limit`` best reached positions by IDF plus the cover bonus, best first (among
    equal scores the lowest positions), with their shared weights.

    The cover bonus is 2 x min(1, weight / max(mass, 0.05)), in float32 as in numpy. All
    scores are computed first (a loop without branches, so the masses' cache misses
    overlap); then each score's float32 bits are turned into a key that sorts as the
    value (negative: all bits flipped; others: the sign bit set), joined with the
    inverted index, and the ``limit`` largest keys are kept in a min-heap.
    """
    count = len(reached)
    size = min(limit, count)
    scores = np.empty(count, dtype=np.float32)
    floor = np.float32(0.05)
    one = np.float32(1.0)
    bonus = np.float32(2.0)
    zero = np.float32(0.0)
    for i in range(count):
        cover = min(weight[i] / max(masses[reached[i]], floor), one)
        scores[i] = idf[i] + cover * bonus + zero
    bits = scores.view(np.uint32)
    heap = np.empty(max(size, 1), dtype=np.uint64)
    filled = 0
    for i in range(count):
        ordered = bits[i]
        ordered = ordered ^ _ALL_BITS if ordered >> np.uint32(31) else ordered | _SIGN_BIT
        key = (np.uint64(ordered) << np.uint64(32)) | (_NO_INDEX - np.uint64(i))
        if filled < size:
            heap[filled] = key
            _sift_up(heap, filled)
            filled += 1
        elif key > heap[0]:
            heap[0] = key
            _sift_down(heap, size)
    keys = np.sort(heap[:size])[::-1]
    positions = np.empty(size, dtype=np.int32)
    shared = np.empty(size, dtype=np.float32)
    for k in range(size):
        at = np.int64(_NO_INDEX - (keys[k] & _NO_INDEX))
        positions[k] = reached[at]
        shared[k] = weight[at]
    return positions, shared


add_bits = _add_bits
best = _best
bitmap = _bitmap
buckets = _buckets
distinct_tagged = _distinct_tagged
find = _find
gather_tagged = _gather_tagged
"""The loops as plain Python until :func:`available` binds their compiled versions."""

_SIGNATURES = (  # callees first: a compiled caller binds the compiled callees it finds
    ("_sift_down", "void(uint64[::1], int64)"),
    ("_sift_up", "void(uint64[::1], int64)"),
    (
        "add_bits",
        "void(int32[::1], float32[::1], float32[::1], uint8[::1], uint8[::1], float32[::1])",
    ),
    ("buckets", "int64[::1](uint32[::1])"),
    ("bitmap", "uint8[::1](int32[::1], int64[:], int64[:], int64)"),
    ("find", "int64[::1](uint32[::1], int64[::1], uint32[::1])"),
    ("gather_tagged", "int32[::1](int32[::1], int64[:], int64[:], int64[:], int64[:])"),
    ("distinct_tagged", "Tuple((int32[::1], uint8[::1]))(int32[::1])"),
    (
        "best",
        "Tuple((int32[::1], float32[::1]))"
        "(int32[::1], float32[::1], float32[::1], float32[::1], int64)",
    ),
)


_PLAIN = {name: globals()[name] for name, _ in _SIGNATURES}
_LOCK = threading.Lock()
_STATE: list[bool] = []
"""Empty until :func:`available` has decided; then [whether the loops are compiled]."""


def available() -> bool:
    """Whether the compiled loops are in use (else the index takes its numpy path).

    The first call imports numba and compiles the loops (or loads them from numba's
    cache), so importing the package stays cheap for commands that never screen.
    Other threads wait for that first call (callers always ask before calling a loop).
    """
    if _STATE:
        return _STATE[0]
    with _LOCK:
        if not _STATE:
            _STATE.append(_compile_all())
    return _STATE[0]


def _compile_all() -> bool:
    compile_ = _compiler()
    if compile_ is None:
        return False
    names = globals()
    try:
        for name, signature in _SIGNATURES:  # bound one by one: callers find their callees
            names[name] = compile_(signature, _PLAIN[name])
    except Exception:  # a broken numba or llvmlite install: rank with numpy
        log.warning("numba could not compile the ranking loops: using numpy", exc_info=True)
        names.update(_PLAIN)
        return False
    return True
