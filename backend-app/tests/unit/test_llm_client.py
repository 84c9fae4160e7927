"""The LLM client is configured from Settings alone, whatever the SDK would read by itself, and
reads answers (whole or streamed) as the SDK's typed models and Stream did."""

from __future__ import annotations

import json

import pytest

from radpair.exceptions import LLMUnavailableError
from radpair.llm.client import OPENAI_DEFAULT_BASE_URL, LLMClient
from radpair.llm.guard import httpx
from radpair.settings import Settings


@pytest.mark.parametrize("stray_env_value", ["", "http://127.0.0.1:9/v1"])
def test_an_unset_base_url_means_openai_even_when_the_sdk_variable_is_set(
    monkeypatch, stray_env_value
):
    # Compose templates carry OPENAI_BASE_URL: "" and Settings reads that as unset; the SDK
    # must not then pick the variable up itself.
    monkeypatch.setenv("OPENAI_BASE_URL", stray_env_value)
    client = LLMClient(Settings.from_environment({"OPENAI_API_KEY": "sk-test"}))
    assert str(client._client.base_url).rstrip("/") == OPENAI_DEFAULT_BASE_URL


def test_a_configured_base_url_is_used():
    settings = Settings.from_environment(
        {"OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": "http://127.0.0.1:8123/v1"}
    )
    assert str(LLMClient(settings)._client.base_url).rstrip("/") == "http://127.0.0.1:8123/v1"


# -- answers read as plain JSON (no typed SDK models): what the typed models gave ---------------

MODEL = "configured-model"


def client_answering(handler) -> LLMClient:
    """A client whose upstream is `handler` (httpx's mock transport), with no retries."""
    settings = Settings(
        openai_api_key="sk-test",
        openai_base_url="http://upstream.test/v1",
        openai_model=MODEL,
        llm_max_retries=0,
        llm_timeout_s=2.0,
    )
    client = LLMClient(settings)
    client._client = client._client.with_options(
        http_client=httpx.Client(transport=httpx.MockTransport(handler))
    )
    return client


def completion(content, **extra) -> dict:
    return {"id": "x", "choices": [{"index": 0, "message": {"content": content}}], **extra}


def answer(body, content_type: str = "application/json"):
    payload = body if isinstance(body, bytes) else json.dumps(body).encode()
    return lambda request: httpx.Response(
        200, content=payload, headers={"Content-Type": content_type}
    )


EMPTY = "The language model returned an empty draft."
INVALID = "The language model service sent an invalid answer."
JSON_ANSWERS = [
    pytest.param(completion("Draft.", model="m-1"), "application/json", ("Draft.", "m-1"), id="ok"),
    pytest.param(completion("Draft."), "application/json", ("Draft.", MODEL), id="no-model"),
    pytest.param(
        completion("Draft.", model=None), "application/json", ("Draft.", MODEL), id="null-model"
    ),
    pytest.param(
        completion("Draft.", model="m-2"), "text/plain", ("Draft.", "m-2"), id="json-labelled-text"
    ),
    pytest.param(completion("  "), "application/json", EMPTY, id="blank-draft"),
    pytest.param(completion(None), "application/json", EMPTY, id="null-content"),
    pytest.param({"choices": []}, "application/json", EMPTY, id="no-choices"),
    pytest.param({"choices": [{"message": None}]}, "application/json", EMPTY, id="null-message"),
    pytest.param(completion(["parts"]), "application/json", INVALID, id="content-not-text"),
    pytest.param({"choices": "oops"}, "application/json", INVALID, id="choices-not-a-list"),
    pytest.param([1, 2], "application/json", INVALID, id="not-an-object"),
    pytest.param(b"<html>busy</html>", "text/html", INVALID, id="not-json"),
]


@pytest.mark.parametrize("body, content_type, expected", JSON_ANSWERS)
def test_a_json_answer_gives_the_draft_or_the_error_the_typed_models_gave(
    body, content_type, expected
):
    client = client_answering(answer(body, content_type))
    if isinstance(expected, tuple):
        result = client.complete([{"role": "user", "content": "x"}])
        assert (result.text, result.model) == expected
    else:
        with pytest.raises(LLMUnavailableError) as raised:
            client.complete([{"role": "user", "content": "x"}])
        assert raised.value.message == expected


def sse(*events: str, done: bool = True) -> bytes:
    body = "".join(f"data: {event}\n\n" for event in events)
    return (body + ("data: [DONE]\n\n" if done else "")).encode()


def chunk(text: str | None = None, finish: str | None = None) -> str:
    delta = {"content": text} if text is not None else {}
    return json.dumps({"choices": [{"index": 0, "delta": delta, "finish_reason": finish}]})


STREAMS = [
    pytest.param(sse(chunk("Left "), chunk("lung."), chunk(finish="stop")), "Left lung.", id="ok"),
    pytest.param(
        sse(chunk("A"), chunk(finish="stop")).replace(b"\n", b"\r\n"), "A", id="crlf-line-ends"
    ),
    pytest.param(
        b"event: thread.run\ndata: {}\n\n" + sse(chunk("A"), chunk(finish="stop")),
        "A",
        id="thread-event-skipped",
    ),
    pytest.param(
        sse(chunk("A"), chunk(finish="stop")) + b"data: not json\n\n", "A", id="after-done-unread"
    ),
    pytest.param(sse(chunk("A"), '{"error": {"message": "boom"}}'), None, id="error-event"),
    pytest.param(sse(chunk("A"), "not json"), INVALID, id="not-json"),
    pytest.param(sse(chunk("A"), "[1]"), INVALID, id="not-an-object"),
    pytest.param(sse(chunk("A"), done=False), "The language model's answer was cut off.", id="cut"),
]


@pytest.mark.parametrize("body, expected", STREAMS)
def test_a_streamed_answer_gives_the_chunks_or_the_error_the_sdk_stream_gave(body, expected):
    client = client_answering(answer(body, "text/event-stream"))
    if expected is not None and not expected.startswith("The "):
        assert "".join(client.stream([{"role": "user", "content": "x"}])) == expected
    else:
        with pytest.raises(LLMUnavailableError) as raised:
            list(client.stream([{"role": "user", "content": "x"}]))
        assert raised.value.message == (expected or LLMUnavailableError.default_message)


class _BreaksMidway(httpx.SyncByteStream):
    """One event, then the connection fails."""

    def __iter__(self):
        yield sse(chunk("A"), done=False)
        raise httpx.ReadError("connection reset")


def test_a_connection_lost_mid_stream_is_an_unreachable_upstream():
    client = client_answering(
        lambda request: httpx.Response(
            200, stream=_BreaksMidway(), headers={"Content-Type": "text/event-stream"}
        )
    )
    with pytest.raises(LLMUnavailableError) as raised:
        list(client.stream([{"role": "user", "content": "x"}]))
    assert raised.value.message == "The language model service could not be reached."
