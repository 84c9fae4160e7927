"""Fakes for unit tests of handlers: what the real database offers, without one."""

from __future__ import annotations

from contextlib import contextmanager


class FakeDatabase:
    """Hands out a connection-shaped token; counts commits and rollbacks of transactions."""

    def __init__(self):
        self.commits = 0
        self.rollbacks = 0

    @contextmanager
    def transaction(self):
        """One transaction: committed when the block ends, rolled back when it raises."""
        try:
            yield object()
        except Exception:
            self.rollbacks += 1
            raise
        self.commits += 1

    @contextmanager
    def statements(self):
        """Statements that each commit on their own (reads): nothing to count."""
        yield object()
