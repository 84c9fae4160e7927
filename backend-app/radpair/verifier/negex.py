"""Hand-written NegEx-style rules: finding terms and their polarity from cue scopes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import NamedTuple

from radpair.textnorm import safe_lower
from radpair.verifier import lexicon as lx
from radpair.verifier.extract import PolarityFn, Sentence, denied_by_its_words, term_matcher
from radpair.verifier.model import ABSENT, HYPOTHETICAL, PRESENT, UNCERTAIN, Term
from radpair.verifier.regex_trie import Token, ordered_trie, word_scanner

_WORD = re.compile(r"[a-z0-9]+(?:['/-][a-z0-9]+)*")
# A comma opens a new clause (and closes a negation scope) when what follows has its own verb
# and is not the next item of a list ("No X, Y, or Z is seen" keeps going).
_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|measures|measuring|seen|noted|demonstrated|present|"
    r"persists|identified|there|shows|show|extends|extending|placed)\b"
)
_LIST_CONT = re.compile(r"^\s*(?:or|and|nor)\b")
_LIST_END = re.compile(r"\b(?:or|nor)\b")
# After a comma, "with ..." or a finding given an amount ("no posterior features, minimal
# internal vascularity") starts a new statement that the denial before it does not reach.
_NEW_STATEMENT = re.compile(r"^\s*(?:with|minimal|mild|moderate|small|trace|some)\b")

_PRE_WINDOW = 10
_POST_WINDOW = 6
_SHORT_WINDOW = 3
# Cues that bind only their close neighbours ("atelectasis versus pneumonia", "AAA screening").
_SHORT_CUES = frozenset({"versus", "vs", *lx.HYP_POST})
# Bare hedges that follow their finding only in clipped dictation ("occult fx possible."); before
# a noun they hedge that noun ("possible polyp"), so after a finding they count only clause-final.
_CLAUSE_FINAL_CUES = frozenset({"possible", "suspected", "likely", "probable"})
_CLAUSE_END = re.compile(r"[ \t]*(?:[.;,)\n]|$)")
_PRE_LIMIT = max(_PRE_WINDOW, _SHORT_WINDOW)
_POST_LIMIT = max(_POST_WINDOW, _SHORT_WINDOW)
# A full stop, but not the decimal point of "2.5 mm" inside a negated list; and a spaced dash
# between words, which leads to a conclusion ("no spill - hydrosalpinx").
_STOP = re.compile(r"[;:]|\.(?!\d)|(?<=[a-z)])\s+[-\u2013\u2014]{1,2}\s")


# A label that denies what is listed under it ("The following were not seen:" above a bulleted
# list of findings): each item is denied, as if the cue stood before it.
_DENYING_LABEL = re.compile(
    r"\b(?:not\s+(?:seen|identified|visuali[sz]ed|demonstrated|present|detected)|absent"
    r"|negative\s+for|no\s+evidence\s+of)\s*$"
)


# Dictation that dropped a full stop still capitalises the next sentence: a capitalised grade
# or size word mid-line ("no osteochondral lesion Small joint effusion") opens a new statement
# that the denial before it does not reach. Eponyms ("no Schatzki ring") are never these words.
_CAPITALISED_OPENING = re.compile(
    r"(?<=[A-Za-z0-9] )(?:Small|Large|Mild|Moderate|Severe|Minimal|Trace|Marked|Extensive"
    r"|Multiple|Several|Numerous|There|The)\b(?= [a-z])"
)


# A finding named by an absence ("absent end-diastolic flow") and denied outright: the pseudo
# cue "no absent" that keeps plain flow affirmed overlaps the term, so the denial is read here.
_DOUBLE_NEGATIVE_TERM = re.compile(r"absent|reversed")
_DIRECT_DENIAL = re.compile(r"(?<![a-z])(?:no|without)\s+$")


class Cue(NamedTuple):
    """A matched cue phrase."""

    start: int
    end: int
    kind: str  # neg_pre | neg_post | unc_pre | unc_post | hyp_pre | pseudo | term
    text: str


def _phrase_tokens(phrase: str) -> list[Token]:
    tokens = [("sep", r"\s+") if ch == " " else ("lit", re.escape(ch)) for ch in phrase]
    return tokens + [("end", "")]


def _phrase_alternation(phrases: Sequence[str]) -> str:
    # Longest first, as a prefix tree that matches exactly like the flat alternation.
    return ordered_trie([_phrase_tokens(p) for p in sorted(set(phrases), key=len, reverse=True)])


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
            "hyp_post": lx.HYP_POST,
            "term": lx.TERMINATORS,
        }
        self.order = list(classes)
        self._rank = {k: r for r, k in enumerate(self.order)}
        # One pass for all classes: at each word start, a lookahead per class captures what
        # that class's own regex would match there; positions where none matches are skipped.
        groups = "".join(
            rf"(?=(?P<{k}>{_phrase_alternation(v)}(?![a-z0-9]))?)" for k, v in classes.items()
        )
        guard = "(?!)"
        for k in reversed(self.order):
            guard = rf"(?({k})|{guard})"
        self._any = re.compile(r"(?<![a-z0-9])" + groups + guard)
        self._group_index = [(k, self._any.groupindex[k]) for k in self.order]
        # Where any cue of any class starts; only there is the per-class regex run.
        every = sorted({p for v in classes.values() for p in v}, key=len, reverse=True)
        self._starts = word_scanner([_phrase_tokens(p) for p in every])

    def candidates(self, lower: str) -> list[int]:
        """Positions in the whole text where some cue phrase begins: a superset, for find()."""
        return self._starts.loose_starts(lower)

    def _raw(self, lower: str, start: int, end: int, candidates: Sequence[int] | None) -> list[Cue]:
        """Every class's own non-overlapping matches in lower[start:end] (as finditer gives)."""
        if candidates is None:
            positions: Sequence[int] = self._starts.starts(lower, start, end)
        else:
            positions = candidates[bisect_left(candidates, start) : bisect_left(candidates, end)]
        raw: list[Cue] = []
        resume = dict.fromkeys(self.order, start)
        for at in positions:
            m = self._any.match(lower, at, end)
            if m is None:
                continue
            regs = m.regs
            for kind, gi in self._group_index:
                stop = regs[gi][1]
                if stop >= 0 and at >= resume[kind]:
                    raw.append(Cue(at, stop, kind, lower[at:stop]))
                    resume[kind] = stop
        return raw

    def find(
        self, lower: str, start: int, end: int, candidates: Sequence[int] | None = None
    ) -> list[Cue]:
        """Non-overlapping cues in lower[start:end]; longer phrases win over their parts."""
        # candidates, if given, is candidates(lower): it saves scanning each sentence.
        raw = self._raw(lower, start, end, candidates)
        if len(raw) < 2:
            return raw
        if all(a.end <= b.start for a, b in zip(raw, raw[1:])):
            return raw  # already disjoint and in order: every cue is kept as it is
        # Longest first; at equal length the earlier class in self.order wins.
        rank_of = self._rank
        raw.sort(key=lambda c: (c.start - c.end, rank_of[c.kind], c.start))
        kept: list[Cue] = []
        starts: list[int] = []  # kept cues are disjoint, so sorted starts find the neighbours
        for c in raw:
            i = bisect_right(starts, c.start)
            if i and kept[i - 1].end > c.start:
                continue
            if i < len(kept) and kept[i].start < c.end:
                continue
            starts.insert(i, c.start)
            kept.insert(i, c)
        # A phrase listed both before and after its target ("resolved") works both ways.
        spans = {(c.start, c.end, c.kind) for c in raw}
        for i, c in enumerate(kept):
            base = c.kind.rsplit("_", 1)[0]
            if {(c.start, c.end, f"{base}_pre"), (c.start, c.end, f"{base}_post")} <= spans:
                kept[i] = Cue(c.start, c.end, f"{base}_both", c.text)
        return kept


@lru_cache(maxsize=1)
def cue_matcher() -> CueMatcher:
    """Process-wide compiled cue matcher."""
    return CueMatcher()


def find_terms(text: str, lower: str) -> list[Term]:
    """Lexicon terms (findings, anatomy, fixed names) found by the compiled regex lexicon."""
    return term_matcher().find(lower)


def _blocked(lower: str, a: int, b: int, terminators: Sequence[tuple[int, int]]) -> bool:
    """True when a terminator, clause punctuation or a new verb clause lies in lower[a:b]."""
    # Terminators are disjoint and sorted: the first one starting at or after a ends first.
    i = bisect_left(terminators, (a, -1))
    if i < len(terminators) and terminators[i][1] <= b:
        return True
    if _STOP.search(lower, a, b):
        return True
    comma = lower.find(",", a, b)
    while comma >= 0:
        following = lower[comma + 1 : b + 80].split(",")[0]
        following = _STOP.split(following)[0]
        verb = _VERB.search(following)
        if (
            verb
            and not _LIST_CONT.match(following)
            and not _LIST_END.search(following, 0, verb.start())
        ):
            # A new clause; but "no stricture, mass or ring is identified" ends its list with
            # the verb the whole list shares.
            return True
        if _NEW_STATEMENT.match(following):
            return True  # ", with ..." adds a statement; "no X with Y" denies both
        comma = lower.find(",", comma + 1, b)
    return False


class _SentenceCues:
    """One sentence's cues, split by the direction in which they can reach a term."""

    def __init__(self, cues: list[Cue]) -> None:
        # Cues are disjoint and sorted by start, so their ends are sorted too.
        self.pre = [c for c in cues if c.kind.endswith(("_pre", "_both"))]
        self.pre_ends = [c.end for c in self.pre]
        self.post = [c for c in cues if c.kind.endswith(("_post", "_both"))]
        self.post_starts = [c.start for c in self.post]
        self.terminators = [(c.start, c.end) for c in cues if c.kind == "term"]


def _count_words(lower: str, a: int, b: int, limit: int) -> int:
    """Words in lower[a:b], counted up to limit + 1 (enough to compare with any window)."""
    n = 0
    for _m in _WORD.finditer(lower, a, b):
        n += 1
        if n > limit:
            break
    return n


# "No trapped fluid within the intussusception", "no thrombus within the aneurysm": a finding
# named as the place where the denied one would be is there to hold it, and is not denied.
_HOLDER_BEFORE = re.compile(r"\s+(?:within|inside|in)\s+(?:the|an?|this|that)?\s*$")


def _holds_a_denied_finding(
    lower: str, cue_end: int, term: Term, finding_ends: Sequence[int]
) -> bool:
    """The term is where a finding denied before it would be (cue, finding, "within", term)."""
    gap = _HOLDER_BEFORE.search(lower, max(cue_end, term.start - 14), term.start)
    if gap is None:
        return False
    i = bisect_left(finding_ends, gap.start())
    return i < len(finding_ends) and finding_ends[i] == gap.start() and gap.start() > cue_end


# A verdict on what was just named ("... no subchondral cyst stable peroneus brevis tear"):
# in run-on dictation it closes that statement, so a denial before it does not reach past it.
# So does a stage given to it ("no extramural spread T2 mesorectal nodes 3 mm").
_VERDICT = re.compile(
    r"\b(?:stable|intact|normal|unremarkable|preserved"
    r"|(?:mr|yp|c|p)?t[0-4][a-d]?|(?:mr|yp|c|p)?n[0-3][a-c]?)\b"
)


def _closed_by_verdict(lower: str, a: int, b: int, finding_ends: Sequence[int]) -> bool:
    """A finding ends in lower[a:b] and a verdict word follows it before b."""
    i = bisect_right(finding_ends, a)
    return (
        i < len(finding_ends)
        and finding_ends[i] < b
        and bool(_VERDICT.search(lower, finding_ends[i], b))
    )


def _leaves_parentheses(lower: str, a: int, b: int) -> bool:
    """A bracket closes in lower[a:b] that opened before a: a cue inside "(likely superior
    gluteal)" hedges what the brackets hold, not the finding after them."""
    close = lower.find(")", a, b)
    return close >= 0 and lower.find("(", a, close) < 0


def _nearest_pre(
    lower: str, term: Term, cues: _SentenceCues, finding_ends: Sequence[int] = ()
) -> tuple[int, str] | None:
    """The closest cue before the term whose scope reaches it."""
    for j in range(bisect_right(cues.pre_ends, term.start) - 1, -1, -1):
        c = cues.pre[j]
        words = _count_words(lower, c.end, term.start, _PRE_LIMIT)
        if words > _PRE_LIMIT:
            break  # cues further left only have more words in between
        window = _SHORT_WINDOW if c.text in _SHORT_CUES else _PRE_WINDOW
        if words > window:
            continue
        if c.text in _SHORT_CUES and "," in lower[c.end : term.start]:
            continue
        if _blocked(lower, c.end, term.start, cues.terminators):
            continue
        if _leaves_parentheses(lower, c.end, term.start):
            continue
        if _closed_by_verdict(lower, c.end, term.start, finding_ends):
            continue
        if c.kind.startswith("neg") and _holds_a_denied_finding(lower, c.end, term, finding_ends):
            return None
        return term.start - c.end, c.kind
    return None


_JOINERS = frozenset({"and", "or", "nor", "the", "its", "their"})


def _own_subject(lower: str, a: int, b: int, finding_starts: Sequence[int]) -> bool:
    """True when lower[a:b] names something that is no finding: the subject of the cue after it
    ("ATFL tear, fibers not visualized": the fibers are unseen, the tear is not denied)."""
    if bisect_left(finding_starts, a) < bisect_left(finding_starts, b):
        return False
    return any(m.group(0) not in _JOINERS for m in _WORD.finditer(lower, a, b))


def _nearest_post(
    lower: str, term: Term, cues: _SentenceCues, finding_starts: Sequence[int] = ()
) -> tuple[int, str] | None:
    """The closest cue after the term whose scope reaches back to it."""
    # The mirror image of _nearest_pre, scanning right: the cue lists, limits and windows differ
    # by direction, and one function taking a direction would hide which is which.
    for j in range(bisect_left(cues.post_starts, term.end), len(cues.post)):
        c = cues.post[j]
        words = _count_words(lower, term.end, c.start, _POST_LIMIT)
        if words > _POST_LIMIT:
            break  # cues further right only have more words in between
        window = _SHORT_WINDOW if c.text in _SHORT_CUES else _POST_WINDOW
        if words > window:
            continue
        if c.text in _CLAUSE_FINAL_CUES and not _CLAUSE_END.match(lower, c.end):
            continue
        # "opacity, atelectasis versus consolidation": versus binds its neighbours only.
        if c.text in _SHORT_CUES and "," in lower[term.end : c.start]:
            continue
        # "effusion, which has resolved": a cue right after the comma speaks of the term, its
        # own verb opening no new clause.
        apposed = lower[term.end : c.start].strip() == ","
        if not apposed and _blocked(lower, term.end, c.start, cues.terminators):
            continue
        comma = lower.rfind(",", term.end, c.start)
        if comma >= 0 and _own_subject(lower, comma + 1, c.start, finding_starts):
            continue
        return c.start - term.end, c.kind
    return None


# A finding once avid that the sentence says is still there ("... lesions persist", "...
# nodes remain", "... nodes are still present").
_ONCE_AVID = re.compile(r"\bpreviously (?:fdg[- ])?(?:avid|hypermetabolic)\b")
_STILL_THERE = re.compile(
    r"[ \t]+(?:(?:is|are|has|have)[ \t]+)?(?:persist(?:s|ed|ing)?|remain(?:s|ed)?|"
    r"(?:is|are)[ \t]+still[ \t]+(?:seen|present|visible))\b"
)


# "Favor postoperative change over discitis": the alternative after "over" is set aside.
_FAVOURED_OVER = re.compile(r"\bfavou?r(?:s|ed|ing)?\b[^.;:\n]*\bover\s+(?:an?\s+|the\s+)?$")


def polarity_for(text: str, sentences: Sequence[Sentence], terms: Sequence[Term]) -> PolarityFn:
    """Build the polarity function for one text (cues are found once per sentence)."""
    lower = safe_lower(text)
    matcher = cue_matcher()
    cache: dict[int, _SentenceCues] = {}
    candidates: list[int] = []
    finding_starts = sorted(t.start for t in terms if t.kind == "finding")
    finding_ends = sorted(t.end for t in terms if t.kind == "finding")

    breaks: list[int] | None = None  # where a capitalised word opens a statement, made once

    def decide(term: Term, sent: Sentence) -> str:
        nonlocal breaks
        if denied_by_its_words(lower, term):
            return ABSENT
        if term.kind == "finding" and _DOUBLE_NEGATIVE_TERM.match(lower, term.start):
            if _DIRECT_DENIAL.search(lower, max(0, term.start - 9), term.start):
                return ABSENT  # "no absent or reversed end-diastolic flow"
        cues = cache.get(sent.start)
        if cues is None:
            if not cache:
                candidates.extend(matcher.candidates(lower))
            found = matcher.find(lower, sent.start, sent.end, candidates)
            cues = cache[sent.start] = _SentenceCues(found)
            if breaks is None:
                breaks = [m.start() for m in _CAPITALISED_OPENING.finditer(text)]
            opened = breaks[bisect_left(breaks, sent.start) : bisect_left(breaks, sent.end)]
            if opened:
                cues.terminators = sorted(cues.terminators + [(b, b) for b in opened])
        # The nearest reaching cue wins; at equal distance the one before the term.
        best = _nearest_pre(lower, term, cues, finding_ends)
        after = _nearest_post(lower, term, cues, finding_starts)
        if after is not None and (best is None or after[0] < best[0]):
            best = after
        if best is None:
            if sent.heading is not None and _DENYING_LABEL.search(
                lower, sentences[sent.heading].start, sentences[sent.heading].end
            ):
                return ABSENT
            return PRESENT
        kind = best[1]
        if kind.startswith("neg"):
            return ABSENT
        if kind.startswith("unc"):
            if _FAVOURED_OVER.search(lower, max(sent.start, term.start - 90), term.start):
                return ABSENT  # "favor A over B" sets B aside, as "A rather than B" does
            return UNCERTAIN
        if _STILL_THERE.match(lower, term.end) and _ONCE_AVID.search(
            lower, max(sent.start, term.start - 40), term.start
        ):
            # "The previously FDG-avid splenic lesions persist": what the baseline showed is
            # said to be there now.
            return PRESENT
        return HYPOTHETICAL

    return decide
