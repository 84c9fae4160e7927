"""/process-command end to end: the real openai SDK over HTTP against a loopback stub."""

from __future__ import annotations

import json

import pytest

from tests.support.apps import STUB_API_KEY, bearer_headers, drafting_settings, running_app
from tests.support.assertions import assert_error_shape
from tests.support.llm_stub import Behaviour, draft_from_messages

API_KEY = STUB_API_KEY


@pytest.fixture(scope="module")
def llm_app(settings, stub):
    """The app configured for an OpenAI-compatible server (the stub)."""
    with running_app(drafting_settings(settings, stub)) as application:
        yield application


@pytest.fixture()
def llm_client(llm_app, stub):
    stub.reset()
    return llm_app.test_client()


@pytest.fixture(scope="module")
def user_headers(llm_app):
    return lambda: bearer_headers(llm_app, "rad")


def history_count(client, headers) -> int:
    return len(client.get("/history?limit=200", headers=headers).json["items"])


def test_offline_mode_answers_without_a_key_and_stores_the_record(client, auth_headers):
    headers = auth_headers()
    response = client.post(
        "/process-command", json={"query": "insert normal chest"}, headers=headers
    )
    assert response.status_code == 200
    body = response.json
    assert body["success"] is True and body["query"] == "insert normal chest"
    assert body["llm"]["mode"] == "offline"
    assert "insert normal chest" not in body["expanded_query"]
    assert body["macros"][0]["phrase"] == "normal chest"
    assert body["chatgpt_response"].startswith("FINDINGS:")
    assert body["expanded_query"].split(".")[0] in body["chatgpt_response"]
    assert body["timestamp"].endswith("Z")
    stored = client.get(f"/history/{body['id']}", headers=headers).json["item"]
    assert stored["chatgpt_response"] == body["chatgpt_response"]
    assert stored["session_id"] == body["session_id"]


def test_the_model_receives_the_expanded_text_and_the_bearer_key(llm_client, stub, user_headers):
    response = llm_client.post(
        "/process-command",
        json={"query": "Left knee pain. insert normal chest"},
        headers=user_headers(),
    )
    assert response.status_code == 200, response.json
    body = response.json
    sent = stub.requests[-1]
    assert sent["headers"]["authorization"] == f"Bearer {API_KEY}"
    assert sent["json"]["model"] == "stub-model"
    messages = sent["json"]["messages"]
    assert messages[0]["role"] == "system" and "laterality" in messages[0]["content"].lower()
    assert body["expanded_query"] in messages[-1]["content"]
    assert "insert normal chest" not in messages[-1]["content"]
    assert body["chatgpt_response"] == draft_from_messages(messages)
    assert body["llm"]["mode"] == "openai" and body["llm"]["model"] == "stub-model"
    assert API_KEY not in response.get_data(as_text=True)


def test_a_session_sends_its_earlier_exchanges_as_chat_history(llm_client, stub, user_headers):
    headers = user_headers()
    first = llm_client.post(
        "/process-command", json={"query": "Small left effusion."}, headers=headers
    ).json
    second = llm_client.post(
        "/process-command",
        json={"query": "Add: no pneumothorax.", "session_id": first["session_id"]},
        headers=headers,
    ).json
    assert second["session_id"] == first["session_id"]
    messages = stub.requests[-1]["json"]["messages"]
    assert [m["role"] for m in messages] == ["system", "user", "assistant", "user"]
    assert first["expanded_query"] in messages[1]["content"]
    assert messages[2]["content"] == first["chatgpt_response"]
    fresh = llm_client.post(
        "/process-command", json={"query": "Other patient."}, headers=headers
    ).json
    assert fresh["session_id"] != first["session_id"]
    assert len(stub.requests[-1]["json"]["messages"]) == 2


def test_another_users_session_is_not_found(llm_client, user_headers):
    mine = llm_client.post("/process-command", json={"query": "Mine."}, headers=user_headers()).json
    response = llm_client.post(
        "/process-command",
        json={"query": "Theirs?", "session_id": mine["session_id"]},
        headers=user_headers(),
    )
    assert_error_shape(response, 404, "not_found")


FAILURES = [
    (Behaviour(kind="error", status=500), 502, "llm_unavailable"),
    (Behaviour(kind="error", status=503), 502, "llm_unavailable"),
    (Behaviour(kind="rate_limit", retry_after="7"), 503, "llm_rate_limited"),
    (Behaviour(kind="slow", delay_s=3.0), 504, "llm_timeout"),
    (Behaviour(kind="malformed"), 502, "llm_unavailable"),
    (Behaviour(kind="close"), 502, "llm_unavailable"),
]


@pytest.mark.parametrize("behaviour, status, code", FAILURES)
def test_upstream_failures_map_to_clear_statuses_and_keep_the_expansion(
    llm_client, stub, user_headers, behaviour, status, code
):
    headers = user_headers()
    stub.reset(default=behaviour)
    response = llm_client.post(
        "/process-command", json={"query": "insert normal chest"}, headers=headers
    )
    assert_error_shape(response, status, code)
    body = response.json
    assert body["expanded_query"] and "insert normal chest" not in body["expanded_query"]
    assert body["macros"][0]["phrase"] == "normal chest"
    assert isinstance(body["warnings"], list)
    if code == "llm_rate_limited":
        assert response.headers["Retry-After"] == "7"
    stub.reset()
    assert history_count(llm_client, headers) == 0


def test_transient_failures_are_retried_within_the_deadline(llm_client, stub, user_headers):
    stub.then(Behaviour(kind="error", status=502), Behaviour(kind="error", status=500))
    response = llm_client.post(
        "/process-command", json={"query": "Mild cardiomegaly."}, headers=user_headers()
    )
    assert response.status_code == 200
    assert len(stub.requests) == 3


def test_retries_are_bounded(llm_client, stub, user_headers):
    stub.reset(default=Behaviour(kind="error", status=500))
    llm_client.post("/process-command", json={"query": "x"}, headers=user_headers())
    assert len(stub.requests) == 3  # one try and LLM_MAX_RETRIES=2 retries


def test_a_connection_refused_upstream_is_502(settings, user_headers, client):
    from tests.support.servers import free_port

    refused = settings.with_overrides(
        openai_api_key=API_KEY,
        openai_base_url=f"http://127.0.0.1:{free_port()}/v1",
        llm_timeout_s=2.0,
    )
    with running_app(refused) as application:
        response = application.test_client().post(
            "/process-command", json={"query": "insert normal chest"}, headers=user_headers()
        )
    assert_error_shape(response, 502, "llm_unavailable")
    assert response.json["expanded_query"]


def parse_sse(text: str) -> list[tuple[str, dict]]:
    events = []
    for block in text.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((lines["event"], json.loads(lines["data"])))
    return events


def test_streaming_sends_macros_then_deltas_then_the_stored_record(llm_client, stub, user_headers):
    headers = {**user_headers(), "Accept": "text/event-stream"}
    with llm_client.post(
        "/process-command",
        json={"query": "insert normal chest. Left rib fracture."},
        headers=headers,
    ) as response:
        assert response.status_code == 200
        assert response.mimetype == "text/event-stream"
        events = parse_sse(response.get_data(as_text=True))
    kinds = [kind for kind, _ in events]
    assert kinds[0] == "macros" and kinds[-1] == "done"
    assert kinds.count("delta") > 3
    assert stub.requests[-1]["json"]["stream"] is True
    streamed = "".join(data["text"] for kind, data in events if kind == "delta")
    done = events[-1][1]
    assert done["chatgpt_response"] == streamed
    assert events[0][1]["macros"][0]["phrase"] == "normal chest"
    stored = llm_client.get(f"/history/{done['id']}", headers=headers).json["item"]
    assert stored["chatgpt_response"] == streamed


def test_a_stream_cut_halfway_ends_with_an_error_event_and_stores_nothing(
    llm_client, stub, user_headers
):
    headers = user_headers()
    stub.reset(default=Behaviour(kind="cut_stream"))
    with llm_client.post(
        "/process-command",
        json={"query": "Right lower lobe consolidation. No effusion."},
        headers={**headers, "Accept": "text/event-stream"},
    ) as response:
        events = parse_sse(response.get_data(as_text=True))
    assert events[0][0] == "macros"
    assert "session_id" not in events[0][1]  # the new session was never stored
    assert events[-1][0] == "error"
    assert events[-1][1]["error"] == "llm_unavailable"
    assert events[-1][1]["expanded_query"]
    stub.reset()
    assert history_count(llm_client, headers) == 0


def test_offline_streaming_works_too(client, auth_headers):
    headers = {**auth_headers(), "Accept": "text/event-stream"}
    with client.post(
        "/process-command", json={"query": "No acute findings."}, headers=headers
    ) as response:
        events = parse_sse(response.get_data(as_text=True))
    assert [kind for kind, _ in events] == ["macros", "delta", "done"]
    assert events[-1][1]["llm"]["mode"] == "offline"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"query": ""},
        {"query": "   "},
        {"query": 42},
        {"query": ["a"]},
        {"query": "x" * 20001},
        {"query": "ok", "session_id": "not-a-uuid"},
        {"query": "ok", "session_id": 7},
        {"query": "ok", "trigger": "always"},
        {"query": "ok", "unexpected": True},
        {"query": "bad \x00 byte"},
        {"query": "bell \x07"},
    ],
)
def test_bad_bodies_are_400(client, auth_headers, body):
    assert_error_shape(client.post("/process-command", json=body, headers=auth_headers()), 400)


def test_a_body_over_one_mebibyte_is_413(client, auth_headers):
    body = json.dumps({"query": "x" * (1024 * 1024 + 1)})
    response = client.post(
        "/process-command", data=body, content_type="application/json", headers=auth_headers()
    )
    assert_error_shape(response, 413)


def test_a_draft_that_flips_a_side_comes_back_with_a_laterality_warning(
    llm_client, stub, user_headers
):
    headers = user_headers()
    stub.reset(default=Behaviour(rewrite=lambda text: text.replace("left", "right")))
    response = llm_client.post(
        "/process-command",
        json={"query": "Small left pleural effusion. No pneumothorax."},
        headers=headers,
    )
    assert response.status_code == 200
    body = response.json
    assert "right pleural effusion" in body["chatgpt_response"]
    laterality = [w for w in body["warnings"] if w["type"] == "laterality"]
    assert laterality, body["warnings"]
    start, end = laterality[0]["report_span"]
    assert body["chatgpt_response"][start:end].lower().startswith("right")
    stored = llm_client.get(f"/history/{body['id']}", headers=headers).json["item"]
    assert stored["warnings"] == body["warnings"]


def test_a_faithful_draft_has_no_verifier_warnings(llm_client, stub, user_headers):
    response = llm_client.post(
        "/process-command",
        json={"query": "Small left pleural effusion. No pneumothorax. 3.2 cm right renal cyst."},
        headers=user_headers(),
    )
    assert response.status_code == 200
    assert response.json["warnings"] == []


def test_offline_mode_runs_no_verifier(client, auth_headers):
    response = client.post(
        "/process-command", json={"query": "Left effusion."}, headers=auth_headers()
    )
    assert response.json["llm"]["mode"] == "offline"
    assert response.json["warnings"] == []


def test_reports_verify_flags_each_type(client, auth_headers):
    response = client.post(
        "/reports/verify",
        json={
            "source": (
                "No right pneumothorax. Left lower lobe nodule measuring 3.2 cm. Moderate ascites."
            ),
            "report": (
                "Right pneumothorax. Right lower lobe nodule measuring 3.5 cm. Small hiatal hernia."
            ),
        },
        headers=auth_headers(),
    )
    assert response.status_code == 200
    warnings = response.json["warnings"]
    assert {w["type"] for w in warnings} == {
        "laterality",
        "negation",
        "measurement",
        "omission",
        "insertion",
    }
    spans = {w["type"]: (w["source_span"], w["report_span"]) for w in warnings}
    assert spans["omission"][1] is None and spans["insertion"][0] is None


def test_reports_verify_stays_silent_on_a_faithful_rewrite(client, auth_headers):
    response = client.post(
        "/reports/verify",
        json={
            "source": "Lt knee: no effusion. 18 mm Baker cyst.",
            "report": "FINDINGS:\nLeft knee: No joint effusion. Baker cyst measuring 1.8 cm.",
        },
        headers=auth_headers(),
    )
    assert response.json == {"success": True, "warnings": []}
