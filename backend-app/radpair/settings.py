"""Typed settings, read once from the environment at start-up through util_helper."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Mapping

from radpair.exceptions import ConfigurationError
from radpair.util_helper import util_helper

RUNTIME_ENVIRONMENTS = ("UNITTEST", "DEV", "PROD")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
DEV_CORS_ORIGINS = ("http://localhost:3000", "http://127.0.0.1:3000")


def _project_root() -> Path:
    """Where db/, openapi/ and var/ live: RADPAIR_HOME, else the checkout this file is in.

    An installed package (the container pip-installs a wheel) sits in site-packages, away from
    the changelog and the spec, so the image sets RADPAIR_HOME to the folder it copies them to.
    """
    with util_helper() as util:
        configured = (util.env("RADPAIR_HOME") or "").strip()
    return Path(configured).resolve() if configured else Path(__file__).resolve().parents[2]


PROJECT_ROOT = _project_root()
MIN_PROD_SECRET_BYTES = 32


@dataclass(frozen=True)
class Settings:
    """Everything the service reads from its environment, validated."""

    runtime_environment: str = "DEV"
    database_url: str | None = None
    jwt_secret: str = field(default="", repr=False)
    openai_api_key: str = field(default="", repr=False)
    openai_base_url: str | None = None
    openai_model: str = "gpt-4o-mini"
    llm_timeout_s: float = 30.0
    llm_max_retries: int = 2
    llm_first_token_timeout_s: float = 30.0
    # LLM-bound requests (/process-command) one worker process serves at once; past it, 503.
    llm_max_in_flight: int = 512
    cors_origins: tuple[str, ...] = DEV_CORS_ORIGINS
    host: str = "127.0.0.1"
    port: int = 5000
    access_token_ttl_s: int = 15 * 60
    refresh_token_ttl_s: int = 7 * 24 * 3600
    db_pool_min: int = 1
    db_pool_max: int = 10
    macro_trigger_words: tuple[str, ...] = ("insert", "macro")
    history_context_turns: int = 6
    history_context_chars: int = 12000
    log_level: str = "INFO"

    @property
    def llm_offline(self) -> bool:
        """True when no API key is configured: the service drafts reports without a network call."""
        return not self.openai_api_key

    def with_overrides(self, **changes) -> "Settings":
        """A copy with some values replaced (tests and tools)."""
        return replace(self, **changes)

    @classmethod
    def from_environment(cls, env: Mapping[str, str] | None = None) -> "Settings":
        """Read and validate every setting; PROD refuses to start without its secrets."""
        if env is None:
            with util_helper() as util:
                env = util.environ()
        runtime = (env.get("RUNTIME_ENVIRONMENT") or "DEV").strip().upper()
        if runtime not in RUNTIME_ENVIRONMENTS:
            raise ConfigurationError(
                f"RUNTIME_ENVIRONMENT must be one of {', '.join(RUNTIME_ENVIRONMENTS)}"
            )
        database_url = (env.get("DATABASE_URL") or "").strip() or None
        jwt_secret = env.get("JWT_SECRET") or ""
        if runtime == "PROD":
            if not database_url:
                raise ConfigurationError("PROD requires DATABASE_URL")
            if len(jwt_secret.encode()) < MIN_PROD_SECRET_BYTES:
                raise ConfigurationError(
                    f"PROD requires a JWT_SECRET of at least {MIN_PROD_SECRET_BYTES} bytes"
                )
        if not jwt_secret:
            # Outside PROD an unset secret gets a per-process random one: tokens simply do not
            # survive a restart, which is what a developer expects.
            import secrets

            jwt_secret = secrets.token_urlsafe(48)
        cors_default = ",".join(DEV_CORS_ORIGINS) if runtime != "PROD" else ""
        cors = tuple(
            origin.strip().rstrip("/")
            for origin in (env.get("CORS_ORIGINS", cors_default) or "").split(",")
            if origin.strip()
        )
        triggers = tuple(
            word.strip().lower()
            for word in (env.get("MACRO_TRIGGER_WORDS") or "insert,macro").split(",")
            if word.strip()
        )
        log_level = (env.get("LOG_LEVEL") or "INFO").strip().upper()
        if log_level not in LOG_LEVELS:
            raise ConfigurationError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}")
        db_pool_min = _int(env, "DB_POOL_MIN", 1, minimum=0)
        db_pool_max = _int(env, "DB_POOL_MAX", 10, minimum=1)
        if db_pool_min > db_pool_max:
            raise ConfigurationError("DB_POOL_MIN must not exceed DB_POOL_MAX")
        llm_timeout_s = _positive_float(env, "LLM_TIMEOUT_S", 30.0)
        return cls(
            runtime_environment=runtime,
            database_url=database_url,
            jwt_secret=jwt_secret,
            openai_api_key=(env.get("OPENAI_API_KEY") or "").strip(),
            openai_base_url=(env.get("OPENAI_BASE_URL") or "").strip() or None,
            openai_model=(env.get("OPENAI_MODEL") or "").strip() or "gpt-4o-mini",
            llm_timeout_s=llm_timeout_s,
            llm_max_retries=_int(env, "LLM_MAX_RETRIES", 2, minimum=0),
            # Never longer than the total budget, which bounds every call anyway.
            # Unset, it equals the total budget: a JSON draft's answer headers come only with the
            # whole draft, so a short default would cut off slow models' JSON drafts.
            llm_first_token_timeout_s=min(
                llm_timeout_s, _positive_float(env, "LLM_FIRST_TOKEN_TIMEOUT_S", llm_timeout_s)
            ),
            llm_max_in_flight=_int(env, "LLM_MAX_IN_FLIGHT", 512, minimum=1),
            cors_origins=cors,
            host=(env.get("HOST") or "127.0.0.1").strip(),
            port=_int(env, "PORT", 5000, minimum=1),
            access_token_ttl_s=_int(env, "ACCESS_TOKEN_TTL_S", 15 * 60, minimum=1),
            refresh_token_ttl_s=_int(env, "REFRESH_TOKEN_TTL_S", 7 * 24 * 3600, minimum=1),
            db_pool_min=db_pool_min,
            db_pool_max=db_pool_max,
            macro_trigger_words=triggers or ("insert", "macro"),
            log_level=log_level,
        )


def _int(env: Mapping[str, str], name: str, default: int, minimum: int) -> int:
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be an integer") from None
    if value < minimum:
        raise ConfigurationError(f"{name} must be at least {minimum}")
    return value


def _positive_float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be a number") from None
    if value <= 0:
        raise ConfigurationError(f"{name} must be positive")
    return value
