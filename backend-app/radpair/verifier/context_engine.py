"""medspaCy engine: TargetMatcher finds lexicon terms, ConText decides their polarity.

Runs offline on a blank spaCy English pipeline (no downloaded model). Sides, anatomy
attachment and measurements come from the shared extraction, so the two engines differ only
in finding extraction and negation/uncertainty scope.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Sequence

from radpair.textnorm import safe_lower
from radpair.verifier import lexicon as lx
from radpair.verifier.extract import Sentence, assemble, segment, side_matcher, term_matcher
from radpair.verifier.model import ABSENT, HYPOTHETICAL, PRESENT, UNCERTAIN, Facts, Term

_CATEGORY = {"finding": "FINDING", "anatomy": "ANATOMY", "fixed": "FIXED"}
_SENTENCE_COMPONENT = "radpair_sentences"


def _quiet_imports():
    """Import spaCy/medspaCy; spaCy's CLI import trips a Click DeprecationWarning."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"spacy\..*")
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"click\..*")
        warnings.filterwarnings("ignore", message=r".*split_arg_string.*")
        import medspacy  # noqa: F401  (registers the medspacy_* factories)
        import spacy
        from medspacy.context import ConTextRule
        from medspacy.target_matcher import TargetRule
        from spacy.language import Language
    return spacy, Language, TargetRule, ConTextRule


def _plurals(word: str) -> list[str]:
    forms = {word, word + "s", word + "es"}
    if word.endswith("y"):
        forms.add(word[:-1] + "ies")
    if word.endswith("us"):
        forms.add(word[:-2] + "i")
    return sorted(forms)


class MedspacyEngine:
    """ConText (NegEx family, curated medspaCy rules) over TargetMatcher lexicon terms."""

    name = "medspacy"

    def __init__(self, radiology_rules: bool = True) -> None:
        spacy, language, target_rule, context_rule = _quiet_imports()
        if not language.has_factory(_SENTENCE_COMPONENT):
            language.component(_SENTENCE_COMPONENT, func=_set_sentences)
        nlp = spacy.blank("en")
        from medspacy.custom_tokenizer import create_medspacy_tokenizer

        nlp.tokenizer = create_medspacy_tokenizer(nlp)
        nlp.add_pipe(_SENTENCE_COMPONENT)
        matcher = nlp.add_pipe("medspacy_target_matcher")
        matcher.add(self._target_rules(nlp, target_rule))
        context = nlp.add_pipe(
            "medspacy_context", config={"allowed_types": ["FINDING"], "rules": None}
        )
        defaults = context_rule.from_json(context.DEFAULT_RULES_FILEPATH)
        if radiology_rules:
            # The curated ": no" rule (for "Pneumonia: no") reads "Pleura: No effusion." as a
            # negation of the heading and leaves the effusion affirmed; reports are full of
            # such headings, so it is dropped here.
            defaults = [r for r in defaults if not r.literal.startswith(":")]
            defaults += self._context_rules(context_rule)
        context.add(defaults)
        self.nlp = nlp
        if not radiology_rules:
            self.name = "medspacy-default"
        self.extract("Left pleural effusion measuring 1 cm. No pneumothorax.")

    @staticmethod
    def _target_rules(nlp, target_rule) -> list:
        """One TargetRule per lexicon surface, with a plural-tolerant last token."""
        rules = []
        for surface, entry in term_matcher().entries.items():
            if entry.kind not in _CATEGORY:
                continue  # names that only stop a finding being read inside them
            tokens = [t.lower_ for t in nlp.tokenizer(surface) if t.text != "-"]
            if not tokens:
                continue
            pattern: list[dict] = []
            for i, tok in enumerate(tokens):
                if i:
                    pattern.append({"ORTH": "-", "OP": "?"})
                if i == len(tokens) - 1:
                    pattern.append({"LOWER": {"IN": _plurals(tok)}})
                else:
                    pattern.append({"LOWER": tok})
            rules.append(target_rule(surface, _CATEGORY[entry.kind], pattern=pattern))
        return rules

    @staticmethod
    def _context_rules(context_rule) -> list:
        """Radiology cues added to medspaCy's defaults, from the shared cue lexicon."""
        spec = [
            (lx.NEG_PRE, "NEGATED_EXISTENCE", "FORWARD"),
            (lx.NEG_POST, "NEGATED_EXISTENCE", "BACKWARD"),
            (lx.UNC_PRE, "POSSIBLE_EXISTENCE", "FORWARD"),
            (lx.UNC_POST, "POSSIBLE_EXISTENCE", "BACKWARD"),
            (lx.HYP_PRE, "HYPOTHETICAL", "FORWARD"),
            (lx.PSEUDO, "PSEUDO", "PSEUDO"),
            (lx.TERMINATORS, "TERMINATE", "TERMINATE"),
        ]
        rules = []
        for phrases, category, direction in spec:
            for phrase in phrases:
                rules.append(context_rule(phrase, category, direction=direction))
        return rules

    def _doc(self, text: str):
        with warnings.catch_warnings():
            # An empty PhraseMatcher inside medspaCy warns (W036) on every call.
            warnings.filterwarnings("ignore", message=r".*W036.*")
            return self.nlp(text)

    def extract(self, text: str) -> Facts:
        """Facts found in the text by TargetMatcher + ConText and the shared assembly."""
        # The sentence component reads _pending, so one text at a time per process.
        with _lock:
            _pending.append(segment(text))
            try:
                doc = self._doc(text)
            finally:
                _pending.pop()
        sentences = doc.user_data["radpair_sentences"]
        lower = safe_lower(text)
        terms: list[Term] = []
        polarity: dict[int, str] = {}
        for ent in doc.ents:
            hit = term_matcher().lookup(text[ent.start_char : ent.end_char])
            if hit is None:
                continue
            entry, plural = hit
            terms.append(
                Term(
                    ent.start_char,
                    ent.end_char,
                    entry.kind,
                    entry.key,
                    entry.implied,
                    entry.side,
                    plural,
                )
            )
            polarity[ent.start_char] = _polarity(ent)
        terms = term_matcher().coordinated(lower, sorted(terms, key=lambda t: t.start))
        sides = side_matcher().find(text, lower, terms)

        def decide(term: Term, sent: Sentence) -> str:
            return polarity.get(term.start, PRESENT)

        return assemble(text, sentences, terms, sides, decide)


_CATEGORY_POLARITY = {
    "NEGATED_EXISTENCE": ABSENT,
    "POSSIBLE_EXISTENCE": UNCERTAIN,
    "HYPOTHETICAL": HYPOTHETICAL,
    "FAMILY": HYPOTHETICAL,
}


def _polarity(ent) -> str:
    """Polarity from the ConText modifier nearest to the target ('no X, cannot exclude Y')."""
    best: tuple[int, str] | None = None
    for mod in ent._.modifiers:
        pol = _CATEGORY_POLARITY.get(mod.category)
        if pol is None:
            continue
        start, end = mod.modifier_span
        dist = ent.start - end if end <= ent.start else start - ent.end
        if best is None or dist < best[0]:
            best = (dist, pol)
    return best[1] if best else PRESENT


# segment() output for the text being processed; the sentence component reads it so spaCy's
# sentence boundaries match the shared segmentation exactly.
_pending: list[Sequence[Sentence]] = []
_lock = threading.Lock()


def _set_sentences(doc):
    sentences = _pending[-1] if _pending else segment(doc.text)
    starts = {s.start for s in sentences}
    for tok in doc:
        tok.is_sent_start = tok.i == 0 or tok.idx in starts
    for s in sentences:
        # A sentence may start inside a token (rare); mark the token that contains it.
        span = doc.char_span(s.start, s.end, alignment_mode="expand")
        if span is not None and len(span):
            doc[span.start].is_sent_start = True
            # Text between sentences (an inline "Impression:") must not join the sentence
            # before it, or cues in it would reach back into that sentence.
            if span.end < len(doc):
                doc[span.end].is_sent_start = True
    doc.user_data["radpair_sentences"] = sentences
    return doc
