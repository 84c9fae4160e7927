"""Assertions shared by the test layers."""

from __future__ import annotations


def assert_error_shape(response, status: int, code: str | None = None) -> None:
    """Every failure is `{success: false, error, message}` JSON."""
    assert response.status_code == status
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert body["success"] is False
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["message"], str) and body["message"]
    if code:
        assert body["error"] == code
