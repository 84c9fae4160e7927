"""The guarded transport spreads threads evenly over its connection pools, each thread keeping to
one, and shares the connection limits out among them."""

from __future__ import annotations

import sys
import threading

import pytest

from radpair.llm.guard import GuardedTransport, httpx


def pools_seen(transport: GuardedTransport, threads: int) -> list[list[object]]:
    """For each of `threads` threads, the pool it used on each of three calls."""
    seen: list[list[object]] = [[] for _ in range(threads)]

    def calls(index: int) -> None:
        seen[index] = [transport._transport() for _ in range(3)]

    workers = [threading.Thread(target=calls, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return seen


@pytest.mark.parametrize("threads, shards", [(8, 4), (10, 4), (3, 16)])
def test_threads_are_spread_evenly_and_each_keeps_its_pool(threads, shards):
    transport = GuardedTransport(httpx.Limits(max_connections=100), shards=shards)
    seen = pools_seen(transport, threads)
    assert all(len(set(map(id, calls))) == 1 for calls in seen)
    per_pool = [sum(calls[0] is pool for calls in seen) for pool in transport._shards]
    assert max(per_pool) - min(per_pool) <= 1
    assert sum(per_pool) == threads


@pytest.mark.parametrize(
    "total, keepalive, shards, expected",
    [
        (1000, 100, 16, (63, 7)),
        (64, 16, 16, (4, 1)),
        (10, 2, 16, (1, 1)),
        # httpcore counts "no limit" as sys.maxsize.
        (None, None, 4, (sys.maxsize, sys.maxsize)),
    ],
)
def test_the_connection_limits_are_shared_out(total, keepalive, shards, expected):
    limits = httpx.Limits(max_connections=total, max_keepalive_connections=keepalive)
    transport = GuardedTransport(limits, shards=shards)
    for pool in transport._shards:
        inner = pool._pool
        assert (inner._max_connections, inner._max_keepalive_connections) == expected
