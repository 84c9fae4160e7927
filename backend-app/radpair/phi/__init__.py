"""The PHI gate: no patient or staff identifier leaves for the LLM (see gate.py)."""

from __future__ import annotations

from radpair.phi.detect import CATEGORIES, Span, find_identifiers
from radpair.phi.gate import GatedPrompt, PhiGate, scrub

__all__ = ["CATEGORIES", "GatedPrompt", "PhiGate", "Span", "find_identifiers", "scrub"]
