"""/process-command: dictation -> macros -> LLM draft -> verification -> stored record.

No database connection is held while the LLM works: one short transaction reads the library and
the session history, the LLM is called, then a second short transaction stores the record before
the answer goes out.
"""

from __future__ import annotations

import time
import uuid
from contextlib import closing
from dataclasses import dataclass, field
from typing import Iterator

from radpair.exceptions import (
    DatabaseUnavailableError,
    LLMError,
    LLMUnavailableError,
    NotFoundError,
    RadpairError,
)
from radpair.logging_setup import current_request_id
from radpair.auth.principal import Principal
from radpair.handlers.presenters import public_command
from radpair.handlers.validation import (
    parse_uuid,
    reject_unknown_fields,
    require_choice,
    require_string,
)
from radpair.limits import MAX_QUERY
from radpair.llm.admission import HeldStream
from radpair.llm.prompts import build_messages, offline_report
from radpair.macros.expansion import TRIGGERS, expand_bounded
from radpair.queries.command_queries import CommandQueries
from radpair.services import Services


@dataclass
class PreparedCommand:
    """A validated, expanded command with its session context, ready for the LLM."""

    user_id: str
    query: str
    session_id: str
    new_session: bool
    expansion: dict
    history: list[tuple[str, str]] = field(default_factory=list)

    @property
    def expanded_query(self) -> str:
        """The dictation after macro expansion."""
        return self.expansion["expanded"]

    def stored_session(self) -> dict:
        """`{"session_id": ...}` for a session that exists; nothing for a new one, which is
        stored only with its first answered command (a client reusing the id would get 404)."""
        return {} if self.new_session else {"session_id": self.session_id}

    def failure_context(self) -> dict:
        """What an LLM failure still returns, so no work is lost."""
        return {
            "expanded_query": self.expanded_query,
            "macros": self.expansion["macros"],
            "fields": self.expansion["fields"],
            "warnings": self.expansion["warnings"],
            **self.stored_session(),
        }


class CommandHandler:
    """The main job of the service."""

    command_queries = CommandQueries

    def __init__(self, services: Services):
        self.services = services
        self.settings = services.settings
        self.database = services.database
        self.llm = services.llm
        self.in_flight = services.llm_in_flight

    def draft(self, body: dict, principal: Principal) -> dict:
        """A whole draft as JSON; 503 `overloaded` at once when the process is full."""
        with self.in_flight.acquire():
            return self.process_command(self.prepare(body, principal))

    def open_stream(self, body: dict, principal: Principal) -> Iterator[tuple[str, dict]]:
        """The draft's events; the slot is held until the stream ends or the client leaves.

        Admission and validation happen here, before the response starts, so a refusal is a
        plain HTTP 503 (or 4xx), not an event.
        """
        slot = self.in_flight.acquire()
        try:
            prepared = self.prepare(body, principal)
        except BaseException:
            slot.release()
            raise
        return HeldStream(self.stream_command(prepared), slot)

    def prepare(self, body: dict, principal: Principal) -> PreparedCommand:
        """Validate, load library and session history in one short transaction, expand."""
        reject_unknown_fields(body, {"query", "session_id", "trigger"})
        query = require_string(body, "query", max_length=MAX_QUERY, multiline=True, not_blank=True)
        trigger = require_choice(body, "trigger", TRIGGERS, "keyword")
        session_id = body.get("session_id")
        new_session = session_id is None
        session_id = str(uuid.uuid4()) if new_session else parse_uuid(session_id, "session_id")
        history: list[tuple[str, str]] = []
        library = self.services.macro_libraries.for_principal(principal)
        if not new_session:
            with self.database.statements() as connection:
                queries = self.command_queries(connection)
                if queries.session_owner(session_id) != principal.user_id:
                    raise NotFoundError("No such session.")
                rows = queries.recent_exchanges(
                    session_id, principal.user_id, self.settings.history_context_turns
                )
                history = self._bounded_history(rows)
        expansion = expand_bounded(library, query, trigger).to_dict()
        return PreparedCommand(
            user_id=principal.user_id,
            query=query,
            session_id=session_id,
            new_session=new_session,
            expansion=expansion,
            history=history,
        )

    def _bounded_history(self, newest_first: list[dict]) -> list[tuple[str, str]]:
        budget = self.settings.history_context_chars
        kept: list[tuple[str, str]] = []
        for row in newest_first:
            size = len(row["expanded_query"]) + len(row["response"])
            if size > budget:
                break
            budget -= size
            kept.append((row["expanded_query"], row["response"]))
        return list(reversed(kept))

    def process_command(self, prepared: PreparedCommand) -> dict:
        """Draft (or lay out offline), verify, store, answer."""
        started = time.perf_counter()
        phi_masked: dict[str, int] = {}
        if self.llm.offline:
            response, model, mode = offline_report(prepared.expanded_query), "offline", "offline"
        else:
            messages = build_messages(prepared.history, prepared.expanded_query)
            try:
                gated = self.services.phi_gate.mask(messages)
                completion = self.llm.complete(gated.messages)
                response = gated.restore(completion.text)
            except LLMError as error:
                error.extra.update(prepared.failure_context())
                raise
            model, mode, phi_masked = completion.model, "openai", gated.counts
        latency_ms = int((time.perf_counter() - started) * 1000)
        record = self._store(prepared, response, model, mode, latency_ms)
        return {"success": True, **record, "phi_masked": phi_masked}

    def stream_command(self, prepared: PreparedCommand) -> Iterator[tuple[str, dict]]:
        """Server-sent events: macros, delta chunks, then done (the stored record) or error."""
        # A new session's id is announced only with `done`, once the session exists.
        yield "macros", {
            **prepared.stored_session(),
            **prepared.expansion,
            "expanded_query": prepared.expanded_query,
        }
        started = time.perf_counter()
        parts: list[str] = []
        phi_masked: dict[str, int] = {}
        try:
            if self.llm.offline:
                parts.append(offline_report(prepared.expanded_query))
                yield "delta", {"text": parts[-1]}
                model, mode = "offline", "offline"
            else:
                messages = build_messages(prepared.history, prepared.expanded_query)
                gated = self.services.phi_gate.mask(messages)
                phi_masked = gated.counts
                # Closed explicitly: a client that leaves mid-stream closes this generator, and
                # closing the chunks closes the upstream connection (the model stops working).
                chunks = gated.restore_stream(self.llm.stream(gated.messages))
                with closing(chunks):
                    for chunk in chunks:
                        parts.append(chunk)
                        yield "delta", {"text": chunk}
                if not "".join(parts).strip():
                    raise LLMUnavailableError("The language model returned an empty draft.")
                model, mode = self.llm.model, "openai"
            latency_ms = int((time.perf_counter() - started) * 1000)
            record = self._store(prepared, "".join(parts), model, mode, latency_ms)
        except RadpairError as error:
            if isinstance(error, LLMError):
                error.extra.update(prepared.failure_context())
            yield "error", {**error.to_dict(), "status": error.status}
            return
        yield "done", {"success": True, **record, "phi_masked": phi_masked}

    def _store(self, prepared, response: str, model: str, mode: str, latency_ms: int) -> dict:
        warnings = list(prepared.expansion["warnings"])
        if mode == "openai":
            warnings.extend(self.services.verifier.verify(prepared.expanded_query, response))
        row = {
            "session_id": prepared.session_id,
            "query": prepared.query,
            "expanded_query": prepared.expanded_query,
            "response": response,
            "model": model,
            "mode": mode,
            "latency_ms": latency_ms,
            "macros": prepared.expansion["macros"],
            "fields": prepared.expansion["fields"],
            "warnings": warnings,
        }
        try:
            with self.database.statements() as connection:
                stored = self.command_queries(connection).insert_command(
                    current_request_id(),
                    new_session=prepared.new_session,
                    user_id=prepared.user_id,
                    **row,
                )
        except DatabaseUnavailableError as error:
            # The draft exists (and may have been paid for): hand it back unsaved, not lose it.
            error.extra.update({**prepared.failure_context(), "chatgpt_response": response})
            raise
        return public_command({**row, **stored})
