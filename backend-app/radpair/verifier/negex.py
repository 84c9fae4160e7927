"""Hand-written NegEx-style rules: finding terms and their polarity from cue scopes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from radpair.verifier import lexicon as lx
from radpair.verifier.extract import PolarityFn, Sentence, term_matcher
from radpair.verifier.model import ABSENT, HYPOTHETICAL, PRESENT, UNCERTAIN, Term

_WORD = re.compile(r"[a-z0-9]+(?:['/-][a-z0-9]+)*")
# A comma opens a new clause (and closes a negation scope) when what follows has its own verb
# and is not the next item of a list ("No X, Y, or Z is seen" keeps going).
_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|measures|measuring|seen|noted|demonstrated|present|"
    r"persists|identified|there|shows|show|extends|extending)\b"
)
_LIST_CONT = re.compile(r"^\s*(?:or|and|nor)\b")

_PRE_WINDOW = 10
_POST_WINDOW = 6
_SHORT_WINDOW = 3
_SHORT_CUES = frozenset({"versus", "vs"})


@dataclass(frozen=True)
class Cue:
    """A matched cue phrase."""

    start: int
    end: int
    kind: str  # neg_pre | neg_post | unc_pre | unc_post | hyp_pre | pseudo | term
    text: str


def _phrase_regex(phrases: Sequence[str]) -> str:
    alts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        alts.append(re.escape(p).replace(r"\ ", r"\s+"))
    return r"(?<![a-z0-9])(?:" + "|".join(alts) + r")(?![a-z0-9])"


class CueMatcher:
    """All cue classes compiled once."""

    def __init__(self) -> None:
        classes = {
            "pseudo": lx.PSEUDO,
            "unc_post": lx.UNC_POST,
            "unc_pre": lx.UNC_PRE,
            "neg_post": lx.NEG_POST,
            "neg_pre": lx.NEG_PRE,
            "hyp_pre": lx.HYP_PRE,
            "term": lx.TERMINATORS,
        }
        self.classes = {k: re.compile(_phrase_regex(v)) for k, v in classes.items()}
        self.order = list(classes)

    def find(self, lower: str, start: int, end: int) -> list[Cue]:
        """Non-overlapping cues in lower[start:end]; longer phrases win over their parts."""
        raw: list[Cue] = []
        for kind in self.order:
            for m in self.classes[kind].finditer(lower, start, end):
                raw.append(Cue(m.start(), m.end(), kind, m.group(0)))
        # Longest first; at equal length the earlier class in self.order wins.
        rank_of = {k: r for r, k in enumerate(self.order)}
        raw.sort(key=lambda c: (-(c.end - c.start), rank_of[c.kind], c.start))
        kept: list[Cue] = []
        for c in raw:
            if all(c.end <= k.start or k.end <= c.start for k in kept):
                kept.append(c)
        # A phrase listed both before and after its target ("resolved") works both ways.
        spans = {(c.start, c.end, c.kind) for c in raw}
        for i, c in enumerate(kept):
            base = c.kind.rsplit("_", 1)[0]
            if {(c.start, c.end, f"{base}_pre"), (c.start, c.end, f"{base}_post")} <= spans:
                kept[i] = Cue(c.start, c.end, f"{base}_both", c.text)
        kept.sort(key=lambda c: c.start)
        return kept


@lru_cache(maxsize=1)
def cue_matcher() -> CueMatcher:
    """Process-wide compiled cue matcher."""
    return CueMatcher()


def find_terms(text: str, lower: str) -> list[Term]:
    """Lexicon terms (findings, anatomy, fixed names) found by the compiled regex lexicon."""
    return term_matcher().find(lower)


def _blocked(lower: str, a: int, b: int, cues: Sequence[Cue]) -> bool:
    """True when a terminator, clause punctuation or a new verb clause lies in lower[a:b]."""
    if any(c.kind == "term" and a <= c.start and c.end <= b for c in cues):
        return True
    gap = lower[a:b]
    if re.search(r"[;:.]", gap):
        return True
    for m in re.finditer(",", gap):
        following = lower[a + m.end() : b + 80].split(",")[0]
        following = re.split(r"[.;:]", following)[0]
        if _VERB.search(following) and not _LIST_CONT.match(following):
            return True
    return False


def polarity_for(text: str, sentences: Sequence[Sentence], terms: Sequence[Term]) -> PolarityFn:
    """Build the polarity function for one text (cues are found once per sentence)."""
    lower = text.lower() if len(text.lower()) == len(text) else text
    matcher = cue_matcher()
    cache: dict[int, list[Cue]] = {}

    def decide(term: Term, sent: Sentence) -> str:
        key = sent.start
        if key not in cache:
            cache[key] = matcher.find(lower, sent.start, sent.end)
        cues = cache[key]
        best: tuple[int, str] | None = None
        for c in cues:
            if c.kind in ("term", "pseudo"):
                continue
            if c.end <= term.start and c.kind.endswith(("_pre", "_both")):
                window = _SHORT_WINDOW if c.text in _SHORT_CUES else _PRE_WINDOW
                if len(_WORD.findall(lower[c.end : term.start])) > window:
                    continue
                if c.text in _SHORT_CUES and "," in lower[c.end : term.start]:
                    continue
                if _blocked(lower, c.end, term.start, cues):
                    continue
                dist = term.start - c.end
            elif c.start >= term.end and c.kind.endswith(("_post", "_both")):
                window = _SHORT_WINDOW if c.text in _SHORT_CUES else _POST_WINDOW
                if len(_WORD.findall(lower[term.end : c.start])) > window:
                    continue
                # "opacity, atelectasis versus consolidation": versus binds its neighbours only.
                if c.text in _SHORT_CUES and "," in lower[term.end : c.start]:
                    continue
                if _blocked(lower, term.end, c.start, cues):
                    continue
                dist = c.start - term.end
            else:
                continue
            if best is None or dist < best[0]:
                best = (dist, c.kind)
        if best is None:
            return PRESENT
        kind = best[1]
        if kind.startswith("neg"):
            return ABSENT
        if kind.startswith("unc"):
            return UNCERTAIN
        return HYPOTHETICAL

    return decide
