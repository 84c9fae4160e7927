"""Fixtures shared by the unit tests."""

from __future__ import annotations

import pytest

from radpair.verifier import Verifier, get_verifier


@pytest.fixture(scope="module")
def verifier() -> Verifier:
    """The production verifier (one per process; modules may define their own)."""
    return get_verifier()
