"""Process-wide services built once at start-up and shared by every request."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from flask import Flask, current_app

from radpair.auth.tokens import TokenService
from radpair.db import Database
from radpair.llm.admission import InFlightLimit
from radpair.macros.expansion import MacroLibraries
from radpair.macros.library_cache import MacroLibraryCache
from radpair.phi import PhiGate
from radpair.settings import Settings
from radpair.verifier import Verifier, get_verifier

if TYPE_CHECKING:
    from radpair.llm.client import LLMClient


@dataclass
class Services:
    """What handlers need besides the request: settings, the pool, caches and clients.

    Each object is built on first use and then shared; `warm_up` builds them all, so a server
    (create_app) has every one before its first request, while a command-line tool that only
    needs the database never loads the LLM SDK or the verifier rules. A unit test may assign a
    fake to any of them before use.
    """

    settings: Settings
    database: Database

    @cached_property
    def verifier(self) -> Verifier:
        """The report verifier (rules compiled once, shared by every handler)."""
        return get_verifier()

    @cached_property
    def llm(self) -> LLMClient:
        """The LLM client (offline when no API key is set)."""
        # Imported here: the SDK takes most of a second to import, which create-user never needs.
        from radpair.llm.client import LLMClient

        return LLMClient(self.settings)

    @cached_property
    def llm_in_flight(self) -> InFlightLimit:
        """This process's count of LLM-bound requests (LLM_MAX_IN_FLIGHT)."""
        return InFlightLimit(self.settings.llm_max_in_flight)

    @cached_property
    def phi_gate(self) -> PhiGate:
        """The PHI gate every prompt passes before it leaves."""
        return PhiGate()

    @cached_property
    def tokens(self) -> TokenService:
        """Access and refresh token signing and checking."""
        settings = self.settings
        return TokenService(
            settings.jwt_secret, settings.access_token_ttl_s, settings.refresh_token_ttl_s
        )

    @cached_property
    def macro_libraries(self) -> MacroLibraries:
        """Built macro libraries, cached per version for expansion and for saves."""
        return MacroLibraries(self.database, MacroLibraryCache(self.settings.macro_trigger_words))

    def warm_up(self) -> None:
        """Build every process-wide object and load what it reads, before the first request."""
        self.tokens
        self.llm
        self.llm_in_flight
        self.macro_libraries
        self.verifier
        # Reading the name lists takes about a second: not on a radiologist's first draft.
        self.phi_gate.warm_up()


def init_app(app: Flask, settings: Settings, database: Database) -> Services:
    """Create the services object and attach it to the app."""
    services = Services(settings=settings, database=database)
    app.extensions["radpair"] = services
    return services


def current_services() -> Services:
    """The services of the app handling this request."""
    return current_app.extensions["radpair"]
