"""Failed attempts per key (a client address) within a sliding window, kept in memory.

The account lock in ``auth`` stops guessing one account's password; this stops one address from
trying a few passwords on many accounts. It is per process: behind several workers each counts its
own share, which only makes the limit looser by that factor.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class FailureWindow:
    """At most ``limit`` failures per key in the last ``seconds``; older ones are forgotten."""

    limit: int = 20
    seconds: float = 15 * 60
    clock: Callable[[], float] = time.monotonic
    _seen: dict[str, deque[float]] = field(default_factory=dict, repr=False)

    def blocked(self, key: str) -> bool:
        return self._pruned(key) >= self.limit

    def fail(self, key: str) -> None:
        self._pruned(key)
        self._seen.setdefault(key, deque()).append(self.clock())

    def _pruned(self, key: str) -> int:
        """Forget the key's failures older than the window; how many are left."""
        times = self._seen.get(key)
        if times is None:
            return 0
        horizon = self.clock() - self.seconds
        while times and times[0] <= horizon:
            times.popleft()
        if not times:
            del self._seen[key]  # the map does not grow with addresses seen long ago
        return len(times)
