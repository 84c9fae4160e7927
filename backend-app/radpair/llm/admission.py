"""Backpressure for LLM-bound requests: at most LLM_MAX_IN_FLIGHT at once per worker process.

A request past the limit is refused at once (503 `overloaded` with Retry-After) instead of
waiting in a queue it cannot see the end of. The count is per process: each gunicorn worker has
its own, and a threading lock is correct under gthread (real threads) and gevent (greenlets).
"""

from __future__ import annotations

import threading

from radpair.exceptions import OverloadedError
from radpair.limits import OVERLOADED_RETRY_AFTER_S


class InFlightLimit:
    """A non-blocking counting limit."""

    def __init__(self, limit: int):
        self.limit = limit
        self._count = 0
        self._lock = threading.Lock()

    @property
    def in_flight(self) -> int:
        """Slots held right now."""
        return self._count

    def acquire(self) -> "Slot":
        """A slot, or OverloadedError at once when every slot is taken."""
        with self._lock:
            if self._count >= self.limit:
                raise OverloadedError(headers={"Retry-After": str(OVERLOADED_RETRY_AFTER_S)})
            self._count += 1
        return Slot(self)

    def _release(self) -> None:
        with self._lock:
            self._count -= 1


class Slot:
    """One held place; releasing it twice is harmless (close paths may overlap)."""

    def __init__(self, owner: InFlightLimit):
        self._owner = owner
        self._held = True

    def release(self) -> None:
        """Give the place back (once)."""
        if self._held:
            self._held = False
            self._owner._release()

    def __enter__(self) -> "Slot":
        return self

    def __exit__(self, *exc) -> None:
        self.release()


class HeldStream:
    """An iterator that holds a slot until it is exhausted, closed or collected."""

    def __init__(self, inner, slot: Slot):
        self._inner = inner
        self._slot = slot

    def __iter__(self):
        return self

    def __next__(self):
        try:
            return next(self._inner)
        except BaseException:
            # Exhausted or failed: the work is over either way.
            self._slot.release()
            raise

    def close(self) -> None:
        """Close the inner generator (ending any upstream call) and give the slot back."""
        try:
            close = getattr(self._inner, "close", None)
            if close is not None:
                close()
        finally:
            self._slot.release()

    def __del__(self) -> None:
        # A response the server never started (client gone before the first byte) is only
        # collected, never closed.
        self._slot.release()
