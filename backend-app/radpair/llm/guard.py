"""Bounds on what one upstream call may cost: a total deadline over every socket read, and a cap
on the bytes of one answer.

httpx's timeouts are per read, so an upstream that trickles a byte every half second (or sends
only SSE `: ping` comments) would hold a request forever. Here every read of the connection waits
at most until the call's deadline (and at most LLM_IDLE_TIMEOUT_S), whatever arrives meanwhile,
and an answer stops being read once it passes MAX_ANSWER_BYTES.
"""

from __future__ import annotations

import itertools
import math
import threading
import time
from contextvars import ContextVar

try:  # openai 3 ships its HTTP stack as httpx2/httpcore2; earlier versions use httpx/httpcore.
    import httpcore2 as httpcore
    import httpx2 as httpx
except ImportError:  # pragma: no cover - depends on the installed openai
    import httpcore
    import httpx

# Longest silence tolerated between two reads of one answer (capped by the total deadline).
IDLE_TIMEOUT_S = 10.0
# Raw bytes of one upstream answer: a JSON completion, or a whole SSE stream.
MAX_ANSWER_BYTES = 8 * 1024 * 1024
# Connection pools the threads are spread over. httpcore walks every connection of its pool, under
# the pool's lock, when a request starts and when its answer ends: one pool shared by 500 threads
# in flight cost ~2 ms more CPU per call than 16 pools of ~32 threads (BENCHMARKS.md, issue #14).
POOL_SHARDS = 16

# The monotonic deadline of the LLM call running in this thread (None: no bound).
call_deadline: ContextVar[float | None] = ContextVar("llm_call_deadline", default=None)
# Until the answer starts (a JSON answer's headers, a stream's first event), reads end by this
# earlier deadline too (LLM_FIRST_TOKEN_TIMEOUT_S); None once it has started.
first_token_deadline: ContextVar[float | None] = ContextVar("llm_first_token", default=None)


class AnswerTooLargeError(httpx.ReadError):
    """The upstream answer passed MAX_ANSWER_BYTES; reading stopped there."""


def _bounded(timeout: float | None) -> float | None:
    deadline = call_deadline.get()
    first = first_token_deadline.get()
    if first is not None:
        deadline = first if deadline is None else min(deadline, first)
    if deadline is None:
        return timeout
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise httpcore.ReadTimeout("the call's total deadline passed")
    return remaining if timeout is None else min(timeout, remaining)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the current call's deadline."""

    def __init__(self, inner):
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        """Read, waiting no later than the deadline."""
        return self._inner.read(max_bytes, _bounded(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        """Write, waiting no later than the deadline."""
        self._inner.write(buffer, _bounded(timeout))

    def close(self) -> None:
        """Close the connection."""
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None):
        """Upgrade to TLS; the TLS stream is bounded the same way."""
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str):
        """What the wrapped stream knows."""
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    """Opens connections wrapped in _DeadlineStream."""

    def __init__(self, inner):
        self._inner = inner

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        """Connect by TCP."""
        stream = self._inner.connect_tcp(
            host, port, _bounded(timeout), local_address, socket_options
        )
        return _DeadlineStream(stream)

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        """Connect by Unix socket."""
        return _DeadlineStream(
            self._inner.connect_unix_socket(path, _bounded(timeout), socket_options)
        )

    def sleep(self, seconds: float) -> None:
        """Sleep (used by connection retries)."""
        self._inner.sleep(seconds)


class _CappedBody(httpx.SyncByteStream):
    """A response body that stops past `limit` bytes or past the call's deadline."""

    def __init__(self, inner, limit: int):
        self._inner = inner
        self._limit = limit

    def __iter__(self):
        """The body's chunks, until the cap."""
        total = 0
        for chunk in self._inner:
            total += len(chunk)
            deadline = call_deadline.get()
            if deadline is not None and time.monotonic() > deadline:
                raise httpx.ReadTimeout("the call's total deadline passed")
            if total > self._limit:
                raise AnswerTooLargeError(f"the answer passed {self._limit} bytes")
            yield chunk

    def close(self) -> None:
        """Close the body (and release the connection)."""
        self._inner.close()


class GuardedTransport(httpx.BaseTransport):
    """httpx's transport with deadline-bounded reads and a cap on each answer's bytes.

    Each thread keeps to one of `shards` connection pools (assigned in turn on its first call),
    each with its share of `limits`; a pool's connections stay with the threads that opened them.
    """

    def __init__(self, limits, max_answer_bytes: int = MAX_ANSWER_BYTES, shards: int = POOL_SHARDS):
        self._max = max_answer_bytes
        # One TLS context for every pool: building one reads the CA bundle.
        ssl_context = httpx.create_ssl_context()
        share = httpx.Limits(
            max_connections=_share(limits.max_connections, shards),
            max_keepalive_connections=_share(limits.max_keepalive_connections, shards),
            keepalive_expiry=limits.keepalive_expiry,
        )
        self._shards = [_deadline_bounded(ssl_context, share) for _ in range(shards)]
        self._turn = itertools.count()
        self._local = threading.local()

    def _transport(self):
        try:
            return self._local.transport
        except AttributeError:
            # next() on itertools.count is atomic under the GIL: threads are spread evenly.
            transport = self._shards[next(self._turn) % len(self._shards)]
            self._local.transport = transport
            return transport

    def handle_request(self, request):
        """Send the request; the answer's body is capped."""
        response = self._transport().handle_request(request)
        if not response.headers.get("content-type", "").startswith("text/event-stream"):
            # A whole answer has started; a stream starts with its first event (llm/client.py).
            first_token_deadline.set(None)
        response.stream = _CappedBody(response.stream, self._max)
        return response

    def close(self) -> None:
        """Close every pooled connection."""
        for transport in self._shards:
            transport.close()


def _share(total: int | None, shards: int) -> int | None:
    return None if total is None else max(1, math.ceil(total / shards))


def _deadline_bounded(ssl_context, limits):
    """httpx's own transport whose connections end every read by the call's deadline."""
    transport = httpx.HTTPTransport(verify=ssl_context, limits=limits)
    pool = getattr(transport, "_pool", None)
    # httpx does not expose the network backend; should a new httpx hide it, the deadline
    # still holds between body chunks (_CappedBody), just not while headers trickle in.
    if pool is not None and hasattr(pool, "_network_backend"):
        pool._network_backend = _DeadlineBackend(pool._network_backend)
    return transport


def call_timeout(remaining_s: float):
    """The timeouts of one attempt: the whole remaining budget, and the idle bound per read."""
    return httpx.Timeout(remaining_s, read=min(IDLE_TIMEOUT_S, remaining_s))


def guarded_http_client(timeout_s: float):
    """The SDK's default HTTP client on a GuardedTransport, closed when garbage collected."""
    import openai

    class _Client(openai.DefaultHttpxClient):
        def __del__(self) -> None:
            # As the SDK's own default client does: pooled keep-alive sockets are not leaked.
            if not self.is_closed:
                try:
                    self.close()
                except Exception:  # noqa: BLE001 - interpreter shutdown
                    pass

    limits = httpx.Limits(max_connections=1000, max_keepalive_connections=100)
    return _Client(transport=GuardedTransport(limits), timeout=call_timeout(timeout_s))
