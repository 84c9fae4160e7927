"""Deterministic dictation-vs-report check: sides, negation, sizes, dropped and added findings."""

from radpair.verifier.engine import Verifier, get_verifier

__all__ = ["Verifier", "get_verifier"]
