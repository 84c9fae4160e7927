"""Deterministic dictation-vs-report safety check (laterality, negation, measurement)."""

from radpair.verifier.engine import Verifier, get_verifier

__all__ = ["Verifier", "get_verifier"]
