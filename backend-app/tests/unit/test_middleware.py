"""The WSGI middleware under many threads at once, as gunicorn's gthread worker runs it."""

from __future__ import annotations

import sys
import threading

from radpair.middleware import RequestMiddleware


def test_request_ids_stay_unique_and_never_fail_when_many_threads_ask_at_once():
    seen: list[str] = []
    failures: list[BaseException] = []

    def app(environ, start_response):
        seen.append(environ["radpair.request_id"])
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    middleware = RequestMiddleware(app, cors_origins=())
    start = threading.Barrier(32)

    def hammer():
        start.wait()
        try:
            for _ in range(300):
                environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/status", "wsgi.input": None}
                b"".join(middleware(environ, lambda status, headers, exc_info=None: None))
        except BaseException as error:  # noqa: BLE001 - any failure is the finding
            failures.append(error)

    threads = [threading.Thread(target=hammer) for _ in range(32)]
    # Switch threads as often as the interpreter allows, so that a race shows at once.
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert failures == []
    assert len(seen) == 32 * 300 == len(set(seen))
