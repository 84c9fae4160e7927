"""Presidio's analyzer as a PHI detector, for the comparison in PHI_NOTES.md (not in production).

Presidio needs a spaCy pipeline; no trained model can be downloaded here, so it gets a blank
English one (a tokenizer only: no NER, hence no PERSON entities). `with_rules=False` is Presidio's
own pattern recognizers (e-mail, URL, phone via libphonenumber, date, SSN, IP...);
`with_rules=True` adds the production gate's rules as one more recognizer, for the categories
Presidio has no recognizer for (names by context, MRN, accession, ids, times, ages).
Requires `pip install presidio-analyzer` (not a project dependency).
"""

from __future__ import annotations

import logging
import tempfile


def presidio_engine(with_rules: bool):
    """text -> masked spans, through presidio_analyzer.AnalyzerEngine."""
    import spacy
    from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerResult
    from presidio_analyzer.nlp_engine import SpacyNlpEngine
    from presidio_analyzer.recognizer_registry import RecognizerRegistry

    from radpair.phi import CATEGORIES, find_identifiers

    # tldextract (Presidio's URL check) tries to fetch the public suffix list, then falls back
    # to its bundled copy; there is no network here, so the failed fetch is only noise.
    logging.getLogger("tldextract").setLevel(logging.CRITICAL)
    folder = tempfile.mkdtemp(prefix="blank-spacy-")
    spacy.blank("en").to_disk(folder)
    nlp_engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": folder}])
    nlp_engine.load()
    registry = RecognizerRegistry()
    registry.load_predefined_recognizers(nlp_engine=nlp_engine, languages=["en"])
    # Without NER the spaCy recognizer finds nothing; the others are pure patterns.
    registry.remove_recognizer("SpacyRecognizer")

    class GateRules(EntityRecognizer):
        """The production gate's rules as a Presidio recognizer."""

        def load(self) -> None:
            """Nothing to load: the rules are compiled at import."""

        def analyze(self, text, entities, nlp_artifacts=None):
            """One result per identifier the rules find."""
            return [
                RecognizerResult(span.category, span.start, span.end, 0.9)
                for span in find_identifiers(text)
            ]

    if with_rules:
        registry.add_recognizer(GateRules(supported_entities=list(CATEGORIES)))
    analyzer = AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"])

    def spans_of(text: str) -> list[tuple[int, int]]:
        results = analyzer.analyze(text=text, language="en", score_threshold=0.3)
        return [(r.start, r.end) for r in results]

    return spans_of
