"""An OpenAI-compatible chat-completions server on loopback, driven by the real `openai` SDK.

It stands in for the OpenAI service (the only part that cannot run here). Its answer is derived
from the request (the dictation laid out under FINDINGS/IMPRESSION, with an optional rewrite), so
tests check that what the model said reaches the client, and it records every request so tests
can assert what the model received (the expanded text, the session history, the bearer key).
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable


def draft_from_messages(messages: list[dict]) -> str:
    """The stub model's report: the last dictation under FINDINGS, its first line as IMPRESSION."""
    dictation = messages[-1]["content"].split("\n", 1)[-1].strip()
    first = dictation.split(". ")[0].rstrip(".")
    return f"FINDINGS:\n{dictation}\n\nIMPRESSION:\n{first}."


@dataclass
class Behaviour:
    """How the stub answers one request."""

    # ok | error | rate_limit | slow | malformed | cut_stream | close
    # | trickle (a byte every interval_s) | ping (SSE `: ping` comments only) | huge (answer_chars)
    kind: str = "ok"
    status: int = 500
    delay_s: float = 0.0
    retry_after: str = "7"
    rewrite: Callable[[str], str] | None = None
    # Stream in chunks of this many characters (0: word by word), to split a surrogate apart.
    chunk_chars: int = 0
    interval_s: float = 0.2
    answer_chars: int = 0
    # A stream's headers go out at once; then this wait before its first event, and this one
    # between events (a model producing tokens).
    first_token_delay_s: float = 0.0
    chunk_delay_s: float = 0.0
    # Streams in chunked encoding on a kept-alive connection (as OpenAI does), not until close.
    chunked: bool = False


@dataclass
class StubState:
    """What the stub will do and what it has seen."""

    default: Behaviour = field(default_factory=Behaviour)
    queue: list[Behaviour] = field(default_factory=list)
    requests: list[dict] = field(default_factory=list)
    # Streams whose client closed the connection before the answer's end.
    closed_early: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_behaviour(self) -> Behaviour:
        """The queued behaviour for this request, else the default."""
        with self.lock:
            return self.queue.pop(0) if self.queue else self.default


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; with Nagle on, the client's delayed ACK adds
    # 40 ms to every answer, which no real model server does.
    disable_nagle_algorithm = True
    state: StubState

    def log_message(self, *args):
        """Quiet: tests assert on recorded requests instead."""

    def _send(self, status: int, body: bytes, content_type="application/json", headers=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        """Answer /v1/chat/completions (or /chat/completions)."""
        length = int(self.headers.get("Content-Length") or 0)
        payload = json.loads(self.rfile.read(length) or b"{}")
        self.state.requests.append(
            {
                "path": self.path,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "json": payload,
            }
        )
        if not self.path.rstrip("/").endswith("/chat/completions"):
            return self._send(404, b'{"error": {"message": "not found"}}')
        behaviour = self.state.next_behaviour()
        if behaviour.delay_s:
            time.sleep(behaviour.delay_s)
        if behaviour.kind == "error":
            body = json.dumps({"error": {"message": "upstream failure", "type": "server_error"}})
            return self._send(behaviour.status, body.encode())
        if behaviour.kind == "rate_limit":
            body = json.dumps({"error": {"message": "slow down", "type": "rate_limit"}})
            return self._send(429, body.encode(), headers={"Retry-After": behaviour.retry_after})
        if behaviour.kind == "malformed":
            return self._send(200, b'{"id": "x", "choices": [ {"message": ')
        if behaviour.kind == "close":
            self.close_connection = True
            self.connection.shutdown(2)
            return None
        if behaviour.kind in ("trickle", "ping"):
            return self._trickle(behaviour, stream=bool(payload.get("stream")))
        text = draft_from_messages(payload["messages"])
        if behaviour.kind == "huge":
            text = ("Normal. " * (behaviour.answer_chars // 8 + 1))[: behaviour.answer_chars]
        if behaviour.rewrite:
            text = behaviour.rewrite(text)
        model = payload.get("model", "stub-model")
        if payload.get("stream"):
            return self._stream(text, model, behaviour)
        body = {
            "id": f"chatcmpl-{uuid.uuid4().hex}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }
        return self._send(200, json.dumps(body).encode())

    def _trickle(self, behaviour: Behaviour, stream: bool):
        """Headers at once, then a byte (or an SSE comment) per interval, for up to a minute."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream" if stream else "application/json")
        if not stream:
            self.send_header("Content-Length", "100000")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        piece = b": ping\n\n" if behaviour.kind == "ping" else b" "
        ends = time.monotonic() + 60
        try:
            while time.monotonic() < ends:
                self.wfile.write(piece)
                self.wfile.flush()
                time.sleep(behaviour.interval_s)
        except OSError:
            return  # the client gave up: what a deadline is for

    def _stream(self, text: str, model: str, behaviour: Behaviour):
        cut = behaviour.kind == "cut_stream"
        big = behaviour.kind == "huge"
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self._chunked = behaviour.chunked and not cut
        if self._chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        words = text.split(" ")
        chunks = [w + (" " if i < len(words) - 1 else "") for i, w in enumerate(words)]
        if big:
            # A huge answer in few events, so the client's cap, not its speed, decides the test.
            chunks = [text[i : i + 8192] for i in range(0, len(text), 8192)]
        elif behaviour.chunk_chars:
            size = behaviour.chunk_chars
            chunks = [text[i : i + size] for i in range(0, len(text), size)]
        if cut:
            chunks = chunks[: max(1, len(chunks) // 2)]
        try:
            self._send_chunks(chunks, model, behaviour, cut)
        except OSError:
            # The client hung up mid-answer (a real server would stop generating here).
            with self.state.lock:
                self.state.closed_early += 1

    def _send_chunks(self, chunks: list[str], model: str, behaviour: Behaviour, cut: bool):
        if behaviour.first_token_delay_s:
            self.wfile.flush()
            time.sleep(behaviour.first_token_delay_s)
        for index, chunk in enumerate(chunks):
            if index and behaviour.chunk_delay_s:
                time.sleep(behaviour.chunk_delay_s)
            event = {
                "id": "chatcmpl-stream",
                "object": "chat.completion.chunk",
                "created": int(time.time()),
                "model": model,
                "choices": [{"index": 0, "delta": {"content": chunk}, "finish_reason": None}],
            }
            self._write(f"data: {json.dumps(event)}\n\n".encode())
        if cut:
            # The connection drops mid-answer: no finish_reason, no [DONE].
            self.wfile.write(b'data: {"id": "chatcmpl-stream", "choi')
            self.wfile.flush()
            self.connection.shutdown(2)
            return
        done = {
            "id": "chatcmpl-stream",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": model,
            "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
        }
        self._write(f"data: {json.dumps(done)}\n\ndata: [DONE]\n\n".encode())
        if self._chunked:
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()

    def _write(self, data: bytes) -> None:
        if self._chunked:
            data = b"%x\r\n%s\r\n" % (len(data), data)
        self.wfile.write(data)
        self.wfile.flush()


class LLMStub:
    """The running stub: its base URL, its behaviour and its recorded requests."""

    def __init__(self, backlog: int = 256):
        self.state = StubState()
        handler = type("StubHandler", (_Handler,), {"state": self.state})
        # A deep accept backlog: 64 clients connecting at once must not wait on SYN retries.
        server_class = type(
            "StubServer",
            (ThreadingHTTPServer,),
            # Clients that time out hang up on a slow answer; that is the point, not an error.
            {"request_queue_size": backlog, "handle_error": lambda self, request, address: None},
        )
        self.server = server_class(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> "LLMStub":
        """Serve in a background thread."""
        self.thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self.server.shutdown()
        self.server.server_close()

    def reset(self, default: Behaviour | None = None) -> None:
        """Forget requests and queued behaviours."""
        with self.state.lock:
            self.state.requests.clear()
            self.state.queue.clear()
            self.state.closed_early = 0
            self.state.default = default or Behaviour()

    def then(self, *behaviours: Behaviour) -> None:
        """Queue behaviours for the next requests, in order."""
        with self.state.lock:
            self.state.queue.extend(behaviours)

    @property
    def closed_early(self) -> int:
        """Streams the client closed before their end."""
        return self.state.closed_early

    @property
    def requests(self) -> list[dict]:
        """Requests received so far."""
        return list(self.state.requests)
