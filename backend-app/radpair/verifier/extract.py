"""Shared extraction: sentences, headings, lexicon terms, sides, and assembly into mentions.

Both engines use this module; they differ only in how they find findings and decide polarity.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from radpair.verifier import lexicon as lx
from radpair.verifier.measure import extract_measurements
from radpair.verifier.model import (
    HYPOTHETICAL,
    PRESENT,
    Facts,
    Measurement,
    Mention,
    SideWord,
    Term,
)

_WORD = re.compile(r"[a-z0-9]+(?:['/-][a-z0-9]+)*")
_BULLET = re.compile(r"^\s*(?:[-*\u2022]|\d{1,2}[.)])\s+")
_LABEL = re.compile(r"^([A-Za-z][A-Za-z0-9 ,/'()\-]{0,70}?)\s*:(?!\d)")
_SECTION_INLINE = re.compile(
    r"\b("
    + "|".join(sorted((re.escape(s) for s in lx.SECTION_NAMES), key=len, reverse=True))
    + r")\s*:",
    re.IGNORECASE,
)
_SENT_END = re.compile(r"[.!?](?=\s|$)")
_NO_SPLIT_BEFORE = ("vs", "approx", "e.g", "i.e", "dr", "no", "fig")
# Boundaries across which anatomy, measurements and sides do not attach.
_STRONG = re.compile(
    r"[;:]|\b(?:with|without|but|which|however|although|while|whereas)\b|,\s*and\b"
    r"|,\s*(?:likely|possibly|probably|consistent|compatible|suspicious|concerning|cannot|"
    r"favou?r|suggest|may|could)\b"
)
_SIDE_GAP = re.compile(r"[,;:.()]")


@dataclass(frozen=True)
class Sentence:
    """A sentence (or heading label) with its section and governing heading."""

    start: int
    end: int
    section: str
    heading: int | None  # index of the heading sentence that governs this one
    is_label: bool = False


def _safe_lower(text: str) -> str:
    """Lower-case without changing length, so offsets stay valid."""
    out = text.lower()
    if len(out) == len(text):
        return out
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def segment(text: str) -> list[Sentence]:
    """Split a text into sentences, recognising section headings and side-bearing labels."""
    sentences: list[Sentence] = []
    section = "body"
    heading: int | None = None
    pos = 0
    for line in text.splitlines(keepends=True):
        line_start = pos
        pos += len(line)
        body = line.rstrip("\r\n")
        if not body.strip():
            continue
        offset = line_start
        bullet = _BULLET.match(body)
        if bullet:
            offset += bullet.end()
            body = body[bullet.end() :]
        pieces = _split_sections(body, offset)
        for piece_start, piece, new_section in pieces:
            if new_section is not None:
                section = new_section
                heading = None
                continue
            label = _LABEL.match(piece)
            if label and len(label.group(1).split()) <= 8 and "." not in label.group(1):
                sentences.append(
                    Sentence(piece_start, piece_start + label.end(1), section, None, True)
                )
                heading = len(sentences) - 1
                rest_start = piece_start + label.end()
                piece = piece[label.end() :]
                piece_start = rest_start
            for s, e in _split_sentences(piece):
                sentences.append(Sentence(piece_start + s, piece_start + e, section, heading))
    return sentences


def _split_sections(body: str, offset: int) -> list[tuple[int, str, str | None]]:
    """Cut a line at inline section headings such as 'Impression:'."""
    out: list[tuple[int, str, str | None]] = []
    last = 0
    for m in _SECTION_INLINE.finditer(body):
        before = body[last : m.start()]
        if before.strip():
            out.append((offset + last, before, None))
        out.append((offset + m.start(), "", m.group(1).lower()))
        last = m.end()
    rest = body[last:]
    if rest.strip():
        out.append((offset + last, rest, None))
    return out


def _split_sentences(piece: str) -> list[tuple[int, int]]:
    """Sentence boundaries inside one line piece, keeping decimals and 'vs.' intact."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(piece):
        words = _WORD.findall(piece[start : m.start()].lower())
        if words and words[-1] in _NO_SPLIT_BEFORE and len(words) > 1:
            continue
        spans.append((start, m.end()))
        start = m.end()
    if piece[start:].strip():
        spans.append((start, len(piece)))
    out = []
    for s, e in spans:
        seg = piece[s:e]
        lead = len(seg) - len(seg.lstrip())
        if seg.strip():
            out.append((s + lead, e))
    return out


def _plural_forms(word: str) -> str:
    """Regex tail accepting the plural of the last word of a surface form."""
    if word.endswith("y") and len(word) > 3:
        return re.escape(word[:-1]) + r"(?:y|ies)"
    if word.endswith(("s", "x", "sis")):
        return re.escape(word) + r"(?:es)?"
    return re.escape(word) + r"(?:s|es)?"


def surface_regex(surface: str) -> str:
    """Regex for a lexicon surface: flexible spaces/hyphens, optional plural."""
    words = [w for w in re.split(r"[\s\-]+", surface) if w]
    parts = [re.escape(w) for w in words[:-1]] + [_plural_forms(words[-1])]
    return r"[\s\-]+".join(parts)


def _norm_surface(text: str) -> str:
    return re.sub(r"[\s\-]+", " ", text.strip().lower())


@dataclass(frozen=True)
class _Entry:
    kind: str
    key: str
    implied: str | None
    side: str | None


class TermMatcher:
    """Compiled lexicon: finds finding, anatomy and fixed-name terms in text."""

    def __init__(self) -> None:
        self.entries: dict[str, _Entry] = {}
        for key, surfaces in lx.FINDINGS.items():
            for raw in surfaces:
                surface, _, implied = raw.partition("|")
                self.entries.setdefault(
                    _norm_surface(surface), _Entry("finding", key, implied or None, None)
                )
        for key, (surfaces, _paired, _parent) in lx.ANATOMY.items():
            for raw in surfaces:
                surface, _, side = raw.partition("|")
                self.entries.setdefault(
                    _norm_surface(surface), _Entry("anatomy", key, None, side or None)
                )
        for surface, (key, side) in lx.FIXED_NAMES.items():
            self.entries[_norm_surface(surface)] = _Entry("fixed", key, None, side)
        ordered = sorted(self.entries, key=len, reverse=True)
        alternation = "|".join(surface_regex(s) for s in ordered)
        self.regex = re.compile(rf"(?<![a-z0-9])(?:{alternation})(?![a-z0-9])")
        self.paired = {k for k, (_s, paired, _p) in lx.ANATOMY.items() if paired}

    def lookup(self, matched: str) -> tuple[_Entry, bool] | None:
        """Lexicon entry for a matched surface and whether it was written in the plural."""
        norm = _norm_surface(matched)
        if norm in self.entries:
            entry = self.entries[norm]
            return entry, norm.endswith("s") and entry.kind == "anatomy" and _is_plural(norm)
        for cut, add in (("ies", "y"), ("es", ""), ("s", "")):
            if norm.endswith(cut) and norm[: -len(cut)] + add in self.entries:
                return self.entries[norm[: -len(cut)] + add], True
        return None

    def find(self, lower: str) -> list[Term]:
        """All lexicon terms in the (lower-cased) text."""
        terms: list[Term] = []
        for m in self.regex.finditer(lower):
            hit = self.lookup(m.group(0))
            if hit is None:
                continue
            entry, plural = hit
            terms.append(
                Term(m.start(), m.end(), entry.kind, entry.key, entry.implied, entry.side, plural)
            )
        return terms


def _is_plural(norm: str) -> bool:
    """Plural anatomy written out in the lexicon itself ("kidneys", "lungs", "hips")."""
    return norm.endswith(("eys", "ngs", "ips", "ees", "sts", "ies", "des", "ae", "es", "ts"))


class SideMatcher:
    """Finds side expressions: left/right/bilateral words, post phrases and abbreviations."""

    def __init__(self) -> None:
        post = "|".join(
            re.escape(p).replace(r"\ ", r"\s*") for p in sorted(lx.SIDE_POST, key=len, reverse=True)
        )
        pre = "|".join(
            re.escape(p).replace(r"\ ", r"[\s\-]+").replace(r"\-", r"[\s\-]+")
            for p in sorted(lx.SIDE_PRE, key=len, reverse=True)
        )
        self.post = re.compile(rf"(?<![a-z0-9])(?:{post})(?![a-z0-9])")
        self.pre = re.compile(rf"(?<![a-z0-9])(?:{pre})(?![a-z0-9])")
        abbrev = "|".join(sorted(lx.SIDE_ABBREV, key=len, reverse=True))
        # Single letters only when they stand alone: not L4, not r/o, not after a number (2 L).
        self.abbrev = re.compile(
            rf"(?<![A-Za-z0-9/\-])(?<!\d\s)({abbrev})\.?(?![A-Za-z0-9/\-])(?!\s*\d)"
        )

    def find(self, text: str, lower: str, terms: Sequence[Term]) -> list[SideWord]:
        """Side expressions that are not part of a fixed name or an abbreviation term."""
        blocked = [(t.start, t.end) for t in terms if t.kind == "fixed" or t.side]
        found: list[SideWord] = []
        taken: list[tuple[int, int]] = []

        def free(s: int, e: int) -> bool:
            return not any(s < be and bs < e for bs, be in blocked + taken)

        for m in self.post.finditer(lower):
            if free(m.start(), m.end()):
                side = lx.SIDE_POST[re.sub(r"\s+", " ", m.group(0)).replace(" >", " >")]
                found.append(SideWord(m.start(), m.end(), side, True))
                taken.append((m.start(), m.end()))
        for m in self.pre.finditer(lower):
            if free(m.start(), m.end()):
                key = re.sub(r"[\s\-]+", "-" if "sided" in m.group(0) else " ", m.group(0))
                side = lx.SIDE_PRE.get(key) or lx.SIDE_PRE[key.replace("-", " ")]
                found.append(SideWord(m.start(), m.end(), side, False))
                taken.append((m.start(), m.end()))
        for m in self.abbrev.finditer(text):
            if free(m.start(), m.end()):
                found.append(SideWord(m.start(), m.end(), lx.SIDE_ABBREV[m.group(1)], False))
                taken.append((m.start(), m.end()))
        found.sort(key=lambda s: s.start)
        return found


@lru_cache(maxsize=1)
def term_matcher() -> TermMatcher:
    """Process-wide compiled term matcher."""
    return TermMatcher()


@lru_cache(maxsize=1)
def side_matcher() -> SideMatcher:
    """Process-wide compiled side matcher."""
    return SideMatcher()


def _sentence_of(sentences: Sequence[Sentence], pos: int) -> int | None:
    for i, s in enumerate(sentences):
        if s.start <= pos < s.end:
            return i
    return None


def _words_between(lower: str, a: int, b: int) -> int:
    return len(_WORD.findall(lower[a:b]))


def _expand(side: str) -> frozenset[str]:
    return frozenset({"L", "R"}) if side == "B" else frozenset({side})


PolarityFn = Callable[[Term, Sentence], str]


def assemble(
    text: str,
    sentences: Sequence[Sentence],
    terms: Sequence[Term],
    sides: Sequence[SideWord],
    polarity_of: PolarityFn,
) -> Facts:
    """Tie sides, anatomy, polarity and measurements to each finding, sentence by sentence."""
    lower = _safe_lower(text)
    by_sentence: dict[int, list[int]] = {}
    for i, t in enumerate(terms):
        si = _sentence_of(sentences, t.start)
        if si is not None:
            by_sentence.setdefault(si, []).append(i)

    term_sides, term_side_span = _attach_sides(lower, sentences, terms, sides, by_sentence)

    facts = Facts(text=text)
    heading_mention: dict[int, int] = {}
    heading_sides: dict[int, frozenset[str]] = {}
    title_sides: dict[str, frozenset[str]] = {}
    seen_section_sentence: set[str] = set()

    for si, sent in enumerate(sentences):
        idx = by_sentence.get(si, [])
        findings = [i for i in idx if terms[i].kind == "finding"]
        anatomy = [i for i in idx if terms[i].kind == "anatomy"]
        fixed = [i for i in idx if terms[i].kind == "fixed"]
        owner = _attach_anatomy(lower, terms, findings, anatomy)

        inherited: frozenset[str] = frozenset()
        if sent.heading is not None:
            inherited = heading_sides.get(sent.heading, frozenset())
        elif sent.section in title_sides:
            inherited = title_sides[sent.section]

        first_mention = len(facts.mentions)
        own_sided_anatomy: list[tuple[int, frozenset[str]]] = []
        for a in anatomy:
            if owner.get(a) is not None:
                continue
            hard = _term_sides(terms[a], term_sides.get(a))
            soft = frozenset() if hard else inherited
            if not hard and not soft and terms[a].plural and terms[a].key in term_matcher().paired:
                soft = frozenset({"L", "R"})
            facts.mentions.append(
                Mention(
                    kind="anatomy",
                    key=None,
                    anatomy=frozenset({terms[a].key}),
                    span=(terms[a].start, terms[a].end),
                    hard_sides=hard,
                    soft_sides=soft,
                    side_span=term_side_span.get(a),
                    sentence=si,
                )
            )
            if hard:
                own_sided_anatomy.append((terms[a].start, hard))
        for fx in fixed:
            facts.mentions.append(
                Mention(
                    kind="anatomy",
                    key=None,
                    anatomy=frozenset({terms[fx].key}),
                    span=(terms[fx].start, terms[fx].end),
                    hard_sides=_expand(terms[fx].side or "B"),
                    side_span=(terms[fx].start, terms[fx].end),
                    sentence=si,
                    fixed=True,
                )
            )
        for f in findings:
            term = terms[f]
            mine = [a for a, o in owner.items() if o == f]
            anat = {terms[a].key for a in mine}
            if term.implied_anatomy:
                anat.add(term.implied_anatomy)
            hard = _term_sides(term, term_sides.get(f))
            side_span = term_side_span.get(f)
            for a in mine:
                hard |= _term_sides(terms[a], term_sides.get(a))
                side_span = side_span or term_side_span.get(a)
            soft: frozenset[str] = frozenset()
            if not hard:
                near = [s for pos, s in own_sided_anatomy if pos < term.start]
                soft = near[-1] if near else inherited
            polarity = polarity_of(term, sent)
            if sent.section in lx.HYPOTHETICAL_SECTIONS:
                polarity = HYPOTHETICAL
            facts.mentions.append(
                Mention(
                    kind="finding",
                    key=term.key,
                    anatomy=frozenset(anat),
                    span=(term.start, term.end),
                    hard_sides=hard,
                    soft_sides=soft,
                    side_span=side_span,
                    polarity=polarity,
                    qualifier=_qualifier(lower, sent, term),
                    sentence=si,
                )
            )

        if sent.is_label:
            made = facts.mentions[first_mention:]
            label_sides = frozenset().union(*(m.sides for m in made)) if made else frozenset()
            heading_sides[si] = label_sides
            anat_mentions = [first_mention + k for k, m in enumerate(made) if m.kind == "anatomy"]
            if anat_mentions:
                heading_mention[si] = anat_mentions[0]
        elif sent.section not in seen_section_sentence:
            seen_section_sentence.add(sent.section)
            made = facts.mentions[first_mention:]
            # An exam title ("Left wrist, 3 views.") sets the side for the rest of the section.
            if made and all(m.kind == "anatomy" and not m.fixed for m in made):
                title = frozenset().union(*(m.hard_sides for m in made))
                if title:
                    title_sides[sent.section] = title

    facts.measurements = extract_measurements(text)
    _attach_measurements(lower, sentences, facts, heading_mention)
    return facts


def _term_sides(term: Term, attached: set[str] | None) -> frozenset[str]:
    sides: set[str] = set()
    if term.side and term.kind != "fixed":
        sides |= _expand(term.side)
    for s in attached or ():
        sides |= _expand(s)
    return frozenset(sides)


def _attach_sides(
    lower: str,
    sentences: Sequence[Sentence],
    terms: Sequence[Term],
    sides: Sequence[SideWord],
    by_sentence: dict[int, list[int]],
) -> tuple[dict[int, set[str]], dict[int, tuple[int, int]]]:
    """Give each side expression to the term it modifies (next term, or previous for post)."""
    attached: dict[int, set[str]] = {}
    spans: dict[int, tuple[int, int]] = {}
    for sw in sides:
        si = _sentence_of(sentences, sw.start)
        if si is None:
            continue
        cands = [i for i in by_sentence.get(si, []) if terms[i].kind != "fixed"]
        target = None
        post = sw.post
        if not post:
            after = [i for i in cands if terms[i].start >= sw.end]
            for i in after:
                gap = lower[sw.end : terms[i].start]
                if _SIDE_GAP.search(gap) or _words_between(lower, sw.end, terms[i].start) > 4:
                    break
                target = i
                break
            if target is None:
                tail = lower[sw.end : sentences[si].end]
                post = not _WORD.match(tail.lstrip()) or bool(re.match(r"\s*[,;:.]", tail))
        if target is None and post:
            before = [i for i in cands if terms[i].end <= sw.start]
            for i in reversed(before):
                gap = lower[terms[i].end : sw.start]
                if re.search(r"[;:.]", gap) or _words_between(lower, terms[i].end, sw.start) > 6:
                    break
                target = i
                break
        if target is not None:
            attached.setdefault(target, set()).add(sw.side)
            spans.setdefault(target, (sw.start, sw.end))
    return attached, spans


def _attach_anatomy(
    lower: str, terms: Sequence[Term], findings: list[int], anatomy: list[int]
) -> dict[int, int | None]:
    """Each anatomy term goes to the nearest finding it can reach without a strong boundary."""
    owner: dict[int, int | None] = {}
    for a in anatomy:
        best, best_d = None, None
        for f in findings:
            s, e = (
                (terms[a].end, terms[f].start)
                if terms[a].end <= terms[f].start
                else (
                    terms[f].end,
                    terms[a].start,
                )
            )
            if s > e:
                s, e = e, s
            if _STRONG.search(lower[s:e]):
                continue
            d = e - s
            if best_d is None or d < best_d:
                best, best_d = f, d
        owner[a] = best
    return owner


def _qualifier(lower: str, sent: Sentence, term: Term) -> str | None:
    """'new', 'acute' or 'suspicious' written just before the finding."""
    window = lower[max(sent.start, term.start - 40) : term.start]
    words = _WORD.findall(window)[-3:]
    for w in reversed(words):
        if w in lx.QUALIFIERS:
            return lx.QUALIFIERS[w]
    return None


def _attach_measurements(
    lower: str, sentences: Sequence[Sentence], facts: Facts, heading_mention: dict[int, int]
) -> None:
    """Tie each measurement to the nearest reachable mention of its sentence, else its heading."""
    for meas in facts.measurements:
        si = _sentence_of(sentences, meas.start)
        if si is None:
            continue
        best, best_d = None, None
        for mi, men in enumerate(facts.mentions):
            if men.sentence != si or men.fixed:
                continue
            s, e = (meas.end, men.span[0]) if meas.end <= men.span[0] else (men.span[1], meas.start)
            if s > e:
                s, e = e, s
            penalty = 1000 if _STRONG.search(lower[s:e]) else 0
            d = (e - s) + penalty
            if best_d is None or d < best_d:
                best, best_d = mi, d
        if best is None:
            h = sentences[si].heading
            if h is not None:
                best = heading_mention.get(h)
        meas.mention = best


def extract(
    text: str,
    find_terms: Callable[[str, str], list[Term]],
    polarity: Callable[[str, Sequence[Sentence], Sequence[Term]], PolarityFn],
) -> Facts:
    """Run one engine's term finder and polarity decider through the shared assembly."""
    sentences = segment(text)
    lower = _safe_lower(text)
    terms = find_terms(text, lower)
    sides = side_matcher().find(text, lower, terms)
    return assemble(text, sentences, terms, sides, polarity(text, sentences, terms))


__all__ = [
    "Measurement",
    "PRESENT",
    "Sentence",
    "TermMatcher",
    "assemble",
    "extract",
    "segment",
    "surface_regex",
    "term_matcher",
]
