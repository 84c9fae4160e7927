"""gunicorn's own answers and log lines in the service's formats (used by gunicorn.conf.py).

gunicorn answers a request it cannot parse (a request line over `limit_request_line`: 414,
oversized or malformed headers: 431/400) before the app sees it, with an HTML page, and logs
with its own text format. Here those answers become `{success: false, error, message}` JSON and
its log lines the same JSON lines as the app's.
"""

from __future__ import annotations

import ctypes
import json

_CODES = {
    400: "bad_request",
    403: "forbidden",
    414: "uri_too_long",
    417: "expectation_failed",
    431: "headers_too_large",
    500: "internal_error",
    501: "not_implemented",
}

# mallopt(3) parameter numbers, from glibc's <malloc.h>.
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8
MALLOC_ARENA_MAX = 2
# Above this size a block is mapped on its own and returned to the system when freed.
MALLOC_MMAP_THRESHOLD_BYTES = 1024 * 1024

# Handlers and formatters replace gunicorn's defaults (its dictConfig merges top-level keys).
LOGCONFIG = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"level": "INFO", "handlers": []},
    "formatters": {"json": {"()": "radpair.logging_setup.JsonFormatter"}},
    "handlers": {
        "json_stderr": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stderr",
        }
    },
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["json_stderr"], "propagate": False},
        # The app writes its own access log (radpair.access); gunicorn's stays off.
        "gunicorn.access": {"level": "WARNING", "handlers": ["json_stderr"], "propagate": False},
    },
}


def json_error(status: int, reason: str) -> bytes:
    """A complete HTTP/1.1 error response with the API's JSON error body."""
    body = json.dumps(
        {"success": False, "error": _CODES.get(status, "bad_request"), "message": reason + "."}
    ).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\n"
        "Connection: close\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n"
        "X-Content-Type-Options: nosniff\r\n"
        "Cache-Control: no-store\r\n"
        "\r\n"
    )
    return head.encode("latin-1") + body


def write_json_error(sock, status_int, reason, mesg) -> None:
    """Drop-in for gunicorn.util.write_error; `mesg` (which echoes the bad input) is not sent."""
    from gunicorn import util

    util.write_nonblock(sock, json_error(int(status_int), str(reason)))


def install_json_errors() -> None:
    """Make gunicorn's own error answers JSON (its workers call util.write_error at call time)."""
    from gunicorn import util

    util.write_error = write_json_error


def cap_malloc_retention() -> bool:
    """Keep worker memory flat under glibc: two malloc arenas, big blocks unmapped on free.

    Each argon2 hash (radpair/auth/passwords.py) takes a 19 MiB block. glibc's default raises its
    mmap threshold to the size of the last large block freed, so after the first login these
    blocks come from the arenas and stay resident: one more per arena a concurrent login lands
    in, and glibc gives every thread its own arena. Measured with 100 logins, 16 at a time, on
    two workers: 176-195 MiB each with two arenas alone, 117 MiB each with a fixed 1 MiB
    threshold too (a fixed threshold ends the dynamic one); the soak's whole server 351-370 MiB
    against 273 MiB, at the same request rate. Applied by the gunicorn master before it forks,
    so every worker inherits it; returns False where the C library is not glibc (its allocator
    has neither setting).
    """
    try:
        libc = ctypes.CDLL(None)
        mallopt, _ = libc.mallopt, libc.gnu_get_libc_version
    except (OSError, AttributeError):
        return False
    arenas = mallopt(_M_ARENA_MAX, MALLOC_ARENA_MAX)
    threshold = mallopt(_M_MMAP_THRESHOLD, MALLOC_MMAP_THRESHOLD_BYTES)
    return bool(arenas and threshold)
