"""Shared extraction: sentences, headings, lexicon terms, sides, and assembly into mentions.

Both engines use this module; they differ only in how they find findings and decide polarity.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from radpair.verifier import lexicon as lx
from radpair.verifier.measure import extract_measurements
from radpair.verifier.model import HYPOTHETICAL, Facts, Mention, SideWord, Term

_WORD = re.compile(r"[a-z0-9]+(?:['/-][a-z0-9]+)*")
_BULLET = re.compile(r"^\s*(?:[-*\u2022]|\d{1,2}[.)])\s+")
_LABEL = re.compile(r"([A-Za-z][A-Za-z0-9 ,/'()\-]{0,70}?)\s*:(?!\d)")
_SECTION_INLINE = re.compile(
    r"\b("
    + "|".join(sorted((re.escape(s) for s in lx.SECTION_NAMES), key=len, reverse=True))
    + r")\s*:",
    re.IGNORECASE,
)
_SENT_END = re.compile(r"[.!?](?=\s|$)")
_NO_SPLIT_BEFORE = ("vs", "approx", "dr", "fig")
# Boundaries across which anatomy, measurements and sides do not attach.
_STRONG = re.compile(
    r"[;:]|\b(?:with|without|but|which|however|although|while|whereas)\b|,\s*and\b"
    r"|\band\s+(?:an?\s+)?\d"
    r"|,\s*(?:likely|possibly|probably|consistent|compatible|suspicious|concerning|cannot|"
    r"favou?r|suggest|may|could)\b"
)
_SIDE_GAP = re.compile(r"[,;:.()]")
_COMMA_PENALTY = 30
_PREPOSITION_BONUS = 20
_PREPOSITION = re.compile(
    r"\s*(?:\w+\s+){0,2}?(?:in|of|at|within|involving|along|from|over|arising from)\s"
)
_PREDICATE = re.compile(
    r"\b(?:measur\w*|is|are|was|to|of|at|approximately|about|up to|thick|spanning)\s*$"
)
_IRREGULAR_PLURALS = frozenset({"testes", "hila", "menisci", "malleoli", "feet"})
_COORD = re.compile(r"([a-z]+)\s*(?:,\s*|\s+)(?:and|or|&)\s+")


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
            for s, e in _split_sentences(piece):
                start = piece_start + s
                label = _LABEL.match(text, start, piece_start + e)
                if label and len(label.group(1).split()) <= 8:
                    # "RIGHT KNEE:" or "L4-L5:" governs the sentences after it.
                    sentences.append(Sentence(start, label.end(1), section, None, True))
                    heading = len(sentences) - 1
                    start = label.end()
                    while start < piece_start + e and text[start].isspace():
                        start += 1
                    if start >= piece_start + e:
                        continue
                sentences.append(Sentence(start, piece_start + e, section, heading))
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
    if word.endswith("us") and len(word) > 4:
        return re.escape(word[:-2]) + r"(?:us|i|uses)"
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
            return entry, self._written_plural(norm)
        for cut, add in (("ies", "y"), ("es", ""), ("s", ""), ("i", "us")):
            if norm.endswith(cut) and norm[: -len(cut)] + add in self.entries:
                return self.entries[norm[: -len(cut)] + add], True
        return None

    def _written_plural(self, norm: str) -> bool:
        """A plural listed in the lexicon itself ("kidneys", "axillae", "testes")."""
        if norm.endswith("ae") or norm in _IRREGULAR_PLURALS:
            return True
        for cut, add in (("ies", "y"), ("es", ""), ("s", "")):
            if norm.endswith(cut) and norm[: -len(cut)] + add in self.entries:
                return True
        return False

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
        return self.coordinated(lower, terms)

    def coordinated(self, lower: str, terms: list[Term]) -> list[Term]:
        """'medial and lateral menisci' also names the medial meniscus."""
        extra: list[Term] = []
        for t in terms:
            if t.kind != "anatomy":
                continue
            words = lower[t.start : t.end].split()
            if len(words) < 2:
                continue
            head = " ".join(words[1:])
            for m in _COORD.finditer(lower, max(0, t.start - 30), t.start):
                if m.end() != t.start:
                    continue
                hit = self.lookup(f"{m.group(1)} {head}")
                if hit and hit[0].kind == "anatomy":
                    entry = hit[0]
                    extra.append(
                        Term(m.start(1), m.end(1), "anatomy", entry.key, None, entry.side, True)
                    )
        if not extra:
            return terms
        taken = [(t.start, t.end) for t in terms]
        extra = [e for e in extra if not any(s < e.end and e.start < x for s, x in taken)]
        return sorted(terms + extra, key=lambda t: t.start)


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
        self.post_map = {_squash(k): v for k, v in lx.SIDE_POST.items()}
        self.pre_map = {_squash(k): v for k, v in lx.SIDE_PRE.items()}
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
                side = self.post_map[_squash(m.group(0))]
                found.append(SideWord(m.start(), m.end(), side, True))
                taken.append((m.start(), m.end()))
        for m in self.pre.finditer(lower):
            if free(m.start(), m.end()):
                side = self.pre_map[_squash(m.group(0))]
                found.append(SideWord(m.start(), m.end(), side, False))
                taken.append((m.start(), m.end()))
        for m in self.abbrev.finditer(text):
            if free(m.start(), m.end()):
                found.append(SideWord(m.start(), m.end(), lx.SIDE_ABBREV[m.group(1)], False))
                taken.append((m.start(), m.end()))
        found.sort(key=lambda s: s.start)
        return found


def _squash(phrase: str) -> str:
    return re.sub(r"[\s\-]+", "", phrase.lower())


@lru_cache(maxsize=1)
def term_matcher() -> TermMatcher:
    """Process-wide compiled term matcher."""
    return TermMatcher()


@lru_cache(maxsize=1)
def side_matcher() -> SideMatcher:
    """Process-wide compiled side matcher."""
    return SideMatcher()


class _SentenceIndex:
    """Finds the sentence holding a character offset (sentences are ordered, disjoint)."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.sentences = sentences
        self.starts = [s.start for s in sentences]

    def __call__(self, pos: int) -> int | None:
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and pos < self.sentences[i].end:
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
    sentence_of = _SentenceIndex(sentences)
    by_sentence: dict[int, list[int]] = {}
    for i, t in enumerate(terms):
        si = sentence_of(t.start)
        if si is not None:
            by_sentence.setdefault(si, []).append(i)

    term_sides, term_side_span = _attach_sides(lower, sentence_of, terms, sides, by_sentence)
    locations = find_locations(text)

    facts = Facts(text=text)
    heading_mention: dict[int, int] = {}
    heading_sides: dict[int, frozenset[str]] = {}
    title_sides: dict[str, frozenset[str]] = {}
    seen_section_sentence: set[str] = set()
    paired = term_matcher().paired

    for si, sent in enumerate(sentences):
        idx = by_sentence.get(si, [])
        findings = [i for i in idx if terms[i].kind == "finding"]
        anatomy = [i for i in idx if terms[i].kind == "anatomy"]
        fixed = [i for i in idx if terms[i].kind == "fixed"]
        owner = _attach_anatomy(lower, terms, findings, anatomy)
        sent_locs = [loc for loc in locations if sent.start <= loc[0] < sent.end]
        head_loc = None
        if sent.heading is not None:
            h = sentences[sent.heading]
            head_locs = [loc for loc in locations if h.start <= loc[0] < h.end]
            head_loc = head_locs[0][2] if head_locs else None

        def location_of(pos: int) -> str | None:
            if head_loc:
                return head_loc
            if not sent_locs:
                return None
            return min(sent_locs, key=lambda loc: abs(loc[0] - pos))[2]

        inherited: frozenset[str] = frozenset()
        if sent.heading is not None:
            inherited = heading_sides.get(sent.heading, frozenset())
        elif sent.section in title_sides:
            inherited = title_sides[sent.section]

        # "Lungs otherwise clear" only says the rest is normal, so it denies nothing.
        is_normal = (
            not findings
            and bool(_NORMAL.search(lower, sent.start, sent.end))
            and "otherwise" not in lower[sent.start : sent.end]
        )
        first_mention = len(facts.mentions)
        for a in anatomy:
            if owner.get(a) is not None:
                continue
            term = terms[a]
            hard = _term_sides(term, term_sides.get(a))
            weak = frozenset({"L", "R"}) if term.plural and term.key in paired else frozenset()
            facts.mentions.append(
                Mention(
                    kind="anatomy",
                    key=None,
                    anatomy=frozenset({term.key}),
                    span=(term.start, term.end),
                    hard_sides=hard,
                    soft_sides=frozenset() if hard else inherited,
                    weak_sides=weak,
                    side_span=term_side_span.get(a),
                    sentence=si,
                    location=location_of(term.start),
                    normal=is_normal,
                )
            )
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
            weak: frozenset[str] = frozenset()
            for a in mine:
                hard |= _term_sides(terms[a], term_sides.get(a))
                side_span = side_span or term_side_span.get(a)
                if terms[a].plural and terms[a].key in paired:
                    weak = frozenset({"L", "R"})
            soft: frozenset[str] = frozenset()
            if not hard:
                # A finding with no side of its own is placed by the nearest earlier sided
                # structure of its sentence ("Left testis with ..., concerning for torsion");
                # another finding's side ("left basilar opacity, likely atelectasis") only
                # counts as a weak hint.
                earlier = [
                    m
                    for m in facts.mentions[first_mention:]
                    if m.span[0] < term.start and m.hard_sides and not m.fixed
                ]
                places = [m for m in earlier if m.kind == "anatomy"]
                soft = places[-1].hard_sides if places else inherited
                if not soft and earlier:
                    weak = weak | earlier[-1].hard_sides
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
                    weak_sides=weak,
                    side_span=side_span,
                    polarity=polarity,
                    qualifier=_qualifier(lower, sent, term),
                    sentence=si,
                    location=location_of(term.start),
                    severity=_severity(lower, sent, term),
                )
            )
        facts.mentions[first_mention:] = sorted(
            facts.mentions[first_mention:], key=lambda m: m.span[0]
        )

        if sent.is_label:
            made = facts.mentions[first_mention:]
            heading_sides[si] = frozenset().union(*(m.checked_sides for m in made))
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
    _attach_measurements(lower, sentence_of, facts, heading_mention)
    return facts


_LEVEL = re.compile(
    r"(?<![A-Za-z0-9])([CTLS])(\d{1,2})(?:\s*-\s*([CTLS])?(\d{1,2}))?(?![A-Za-z0-9])"
)
_SEGMENT = re.compile(r"(?<![a-z])segments?\s+(\d|i{1,3}|iv|v|vi{1,3})(?![a-z0-9])", re.I)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8}
_NORMAL = re.compile(
    r"(?<![a-z])(?:" + "|".join(re.escape(w) for w in lx.NORMAL_WORDS) + r")(?![a-z])"
)


def find_locations(text: str) -> list[tuple[int, int, str]]:
    """Vertebral levels (L4-L5 = L4-5) and liver segments, which identify a finding's place."""
    out: list[tuple[int, int, str]] = []
    for m in _LEVEL.finditer(text):
        letter, first, letter2, second = m.groups()
        if second is None:
            key = f"{letter}{int(first)}"
        elif letter2 and letter2 != letter:
            key = f"{letter}{int(first)}-{letter2}{int(second)}"
        else:
            key = f"{letter}{int(first)}-{int(second)}"
        out.append((m.start(), m.end(), "level:" + key))
    for m in _SEGMENT.finditer(text):
        num = m.group(1).lower()
        out.append((m.start(), m.end(), f"segment:{_ROMAN.get(num, num)}"))
    out.sort()
    return out


def _severity(lower: str, sent: Sentence, term: Term) -> str | None:
    """Severity word written just before the finding in the same clause."""
    window = lower[max(sent.start, term.start - 40) : term.start]
    window = re.split(r"[,;:]", window)[-1]
    for w in reversed(_WORD.findall(window)[-4:]):
        if w in lx.SEVERITY:
            return lx.SEVERITY[w]
    return None


def _term_sides(term: Term, attached: set[str] | None) -> frozenset[str]:
    sides: set[str] = set()
    if term.side and term.kind != "fixed":
        sides |= _expand(term.side)
    for s in attached or ():
        sides |= _expand(s)
    return frozenset(sides)


def _attach_sides(
    lower: str,
    sentence_of: _SentenceIndex,
    terms: Sequence[Term],
    sides: Sequence[SideWord],
    by_sentence: dict[int, list[int]],
) -> tuple[dict[int, set[str]], dict[int, tuple[int, int]]]:
    """Give each side expression to the term it modifies (next term, or previous for post)."""
    attached: dict[int, set[str]] = {}
    spans: dict[int, tuple[int, int]] = {}
    for sw in sides:
        si = sentence_of(sw.start)
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
                tail = lower[sw.end : sentence_of.sentences[si].end]
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
            d = e - s + _COMMA_PENALTY * lower.count(",", s, e)
            if terms[f].end <= terms[a].start and _PREPOSITION.match(lower, s, e):
                d -= _PREPOSITION_BONUS  # "nodule in the right lobe": the lobe is the nodule's
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
    lower: str, sentence_of: _SentenceIndex, facts: Facts, heading_mention: dict[int, int]
) -> None:
    """Tie each measurement to the nearest mention of its clause, else its heading's, else any."""
    in_sentence: dict[int, list[int]] = {}
    for mi, men in enumerate(facts.mentions):
        in_sentence.setdefault(men.sentence, []).append(mi)
    for meas in facts.measurements:
        si = sentence_of(meas.start)
        if si is None:
            continue
        near: list[tuple[int, int]] = []
        far: list[tuple[int, int]] = []
        sent = sentence_of.sentences[si]
        predicate = bool(_PREDICATE.search(lower, sent.start, meas.start))
        for mi in in_sentence.get(si, []):
            men = facts.mentions[mi]
            if men.fixed:
                continue
            after = meas.end <= men.span[0]
            s, e = (meas.end, men.span[0]) if after else (men.span[1], meas.start)
            if s > e:
                s, e = e, s
            d = e - s + _COMMA_PENALTY * lower.count(",", s, e)
            if after and predicate:
                d += 200  # "X measuring 5 mm, Y": the number belongs to X
            (far if _STRONG.search(lower[s:e]) else near).append((d, mi))
        best = min(near)[1] if near else None
        if best is None:
            h = sent.heading
            best = heading_mention.get(h) if h is not None else None
        if best is None and far:
            best = min(far)[1]
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
