"""Process-wide services built once at start-up and shared by every request."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import Flask, current_app

from radpair.db import Database
from radpair.settings import Settings
from radpair.verifier import Verifier, get_verifier


@dataclass
class Services:
    """What handlers need besides the request: settings, the pool, caches and clients."""

    settings: Settings
    database: Database
    extras: dict = field(default_factory=dict)

    @property
    def verifier(self) -> Verifier:
        """The process-wide report verifier (rules compiled once, shared by every handler)."""
        return self.get("verifier", lambda s: get_verifier())

    def get(self, name: str, factory):
        """A lazily built process-wide object (LLM client, verifier, macro cache)."""
        if name not in self.extras:
            self.extras[name] = factory(self)
        return self.extras[name]


def init_app(app: Flask, settings: Settings, database: Database) -> Services:
    """Create the services object and attach it to the app."""
    services = Services(settings=settings, database=database)
    app.extensions["radpair"] = services
    return services


def current_services() -> Services:
    """The services of the app handling this request."""
    return current_app.extensions["radpair"]
