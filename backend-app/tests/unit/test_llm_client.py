"""The LLM client is configured from Settings alone, whatever the SDK would read by itself."""

from __future__ import annotations

import pytest

from radpair.llm.client import OPENAI_DEFAULT_BASE_URL, LLMClient
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
