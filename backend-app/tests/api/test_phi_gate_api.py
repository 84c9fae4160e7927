"""No planted identifier reaches the LLM stub (JSON and SSE); drafts come back restored."""

from __future__ import annotations

import json
import logging
import re

import pytest

from radpair.llm.prompts import build_messages
from tests.api.test_process_command import parse_sse
from tests.support.apps import bearer_headers, drafting_settings, running_app
from tests.support.assertions import assert_error_shape
from tests.support.llm_stub import Behaviour, draft_from_messages

# One identifier of every category, beside clinical words that must reach the model unchanged.
DICTATION = (
    "Patient John Smith, MRN 12345678, accession ACC-2026-778812, insurance ID 987654321. "
    "A 94-year-old man. Compared with CT of 11/30/2025. Left lower lobe 4.2 x 3.1 cm mass, "
    "series 3 image 45, unchanged. Disc bulge at L4-L5 and C5-6. BI-RADS 4A. Positive Murphy "
    "sign and a 2.1 cm Baker cyst. History of Hodgkin lymphoma. Chiari I malformation. A "
    "45-year-old sister. Findings discussed with Dr. Maria Alvarez at 14:35 on 12/02/2026, "
    "phone 555-123-4567, e-mail maria.alvarez@example.org, images at "
    "https://pacs.example.org/study/778812."
)
IDENTIFIERS = [
    "John Smith", "Smith", "12345678", "ACC-2026-778812", "987654321", "94-year", "11/30/2025",
    "Maria Alvarez", "Alvarez", "14:35", "12/02/2026", "555-123-4567",
    "maria.alvarez@example.org", "pacs.example.org",
]  # fmt: skip
CLINICAL = [
    "Left lower lobe 4.2 x 3.1 cm mass", "series 3 image 45", "L4-L5 and C5-6", "BI-RADS 4A",
    "Murphy sign", "2.1 cm Baker cyst", "Hodgkin lymphoma", "Chiari I", "45-year-old",
]  # fmt: skip
MASKED = {
    "NAME": 2, "MRN": 1, "ACCESSION": 1, "ID": 1, "AGE": 1, "DATE": 2, "TIME": 1, "PHONE": 1,
    "EMAIL": 1, "URL": 1,
}  # fmt: skip


@pytest.fixture(scope="module")
def llm_app(settings, stub):
    """The app drafting through the stub."""
    with running_app(drafting_settings(settings, stub, llm_max_retries=0)) as application:
        yield application


@pytest.fixture()
def llm_client(llm_app, stub):
    stub.reset()
    return llm_app.test_client()


@pytest.fixture()
def headers(llm_app):
    return bearer_headers(llm_app, "phi")


def expected_draft(dictation: str) -> str:
    """What the stub drafts from the unmasked dictation: the restored draft must equal it."""
    return draft_from_messages(build_messages([], dictation))


def assert_nothing_leaked(stub) -> None:
    assert stub.requests, "the model was not called"
    for request in stub.requests:
        sent = json.dumps(request["json"], ensure_ascii=False)
        leaked = [identifier for identifier in IDENTIFIERS if identifier in sent]
        assert leaked == [], leaked
        assert all(words in sent for words in CLINICAL)
        assert "[NAME_1]" in sent and "[URL_1]" in sent


def test_json_the_stub_never_sees_an_identifier_and_the_draft_comes_back_whole(
    llm_client, stub, headers, caplog
):
    caplog.set_level(logging.DEBUG)
    response = llm_client.post("/process-command", json={"query": DICTATION}, headers=headers)
    assert response.status_code == 200, response.json
    body = response.json
    assert_nothing_leaked(stub)
    assert body["expanded_query"] == DICTATION
    assert body["chatgpt_response"] == expected_draft(DICTATION)
    assert body["warnings"] == []
    assert body["phi_masked"] == MASKED
    stored = llm_client.get(f"/history/{body['id']}", headers=headers).json["item"]
    assert stored["chatgpt_response"] == expected_draft(DICTATION)
    assert all(identifier not in caplog.text for identifier in IDENTIFIERS)


def test_session_history_is_masked_too(llm_client, stub, headers):
    first = llm_client.post("/process-command", json={"query": DICTATION}, headers=headers).json
    follow_up = "Add: Dr. Alvarez agrees. No pneumothorax."
    second = llm_client.post(
        "/process-command",
        json={"query": follow_up, "session_id": first["session_id"]},
        headers=headers,
    ).json
    assert len(stub.requests[-1]["json"]["messages"]) == 4
    assert_nothing_leaked(stub)
    assert second["chatgpt_response"] == expected_draft(follow_up)
    sent = stub.requests[-1]["json"]["messages"]
    # Surrogates are per written form: "Maria Alvarez" and "Alvarez" each keep their own.
    assert "Dr. [NAME_2] at" in sent[1]["content"] and "Dr. [NAME_2] at" in sent[2]["content"]
    assert re.search(r"Dr\. \[NAME_\d\] agrees", sent[3]["content"])


@pytest.mark.parametrize("chunk_chars", [0, 1, 3, 7])
def test_sse_the_stub_never_sees_an_identifier_and_split_surrogates_are_restored(
    llm_client, stub, headers, chunk_chars
):
    stub.reset(default=Behaviour(chunk_chars=chunk_chars))
    with llm_client.post(
        "/process-command",
        json={"query": DICTATION},
        headers={**headers, "Accept": "text/event-stream"},
    ) as response:
        events = parse_sse(response.get_data(as_text=True))
    assert [kind for kind, _ in events][-1] == "done", events[-1]
    assert_nothing_leaked(stub)
    streamed = "".join(data["text"] for kind, data in events if kind == "delta")
    assert streamed == expected_draft(DICTATION)
    done = events[-1][1]
    assert done["chatgpt_response"] == streamed and done["phi_masked"] == MASKED
    deltas = [data["text"] for kind, data in events if kind == "delta"]
    assert not any(re.search(r"\[[A-Z]+_\d+\]|\[[A-Z]+_?\d*$", text) for text in deltas)


def test_offline_mode_masks_nothing_and_says_so(client, auth_headers):
    response = client.post("/process-command", json={"query": DICTATION}, headers=auth_headers())
    assert response.status_code == 200
    assert response.json["phi_masked"] == {}


def broken_gate(monkeypatch):
    from radpair.phi import gate

    def explode(texts):
        raise RuntimeError("scanner broke on " + " ".join(texts))

    monkeypatch.setattr(gate, "find_in_texts", explode)


def test_json_a_broken_gate_means_no_llm_call_and_a_503_with_the_expansion(
    llm_client, stub, headers, monkeypatch, caplog
):
    caplog.set_level(logging.DEBUG)
    broken_gate(monkeypatch)
    response = llm_client.post("/process-command", json={"query": DICTATION}, headers=headers)
    assert_error_shape(response, 503, "phi_gate_unavailable")
    assert response.json["expanded_query"] == DICTATION
    assert stub.requests == []
    assert all(identifier not in caplog.text for identifier in IDENTIFIERS)


def test_sse_a_broken_gate_means_no_llm_call_and_an_error_event(
    llm_client, stub, headers, monkeypatch
):
    broken_gate(monkeypatch)
    with llm_client.post(
        "/process-command",
        json={"query": DICTATION},
        headers={**headers, "Accept": "text/event-stream"},
    ) as response:
        events = parse_sse(response.get_data(as_text=True))
    assert [kind for kind, _ in events] == ["macros", "error"]
    error = events[-1][1]
    assert error["error"] == "phi_gate_unavailable" and error["status"] == 503
    assert error["expanded_query"] == DICTATION
    assert stub.requests == []
