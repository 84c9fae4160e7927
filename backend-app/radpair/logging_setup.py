"""Structured JSON logs: one object per line, each with the request id, secrets masked."""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from contextvars import ContextVar

from radpair.phi import scrub

request_id_var: ContextVar[str] = ContextVar("request_id", default="-")


def current_request_id() -> str:
    """The id of the request being served (the one every log line carries)."""
    return request_id_var.get()


# Belt and braces: whatever a log message carries, secrets are masked before it is written.
_SECRET_PATTERNS = [
    re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+"),
    re.compile(r"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*"),
    re.compile(r"sk-[A-Za-z0-9_-]{8,}"),
    re.compile(r"(?i)(\"?password\"?\s*[:=]\s*)\"[^\"]*\""),
]


_SECRET_MARKERS = ("earer", "eyJ", "sk-", "assword")


def redact(text: str) -> str:
    """Mask tokens, API keys and passwords in a log message."""
    # Most lines hold none of the markers; skip the regexes for them (this runs on every request).
    if not any(marker in text for marker in _SECRET_MARKERS):
        return text
    for pattern in _SECRET_PATTERNS:
        text = pattern.sub(lambda m: (m.group(1) if m.groups() else "") + "[REDACTED]", text)
    return text


_second_cache: list = [None, ""]


def _cached_second(second: int) -> str:
    if _second_cache[0] != second:
        # strftime once per second, not once per line.
        _second_cache[:] = [second, time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(second))]
    return _second_cache[1]


def _timestamp(record: logging.LogRecord) -> str:
    return f"{_cached_second(int(record.created))}.{int(record.msecs):03d}Z"


class JsonFormatter(logging.Formatter):
    """One JSON object per line."""

    def format(self, record: logging.LogRecord) -> str:
        """Render a record as JSON with the current request id."""
        payload = {
            "ts": _timestamp(record),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", None) or request_id_var.get(),
            # Identifiers never reach the logs, whatever a message or a traceback carries.
            "message": scrub(redact(record.getMessage())),
        }
        for key in ("method", "path", "status", "duration_ms", "user_id"):
            if hasattr(record, key):
                payload[key] = getattr(record, key)
        if record.exc_info:
            payload["exception"] = scrub(redact(self.formatException(record.exc_info)))
        return json.dumps(payload, ensure_ascii=False)


_access = {"handler": None, "enabled": True, "raw": None}


def configure_logging(level: str = "INFO") -> None:
    """Send every logger to stderr as JSON."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    _access["handler"] = handler
    # The raw file under stderr: one write() per line is atomic for lines this short, so
    # request threads need no Python lock (a contended lock cost more than the line itself).
    _access["raw"] = getattr(getattr(handler.stream, "buffer", None), "raw", None)
    _access["enabled"] = logging.getLogger("radpair.access").isEnabledFor(logging.INFO)
    for noisy in ("werkzeug", "httpx", "httpcore", "httpx2", "httpcore2", "openai", "psycopg.pool"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def log_access(request_id: str, method: str, path: str, status, duration_ms, user_id) -> None:
    """Write one access-log line: the same JSON shape, without a LogRecord per request."""
    handler = _access["handler"]
    if handler is None or not _access["enabled"]:
        return
    now = time.time()
    line = json.dumps(
        {
            "ts": f"{_cached_second(int(now))}.{int(now * 1000) % 1000:03d}Z",
            "level": "INFO",
            "logger": "radpair.access",
            "request_id": request_id,
            "message": "request",
            "method": method,
            "path": redact(path[:1024]),
            "status": status,
            "duration_ms": duration_ms,
            "user_id": user_id,
        },
        ensure_ascii=False,
    )
    raw = _access.get("raw")
    if raw is not None:
        raw.write((line + "\n").encode("utf-8"))
        return
    with handler.lock:
        handler.stream.write(line + "\n")
        handler.stream.flush()
