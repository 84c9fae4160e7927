"""Settings are read once, typed and validated; PROD refuses to start without its secrets."""

from __future__ import annotations

import pytest

from radpair.exceptions import ConfigurationError
from radpair.settings import DEV_CORS_ORIGINS, Settings

STRONG_SECRET = "s" * 32


def test_defaults_describe_an_offline_dev_service():
    settings = Settings.from_environment({})
    assert settings.runtime_environment == "DEV"
    assert settings.port == 5000
    assert settings.cors_origins == DEV_CORS_ORIGINS
    assert settings.llm_offline is True
    assert len(settings.jwt_secret) >= 32


@pytest.mark.parametrize(
    "env, message",
    [
        ({"RUNTIME_ENVIRONMENT": "PROD", "JWT_SECRET": STRONG_SECRET}, "DATABASE_URL"),
        (
            {"RUNTIME_ENVIRONMENT": "PROD", "DATABASE_URL": "postgresql://x/y", "JWT_SECRET": "a"},
            "JWT_SECRET",
        ),
        ({"RUNTIME_ENVIRONMENT": "STAGING"}, "RUNTIME_ENVIRONMENT"),
        ({"PORT": "eighty"}, "PORT"),
        ({"PORT": "0"}, "PORT"),
        ({"LLM_TIMEOUT_S": "-1"}, "LLM_TIMEOUT_S"),
        ({"LLM_TIMEOUT_S": "soon"}, "LLM_TIMEOUT_S"),
        ({"LOG_LEVEL": "chatty"}, "LOG_LEVEL"),
        ({"DB_POOL_MIN": "8", "DB_POOL_MAX": "4"}, "DB_POOL_MIN"),
    ],
)
def test_invalid_environments_are_refused_with_the_variable_named(env, message):
    with pytest.raises(ConfigurationError, match=message):
        Settings.from_environment(env)


def test_prod_starts_with_a_database_and_a_long_secret():
    settings = Settings.from_environment(
        {
            "RUNTIME_ENVIRONMENT": "prod",
            "DATABASE_URL": "postgresql://db/radpair",
            "JWT_SECRET": STRONG_SECRET,
        }
    )
    assert settings.runtime_environment == "PROD"
    assert settings.cors_origins == ()


def test_an_empty_api_key_means_offline_mode():
    assert Settings.from_environment({"OPENAI_API_KEY": "  "}).llm_offline is True
    assert Settings.from_environment({"OPENAI_API_KEY": "sk-test"}).llm_offline is False


def test_cors_origins_are_a_comma_list_without_trailing_slashes():
    settings = Settings.from_environment({"CORS_ORIGINS": "https://a.example/, https://b.example"})
    assert settings.cors_origins == ("https://a.example", "https://b.example")


def test_secrets_do_not_appear_in_the_settings_repr():
    settings = Settings.from_environment({"OPENAI_API_KEY": "sk-live-abc", "JWT_SECRET": "j" * 40})
    assert "sk-live-abc" not in repr(settings)
    assert "j" * 40 not in repr(settings)
