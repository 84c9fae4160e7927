"""Verifier engines and the process-wide verifier used by the HTTP layer."""

from __future__ import annotations

import threading
from typing import Protocol

from radpair.verifier import negex
from radpair.verifier.compare import compare
from radpair.verifier.extract import extract
from radpair.verifier.model import Facts

PRODUCTION_ENGINE = "rules"


class Engine(Protocol):
    """Turns one text into facts (mentions and measurements)."""

    name: str

    def extract(self, text: str) -> Facts:
        """Facts found in the text."""
        ...


class RulesEngine:
    """Hand-written lexicon and NegEx-style rules; no model, pure regex."""

    name = "rules"

    def __init__(self) -> None:
        # Compile the lexicon now so the first request does not pay for it.
        self.extract("Left pleural effusion measuring 1 cm.")

    def extract(self, text: str) -> Facts:
        """Facts found in the text by the rule set."""
        return extract(text, negex.find_terms, negex.polarity_for)


def make_engine(name: str) -> Engine:
    """Build an engine by name: 'rules', 'medspacy', or 'medspacy-default' (stock rules)."""
    if name == "rules":
        return RulesEngine()
    if name in ("medspacy", "medspacy-default"):
        # Imported lazily: production never pays for spaCy unless this engine is chosen.
        from radpair.verifier.context_engine import MedspacyEngine

        return MedspacyEngine(radiology_rules=name == "medspacy")
    raise ValueError(f"unknown verifier engine: {name}")


class Verifier:
    """Compares a dictation with its LLM rewrite and lists dangerous differences."""

    def __init__(self, engine: Engine | None = None) -> None:
        self.engine = engine or make_engine(PRODUCTION_ENGINE)

    def verify(self, source: str, report: str) -> list[dict]:
        """Warnings {type, message, source_span, report_span}, one per difference found."""
        return compare(self.engine.extract(source or ""), self.engine.extract(report or ""))


_lock = threading.Lock()
_instance: Verifier | None = None


def get_verifier() -> Verifier:
    """The process-wide verifier; lexicon and rules are compiled once."""
    global _instance
    if _instance is None:
        with _lock:
            if _instance is None:
                _instance = Verifier()
    return _instance
