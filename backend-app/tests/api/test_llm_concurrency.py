"""LLM-bound concurrency: the in-flight limit (503 + Retry-After at once), the first-token
timeout apart from the total one, and a client leaving mid-stream (upstream closed, nothing
stored)."""

from __future__ import annotations

import threading
import time

import pytest

from radpair.limits import OVERLOADED_RETRY_AFTER_S
from tests.support.apps import STUB_API_KEY, bearer_headers, drafting_settings, running_app
from tests.support.assertions import assert_error_shape
from tests.support.llm_stub import Behaviour

API_KEY = STUB_API_KEY
LIMIT = 2
QUERY = {"query": "insert normal chest. Left rib fracture."}
SSE = {"Accept": "text/event-stream"}


@pytest.fixture(scope="module")
def llm_app(settings, stub):
    """Drafting through the stub: 2 drafts in flight at most, 0.5 s to the first token."""
    drafting = drafting_settings(
        settings,
        stub,
        llm_timeout_s=4.0,
        llm_first_token_timeout_s=0.5,
        llm_max_retries=0,
        llm_max_in_flight=LIMIT,
    )
    with running_app(drafting) as application:
        yield application


@pytest.fixture()
def api(llm_app, stub):
    stub.reset()
    yield llm_app.test_client()
    stub.reset()


@pytest.fixture()
def headers(llm_app):
    return bearer_headers(llm_app, "load")


def history_count(api, headers) -> int:
    return len(api.get("/history?limit=200", headers=headers).json["items"])


def wait_for(condition, seconds: float = 10.0) -> bool:
    """Poll `condition` until it holds or `seconds` pass (a bound, not a timing assertion)."""
    ends = time.monotonic() + seconds
    while time.monotonic() < ends:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def hold_drafts(llm_app, headers, count: int) -> tuple[list[threading.Thread], list]:
    """`count` JSON drafts running in threads (the stub holds each answer)."""
    statuses: list = []

    def draft():
        response = llm_app.test_client().post("/process-command", json=QUERY, headers=headers)
        statuses.append(response.status_code)

    threads = [threading.Thread(target=draft) for _ in range(count)]
    for thread in threads:
        thread.start()
    return threads, statuses


@pytest.mark.parametrize("accept", [{}, SSE], ids=["json", "sse"])
def test_past_the_in_flight_limit_the_answer_is_503_at_once_with_retry_after(
    llm_app, api, stub, headers, accept
):
    # The stub starts answering within the first-token bound, then holds the draft for 1.5 s.
    stub.reset(default=Behaviour(delay_s=0.3, chunk_delay_s=0.1))
    threads, statuses = hold_drafts(llm_app, headers, LIMIT)
    assert wait_for(lambda: len(stub.requests) == LIMIT)
    refused = api.post("/process-command", json=QUERY, headers={**headers, **accept})
    assert_error_shape(refused, 503, "overloaded")
    assert refused.headers["Retry-After"] == str(OVERLOADED_RETRY_AFTER_S)
    assert refused.mimetype == "application/json"
    assert len(stub.requests) == LIMIT  # the refused one never reached the model
    for thread in threads:
        thread.join()
    assert statuses == [200] * LIMIT
    assert llm_app.extensions["radpair"].llm_in_flight.in_flight == 0
    accepted = api.post("/process-command", json=QUERY, headers={**headers, **accept})
    assert accepted.status_code == 200


def test_a_refused_or_invalid_request_gives_its_slot_back(llm_app, api, headers):
    for _ in range(LIMIT + 1):
        response = api.post(
            "/process-command", json={"query": ""}, headers={**headers, "Accept": SSE["Accept"]}
        )
        assert_error_shape(response, 400, "invalid_request")
    assert llm_app.extensions["radpair"].llm_in_flight.in_flight == 0


def test_a_model_that_does_not_start_in_time_is_504_json(api, stub, headers):
    # The whole budget (4 s) would let it answer; the first-token bound (0.5 s) does not.
    stub.reset(default=Behaviour(delay_s=1.5))
    response = api.post("/process-command", json=QUERY, headers=headers)
    assert_error_shape(response, 504, "llm_timeout")
    assert "did not start answering within 0.5 s" in response.json["message"]
    assert response.json["expanded_query"]
    stub.reset()
    assert history_count(api, headers) == 0


def test_a_stream_whose_first_token_is_late_ends_with_a_timeout_event(api, stub, headers):
    stub.reset(default=Behaviour(first_token_delay_s=1.5))
    with api.post("/process-command", json=QUERY, headers={**headers, **SSE}) as response:
        assert response.status_code == 200
        text = response.get_data(as_text=True)
    assert "event: error" in text and '"llm_timeout"' in text
    assert "did not start answering within 0.5 s" in text
    stub.reset()
    assert history_count(api, headers) == 0


@pytest.mark.parametrize("accept", [{}, SSE], ids=["json", "sse"])
def test_a_model_that_starts_in_time_may_take_longer_than_the_first_token_bound(
    api, stub, headers, accept
):
    # ~20 chunks 0.1 s apart: 2 s of answer, four times the first-token bound, within the total.
    stub.reset(default=Behaviour(delay_s=0.2, chunk_delay_s=0.1))
    response = api.post("/process-command", json=QUERY, headers={**headers, **accept})
    assert response.status_code == 200
    text = response.get_data(as_text=True)  # a stream runs as it is read
    assert ("event: done" in text) if accept else response.json["success"]
    assert history_count(api, headers) == 1


def test_a_client_leaving_mid_stream_closes_the_upstream_call_and_stores_nothing(
    llm_app, api, stub, headers
):
    stub.reset(default=Behaviour(chunk_delay_s=0.1))
    response = api.post("/process-command", json=QUERY, headers={**headers, **SSE}, buffered=False)
    assert response.status_code == 200
    received = b""
    chunks = iter(response.response)
    while b"event: delta" not in received:
        received += next(chunks)
    response.close()  # what the WSGI server does when the client's socket is gone
    assert wait_for(lambda: stub.closed_early == 1)
    assert llm_app.extensions["radpair"].llm_in_flight.in_flight == 0
    stub.reset()
    assert history_count(api, headers) == 0
