"""/status, /status/ready, the docs, and one JSON error shape for every failure."""

from __future__ import annotations

import pytest
import yaml

from radpair.handlers.status_handler import STATUS_MESSAGE
from tests.support.assertions import assert_error_shape


def test_status_answers_the_message_existing_clients_show(client):
    response = client.get("/status")
    assert response.status_code == 200
    assert response.json == {"success": True, "message": STATUS_MESSAGE}


def test_readiness_is_ok_on_a_migrated_database(client):
    response = client.get("/status/ready")
    assert response.status_code == 200
    assert response.json["database"] == "ok"


def test_the_openapi_document_is_served_and_parses(client):
    response = client.get("/openapi.yaml")
    assert response.status_code == 200
    document = yaml.safe_load(response.data)
    assert document["openapi"].startswith("3.")
    assert "/status" in document["paths"]


def test_the_docs_page_uses_packaged_assets_only(client):
    page = client.get("/docs")
    assert page.status_code == 200
    assert b"http://" not in page.data and b"https://" not in page.data
    with client.get("/docs/assets/swagger-ui-bundle.js") as asset:
        assert asset.status_code == 200
        assert b"SwaggerUIBundle" in asset.get_data()
    assert_error_shape(client.get("/docs/assets/../../settings.py"), 404)


@pytest.mark.parametrize("path", ["/nope", "/status/unknown", "/macros/x/y/z", "/%00"])
def test_unknown_routes_answer_json_404(client, path):
    assert_error_shape(client.get(path), 404, "not_found")


def test_a_wrong_method_answers_json_405_with_allow(client):
    response = client.delete("/status")
    assert_error_shape(response, 405, "method_not_allowed")
    assert "GET" in response.headers["Allow"]


def test_a_body_over_one_mebibyte_answers_json_413(client):
    body = b"{" + b" " * (1024 * 1024 + 10) + b"}"
    response = client.post("/login", data=body, content_type="application/json")
    assert_error_shape(response, 413, "payload_too_large")


def test_an_unexpected_exception_answers_json_500_without_internals(settings):
    from tests.support.apps import running_app

    with running_app(settings) as fresh:

        @fresh.get("/boom-for-test")
        def boom():
            raise RuntimeError("secret internal detail")

        response = fresh.test_client().get("/boom-for-test")
    assert_error_shape(response, 500, "internal_error")
    assert b"secret internal detail" not in response.data
    assert b"Traceback" not in response.data


def test_every_response_carries_a_request_id_and_nosniff(client):
    response = client.get("/status", headers={"X-Request-Id": "abc-123"})
    assert response.headers["X-Request-Id"] == "abc-123"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    generated = client.get("/status", headers={"X-Request-Id": "bad id with spaces"})
    assert generated.headers["X-Request-Id"] != "bad id with spaces"
    assert len(generated.headers["X-Request-Id"]) == 32
