"""An LRU cache bounded both in entries and in (estimated) bytes, safe to share with worker threads."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class BoundedCache(Generic[K, V]):
    """Forgets the least recently used entries while more than `max_entries` or `max_bytes` are held.

    Each entry carries the weight its caller estimated; an entry heavier than `max_entry_bytes` is not kept
    at all (it would evict many small ones and be evicted itself soon after).
    """

    def __init__(self, max_entries: int, max_bytes: int, max_entry_bytes: int | None = None) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.max_entry_bytes = max_bytes if max_entry_bytes is None else max_entry_bytes
        self._entries: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._bytes = 0
        # Preparation runs in worker threads; the event loop reads at the same time.
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            self._entries.move_to_end(key)
            return entry[0]

    def put(self, key: K, value: V, weight: int) -> bool:
        """Keep `value` under `key`; False (and nothing kept) when it alone is heavier than allowed."""
        if weight > self.max_entry_bytes or self.max_entries <= 0:
            return False
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self._bytes -= previous[1]
            self._entries[key] = (value, weight)
            self._bytes += weight
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self._bytes -= dropped
        return True

    @property
    def bytes(self) -> int:
        """The estimated bytes held now."""
        return self._bytes

    def __len__(self) -> int:
        return len(self._entries)
