"""Reliability probes of the LLM path: a trickling upstream, SSE pings, oversized answers and
absurd Retry-After values give the documented JSON answer (or an SSE `error` event) with the
expansion kept, and store nothing.
"""

from __future__ import annotations

import json

import pytest

from radpair.llm.client import MAX_ANSWER_CHARS
from radpair.llm.guard import MAX_ANSWER_BYTES
from tests.support.apps import STUB_API_KEY, bearer_headers, drafting_settings, running_app
from tests.support.assertions import assert_error_shape
from tests.support.llm_stub import Behaviour

API_KEY = STUB_API_KEY
QUERY = {"query": "insert normal chest"}


@pytest.fixture(scope="module")
def llm_app(settings, stub):
    """The app drafting through the stub, with a 2 s budget per draft."""
    with running_app(drafting_settings(settings, stub)) as application:
        yield application


@pytest.fixture()
def api(llm_app, stub):
    stub.reset()
    yield llm_app.test_client()
    stub.reset()


@pytest.fixture()
def headers(llm_app):
    return bearer_headers(llm_app, "probe")


def parse_sse(text: str) -> list[tuple[str, dict]]:
    events = []
    for block in text.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((lines["event"], json.loads(lines["data"])))
    return events


# Without the total deadline, each of the first two holds the request for the stub's full minute
# and ends 502 (the connection closes short); the caps turn the others from 200 into 502.
PROBES = [
    pytest.param(Behaviour(kind="trickle", interval_s=0.2), 504, "llm_timeout", id="trickle"),
    pytest.param(Behaviour(kind="ping", interval_s=0.2), 504, "llm_timeout", id="sse-pings"),
    pytest.param(
        Behaviour(kind="huge", answer_chars=MAX_ANSWER_CHARS + 1),
        502,
        "llm_unavailable",
        id="answer-over-the-character-cap",
    ),
    pytest.param(
        Behaviour(kind="huge", answer_chars=MAX_ANSWER_BYTES + 1),
        502,
        "llm_unavailable",
        id="answer-over-the-byte-cap",
    ),
    pytest.param(
        Behaviour(kind="rate_limit", retry_after="inf"), 503, "llm_rate_limited", id="inf"
    ),
    pytest.param(
        Behaviour(kind="rate_limit", retry_after="1e400"), 503, "llm_rate_limited", id="1e400"
    ),
    pytest.param(
        Behaviour(kind="rate_limit", retry_after="soon-ish"), 503, "llm_rate_limited", id="garbage"
    ),
]


def history_count(api, headers) -> int:
    return len(api.get("/history?limit=200", headers=headers).json["items"])


@pytest.mark.parametrize("behaviour, status, code", PROBES)
def test_a_hostile_upstream_gives_json_with_the_expansion_and_stores_nothing(
    api, stub, headers, behaviour, status, code
):
    stub.reset(default=behaviour)
    response = api.post("/process-command", json=QUERY, headers=headers)
    assert_error_shape(response, status, code)
    body = response.json
    assert body["expanded_query"] and "insert normal chest" not in body["expanded_query"]
    assert body["macros"][0]["phrase"] == "normal chest"
    stub.reset()
    assert history_count(api, headers) == 0


@pytest.mark.parametrize("behaviour, status, code", PROBES)
def test_a_hostile_upstream_ends_a_stream_with_an_error_event_and_stores_nothing(
    api, stub, headers, behaviour, status, code
):
    stub.reset(default=behaviour)
    with api.post(
        "/process-command", json=QUERY, headers={**headers, "Accept": "text/event-stream"}
    ) as response:
        events = parse_sse(response.get_data(as_text=True))
    assert events[0][0] == "macros"
    kind, data = events[-1]
    assert kind == "error"
    assert (data["error"], data["status"]) == (code, status)
    assert data["expanded_query"] and "insert normal chest" not in data["expanded_query"]
    stub.reset()
    assert history_count(api, headers) == 0


@pytest.mark.parametrize(
    "retry_after, expected", [("inf", "3600"), ("1e400", "3600"), ("soon-ish", "1"), ("-5", "1")]
)
def test_an_absurd_retry_after_is_passed_on_bounded(api, stub, headers, retry_after, expected):
    stub.reset(default=Behaviour(kind="rate_limit", retry_after=retry_after))
    response = api.post("/process-command", json=QUERY, headers=headers)
    assert_error_shape(response, 503, "llm_rate_limited")
    assert response.headers["Retry-After"] == expected
