"""Handlers: the service layer between blueprints and query classes."""

from __future__ import annotations


def warm_up(services) -> None:
    """Build process-wide objects (prompt, LLM client, verifier) before the first request."""
    for loader in _WARM_UP:
        loader(services)


_WARM_UP: list = []


def on_warm_up(loader):
    """Register a function that warms a process-wide object at start-up."""
    _WARM_UP.append(loader)
    return loader
