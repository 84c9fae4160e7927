"""Shared extraction: sentences, headings, lexicon terms, sides, and assembly into mentions.

Both engines use this module; they differ only in how they find findings and decide polarity.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from radpair.textnorm import safe_lower
from radpair.verifier import lexicon as lx
from radpair.verifier.spoken import (
    read_spoken_levels,
    read_spoken_numbers,
    read_spoken_punctuation,
    spoken_end,
)
from radpair.verifier.measure import extract_measurements
from radpair.verifier.model import (
    ABSENT,
    HYPOTHETICAL,
    PRESENT,
    UNCERTAIN,
    Facts,
    Mention,
    SideWord,
    Term,
)
from radpair.verifier.regex_trie import Token, literal_tokens, ordered_trie, word_scanner

_WORD = re.compile(r"[a-z0-9]+(?:['/-][a-z0-9]+)*")
_BULLET = re.compile(r"^\s*(?:[-*\u2022]|\d{1,2}[.)])\s+")
_LABEL = re.compile(r"([A-Za-z][A-Za-z0-9 ,/'()\-]{0,70}?)\s*:(?!\d)")
_SECTION_INLINE = re.compile(
    r"\b("
    + "|".join(sorted((re.escape(s) for s in lx.SECTION_NAMES), key=len, reverse=True))
    + r")\s*:",
    re.IGNORECASE,
)
# The same on lower-cased ASCII text, where ignoring case is the same as lower-casing: no
# IGNORECASE, and the word-boundary test sits after the first letter ("i(?<!\wi)mpression"),
# so the pattern starts with a character set that the regex engine can skip to.
_SECTION_LOWER = re.compile(
    "("
    + ordered_trie(
        [
            literal_tokens(s) + [("end", "")]
            for s in sorted(lx.SECTION_NAMES, key=len, reverse=True)
        ],
        not_after=[r"\w"],
    )
    + r")\s*:"
)
_SENT_END = re.compile(r"[.!?](?=\s|$)")
_NO_SPLIT_BEFORE = ("vs", "approx", "dr", "fig")
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_ABBREVIATION_ENDS = frozenset(w[-1] for w in _NO_SPLIT_BEFORE)
# Boundaries across which anatomy, measurements and sides do not attach.
_STRONG_PARTS = (
    r"[;:]",
    r"\b(?:with|without|but|which|however|although|while|whereas)\b",
    r",\s*and\b",
    # "and 2 cm ...", but not "6th and 7th ribs", one list of places.
    r"\band\s+(?:an?\s+)?\d(?!\d*(?:st|nd|rd|th)\b)",
    r",\s*(?:likely|possibly|probably|consistent|compatible|suspicious|concerning|cannot|"
    r"favou?r|suggest|may|could)\b",
    # "two right (21 mm) and one left (26 mm), all T1 hyperintense": a clause opened by
    # "all", "both" or "each" is said of every item listed before it, not of the last one.
    r",\s*(?:all|both|each)\b",
)
_STRONG = re.compile("|".join(_STRONG_PARTS))
_STRONG_EACH = tuple(re.compile(part) for part in _STRONG_PARTS)
_SIDE_GAP = re.compile(r"[,;:.()]")
_CLAUSE_PUNCT = re.compile(r"[,;:]")
_STOP_PUNCT = re.compile(r"[;:.]")
_COMMA_PENALTY = 30
# Above this many anatomy-finding pairs in a sentence, _attach_anatomy_long does the work.
_LONG_SENTENCE_PAIRS = 64
_PREPOSITION_BONUS = 20
_PREPOSITION = re.compile(
    # Not "not involving": the structure after it is where the finding is not.
    r"\s*(?:\w+\s+){0,2}?(?:in|of|at|within|(?<!not\s)(?<!without\s)involving|along|from"
    r"|over|arising from)\s"
)
# A structure a distance away from the finding ("4 cm above the calcaneal insertion", "2 cm
# distal to the origin") is the landmark it is measured from, not the finding's site.
_LANDMARK = re.compile(
    r"\d(?:\.\d+)?\s*(?:mm|cm)\s+(?:above|below|(?:proximal|distal|superior|inferior|"
    r"cranial|caudal)\s+to|from)\s+(?:the\s+)?$"
)
_PREDICATE = re.compile(
    r"\b(?:measur\w*|is|are|was|to|of|at|approximately|about|up to|thick|spanning)\s*$"
)
_IRREGULAR_PLURALS = frozenset({"testes", "hila", "menisci", "malleoli", "feet"})
_CONJUNCTIONS = ("and", "or", "&")
_COORD = re.compile(r"([a-z]+)\s*(?:,\s*|\s+)(?:and|or|&)\s+")


@dataclass(frozen=True)
class Sentence:
    """A sentence (or heading label) with its section and governing heading."""

    start: int
    end: int
    section: str
    heading: int | None  # index of the heading sentence that governs this one
    is_label: bool = False

    def __init__(
        self, start: int, end: int, section: str, heading: int | None, is_label: bool = False
    ) -> None:
        # Faster than the frozen dataclass __init__ (see Term); same fields, still frozen.
        self.__dict__.update(
            start=start, end=end, section=section, heading=heading, is_label=is_label
        )


_LINE_SECTIONS = lx.HYPOTHETICAL_SECTIONS | {"comparison", "technique"}
# Dictation queries a finding with a "?" before it and up to three words between.
_QUERIED = re.compile(r"(?:^|[\s(])\?\s*(?:[a-z0-9-]+\s+){0,3}$")
# A label that announces a forecast ("FRAX 10-year probability: major osteoporotic fracture
# 22%"): what it governs is a risk, not a finding.
_FORECAST_LABEL = re.compile(r"\b(?:frax|probability|risk)\b")


_OPENS_WITH_SIDE = re.compile(r"\s*(?:(?i:left|right|bilateral|both)|[LR])\b")


def segment(text: str) -> list[Sentence]:
    """Split a text into sentences, recognising section headings and side-bearing labels."""
    sentences: list[Sentence] = []
    section = "body"
    heading: int | None = None
    inline_label = False
    # "Right:" alone on its line, over bullets that carry labels of their own ("- Internal
    # carotid artery: plaque"): each bullet's label is read under the side heading.
    side_heading: int | None = None
    pos = 0
    folded = text.lower() if text.isascii() else None
    for line in text.splitlines(keepends=True):
        line_start = pos
        pos += len(line)
        body = line.rstrip("\r\n")
        if not body.strip():
            continue
        if section in _LINE_SECTIONS:
            # A dictated "Indication: ..." or "Comparison: ..." line ends with its line: what
            # follows without a heading of its own is the report body, not more history.
            section, heading = "body", None
        elif inline_label and not _OPENING_SIDE.match(body):
            # "Right breast: 5 mm mass." governs its own line; a label alone on its line
            # governs the lines below it, and a line opening with a side is read against it.
            heading = None
        inline_label = False
        offset = line_start
        bullet = _BULLET.match(body)
        if bullet:
            offset += bullet.end()
            body = body[bullet.end() :]
        else:
            side_heading = None
        if ":" not in body:
            pieces = [(offset, body, None)] if body.strip() else []
        elif folded is not None:
            pieces = _split_sections(body, offset, folded[offset : offset + len(body)])
        else:
            pieces = _split_sections(body, offset, None)
        for piece_start, piece, new_section in pieces:
            if new_section is not None:
                section = new_section
                heading = side_heading = None
                continue
            for s, e in _split_sentences(piece):
                start = piece_start + s
                label = (
                    _LABEL.match(text, start, piece_start + e)
                    if text.find(":", start, piece_start + e) >= 0
                    else None
                )
                if label and len(label.group(1).split()) <= 8:
                    if section in lx.HYPOTHETICAL_SECTIONS and sentences[-1:]:
                        # "History: ... staging. Neck: hypermetabolic nodes": a labelled
                        # sentence after the history, on its line, begins the findings.
                        section = "body"
                    # "RIGHT KNEE:" or "L4-L5:" governs the sentences after it.
                    sentences.append(Sentence(start, label.end(1), section, side_heading, True))
                    heading = len(sentences) - 1
                    start = label.end()
                    while start < piece_start + e and text[start].isspace():
                        start += 1
                    if start >= piece_start + e:
                        # Any label opening with a side ("Right:", "Right temporal bone:")
                        # heads the labelled bullets under it ("- Mastoid: sclerotic").
                        if not bullet and _OPENS_WITH_SIDE.match(label.group(1)):
                            side_heading = heading
                        if not text[start:pos].strip():
                            # A label that ends its line ("Oesophagus: Normal calibre. The
                            # following were not seen:") governs the lines below it, as one
                            # alone on its line does.
                            inline_label = False
                        continue
                    inline_label = True
                sentences.append(Sentence(start, piece_start + e, section, heading))
    return sentences


def _split_sections(
    body: str, offset: int, lowered: str | None
) -> list[tuple[int, str, str | None]]:
    """Cut a line at inline section headings such as 'Impression:'."""
    # lowered, when given, is the body lower-cased, and all ASCII.
    out: list[tuple[int, str, str | None]] = []
    last = 0
    matches = (
        _SECTION_LOWER.finditer(lowered) if lowered is not None else _SECTION_INLINE.finditer(body)
    )
    for m in matches:
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
    # The words of piece[start:counted]: how many, and the last. No word runs across the
    # '.', '!' or '?' at counted, so a longer sentence only needs the words after it.
    counted, n_words, last_word = 0, 0, ""
    for m in _SENT_END.finditer(piece):
        end = m.start()
        # Only a last word ending in s, x, r or g can be one of them: skip the rest quickly.
        last = piece[end - 1].lower() if end > start else ""
        if (last not in _ALNUM or last in _ABBREVIATION_ENDS) and _may_end_in_abbreviation(
            piece, start, end
        ):
            words = _WORD.findall(piece[counted:end].lower())
            if words:
                n_words += len(words)
                last_word = words[-1]
            counted = end
            if n_words > 1 and last_word in _NO_SPLIT_BEFORE:
                continue
        spans.append((start, m.end()))
        start = counted = m.end()
        n_words, last_word = 0, ""
    if piece[start:].strip():
        spans.append((start, len(piece)))
    out = []
    for s, e in spans:
        seg = piece[s:e]
        lead = len(seg) - len(seg.lstrip())
        if seg.strip():
            out.append((s + lead, e))
    return out


def _may_end_in_abbreviation(piece: str, start: int, end: int) -> bool:
    """Cheap pre-check: could the last word of piece[start:end] be one of _NO_SPLIT_BEFORE?"""
    # The last word always ends at the last letter or digit, so it is a suffix of the text up
    # to there; without such a suffix the full word scan cannot find an abbreviation.
    lo = max(start, end - 16)
    tail = piece[lo:end].lower()
    j = len(tail)
    while j and tail[j - 1] not in _ALNUM:
        j -= 1
    if j < 6 and lo > start:
        return True  # too little context here to rule it out
    return tail[:j].endswith(_NO_SPLIT_BEFORE)


def _plural_forms(word: str) -> list[Token]:
    """Tokens for the last word of a surface form, with a tail accepting its plural."""
    if word.endswith("y") and len(word) > 3:
        return literal_tokens(word[:-1]) + [("end", r"(?:y|ies)")]
    if word.endswith("us") and len(word) > 4:
        return literal_tokens(word[:-2]) + [("end", r"(?:us|i|uses)")]
    if word.endswith("nx") and len(word) > 4:
        # Greek plurals: "hydrosalpinges", "pharynges".
        return literal_tokens(word[:-1]) + [("end", r"(?:x|ges|xes)")]
    if word.endswith(("s", "x", "sis")):
        return literal_tokens(word) + [("end", r"(?:es)?")]
    return literal_tokens(word) + [("end", r"(?:s|es)?")]


_SURFACE_SEP: Token = ("sep", r"[\s\-]+")


def surface_tokens(surface: str) -> list[Token]:
    """Regex tokens for a lexicon surface: flexible spaces/hyphens, optional plural."""
    words = [w for w in re.split(r"[\s\-]+", surface) if w]
    out: list[Token] = []
    for w in words[:-1]:
        out += literal_tokens(w) + [_SURFACE_SEP]
    return out + _plural_forms(words[-1])


def surface_regex(surface: str) -> str:
    """Regex for a lexicon surface: flexible spaces/hyphens, optional plural."""
    return "".join(regex for _kind, regex in surface_tokens(surface))


def _norm_surface(text: str) -> str:
    return re.sub(r"[\s\-]+", " ", text.strip().lower())


@dataclass(frozen=True)
class _Entry:
    kind: str
    key: str
    implied: str | None
    side: str | None


_FINDING_WORD = re.compile(
    r"\b[a-z]{2,}(?:" + "|".join(sorted(lx.FINDING_SUFFIXES, key=len, reverse=True)) + r")\b"
)
_PLURAL_ENDINGS = (("itides", "itis"), ("omata", "oma"), ("oses", "osis"), ("ectases", "ectasis"))


def _singular_finding(word: str) -> tuple[str, bool]:
    """The singular of a word found by its ending, and whether it was plural."""
    word = _american(word)
    for plural, singular in _PLURAL_ENDINGS:
        if word.endswith(plural):
            return word[: -len(plural)] + singular, True
    if word.endswith(("omas", "celes", "pathies", "rrhages")):
        return (word[:-3] + "y" if word.endswith("ies") else word[:-1]), True
    return word, False


def _british(norm: str) -> str:
    """A lexicon surface in British spelling (the surface itself when it has none)."""
    for us, uk in lx.SPELLINGS:
        if uk not in norm:
            norm = norm.replace(us, uk)
    return norm


def _american(word: str) -> str:
    """A word in American spelling, so both spellings of an unlisted finding share a key."""
    for us, uk in lx.SPELLINGS:
        word = word.replace(uk, us)
    return word


_SHORTENED = {"right": ("r", "rt"), "left": ("l", "lt")}
# "Nonpurulent", "non-enhancing": the prefix denies the finding word it is fused to.
_NON_FUSED = re.compile(r"(?<![a-z0-9])non(?=[a-z]{4})")
_NON_REACH = 60
_ABSENCE = frozenset(" ".join(name.split()) for name in lx.ABSENCE_NAMES)


def denied_by_its_words(lower: str, term: Term) -> bool:
    """True when a finding term denies itself: a name of its absence ("normal ventilation"),
    a denying prefix ("non-purulent"), or one fused into the term's own word ("nonpurulent",
    matched whole) when the lexicon has no such word."""
    if term.kind == "finding" and _norm_surface(lower[term.start : term.end]) in _ABSENCE:
        return True
    at = term.start - 4
    if at >= 0 and lower.startswith("non-", at) and (at == 0 or not lower[at - 1].isalnum()):
        return True
    return lower.startswith("non", term.start) and (
        term_matcher().lookup(lower[term.start : term.end]) is None
    )


_NOT_PREFIXED = lx.PART_WORDS | lx.PLACE_STRUCTURES["level"]


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
        # After every listed surface, so a British form never displaces a word of its own; a
        # finding named with its side is dictated with the side shortened ("R heart strain"),
        # as a fixed name is.
        for norm, entry in list(self.entries.items()):
            if entry.kind in ("finding", "anatomy"):
                self.entries.setdefault(_british(norm), entry)
            first, _, rest = norm.partition(" ")
            for short in _SHORTENED.get(first, ()) if rest and entry.kind == "finding" else ():
                self.entries.setdefault(f"{short} {rest}", entry)
        for surface, key in lx.ABSENCE_NAMES.items():
            self.entries.setdefault(_norm_surface(surface), _Entry("finding", key, None, None))
        # "Intraparotid": a prefix of place fused to an organ's word names that organ, where
        # the lexicon has no word of its own. Not a part word ("intra-apical") nor a region of
        # the spine ("intrathoracic" is in the chest).
        prefixed = {
            prefix + sep + norm: entry
            for norm, entry in self.entries.items()
            if entry.kind == "anatomy"
            and entry.side is None
            and entry.key not in _NOT_PREFIXED
            and norm.isalpha()
            and len(norm) > 4
            and not norm.startswith(lx.PLACE_PREFIXES)
            for prefix in lx.PLACE_PREFIXES
            for sep in ("", " ")
        }
        for surface, entry in prefixed.items():
            self.entries.setdefault(surface, entry)
        for surface, (key, side) in lx.FIXED_NAMES.items():
            self.entries[_norm_surface(surface)] = _Entry("fixed", key, None, side)
        # Dictation shortens the side of a fixed name ("R heart border", "Lt main"); the
        # shortened side word stays part of the name, as the full one does.
        for surface, (key, side) in lx.FIXED_NAMES.items():
            first, _, rest = _norm_surface(surface).partition(" ")
            for short in _SHORTENED.get(first, ()) if rest else ():
                self.entries.setdefault(f"{short} {rest}", _Entry("fixed", key, None, side))
        # Matched like any term so that no finding is read inside them, then dropped.
        for surface in lx.NAMES_NOT_FINDINGS:
            self.entries[_norm_surface(surface)] = _Entry("name", surface, None, None)
        # One-word structure names, for rejoining a name speech recognition split in two.
        self.structure_words = {
            norm: entry
            for norm, entry in self.entries.items()
            if entry.kind == "anatomy" and norm.isalpha()
        }
        # The first halves such a split can leave, its last letter doubled or not ("mass").
        self.split_heads = {
            name[:i] + double
            for name in self.structure_words
            for i in range(3, len(name) - 1)
            for double in ("", name[i - 1])
        }
        ordered = sorted(self.entries, key=len, reverse=True)
        # Same matches as the flat longest-first alternation, but factored into a prefix tree.
        self.scanner = word_scanner([surface_tokens(s) for s in ordered])
        self.paired = {k for k, (_s, paired, _p) in lx.ANATOMY.items() if paired}
        # Pure function of the matched surface; bounded because spacing variants are endless.
        self._lookup_cached = lru_cache(maxsize=4096)(self._lookup)

    def lookup(self, matched: str) -> tuple[_Entry, bool] | None:
        """Lexicon entry for a matched surface and whether it was written in the plural."""
        return self._lookup_cached(matched)

    def _lookup(self, matched: str) -> tuple[_Entry, bool] | None:
        norm = _norm_surface(matched)
        if norm in self.entries:
            entry = self.entries[norm]
            return entry, self._written_plural(norm)
        for cut, add in (("ies", "y"), ("es", ""), ("s", ""), ("i", "us"), ("ges", "x")):
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
        """All lexicon terms in the (lower-cased) text, then findings known by their ending."""
        terms: list[Term] = []
        for start, end in self.scanner.spans(lower):
            hit = self.lookup(lower[start:end])
            if hit is None:
                continue
            entry, plural = hit
            terms.append(Term(start, end, entry.kind, entry.key, entry.implied, entry.side, plural))
        if "non" in lower:
            terms = self._after_fused_non(lower, terms)
        if "extend" in lower:
            terms = _extension_continued(lower, terms)
        terms = self.coordinated(lower, self._by_ending(lower, terms))
        return [
            self._split_by_dictation(lower, t) if t.kind == "finding" else t
            for i, t in enumerate(terms)
            if t.kind != "name" and not _describes_a_noun(lower, t, terms[i + 1 : i + 3])
        ]

    def _split_by_dictation(self, lower: str, term: Term) -> Term:
        """A finding word speech recognition split off a structure's name ("mass toid air
        cells" for "mastoid"): joined to the fragment after it, it is that structure."""
        word = lower[term.start : term.end]
        if word not in self.split_heads:
            return term
        frag = _FRAGMENT_AFTER.match(lower, term.end)
        if frag is None:
            return term
        joined = word + frag.group(1)
        # The split often doubles the letter at the join ("mass toid"); the name may be plural.
        for whole in (joined, word[:-1] + frag.group(1)):
            for name, plural in ((whole, False), (whole[:-1], True)):
                entry = self.structure_words.get(name)
                if entry is not None:
                    return Term(
                        term.start, frag.end(), "anatomy", entry.key, None, entry.side, plural
                    )
        return term

    def _after_fused_non(self, lower: str, terms: list[Term]) -> list[Term]:
        """Add the finding fused to a "non" prefix ("nonpurulent"), unless a term covers it."""
        extra = []
        ends = [t.end for t in terms]  # terms come in text order and do not overlap
        for m in _NON_FUSED.finditer(lower):
            i = bisect_right(ends, m.start())
            if i < len(terms) and terms[i].start < m.end() + 1:
                continue  # a lexicon word that begins with "non" ("nonvisualization")
            start = m.end()
            hit = self.scanner.regex.match(lower[start : start + _NON_REACH])
            entry = hit and self.lookup(hit.group(0))
            if entry and entry[0].kind == "finding":
                e, plural = entry
                # The term covers the whole word, prefix and all, so warnings quote it whole.
                extra.append(
                    Term(m.start(), start + hit.end(), e.kind, e.key, e.implied, e.side, plural)
                )
        if not extra:
            return terms
        return sorted(terms + extra, key=lambda t: t.start)

    def _by_ending(self, lower: str, terms: list[Term]) -> list[Term]:
        """Add words that name a finding by their ending and overlap no lexicon term."""
        extra = []
        starts = [t.start for t in terms]  # terms come in text order and do not overlap
        for m in _FINDING_WORD.finditer(lower):
            word = m.group(0)
            if word in lx.NOT_FINDINGS:
                continue
            start, end = m.span()
            i = bisect_right(starts, start)
            # Overlap with the term starting at or before `start`, or with the next one.
            if (i and terms[i - 1].end > start) or (i < len(terms) and terms[i].start < end):
                continue
            key, plural = _singular_finding(word)
            extra.append(Term(start, end, "finding", "~" + key, None, None, plural))
        if not extra:
            return terms
        return sorted(terms + extra, key=lambda t: t.start)

    def coordinated(self, lower: str, terms: list[Term]) -> list[Term]:
        """'medial and lateral menisci' also names the medial meniscus."""
        extra: list[Term] = []
        for t in terms:
            if t.kind != "anatomy":
                continue
            # A coordination must end right here with "and"/"or"/"&" and a space.
            window = lower[max(0, t.start - 30) : t.start]
            if not (window[-1:].isspace() and window.rstrip().endswith(_CONJUNCTIONS)):
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


# "Extending from the upper arm to the axillary junction and into the axillary vein": the
# extension goes on past the first places it names, into the one after the conjunction.
_EXTENSION_GOES_ON = re.compile(
    r"\bextend(?:s|ed|ing)?\s+(?:from|to|through|along|beyond)\b[^.;:\n]{0,80}?"
    r"\b((?:and|or)\s+(?:then\s+)?into)\b"
)


def _extension_continued(lower: str, terms: list[Term]) -> list[Term]:
    """Add an extension term at "and into" when it carries on an extension verb."""
    extra = []
    for m in _EXTENSION_GOES_ON.finditer(lower):
        start, end = m.span(1)
        if any(t.start < end and start < t.end for t in terms):
            continue
        extra.append(Term(start, end, "finding", "extension", None, None, False))
    if not extra:
        return terms
    return sorted(terms + extra, key=lambda t: t.start)


_SPACES = re.compile(r"[ \t]*")
# A lower-case fragment after one space: what a split word's second half looks like.
_FRAGMENT_AFTER = re.compile(r" ([a-z]{2,})\b")


_MISHEARD_SIDE = re.compile(r"\bwright\b")
# Lower-case dictation's lone "l" or "r" ("r subclavian cvc", "small l effusion"); alone it
# could be anything, so it counts only right before a finding or structure it sides.
_LOWER_SIDE_LETTER = re.compile(r"(?<![A-Za-z0-9/\-'.])([lr])\.?(?![A-Za-z0-9/\-'])")


class SideMatcher:
    """Finds side expressions: left/right/bilateral words, post phrases and abbreviations."""

    def __init__(self) -> None:
        # Post phrases allow any spacing ("l>r", "l > r"); pre words any spaces or hyphens.
        self.post_scanner = word_scanner(
            [_side_tokens(p, " ", r"\s*") for p in sorted(lx.SIDE_POST, key=len, reverse=True)]
        )
        self.pre_scanner = word_scanner(
            [_side_tokens(p, " -", r"[\s\-]+") for p in sorted(lx.SIDE_PRE, key=len, reverse=True)]
        )
        self.post_map = {_squash(k): v for k, v in lx.SIDE_POST.items()}
        self.pre_map = {_squash(k): v for k, v in lx.SIDE_PRE.items()}
        abbrevs = sorted(lx.SIDE_ABBREV, key=len, reverse=True)
        # Single letters only when they stand alone: not L4, not r/o, not after a number (2 L).
        # The look-behinds sit after each abbreviation's first letter (same check, written
        # "L(?<![...]L)t"), so the regex engine can skip to the letters L and R.
        abbrev = "|".join(
            f"{re.escape(a[0])}(?<![A-Za-z0-9/\\-]{re.escape(a[0])})(?<!\\d\\s{re.escape(a[0])})"
            f"{re.escape(a[1:])}"
            for a in abbrevs
        )
        # Nor before a number ("L 4"), unless the number is an ordinal ("R 6th and 7th ribs"),
        # a percentage or a fraction naming a site ("L 33% radius", "L 1/3 radius") or a clock
        # face position ("L 10:00").
        self.abbrev = re.compile(
            rf"({abbrev})\.?(?![A-Za-z0-9/\-])"
            r"(?!\s*\d(?!\d*(?:st|nd|rd|th\b|%|/\d|:[0-5]\d(?!\d)|\s*o'?\s?clock)))"
        )

    def find(self, text: str, lower: str, terms: Sequence[Term]) -> list[SideWord]:
        """Side expressions that are not part of a fixed name or an abbreviation term."""
        busy = _Occupied([(t.start, t.end) for t in terms if t.kind == "fixed" or t.side])
        found: list[SideWord] = []
        term_starts = {t.start for t in terms}
        for s, e in self.post_scanner.spans(lower):
            if busy.free(s, e):
                side = self.post_map[_squash(lower[s:e])]
                # "corresponds to the right level II node": the side word names the structure
                # right after it, not what came before the phrase.
                after = _SPACES.match(lower, e).end()
                if lower.endswith(("left", "right"), s, e) and after in term_starts:
                    s = e - (4 if lower.endswith("left", s, e) else 5)
                    found.append(SideWord(s, e, side, False))
                elif after in term_starts and _squash(lower[s:e]) in self.pre_map:
                    # "small bilat effusions": a word that is also a pre word ("bilat") and
                    # stands right before a term modifies that term.
                    found.append(SideWord(s, e, self.pre_map[_squash(lower[s:e])], False))
                else:
                    found.append(SideWord(s, e, side, True))
                busy.take(s, e)
        lesions_at = {t.start for t in terms if t.kind == "finding" and t.key in _COUNTED_BY_BOTH}
        for s, e in self.pre_scanner.spans(lower):
            if busy.free(s, e):
                if lower[s:e] == "both" and _SPACES.match(lower, e).end() in lesions_at:
                    # "Both lesions benign": the two lesions just described, not two sides.
                    continue
                found.append(SideWord(s, e, self.pre_map[_squash(lower[s:e])], False))
                busy.take(s, e)
        for m in self.abbrev.finditer(text):
            if busy.free(m.start(), m.end()):
                found.append(SideWord(m.start(), m.end(), lx.SIDE_ABBREV[m.group(1)], False))
                busy.take(m.start(), m.end())
        for m in _LOWER_SIDE_LETTER.finditer(text):
            if _SPACES.match(lower, m.end()).end() in term_starts and busy.free(*m.span()):
                found.append(SideWord(m.start(), m.end(), m.group(1).upper(), False))
                busy.take(m.start(), m.end())
        for m in _MISHEARD_SIDE.finditer(lower) if "wright" in lower else ():
            # Speech recognition's "Wright occipital" is "right"; the name ("Wright stain")
            # stands before no anatomy or finding term.
            if _SPACES.match(lower, m.end()).end() in term_starts and busy.free(*m.span()):
                found.append(SideWord(m.start(), m.end(), "R", False))
        found.sort(key=lambda s: s.start)
        return found


# Findings that "both" right before counts ("both lesions", "both cysts") rather than sides.
_COUNTED_BY_BOTH = lx.LESION_WORDS | lx.NAMED_LESIONS


def _side_tokens(phrase: str, gaps: str, gap_regex: str) -> list[Token]:
    tokens: list[Token] = []
    for ch in phrase:
        if ch not in gaps:
            tokens.append(("lit", re.escape(ch)))
        elif not tokens or tokens[-1][0] != "sep":
            tokens.append(("sep", gap_regex))
    return tokens + [("end", "")]


class _Occupied:
    """Spans already claimed: fixed blocks (may overlap) plus disjoint spans taken later."""

    def __init__(self, blocked: list[tuple[int, int]]) -> None:
        blocked = sorted(blocked)
        self.block_starts = [s for s, _e in blocked]
        self.block_reach: list[int] = []  # furthest end among blocks up to each index
        reach = -1
        for _s, e in blocked:
            reach = max(reach, e)
            self.block_reach.append(reach)
        self.taken: list[tuple[int, int]] = []

    def free(self, s: int, e: int) -> bool:
        """True when [s, e) overlaps no blocked or taken span."""
        i = bisect_left(self.block_starts, e)  # blocks starting before e
        if i and self.block_reach[i - 1] > s:
            return False
        j = bisect_left(self.taken, (e, -1))  # taken spans starting before e
        return not (j and self.taken[j - 1][1] > s)

    def take(self, s: int, e: int) -> None:
        """Claim a free span."""
        insort(self.taken, (s, e))


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
    lower = safe_lower(text)
    sentence_of = _SentenceIndex(sentences)
    by_sentence: dict[int, list[int]] = {}
    for i, t in enumerate(terms):
        si = sentence_of(t.start)
        if si is not None:
            by_sentence.setdefault(si, []).append(i)

    term_sides, term_side_span = _attach_sides(lower, sentence_of, terms, sides, by_sentence)
    locations = find_locations(text)
    runs = place_runs(text) if locations or "rib" in lower else []
    boundaries = _Boundaries(lower)

    facts = Facts(text=text)
    mentions = facts.mentions
    heading_mention: dict[int, int] = {}
    label_finding: dict[int, int] = {}  # a label naming one finding ("Obs 2:"), by sentence
    heading_sides: dict[int, frozenset[str]] = {}
    title_sides: dict[str, frozenset[str]] = {}
    seen_section_sentence: set[str] = set()
    paired = term_matcher().paired
    loc_starts = [loc[0] for loc in locations]
    no_sides: frozenset[str] = frozenset()
    no_anatomy: frozenset[str] = frozenset()

    for si, sent in enumerate(sentences):
        idx = by_sentence.get(si)
        if heading_sides.get(sent.heading):
            # "R: no mass. L breast US 2:00: oval mass. Likely fibroadenoma.": a sentence
            # opening with the other side moves the rest of the side heading's text there.
            opening = _OPENING_SIDE.match(text, sent.start, sent.end)
            if opening is not None:
                side = _expand(_SIDE_BY_WORD[opening.group(1).lower()])
                if side != heading_sides[sent.heading]:
                    heading_sides[sent.heading] = side
        if not idx:
            # No terms, so no mentions: only the heading and exam-title bookkeeping.
            if sent.is_label:
                # A bare side label ("Right:", "LEFT:") gives its side to what follows it.
                label = lower[sent.start : sent.end].strip()
                side_named = _SIDED_REGION_LABEL.fullmatch(label)
                if side_named is not None:
                    # "Right neck:", "Contralateral (right) neck:": a region the lexicon does
                    # not know, given a side, heads its lines like "Right:".
                    label = side_named.group(1)
                # A bullet's label under a side heading ("Right:" / "- Comment:") keeps its side.
                heading_sides[si] = _LABEL_SIDES.get(
                    label, heading_sides.get(sent.heading, no_sides)
                )
            else:
                # "Labrum: Intact." says the heading's structure is normal.
                if sent.heading in heading_mention and _JUST_NORMAL.fullmatch(
                    lower, sent.start, sent.end
                ):
                    mentions[heading_mention[sent.heading]].normal = True
                seen_section_sentence.add(sent.section)
            continue
        findings: list[int] = []
        anatomy: list[int] = []
        fixed: list[int] = []
        for i in idx:
            kind = terms[i].kind
            if kind == "finding":
                findings.append(i)
            elif kind == "anatomy":
                anatomy.append(i)
            elif kind == "fixed":
                fixed.append(i)
        owner = _attach_anatomy(lower, terms, findings, anatomy, boundaries)
        for a in anatomy:
            if owner.get(a) is not None and _LANDMARK.search(
                lower, max(sent.start, terms[a].start - 40), terms[a].start
            ):
                owner[a] = None
        sent_locs = (
            _Locations(locations, loc_starts, bisect_left(loc_starts, sent.start), sent.end)
            if locations
            else _NO_LOCATIONS
        )
        head_loc = None
        if sent.heading is not None:
            h = sentences[sent.heading]
            first = bisect_left(loc_starts, h.start)
            if first < len(locations) and loc_starts[first] < h.end:
                head_loc = locations[first][2]

        inherited: frozenset[str] = no_sides
        if sent.heading is not None:
            inherited = heading_sides.get(sent.heading, no_sides)
        elif sent.section in title_sides:
            inherited = title_sides[sent.section]
        opening = _SIDE_BEFORE_COMMA.match(lower, sent.start, sent.end)
        if opening:
            # "On the left, germinal matrix haemorrhage ...": a side set before the comma
            # heads the sentence like a "Left:" label.
            inherited = _LABEL_SIDES[opening.group(1)]

        first_mention = len(mentions)
        if anatomy:
            # "Lungs otherwise clear" only says the rest is normal, so it denies nothing.
            is_normal = (
                not findings
                and bool(_NORMAL.search(lower, sent.start, sent.end))
                and "otherwise" not in lower[sent.start : sent.end]
            )
            # "Bone contusions: lateral femoral condyle and tibial plateau": a finding named
            # by the label is asserted at each structure its line lists.
            listed = (
                mentions[label_finding[sent.heading]]
                if sent.heading in label_finding
                and not findings
                and not is_normal
                and _listed_on_its_line(lower, sentences, sent, si)
                and _listing(lower, mentions[label_finding[sent.heading]], sent)
                else None
            )
            for a in anatomy:
                if owner.get(a) is not None:
                    continue
                term = terms[a]
                hard = _term_sides(term, term_sides.get(a))
                weak = _BOTH_SIDES if term.plural and term.key in paired else no_sides
                mentions.append(
                    Mention(
                        kind="anatomy" if listed is None else "finding",
                        key=None if listed is None else listed.key,
                        anatomy=frozenset({term.key}),
                        span=(term.start, term.end),
                        hard_sides=hard,
                        soft_sides=no_sides if hard else inherited,
                        weak_sides=weak,
                        side_span=term_side_span.get(a),
                        polarity=(
                            PRESENT
                            if listed is None
                            else polarity_of(
                                Term(term.start, term.end, "finding", listed.key), sent
                            )
                        ),
                        sentence=si,
                        location=head_loc or sent_locs.nearest(term.start),
                        normal=is_normal,
                    )
                )
        for fx in fixed:
            mentions.append(
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
        hypothetical = sent.section in lx.HYPOTHETICAL_SECTIONS or (
            sent.heading is not None
            and _FORECAST_LABEL.search(
                lower, sentences[sent.heading].start, sentences[sent.heading].end
            )
            is not None
        )
        owned: dict[int, list[int]] = {}
        for a, o in owner.items():
            if o is not None:
                owned.setdefault(o, []).append(a)
        # Sided structures of the sentence so far, in order: anatomy (by position), then the
        # findings already placed (all of them before the current one).
        sided_places: list[Mention] | None = None  # made when first needed
        sided_place_starts: list[int] = []
        last_sided_finding: Mention | None = None
        for f in findings:
            term = terms[f]
            mine = owned.get(f, [])
            anat = {terms[a].key for a in mine}
            if term.implied_anatomy:
                anat.add(term.implied_anatomy)
            hard = _term_sides(term, term_sides.get(f))
            side_span = term_side_span.get(f)
            weak = no_sides
            for a in mine:
                hard |= _term_sides(terms[a], term_sides.get(a))
                side_span = side_span or term_side_span.get(a)
                if terms[a].plural and terms[a].key in paired:
                    weak = _BOTH_SIDES
            soft = no_sides
            if not hard:
                # A finding with no side of its own is placed by the nearest earlier sided
                # structure of its sentence ("Left testis with ..., concerning for torsion");
                # another finding's side ("left basilar opacity, likely atelectasis") only
                # counts as a weak hint.
                if sided_places is None:
                    sided_places = [
                        m
                        for m in mentions[first_mention:]
                        if m.kind == "anatomy" and m.hard_sides and not m.fixed
                    ]
                    sided_place_starts = [m.span[0] for m in sided_places]
                k = bisect_left(sided_place_starts, term.start)
                place = sided_places[k - 1] if k else None
                soft = place.hard_sides if place is not None else inherited
                if place is not None and _SAID_OF_ALL.search(
                    lower, max(sent.start, term.start - 40), term.start
                ):
                    # "two in the right ovary and one in the left, all T1 hyperintense": said
                    # of every item listed before it, so of each of their sides, as a hint.
                    weak = weak.union(*(m.hard_sides for m in mentions[first_mention:]))
                    soft = no_sides
                if (
                    place is None
                    and last_sided_finding is not None
                    and sent.heading is None
                    and not inherited <= last_sided_finding.hard_sides
                ):
                    # "Right hip moderate OA with joint space narrowing, sclerosis and
                    # osteophytes" under a left-sided exam title: the sentence's own side
                    # outweighs the title's, though as a hint only; so does one side under
                    # a bilateral title ("L effusion, no septations" on a bilateral study).
                    soft = no_sides
                nearest = last_sided_finding or place
                if not soft and nearest is not None:
                    weak = weak | nearest.hard_sides
            # Polarity functions are pure, so an indication sentence need not ask for one.
            polarity = HYPOTHETICAL if hypothetical else polarity_of(term, sent)
            if polarity == PRESENT and "?" in lower[max(0, term.start - 40) : term.start]:
                # "? small bony Bankart fragment": queried among the findings. On the opening
                # line "?rupture" is the clinical question, which the findings answer.
                first_line_end = lower.find("\n")
                if 0 <= first_line_end < term.start and _QUERIED.search(
                    lower, max(0, term.start - 40), term.start
                ):
                    polarity = UNCERTAIN
            qualifier, severity = _qualifier_and_severity(lower, sent, term)
            if _FULL_THICKNESS.match(lower, term.start, term.end):
                # "Full-thickness component": the kind is in the finding's own name.
                qualifier = "full_thickness"
            head = heading_mention.get(sent.heading) if not anat else None
            if head is not None and _part_named_before(
                mentions[first_mention:], mentions[head].anatomy, term.start
            ):
                # "Pelvic ring: The right SI joint is widened; its posterior aspect is not
                # widened": the sentence is about a part of the label's structure, not all of it.
                head = None
            key = term.key
            if key == "thickening" and anat & lx.SOFT_TISSUE_SPACES:
                key = "swelling"
            mentions.append(
                Mention(
                    kind="finding",
                    key=key,
                    anatomy=frozenset(anat),
                    span=(term.start, term.end),
                    hard_sides=hard,
                    soft_sides=soft,
                    weak_sides=weak,
                    side_span=side_span,
                    polarity=polarity,
                    qualifier=qualifier,
                    sentence=si,
                    location=head_loc or sent_locs.nearest(term.start),
                    severity=severity,
                    heading_anatomy=mentions[head].anatomy if head is not None else no_anatomy,
                )
            )
            if runs:
                mentions[-1].places = _listed_at(lower, runs, term, sent)
            if hard:
                # With a comma between the grades only the nearer side attaches.
                mentions[-1:] = _graded_by_side(lower, sent, mentions[-1])
            if hard:
                last_sided_finding = mentions[-1]
        if len(mentions) - first_mention > 1:
            mentions[first_mention:] = sorted(mentions[first_mention:], key=_span_start)
            _share_sites_within_sentence(mentions[first_mention:], lower)

        if sent.is_label:
            made = mentions[first_mention:]
            # A fixed name ("Left main:", "Right ventricle:") names a structure, not a side
            # for what follows.
            heading_sides[si] = frozenset().union(*(m.checked_sides for m in made if not m.fixed))
            anat_mentions = [first_mention + k for k, m in enumerate(made) if m.kind == "anatomy"]
            if anat_mentions:
                heading_mention[si] = anat_mentions[0]
            elif len(made) == 1 and made[0].kind == "finding":
                label_finding[si] = first_mention
        elif sent.section not in seen_section_sentence:
            seen_section_sentence.add(sent.section)
            made = mentions[first_mention:]
            # An exam title ("Left wrist, 3 views.") sets the side for the rest of the section;
            # a sentence under a heading ("Thyroid: The right lobe measures ...") is no title.
            # Nor is a structure said to be left out ("The left breast was not included").
            if (
                sent.heading is None
                and made
                and all(m.kind == "anatomy" and not m.fixed for m in made)
                and not _LEFT_OUT.search(lower, sent.start, sent.end)
            ):
                title = frozenset().union(*(m.hard_sides for m in made))
                if title:
                    title_sides[sent.section] = title

    if locations:
        _anaphors_keep_their_place(lower, mentions)
    facts.measurements = extract_measurements(text)
    _attach_measurements(lower, sentence_of, facts, heading_mention, label_finding, boundaries)
    if "0" in text:
        _measured_as_none(facts)
    return facts


def _measured_as_none(facts: Facts) -> None:
    """A finding given a volume of zero ("CBF <30% 0 mL", "Infarct core: 0 mL") is absent,
    and so is the same finding named again in its sentence ("Infarct core (CBF <30%): 0 mL")."""
    mentions = facts.mentions
    for meas in facts.measurements:
        if meas.dim != "volume" or meas.mention is None or any(meas.values):
            continue
        own = mentions[meas.mention]
        if own.kind != "finding" or own.polarity != PRESENT:
            continue
        for m in mentions:
            if m.key == own.key and m.sentence == own.sentence and m.polarity == PRESENT:
                m.polarity = ABSENT


_LEFT_OUT = re.compile(r"\bnot\b")
_PLURAL_END = re.compile(r"[a-z](?<![isu])s")
# A line that says more than where ("Fetus: heart rate is 142 bpm") is no list of places. A
# number that names a place ("6th rib", "T10", "L4-5") is still where.
_NOT_A_LIST = re.compile(
    r"(?<!-)\b\d+(?!\d|st\b|nd\b|rd\b|th\b)"
    r"|\b(?:is|are|was|were|has|have|had|measur\w*|shows?|demonstrat\w*|seen|noted|rate)\b"
    # A line naming implants ("sternotomy wires and a prosthetic aortic valve") names things
    # put there, not the places a finding is at.
    r"|\b(?:prosthe\w*|wires?|clips?|stents?|grafts?|screws?|plates?|hardware"
    r"|staples?|implants?|devices?)\b"
    # A surgical suture, but not a skull's ("at the FZ suture" is a place a fracture runs to).
    r"|(?<!fz )(?<!frontozygomatic )(?<!zygomaticomaxillary )(?<!zygomaticotemporal )"
    r"(?<!coronal )(?<!sagittal )(?<!lambdoid )(?<!metopic )(?<!squamosal )\bsutures?\b"
)
# Findings named in the singular that still head a list of places ("Focal uptake: R 6th rib,
# L iliac wing"): a tracer scan's foci; and a fracture through several bones ("L ZMC fracture:
# zygomatic arch, orbital floor, maxillary sinus walls"), one break given bone by bone.
_LISTING_SINGULARS = frozenset({"focal_uptake", "fracture"})


_ANATOMY_PARENT = {k: parent for k, (_s, _p, parent) in lx.ANATOMY.items() if parent}


def _within(key: str, structure: frozenset[str]) -> bool:
    """key is a part of one of these structures (not the structure itself)."""
    while key in _ANATOMY_PARENT:
        key = _ANATOMY_PARENT[key]
        if key in structure:
            return True
    return False


def _part_named_before(made: Sequence[Mention], structure: frozenset[str], pos: int) -> bool:
    """The sentence names a part of the structure before pos."""
    return any(m.span[0] < pos and any(_within(a, structure) for a in m.anatomy) for m in made)


def _listed_on_its_line(lower: str, sentences: list[Sentence], sent: Sentence, si: int) -> bool:
    """The sentence follows its label directly, or on the label's own line ("Fractures: L
    pubic rami, comminuted. L sacral ala, nondisplaced."): each lists more places."""
    if sent.heading == si - 1:
        return True
    return "\n" not in lower[sentences[sent.heading].end : sent.start]


def _listing(lower: str, label: Mention, sent: Sentence) -> bool:
    """The line after a label naming a finding lists the places it is at: the label is
    plural, as a list's heading is ("Bone contusions:", not "Nasal cavity:"), and the line
    says nothing but where."""
    return bool(
        (
            label.key in _LISTING_SINGULARS
            or _PLURAL_END.match(lower, label.span[1] - 2, label.span[1])
        )
        and not _NOT_A_LIST.search(lower, sent.start, sent.end)
    )


_ANAPHOR = re.compile(r"\b(?:the|this|these|that|those)\s+\Z")


def _anaphors_keep_their_place(lower: str, mentions: list[Mention]) -> None:
    """'The protrusion contacts the root' is the one just described, at that one's level."""
    last_place: dict[str | None, str] = {}
    for m in mentions:
        if m.kind != "finding":
            continue
        if m.location is not None:
            last_place[m.key] = m.location
        elif m.key in last_place and _ANAPHOR.search(lower, max(0, m.span[0] - 8), m.span[0]):
            m.location = last_place[m.key]


# Look-behinds are written after the first character ("[CTLS](?<![A-Za-z0-9][CTLS])" is the
# same check as "(?<![A-Za-z0-9])[CTLS]") so that the patterns start with a character set,
# which lets the regex engine skip ahead instead of testing the look-behind everywhere.
_LEVEL = re.compile(
    r"([CTLS])(?<![A-Za-z0-9][CTLS])(\d{1,2})(?:\s*-\s*([CTLS])?(\d{1,2}))?(?![A-Za-z0-9])"
)
_NAMED_VERTEBRAE = {"dens": "level:C2", "odontoid": "level:C2", "atlas": "level:C1"}
_NAMED_VERTEBRA = re.compile(r"\b(dens|odontoid|atlas)\b", re.IGNORECASE)
_LEVEL_JOIN = re.compile(r",? (?:and|or|through|to) |, ")
# "T2 hyperintense", "T1-weighted", "T2/FLAIR": an MRI sequence, not the vertebra.
_SEQUENCE_AFTER = re.compile(
    r"\*|[ /-]?(?:hyper|hypo|iso|intens|signal|weighted|flair|shading|mapping|images"
    r"|sequence|bright|dark|prolongation|shine)",
    re.IGNORECASE,
)
# "low T1 fracture line", "bright on T2": a signal word before names the sequence too.
_SEQUENCE_BEFORE = re.compile(
    r"(?:low|high|bright|dark|intermediate|increased|decreased|normal|preserved|on)[ \t]+$",
    re.IGNORECASE,
)
_LEVEL_SPAN = re.compile(r" (?:through|to) ")
# "L4 on L5": one vertebra slipped on the next, so the pair names one motion segment (L4-5).
_SLIP_ON = re.compile(r"\s+on\s+")
_SEGMENT = re.compile(
    r"s(?<![a-z]s)eg(?:ments?|\.)?\s+(\d[ab]?|i{1,3}|iv[ab]?|v|vi{1,3})(?![a-z0-9])", re.I
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8}
_NORMAL = re.compile(
    "(?:"
    + "|".join(
        f"{re.escape(w[0])}(?<![a-z]{re.escape(w[0])}){re.escape(w[1:])}" for w in lx.NORMAL_WORDS
    )
    + r")(?![a-z])"
)


def find_locations(text: str) -> list[tuple[int, int, str]]:
    """Vertebral levels (L4-L5 = L4-5) and liver segments, which identify a finding's place."""
    out: list[tuple[int, int, str]] = []
    sequence_end = -1
    for m in _LEVEL.finditer(text):
        letter, first, letter2, second = m.groups()
        if second is None:
            key = f"{letter}{int(first)}"
            previous = out[-1] if out else None
            if (
                letter == "T"
                and first in ("1", "2")
                and (
                    _SEQUENCE_AFTER.match(text, m.end())
                    or _SEQUENCE_BEFORE.search(text, max(0, m.start() - 14), m.start())
                    # "iso on T1 and T2": the second sequence goes with the first.
                    or (sequence_end >= 0 and _LEVEL_JOIN.fullmatch(text, sequence_end, m.start()))
                )
            ):
                sequence_end = m.end()
                # "T1 and T2 hyperintense": the first sequence goes with the second.
                if previous is not None and previous[2] in ("level:T1", "level:T2"):
                    if _LEVEL_JOIN.fullmatch(text, previous[1], m.start()):
                        out.pop()
                continue
            # "L2 and L3 transverse processes": one place spanning both, not the nearer one.
            if (
                previous is not None
                and _LEVEL_JOIN.fullmatch(text, previous[1], m.start())
                and "-" not in previous[2]
                and previous[2][6] == letter
            ):
                out[-1] = (previous[0], m.end(), f"{previous[2]}-{int(first)}")
                continue
            # "from T12 to L4": a span across regions is written as T12-L4 is.
            if (
                previous is not None
                and "-" not in previous[2]
                and _LEVEL_SPAN.fullmatch(text, previous[1], m.start())
            ):
                out[-1] = (previous[0], m.end(), f"{previous[2]}-{letter}{int(first)}")
                continue
            if (
                previous is not None
                and "-" not in previous[2]
                and _SLIP_ON.fullmatch(text, previous[1], m.start())
            ):
                upper = previous[2][6:]
                lower_key = str(int(first)) if letter == upper[0] else f"{letter}{int(first)}"
                out[-1] = (previous[0], m.end(), f"level:{upper}-{lower_key}")
                continue
        elif letter2 and letter2 != letter:
            key = f"{letter}{int(first)}-{letter2}{int(second)}"
        else:
            key = f"{letter}{int(first)}-{int(second)}"
        previous = out[-1] if out else None
        if (
            second is not None
            and previous is not None
            and "-" in previous[2]
            and _LEVEL_SPAN.fullmatch(text, previous[1], m.start())
        ):
            # "from C4-C5 through C6-C7": one stretch, C4-7, as "C4 to C7" is.
            upper = previous[2][6:].split("-")[0]
            lower = key.split("-")[1]
            if lower[0].isdigit() and upper[0] != letter:
                lower = f"{letter}{lower}"
            out[-1] = (previous[0], m.end(), f"level:{upper}-{lower}")
            continue
        out.append((m.start(), m.end(), "level:" + key))
    # Vertebrae named by name: the dens is C2, the atlas C1.
    for m in _NAMED_VERTEBRA.finditer(text):
        out.append((m.start(), m.end(), _NAMED_VERTEBRAE[m.group(1).lower()]))
    # "seg" (any case) must occur; lower() is much cheaper than scanning for it.
    segments = _SEGMENT.finditer(text) if "seg" in text.lower() else ()
    for m in segments:
        num = m.group(1).lower()
        base, part = (num[:-1], num[-1]) if num[-1] in "ab" and len(num) > 1 else (num, "")
        out.append((m.start(), m.end(), f"segment:{_ROMAN.get(base, base)}{part}"))
    out.sort()
    return _with_numbered_bones(text, out)


_ORDINALS = {
    w: n
    for n, words in enumerate(
        (
            ("first", "1st"),
            ("second", "2nd"),
            ("third", "3rd"),
            ("fourth", "4th"),
            ("fifth", "5th"),
            ("sixth", "6th"),
            ("seventh", "7th"),
            ("eighth", "8th"),
            ("ninth", "9th"),
            ("tenth", "10th"),
            ("eleventh", "11th"),
            ("twelfth", "12th"),
        ),
        start=1,
    )
    for w in words
}
# "5th MC", "2nd MT": the short names of the hand's and foot's long bones.
_BONE_SHORT = {"mc": "metacarpal", "mt": "metatarsal"}
_BONES = r"(rib|metatarsal|metacarpal|mc|mt|toe|finger|digit|ray)s?\b"
_NUMBERED_BONE = re.compile(r"\b(" + "|".join(_ORDINALS) + r")\s+" + _BONES, re.IGNORECASE)


def _bone_name(word: str) -> str:
    word = word.lower()
    return _BONE_SHORT.get(word, word)


_ORDINAL_BEFORE = re.compile(
    r"\b(?:" + "|".join(_ORDINALS) + r")\s*(?:,|and|or|through|to|-)\s*$", re.IGNORECASE
)


def _with_numbered_bones(
    text: str, places: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Add numbered ribs and rays ("second metatarsal"): a finding's place, like a level.

    Kept only where nothing else in the sentence is numbered: in "fifth and sixth ribs", or
    "the 6th rib and L3", the nearest number would name only one of the places.
    """
    bones = [
        (m.start(), m.end(), f"bone:{_bone_name(m.group(2))}:{_ORDINALS[m.group(1).lower()]}")
        for m in _NUMBERED_BONE.finditer(text)
        # "fifth and sixth ribs" numbers two.
        if not _ORDINAL_BEFORE.search(text, max(0, m.start() - 30), m.start())
    ]
    if not bones:
        return places
    merged = sorted(places + bones)
    kept = [
        loc
        for i, loc in enumerate(merged)
        if not loc[2].startswith("bone:")
        or not any(
            _same_sentence(text, loc, other)
            for other in merged[max(0, i - 1) : i] + merged[i + 1 : i + 2]
        )
    ]
    return kept


_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+|(through|to|-)\s*)")
_JOIN_NO_GROUP = r"\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+|(?:through|to|-)\s*)"
_ORDINAL_WORD = "|".join(sorted(_ORDINALS, key=len, reverse=True))
_ORDINAL_RUN = re.compile(
    rf"\b(?P<list>(?:{_ORDINAL_WORD})(?:{_JOIN_NO_GROUP}(?:{_ORDINAL_WORD}))+)"
    r"\s+(?P<bone>" + _BONES[1:],
    re.IGNORECASE,
)
_ONE_ORDINAL = re.compile(rf"\b(?:{_ORDINAL_WORD})\b", re.IGNORECASE)
Run = tuple[int, int, frozenset[str]]


def _listed(items: list[tuple[str, int]], joins: list[str | None], kind: str) -> frozenset[str]:
    """The places of a listed run of (name, number) items; "through"/"to" between two of
    one name also names those in between."""
    out = {f"{kind}{items[0][0]}{items[0][1]}"}
    for (name_a, a), (name_b, b), join in zip(items, items[1:], joins):
        between = join and name_a == name_b and a < b <= a + 12
        out.update(f"{kind}{name_b}{n}" for n in (range(a + 1, b + 1) if between else (b,)))
    return frozenset(out)


_RUN_GAP = re.compile(r"[^,;:.()\n]{0,40}")
_RUN_WORDS_AFTER = 5
_RUN_WORDS_BEFORE = 1


def _listed_at(lower: str, runs: list[Run], term: Term, sent: Sentence) -> frozenset[str]:
    """The places of the list a finding is given at: one closely after it in its clause
    ("lesions C5, T3, T8"), else one closely before it ("R 6th and 7th rib fx")."""
    before: frozenset[str] = frozenset()
    for start, end, places in runs:
        if end <= term.start:
            close = (
                start >= sent.start
                and _RUN_GAP.fullmatch(lower, end, term.start) is not None
                and not _more_words(lower, end, term.start, _RUN_WORDS_BEFORE)
            )
            before = places if close else frozenset()
        elif start >= term.end:
            if (
                end <= sent.end
                and _RUN_GAP.fullmatch(lower, term.end, start) is not None
                and not _more_words(lower, term.end, start, _RUN_WORDS_AFTER)
            ):
                return places
            break
    return before


def place_runs(text: str) -> list[Run]:
    """Lists of two or more places of one kind ("C5, T3, T8, L4", "6th and 7th ribs"), each
    with its places one by one: a finding listed at them is at each."""
    runs: list[Run] = []
    levels = [m for m in _LEVEL.finditer(text) if not m.group(4)]
    k = 0
    while k < len(levels):
        joins: list[str | None] = []
        j = k
        while j + 1 < len(levels):
            gap = _LIST_JOIN.fullmatch(text, levels[j].end(), levels[j + 1].start())
            if gap is None:
                break
            joins.append(gap.group(1))
            j += 1
        if j > k:
            items = [(m.group(1), int(m.group(2))) for m in levels[k : j + 1]]
            runs.append((levels[k].start(), levels[j].end(), _listed(items, joins, "level:")))
        k = j + 1
    for m in _ORDINAL_RUN.finditer(text):
        listed = m.group("list")
        words = list(_ONE_ORDINAL.finditer(listed))
        joins = [
            _LIST_JOIN.fullmatch(listed, a.end(), b.start()).group(1)
            for a, b in zip(words, words[1:])
        ]
        bone = f"bone:{_bone_name(m.group('bone'))}:"
        items = [("", _ORDINALS[w.group(0).lower()]) for w in words]
        runs.append((m.start(), m.end(), _listed(items, joins, bone)))
    return sorted(runs)


def _same_sentence(text: str, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    lo, hi = (a[1], b[0]) if a[0] < b[0] else (b[1], a[0])
    gap = text[lo:hi]
    return "\n" not in gap and not re.search(r"\.(?!\d)", gap)


_BOTH_SIDES = frozenset({"L", "R"})
# Any qualifier or severity word, even inside another word: a cheap necessary condition.
_QUALIFIER_OR_SEVERITY = re.compile(
    ordered_trie(
        [literal_tokens(w) + [("end", "")] for w in sorted({*lx.QUALIFIERS, *lx.SEVERITY, "type"})]
    )
)
# "Fracture at other levels": a place after the finding that makes it one more of its kind.
_AT_OTHER = re.compile(r"\s+(?:at|in)\s+(?:the\s+)?other\b")
# "type II endoleak", "type B dissection": the type names a kind, and a denial of one kind
# ("no type I or III endoleak") says nothing of another.
_TYPE_BEFORE = re.compile(r"\btype\s+([a-d]|[iv]{1,3}|[1-5])\s*$")


_JUST_NORMAL = re.compile(
    r"\s*(?:is |are |appears? |otherwise )?(?:"
    + "|".join(re.escape(w) for w in lx.NORMAL_WORDS if w != "otherwise")
    + r")(?: in (?:size|appearance|caliber|signal))?\.?\s*"
)
# A sentence opened by a side and a comma: "On the right, ...", "Left side, ...".
_SIDE_BEFORE_COMMA = re.compile(r"\s*(?:on\s+)?(?:the\s+)?(left|right)(?:\s+side)?\s*,")
_SIDED_REGION_LABEL = re.compile(
    r"(?:(?:ipsilateral|contralateral)\s+)?\(?(left|right)\)?\s+[a-z]+(?:\s+side)?"
)
_LABEL_SIDES = {
    word: _expand(side)
    for side, words in (
        ("L", ("left", "lt", "l", "left side")),
        ("R", ("right", "rt", "r", "right side")),
        ("B", ("bilateral", "both", "both sides")),
    )
    for word in words
}


# "FLAIR around cavity extending into R insula": a finding placed around another is the
# subject, the one it surrounds only says where it lies.
_SURROUNDED = re.compile(r"\b(?:around|surrounding)\s+(?:the\s+)?$")


def _share_sites_within_sentence(made: list[Mention], lower: str) -> None:
    """Sites shared inside one sentence: a finding named again without a site ("thrombus in
    the popliteal vein, consistent with DVT") takes the first one's, so it cannot stand for
    the finding anywhere else; and a finding "extending into" a structure is there too."""
    # Only a later mention restates: "pilon fracture and fibular fracture" are two.
    placed: dict[tuple, frozenset[str]] = {}
    denied: dict[str | None, str] = {}
    previous: Mention | None = None
    for m in made:
        if m.kind != "finding":
            continue
        if m.polarity == ABSENT and m.qualifier:
            denied.setdefault(m.key, m.qualifier)
        elif m.polarity == UNCERTAIN and m.qualifier is None and m.key in denied:
            # "No definite acute infarct, although a small infarct cannot be excluded": the
            # hedge is about the kind just denied.
            m.qualifier = denied[m.key]
        if m.key == "extension" and m.polarity == PRESENT and previous is not None:
            # "Thrombus in the axillary vein extending into the subclavian vein": the
            # thrombus is in both.
            previous.anatomy = previous.anatomy | m.anatomy
            if m.hard_sides and not previous.hard_sides:
                previous.hard_sides, previous.side_span = m.hard_sides, m.side_span
        elif m.key != "extension" and not (
            previous is not None and _SURROUNDED.search(lower, max(0, m.span[0] - 20), m.span[0])
        ):
            previous = m
        if m.anatomy:
            placed.setdefault((m.key, m.polarity), (m.anatomy, m.hard_sides))
        elif placed:
            site, sides = placed.get((m.key, m.polarity), (m.anatomy, frozenset()))
            # A second one given the other side ("right upper lobe nodule and left
            # perifissural nodule") is another finding, not the first named again.
            if not (sides and m.hard_sides and not sides & m.hard_sides):
                m.anatomy = site
    _sides_of_the_same_structure(made)


def _sides_of_the_same_structure(made: list[Mention]) -> None:
    """A finding at a structure with no side of its own takes the one side its sentence gives
    that structure ("intratesticular mass ... in the upper pole of the left testis")."""
    for m in made:
        if m.kind != "finding" or not m.anatomy or m.hard_sides or m.soft_sides:
            continue
        sides = {
            n.hard_sides for n in made if n is not m and n.hard_sides and n.anatomy & m.anatomy
        }
        if len(sides) == 1:
            m.soft_sides = sides.pop()


def _span_start(m: Mention) -> int:
    return m.span[0]


class _Locations:
    """The levels and segments of one sentence (a run of the text's sorted locations)."""

    def __init__(
        self, locations: list[tuple[int, int, str]], starts: list[int], lo: int, end: int
    ) -> None:
        self.locations = locations
        self.starts = starts
        self.lo = lo
        self.hi = bisect_left(starts, end, lo)

    def nearest(self, pos: int) -> str | None:
        """The location starting nearest to pos (the earlier one on a tie), if any."""
        lo, hi = self.lo, self.hi
        if lo == hi:
            return None
        # Starts are distinct and sorted: only the last one before pos and the first one
        # from pos on can be nearest (what min() over all of them by distance would pick).
        i = bisect_left(self.starts, pos, lo, hi)
        if i == lo:
            return self.locations[i][2]
        if i == hi or pos - self.starts[i - 1] <= self.starts[i] - pos:
            return self.locations[i - 1][2]
        return self.locations[i][2]


_NO_LOCATIONS = _Locations([], [], 0, 0)


_SEV_WORD = "|".join(sorted(lx.SEVERITY, key=len, reverse=True))
_SIDE_BY_WORD = {"right": "R", "r": "R", "rt": "R", "left": "L", "l": "L", "lt": "L"}
_SIDE_WORD = "|".join(_SIDE_BY_WORD)
_OPENING_SIDE = re.compile(r"\s*((?i:left|right|lt|rt)|L|R)\b(?![-/])")
# "Severe R and mild L foraminal stenosis": one finding, graded apart on each side.
_GRADED_SIDES = re.compile(
    rf"\b(?P<s1>{_SEV_WORD})\s+(?P<d1>{_SIDE_WORD})\s*(?:,\s*(?:and\s+)?|and\s+)"
    rf"(?P<s2>{_SEV_WORD})\s+(?P<d2>{_SIDE_WORD})\b(?:[\s-]+[a-z]+){{0,3}}\s*$"
)


def _graded_by_side(lower: str, sent: Sentence, m: Mention) -> list[Mention]:
    """The finding once per side, each with its own severity, when the text grades the two
    sides apart just before it; otherwise the finding as it is."""
    start = m.span[0]
    hit = _GRADED_SIDES.search(lower, max(sent.start, start - 60), start)
    if hit is None:
        return [m]
    out = []
    for n in ("1", "2"):
        side = _SIDE_BY_WORD[hit.group("d" + n)]
        out.append(
            replace(
                m,
                hard_sides=frozenset(side),
                severity=lx.SEVERITY[hit.group("s" + n)],
                side_span=hit.span("d" + n),
            )
        )
    if out[0].hard_sides == out[1].hard_sides:
        return [m]
    return out


_THICKNESS = frozenset({"full_thickness", "partial_thickness"})
_BOTH_THICKNESSES = re.compile(
    r"\b(?:partial|full)(?:-thickness)?\s*(?:or|and|/|nor)\s*(?:partial|full)-thickness\s*$"
)
_FULL_THICKNESS = re.compile(r"full[ -]thickness\b")


_KNOWN_WORDS = frozenset(
    {"treated", "known", "existing", "preexisting", "pre-existing", "previous", "prior", "old"}
)


def _qualifier_and_severity(lower: str, sent: Sentence, term: Term) -> tuple[str | None, ...]:
    """'new'/'acute'/'suspicious' just before the finding, and a severity word in its clause."""
    window = lower[max(sent.start, term.start - 40) : term.start]
    # "Fracture at other vertebral levels" is one more, as "other fracture" is.
    other = "new" if _AT_OTHER.match(lower, term.end) else None
    if not _QUALIFIER_OR_SEVERITY.search(window):
        return other, None  # neither kind of word occurs anywhere in the window
    words = _WORD.findall(window)
    kind = _TYPE_BEFORE.search(window)
    qualifier = f"type {kind.group(1)}" if kind else None
    near = words[-3:] if qualifier is None else []
    for i in range(len(near) - 1, -1, -1):
        w = near[i]
        if w in lx.QUALIFIERS:
            qualifier = lx.QUALIFIERS[w]
            if w != "new" and _KNOWN_WORDS.intersection(near[i + 1 :]):
                # "Other treated mets", "other known lesions": the rest of the ones already
                # known, not new ones.
                qualifier = None
            break
    if qualifier in _THICKNESS and _BOTH_THICKNESSES.search(window):
        # "No partial or full-thickness tear" names both kinds, so it denies every tear.
        qualifier = None
    if _CLAUSE_PUNCT.search(window):
        words = _WORD.findall(_CLAUSE_PUNCT.split(window)[-1])
    severity = None
    for w in reversed(words[-4:]):
        if w in lx.SEVERITY:
            severity = lx.SEVERITY[w]
            break
    return qualifier or other, severity


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
    # Per sentence: its terms other than fixed names, their starts and ends. Terms are sorted
    # and do not overlap, so the next and the previous term are found by bisection.
    per_sentence: dict[int, tuple[list[int], list[int], list[int]]] = {}
    for sw in sides:
        si = sentence_of(sw.start)
        if si is None:
            continue
        if si not in per_sentence:
            cands = [i for i in by_sentence.get(si, []) if terms[i].kind != "fixed"]
            per_sentence[si] = (
                cands,
                [terms[i].start for i in cands],
                [terms[i].end for i in cands],
            )
        cands, starts, ends = per_sentence[si]
        target = None
        post = sw.post
        if not post:
            j = bisect_left(starts, sw.end)  # the first term after the side word
            if j < len(cands):
                i = cands[j]
                gap = lower[sw.end : terms[i].start]
                if not (_SIDE_GAP.search(gap) or _more_words(lower, sw.end, terms[i].start, 4)):
                    target = i
            if target is None:
                # Nothing follows it but punctuation: "... effusion, left." reads as post.
                end = sentence_of.sentences[si].end
                post = (
                    sw.end >= end
                    or _FIRST_VISIBLE.match(lower, sw.end, end).group(1) not in _ALNUM
                    # "mass L 10:00, posterior depth": a side with its clock face position
                    # places the finding before it.
                    or _CLOCK_AFTER.match(lower, sw.end, end) is not None
                    # "rib fractures L 5th 6th 7th": a side before the ordinals of the ribs
                    # listed after a finding sides that finding.
                    or _ORDINAL_AFTER.match(lower, sw.end, end) is not None
                )
        if target is None and post:
            k = _last_ending_by(ends, sw.start)  # the last term before the side word
            if k is not None:
                i = cands[k]
                gap = lower[terms[i].end : sw.start]
                if not (_STOP_PUNCT.search(gap) or _more_words(lower, terms[i].end, sw.start, 6)):
                    target = i
        if target is not None:
            attached.setdefault(target, set()).add(sw.side)
            spans.setdefault(target, (sw.start, sw.end))
    return attached, spans


# A clause opened by "all", "both" or "each" after a comma, up to the finding it describes.
_SAID_OF_ALL = re.compile(r",\s*(?:all|both|each)\b[^,;:.()]*$")
_FIRST_VISIBLE = re.compile(r"\s*(\S?)")
_ORDINAL_AFTER = re.compile(r"\s*\d{1,2}(?:st|nd|rd|th)\b")
_CLOCK_AFTER = re.compile(r"\s*(?:1[0-2]|0?[1-9])(?::[0-5]\d\b|\s*o'?\s?clock)")


def _last_ending_by(ends: list[int], pos: int) -> int | None:
    """Index of the last end at or before pos (ends of disjoint sorted spans are sorted)."""
    k = bisect_right(ends, pos) - 1
    return k if k >= 0 else None


def _more_words(lower: str, a: int, b: int, limit: int) -> bool:
    """True when lower[a:b] holds more than limit words (stops counting there)."""
    for n, _m in enumerate(_WORD.finditer(lower, a, b), 1):
        if n > limit:
            return True
    return False


def _attach_anatomy(
    lower: str,
    terms: Sequence[Term],
    findings: list[int],
    anatomy: list[int],
    boundaries: _Boundaries,
) -> dict[int, int | None]:
    """Each anatomy term goes to the nearest finding it can reach without a strong boundary."""
    if not findings:
        return dict.fromkeys(anatomy)
    if len(anatomy) * len(findings) > _LONG_SENTENCE_PAIRS:
        involved = sorted((*anatomy, *findings), key=lambda i: terms[i].start)
        if all(
            boundaries.clean_edge(terms[i].start - 1) and boundaries.clean_edge(terms[i].end)
            for i in involved
        ) and all(terms[i].end <= terms[j].start for i, j in zip(involved, involved[1:])):
            return _attach_anatomy_long(lower, terms, findings, anatomy, boundaries)
    owner: dict[int, int | None] = {}
    for a in anatomy:
        best, best_d = None, None
        sized = bool(_SIZED_PLACE.match(lower, terms[a].end))
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
            if _STRONG.search(lower[s:e]) or (sized and lower.find(",", s, e) >= 0):
                continue
            d = e - s + _COMMA_PENALTY * lower.count(",", s, e)
            if terms[f].end <= terms[a].start and _PREPOSITION.match(lower, s, e):
                d -= _PREPOSITION_BONUS  # "nodule in the right lobe": the lobe is the nodule's
            if best_d is None or d < best_d:
                best, best_d = f, d
        owner[a] = best
    return owner


# A place followed at once by a size ("largest LUL 2.2 cm and RLL 1.4 cm") is an item of its
# own: across a comma it is not another finding's site, and it keeps its size.
_SIZED_PLACE = re.compile(r"\s{0,2}\d+(?:\.\d+)?\s*(?:mm|cm)\b")


def _attach_anatomy_long(
    lower: str,
    terms: Sequence[Term],
    findings: list[int],
    anatomy: list[int],
    boundaries: _Boundaries,
) -> dict[int, int | None]:
    """_attach_anatomy for a long sentence, without trying every pair.

    Terms do not overlap. Going away from an anatomy term the gap to a finding only grows:
    its score (length plus comma penalty) grows, and once it holds a boundary it keeps it.
    After the anatomy only the closest finding can win; before it, the preposition bonus
    lets a further finding win, but only while its score less the bonus can still reach the
    best one (ties go to the earlier finding, as in the plain loop).
    """
    starts = [terms[f].start for f in findings]
    owner: dict[int, int | None] = {}
    for a in anatomy:
        term = terms[a]
        sized = bool(_SIZED_PLACE.match(lower, term.end))
        first_after = bisect_left(starts, term.end)
        best: tuple[int, int] | None = None  # (score, index in findings)
        if first_after < len(findings):
            s, e = term.end, terms[findings[first_after]].start
            if not (boundaries.between(s, e) or (sized and lower.find(",", s, e) >= 0)):
                best = (e - s + _COMMA_PENALTY * lower.count(",", s, e), first_after)
        for j in range(first_after - 1, -1, -1):
            s, e = terms[findings[j]].end, term.start
            d = e - s + _COMMA_PENALTY * lower.count(",", s, e)
            if best is not None and d - _PREPOSITION_BONUS > best[0]:
                break  # neither this finding nor any before it can win
            if boundaries.between(s, e) or (sized and lower.find(",", s, e) >= 0):
                break  # and every finding before it is cut off too
            if _PREPOSITION.match(lower, s, e):
                d -= _PREPOSITION_BONUS
            if best is None or (d, j) < best:
                best = (d, j)
        owner[a] = findings[best[1]] if best is not None else None
    return owner


class _Boundaries:
    """Answers "does _STRONG match inside lower[s:e]?"; long gaps from one scan of the text.

    Each part of _STRONG matches at most one way at a place and its matches cannot overlap,
    so one finditer per part lists every match. A gap contains a boundary when some match
    lies inside it: the smallest end among matches starting at or after s is at most e.

    Searching the slice can differ from that only at its edges, where the slice sees a word
    boundary that the text does not: a word of _STRONG starting at s or ending at e. Gaps
    with a lower-case letter at either edge are therefore searched as slices, as are short
    gaps (cheaper than scanning the whole text, which is only done once a long gap comes).
    """

    _SHORT = 256

    def __init__(self, lower: str) -> None:
        self.lower = lower
        self._starts: list[int] | None = None
        self._min_end: list[int] = []  # smallest end among matches from index i on

    def clean_edge(self, pos: int) -> bool:
        """True when the character at pos is not a lower-case letter (or there is none)."""
        return not ("a" <= self.lower[pos : pos + 1] <= "z")

    def between(self, s: int, e: int) -> bool:
        """True when _STRONG.search(lower[s:e]) would find a boundary."""
        if e - s <= self._SHORT or not (self.clean_edge(s) and self.clean_edge(e - 1)):
            return bool(_STRONG.search(self.lower[s:e]))
        if self._starts is None:
            spans = sorted(m.span() for part in _STRONG_EACH for m in part.finditer(self.lower))
            self._starts = [start for start, _end in spans]
            self._min_end = [len(self.lower) + 1] * (len(spans) + 1)
            for i in range(len(spans) - 1, -1, -1):
                self._min_end[i] = min(spans[i][1], self._min_end[i + 1])
        return self._min_end[bisect_left(self._starts, s)] <= e


_TRAILING_WORD = re.compile(r"\w*\s*\Z")


def _predicate_before(lower: str, start: int, end: int) -> bool:
    """_PREDICATE.search(lower, start, end), looking only at the end of a long stretch."""
    lo = end - 48
    if lo <= start:
        return bool(_PREDICATE.search(lower, start, end))
    if _PREDICATE.search(lower, lo, end):
        return True
    # A match ends with the last run of word characters (plus spaces) and starts at most
    # three characters before that run ("up to"), so it cannot start before lo when the run
    # starts well after lo.
    tail = _TRAILING_WORD.search(lower, lo, end)
    if tail is not None and tail.start() - 8 >= lo:
        return False
    return bool(_PREDICATE.search(lower, start, end))


_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+$")


def _attach_measurements(
    lower: str,
    sentence_of: _SentenceIndex,
    facts: Facts,
    heading_mention: dict[int, int],
    label_finding: dict[int, int],
    boundaries: _Boundaries,
) -> None:
    """Tie each measurement to the nearest mention of its clause, else its heading's, else any."""
    if not facts.measurements:
        return
    mentions = facts.mentions
    in_sentence: dict[int, list[int]] = {}
    for mi, men in enumerate(mentions):
        if not men.fixed:
            in_sentence.setdefault(men.sentence, []).append(mi)
    starts: dict[int, list[int]] = {}  # per sentence: where its mentions start
    clean: dict[int, bool] = {}  # per sentence: no mention edge is a lower-case letter
    for meas in facts.measurements:
        si = sentence_of(meas.start)
        if si is None:
            continue
        sent = sentence_of.sentences[si]
        predicate = _predicate_before(lower, sent.start, meas.start)
        # "adjacent to the tumor and a 12 mm left gastric node": a size after an article opens
        # the noun phrase that follows; it is not the preceding finding's.
        opens_phrase = bool(
            _ARTICLE_BEFORE.search(lower, max(sent.start, meas.start - 4), meas.start)
        )
        group = in_sentence.get(si, [])
        if si not in clean:
            starts[si] = [mentions[mi].span[0] for mi in group]
            clean[si] = all(
                boundaries.clean_edge(mentions[mi].span[0] - 1)
                and boundaries.clean_edge(mentions[mi].span[1])
                for mi in group
            )
        if clean[si] and boundaries.clean_edge(meas.start - 1) and boundaries.clean_edge(meas.end):
            # Going away from the measurement on either side the gap only grows, so its
            # score only grows and once it holds a boundary it keeps it: the best mention
            # on each side, near or far, is the closest one. Mentions overlapping the
            # measurement (between the two) are scored as well.
            right = bisect_left(starts[si], meas.end) if group else 0
            left = right
            while left and mentions[group[left - 1]].span[1] > meas.start:
                left -= 1
            candidates = group[max(left - 1, 0) : right + 1]
        else:
            candidates = group
        near: list[tuple[int, int]] = []
        far: list[tuple[int, int]] = []
        for mi in candidates:
            men = mentions[mi]
            after = meas.end <= men.span[0]
            s, e = (meas.end, men.span[0]) if after else (men.span[1], meas.start)
            if s > e:
                s, e = e, s
                blocked = bool(_STRONG.search(lower[s:e]))
            else:
                blocked = boundaries.between(s, e)
            d = e - s + _COMMA_PENALTY * lower.count(",", s, e)
            if after and predicate:
                d += 200  # "X measuring 5 mm, Y": the number belongs to X
            elif not after and opens_phrase:
                d += 200
            elif after and ")" in lower[meas.end : men.span[0]] and _in_brackets(lower, meas.start):
                d += 200  # "X max 16 mm (ant 11 mm) w Y": an aside on X, closed before Y
            (far if blocked else near).append((d, mi))
        best = min(near)[1] if near else None
        h = sent.heading
        if best is None:
            best = heading_mention.get(h) if h is not None else None
        if best is None and far:
            best = min(far)[1]
        if (
            (
                (best is None and meas.dim == "length")
                or (
                    best is not None
                    and (
                        mentions[best].polarity == ABSENT
                        or mentions[best].kind == "anatomy"
                        # "Observation 1: 1.7 cm, APHE and washout": a size standing alone
                        # in its clause is the label's, not the next clause's feature.
                        or (lower.startswith(",", meas.end) and mentions[best].span[0] > meas.end)
                    )
                )
            )
            and h in label_finding
            and "\n" not in lower[mentions[label_finding[h]].span[1] : meas.start]
        ):
            # "Obs 2: seg 4a, 8 mm, APHE without washout": the size on the label's line is
            # the labelled observation's; a denied finding has none, and a structure there
            # ("Lesion 2: L PZ base, 8 mm") places the labelled lesion; so do sizes on its
            # line naming nothing else ("nodes: 4R 1.4 cm, 7 1.1 cm").
            best = label_finding[h]
        meas.mention = best


def _in_brackets(lower: str, at: int) -> bool:
    """True when an opening bracket before this position on its line is still open."""
    line_start = lower.rfind("\n", 0, at) + 1
    return lower.rfind("(", line_start, at) > lower.rfind(")", line_start, at)


_NEXT_WORD = re.compile(r"[ \t-]*([a-z]+)")


def _describes_a_noun(lower: str, term: Term, following: Sequence[Term]) -> bool:
    """An adjective finding word ("degenerative") before a noun that is no structure, or before
    a structure's own finding: it only describes that noun ("degenerative tear", "degenerative
    supraspinatus tendinopathy")."""
    if lower[term.start : term.end] not in lx.ADJECTIVE_FINDINGS:
        return False
    word = _NEXT_WORD.match(lower, term.end)
    if word is None or word.group(1) in lx.PREDICATE_FOLLOWERS:
        return False
    if not following or following[0].kind != "anatomy" or following[0].start != word.start(1):
        return True
    after = following[1:]
    # The structure's own finding right after it ("supraspinatus tendinopathy") is the noun.
    return bool(
        after
        and after[0].kind == "finding"
        and not lower[following[0].end : after[0].start].strip(" \t-")
    )


def extract(
    text: str,
    find_terms: Callable[[str, str], list[Term]],
    polarity: Callable[[str, Sequence[Sentence], Sequence[Term]], PolarityFn],
) -> Facts:
    """Run one engine's term finder and polarity decider through the shared assembly."""
    # Spoken "period" ends a sentence as "." does; the marks keep every offset.
    spoken = read_spoken_punctuation(text)
    text = read_spoken_numbers(read_spoken_levels(spoken))
    sentences = segment(text)
    lower = safe_lower(text)
    terms = find_terms(text, lower)
    sides = side_matcher().find(text, lower, terms)
    if "lateral" in lower:
        sides = _relative_sides(lower, sentences, sides)
    facts = assemble(text, sentences, terms, sides, polarity(text, sentences, terms))
    if text is not spoken:
        for meas in facts.measurements:
            meas.end = spoken_end(spoken, text, meas.end)
    return facts


_RELATIVE_SIDE = re.compile(r"\b(contra|ipsi)lateral\b")


def _relative_sides(
    lower: str, sentences: Sequence[Sentence], sides: list[SideWord]
) -> list[SideWord]:
    """ "Contralateral" and "ipsilateral" read against the exam title's one side ("Left lower
    extremity duplex ... contralateral CFV" is the right one)."""
    # A leading label naming no side ("EXAMINATION:") is no title: the sentence it heads is.
    first = 0
    while (
        first + 1 < len(sentences)
        and sentences[first].is_label
        and not any(s.end <= sentences[first].end for s in sides)
    ):
        first += 1
    if first >= len(sentences):
        return sides
    title_end = sentences[first].end
    title = {s.side for s in sides if s.end <= title_end}
    second = first + 1
    # "EXAMINATION REPORT\nEXAMINATION: Venous duplex, left lower extremity.": a label between
    # an unsided first line and the next sentence is skipped here too.
    while (
        second + 1 < len(sentences)
        and sentences[second].is_label
        and not any(sentences[second].start <= s.start < sentences[second].end for s in sides)
    ):
        second += 1
    if (not title or title == {"B"}) and len(sentences) > second:
        # "Bilateral breast MRI. Known right breast carcinoma. ... Contralateral breast: ...":
        # with both sides imaged, the side of the known disease in the history is the own one.
        start, title_end = title_end, sentences[second].end
        title = {s.side for s in sides if start <= s.start and s.end <= title_end}
    if len(title) != 1 or "B" in title:
        return sides
    (own,) = title
    other = "R" if own == "L" else "L"
    extra = [
        SideWord(m.start(), m.end(), other if m.group(1) == "contra" else own, False)
        for m in _RELATIVE_SIDE.finditer(lower, title_end)
    ]
    return sorted(sides + extra, key=lambda s: s.start) if extra else sides
