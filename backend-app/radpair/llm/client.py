"""The LLM client: the official openai SDK (chat completions) with a deadline-bounded retry loop.

One client per process (the SDK's httpx pool is reused). Upstream failures become the project's
exceptions: 5xx or connection failure -> LLMUnavailableError (502), timeout -> LLMTimeoutError
(504), 429 -> LLMRateLimitedError (503 with Retry-After). The API key never leaves this module.
"""

from __future__ import annotations

import json
import logging
import math
import random
import ssl
import time
from dataclasses import dataclass
from typing import Iterator

import openai

from radpair.exceptions import LLMRateLimitedError, LLMTimeoutError, LLMUnavailableError
from radpair.llm.guard import (
    MAX_ANSWER_BYTES,
    AnswerTooLargeError,
    call_deadline,
    call_timeout,
    first_token_deadline,
    guarded_http_client,
    httpx,
)
from radpair.llm.sse import sse_events
from radpair.settings import Settings

log = logging.getLogger(__name__)

BACKOFF_BASE_S = 0.25
CHAT_COMPLETIONS = "/chat/completions"
BACKOFF_MAX_S = 2.0
# A draft longer than this is refused (502) rather than verified, stored and served back.
MAX_ANSWER_CHARS = 100_000
TOO_LARGE = f"The language model's answer passed {MAX_ANSWER_CHARS} characters."


OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1"


@dataclass(frozen=True)
class Completion:
    """A finished draft."""

    text: str
    model: str


class LLMClient:
    """Chat completions against OpenAI or any OpenAI-compatible server."""

    def __init__(self, settings: Settings):
        self.model = settings.openai_model
        self.timeout_s = settings.llm_timeout_s
        self.first_token_s = min(settings.llm_first_token_timeout_s, settings.llm_timeout_s)
        self.max_retries = settings.llm_max_retries
        self.offline = settings.llm_offline
        self._client = None
        if not self.offline:
            self._client = openai.OpenAI(
                api_key=settings.openai_api_key,
                # Explicit: given None, the SDK would read OPENAI_BASE_URL itself, and an empty
                # value there (as in a compose template) makes every request fail.
                base_url=settings.openai_base_url or OPENAI_DEFAULT_BASE_URL,
                # Retries are ours (bounded by the deadline), not the SDK's.
                max_retries=0,
                timeout=settings.llm_timeout_s,
                # Bounds total time over trickled bytes and the size of an answer (llm/guard.py).
                http_client=guarded_http_client(settings.llm_timeout_s),
            )

    def complete(self, messages: list[dict]) -> Completion:
        """One draft, retrying transient failures while the deadline allows."""

        def attempt(remaining: float) -> Completion:
            # Plain JSON (cast_to=object), read as the SDK's typed model would be: building
            # that model cost more CPU than the rest of the call's parsing.
            response = self._client.post(
                CHAT_COMPLETIONS,
                cast_to=object,
                body=self._body(messages, stream=False),
                options={"timeout": call_timeout(remaining)},
            )
            if isinstance(response, str):
                # An answer not labelled JSON comes back as text; the typed path parsed it.
                response = json.loads(response)
            choices = response.get("choices")
            choice = choices[0] if choices else None
            message = choice.get("message") if choice else None
            text = (message.get("content") or "") if message else ""
            if not text.strip():
                raise LLMUnavailableError("The language model returned an empty draft.")
            if len(text) > MAX_ANSWER_CHARS:
                raise LLMUnavailableError(TOO_LARGE)
            return Completion(text=text, model=response.get("model") or self.model)

        deadline = time.monotonic() + self.timeout_s
        call_deadline.set(deadline)
        try:
            return self._with_retries(deadline, attempt)
        finally:
            call_deadline.set(None)
            first_token_deadline.set(None)

    def stream(self, messages: list[dict]) -> Iterator[str]:
        """Text chunks as the model produces them (retries only while opening the stream)."""
        deadline = time.monotonic() + self.timeout_s
        # Every read of the stream, `: ping` comments included, ends by the deadline (the next
        # call sets its own, so a failed opening needs no reset).
        call_deadline.set(deadline)
        stream = self._with_retries(
            deadline,
            lambda remaining: self._client.post(
                CHAT_COMPLETIONS,
                cast_to=object,
                body=self._body(messages, stream=True),
                options={"timeout": call_timeout(remaining)},
                stream=True,
                stream_cls=openai.Stream[object],
            ),
        )
        finished = False
        size = 0
        try:
            with stream:
                for chunk in _chunks(stream.response):
                    first_token_deadline.set(None)
                    if time.monotonic() > deadline:
                        raise LLMTimeoutError()
                    # A chunk that is not chat-completion-shaped raises here (mapped below).
                    for choice in chunk.get("choices") or []:
                        delta = (choice.get("delta") or {}).get("content")
                        if delta:
                            if not isinstance(delta, str):
                                raise TypeError("delta content is not text")
                            size += len(delta)
                            if size > MAX_ANSWER_CHARS:
                                raise LLMUnavailableError(TOO_LARGE)
                            yield delta
                        finished = finished or bool(choice.get("finish_reason"))
        except Exception as exc:  # noqa: BLE001 - a broken stream is never retried
            raise self._first_token_error(self._map_error(exc)) from None
        finally:
            call_deadline.set(None)
            first_token_deadline.set(None)
        if not finished:
            # The connection dropped mid-answer: a partial draft must not be stored.
            raise LLMUnavailableError("The language model's answer was cut off.")

    def _with_retries(self, deadline: float, attempt):
        """attempt(remaining_seconds), retried on transient failures until the deadline."""
        attempts = 0
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise LLMTimeoutError()
            # Each attempt must start answering within LLM_FIRST_TOKEN_TIMEOUT_S.
            first_token_deadline.set(time.monotonic() + self.first_token_s)
            try:
                return attempt(remaining)
            except Exception as exc:  # noqa: BLE001 - mapped, re-raised when not transient
                error = self._map_error(exc)
                error = self._first_token_error(error)
                attempts += 1
                if not self._retry(error, attempts, deadline):
                    raise error from None

    def _first_token_error(self, error: Exception) -> Exception:
        """A timeout still waiting for the answer to start says so."""
        first = first_token_deadline.get()
        # Socket timeouts end at the deadline, give or take the clock's grain.
        if isinstance(error, LLMTimeoutError) and first is not None:
            if time.monotonic() >= first - 0.05:
                return LLMTimeoutError(
                    f"The language model did not start answering within {self.first_token_s:g} s."
                )
        return error

    def _body(self, messages: list[dict], stream: bool) -> dict:
        # The SDK's typed create() walks every message through its param transformer, which
        # cost more CPU than the rest of a request; our messages are already plain
        # chat-completions JSON, so they go to the same endpoint through the SDK's client.post.
        return {"model": self.model, "messages": messages, "temperature": 0, "stream": stream}

    def _retry(self, error: Exception, attempt: int, deadline: float) -> bool:
        if isinstance(error, LLMTimeoutError) or attempt > self.max_retries:
            return False
        if isinstance(error, LLMRateLimitedError):
            wait = float(error.headers.get("Retry-After", "1"))
        else:
            wait = min(BACKOFF_MAX_S, BACKOFF_BASE_S * 2 ** (attempt - 1))
            wait *= 0.5 + random.random() / 2
        if time.monotonic() + wait >= deadline:
            return False
        log.info("llm transient failure, retrying", extra={"status": type(error).__name__})
        time.sleep(wait)
        return True

    @staticmethod
    def _map_error(exc: Exception) -> Exception:
        if isinstance(exc, (LLMTimeoutError, LLMUnavailableError, LLMRateLimitedError)):
            return exc
        if isinstance(exc, AnswerTooLargeError) or isinstance(exc.__cause__, AnswerTooLargeError):
            return LLMUnavailableError(
                f"The language model's answer passed {MAX_ANSWER_BYTES} bytes; it was not read."
            )
        if isinstance(exc, (openai.APITimeoutError, httpx.TimeoutException)):
            return LLMTimeoutError()
        if isinstance(exc, openai.RateLimitError):
            retry_after = _retry_after(exc.response)
            return LLMRateLimitedError(headers={"Retry-After": str(retry_after)})
        if isinstance(exc, openai.APIStatusError):
            log.warning("llm upstream error", extra={"status": exc.status_code})
            return LLMUnavailableError(f"The language model service answered {exc.status_code}.")
        if isinstance(exc, openai.APIConnectionError):
            return LLMUnavailableError("The language model service could not be reached.")
        if isinstance(exc, (ValueError, KeyError, AttributeError, TypeError)):
            # Malformed JSON or a body that is not a chat completion.
            return LLMUnavailableError("The language model service sent an invalid answer.")
        return LLMUnavailableError()


def _chunks(response) -> Iterator[object]:
    """The JSON of each streamed event, read as the SDK's `Stream` reads it (the same `[DONE]`,
    error events and exceptions) without its per-event layers (llm/sse.py); the typed chunk
    models were dropped before, for ~0.1 ms of CPU per event."""
    for event, data in sse_events(_body_bytes(response)):
        if data.startswith("[DONE]"):
            return
        chunk = json.loads(data)
        if event and event.startswith("thread."):
            # The SDK hands such an event on wrapped, with no `choices`: nothing to read.
            continue
        if isinstance(chunk, dict) and chunk.get("error"):
            # The SDK raises APIError here, which _map_error turns into this.
            raise LLMUnavailableError()
        yield chunk


def _body_bytes(response) -> Iterator[bytes]:
    """The answer's bytes; transport failures raised as the SDK's Stream raises them."""
    try:
        yield from response.iter_bytes()
    except httpx.TimeoutException as error:
        raise openai.APITimeoutError(request=response.request) from error
    except (httpx.RequestError, ssl.SSLError) as error:
        raise openai.APIConnectionError(request=response.request) from error


def _retry_after(response) -> int:
    """Retry-After in whole seconds, 1 to 3600: `inf` or `1e400` is 3600, `nan` or garbage 1."""
    try:
        seconds = float(response.headers.get("retry-after", "1"))
    except (TypeError, ValueError, AttributeError):
        seconds = 1.0
    if not math.isfinite(seconds):
        seconds = 3600.0 if seconds > 0 else 1.0
    return max(1, min(int(seconds), 3600))
