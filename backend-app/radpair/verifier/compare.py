"""Finding-by-finding comparison of source and report facts into warnings."""

from __future__ import annotations

import re
from dataclasses import replace
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import lru_cache

from radpair.textnorm import safe_lower
from radpair.verifier import lexicon as lx
from radpair.verifier.extract import find_locations, term_matcher
from radpair.verifier.measure import PRIOR, comparison_labels, covers, number, same_value
from radpair.verifier.model import (
    ABSENT,
    HYPOTHETICAL,
    PRESENT,
    UNCERTAIN,
    Facts,
    Measurement,
    Mention,
)

_PARENT = {k: parent for k, (_s, _p, parent) in lx.ANATOMY.items() if parent}
_SIDE_WORDS = {
    frozenset({"L"}): "left",
    frozenset({"R"}): "right",
    frozenset({"L", "R"}): "bilateral",
}
_BOTH = frozenset({"L", "R"})
# The side word just before a structure named in a list ("right posterior 6th rib").
_SIDE_JUST_BEFORE = re.compile(r"\b(left|right)\b(?:[ \t]+[\w-]+){0,2}[ \t]*$")


def _listed_structures_sides(src: _View, rep: _View, out: _Collector) -> None:
    """A structure the draft names on one side where the dictation lists it, with the other
    side, among the places of a finding given both sides ("uptake T9, right 6th rib, left
    iliac wing" drafted with a left rib): the places' sides were traded."""
    for n in rep.mentions:
        sides = n.hard_sides
        if n.kind != "anatomy" or n.fixed or len(sides) != 1 or "B" in sides:
            continue
        if any(m.kind == "anatomy" and m.anatomy & n.anatomy for m in src.distinct):
            continue  # named on its own there: the usual check compares the two
        if not any(
            m.kind == "finding" and m.checked_sides == _BOTH and m.anatomy & n.anatomy
            for m in src.distinct
        ):
            continue
        said = {
            side.group(1)[0].upper()
            for t in term_matcher().find(src.lower)
            if t.kind == "anatomy" and t.key in n.anatomy
            for side in [_SIDE_JUST_BEFORE.search(src.lower, max(0, t.start - 30), t.start)]
            if side is not None
        }
        if said and not said & sides:
            out.add(
                "laterality",
                f"'{_label(rep, n)}' is on the {_side_word(frozenset(said))} in the source but "
                f"on the {_side_word(sides)} in the report.",
                None,
                _side_span(n),
            )


_SIDE_WORD = re.compile(r"\b(left|right|bilateral|bilaterally|bilat|both|lt|rt)\b")
_SIDE_OF = {
    "left": "L",
    "lt": "L",
    "right": "R",
    "rt": "R",
    "bilateral": "B",
    "bilaterally": "B",
    "bilat": "B",
    "both": "B",
}
# A capital L or R standing alone ("Lesion L PZ", "XR L WRIST"): not L4, r/o, 2 L or "L 4".
_SIDE_LETTER = re.compile(r"(?<![A-Za-z0-9/\-])([LR])\.?(?![A-Za-z0-9/\-])(?!\s*\d)")
_POLARITY_WORDS = {"present": "affirmed", "absent": "negated", "uncertain": "uncertain"}

SAME, DIFFERENT, UNKNOWN = "same", "different", "unknown"


@lru_cache(maxsize=None)
def _lineage(key: str) -> frozenset[str]:
    """The anatomy key and all its parents (a bone's include the skeleton)."""
    out = {key}
    while key in _PARENT:
        key = _PARENT[key]
        out.add(key)
    if out & lx.BONES:
        out.add("skeleton")
    return frozenset(out)


@lru_cache(maxsize=4096)
def _up(anatomy: frozenset[str]) -> frozenset[str]:
    return frozenset().union(*(_lineage(a) for a in anatomy)) if anatomy else frozenset()


def _anatomy_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Unknown anatomy fits anything; otherwise they must share a structure or contain it."""
    if not a or not b or a & b:
        return True
    return bool((a & _up(b)) or (b & _up(a)))


def _location_compatible(m: Mention, n: Mention) -> bool:
    return m.location is None or n.location is None or m.location == n.location


def _sides_compatible(a: Mention, b: Mention) -> bool:
    return not a.sides or not b.sides or bool(a.sides & b.sides)


def _same_finding(m: Mention, n: Mention) -> bool:
    return (
        m.kind == "finding"
        and n.kind == "finding"
        and m.key == n.key
        and _anatomy_compatible(m.anatomy, n.anatomy)
        and _location_compatible(m, n)
    )


def _side_word(sides: frozenset[str]) -> str:
    return _SIDE_WORDS.get(sides, "no side")


def _span(m: Mention | Measurement | None) -> list[int] | None:
    if m is None:
        return None
    if isinstance(m, Measurement):
        return [m.start, m.end]
    return [m.span[0], m.span[1]]


def _side_span(m: Mention) -> list[int]:
    return list(m.side_span) if m.side_span else [m.span[0], m.span[1]]


def _label(facts: _View, m: Mention) -> str:
    return facts.text[m.span[0] : m.span[1]]


class _Collector:
    """Collects warnings, folding duplicates that point at the same text."""

    def __init__(self) -> None:
        self.items: list[dict] = []
        self._seen: set[tuple] = set()

    def add(self, kind: str, message: str, src: list[int] | None, rep: list[int] | None) -> None:
        """Record a warning unless one of its spans was already reported for this type."""
        keys = set()
        if src is not None:
            keys.add((kind, "s", tuple(src)))
        if rep is not None:
            keys.add((kind, "r", tuple(rep)))
        if keys & self._seen:
            return
        self._seen |= keys
        self.items.append(
            {"type": kind, "message": message, "source_span": src, "report_span": rep}
        )

    def has(self, kind: str, src: list[int] | None, rep: list[int] | None) -> bool:
        """True when a warning of this type already points at one of these spans."""
        return (src is not None and (kind, "s", tuple(src)) in self._seen) or (
            rep is not None and (kind, "r", tuple(rep)) in self._seen
        )


# Above this many mentions and measurements, repeated ones are shared (see _View.__init__).
_SHARE_ABOVE = 100
_NO_DESCRIPTORS: frozenset[tuple] = frozenset()


_NUMBERED = re.compile(r"\s*\d{1,2}[.)]\s+")
# "Effusion: mod tibiotalar": a grade after a label naming only the finding says it is there.
_GRADED = re.compile(
    r"\s*(?:" + "|".join(sorted(lx.SEVERITY, key=len, reverse=True)) + r"|mod|sm|lg)\b",
    re.I,
)


# Words that describe how a finding is distributed: after a finding's label they assert it.
_PATTERNED = re.compile(
    r"\s*(?:subendocardial|subepicardial|epicardial|mid-?wall|transmural|patchy|focal|diffuse"
    r"|multifocal|linear|nodular|punctate|present|seen|identified|visuali[sz]ed)\b"
    # "Portal venous gas: Present on yesterday's radiograph; no longer visible": present on
    # an earlier study is the comparison's finding, and the line goes on to say what is now.
    r"(?!\s+on\s+(?:the\s+)?(?:prior|previous|yesterday|earlier|last|preceding)\b)",
    re.I,
)


def _is_heading(text: str, m: Mention) -> bool:
    """A finding word in a heading ("Lymph nodes: none", "Lymph nodes/Bones:") asserts nothing."""
    line_start = text.rfind("\n", 0, m.span[0]) + 1
    line_end = text.find("\n", m.span[1])
    colon = text.find(":", m.span[1], line_end if line_end >= 0 else len(text))
    if colon < 0:
        return False
    label = text[line_start:colon]
    # A numbered or bulleted line ("3. LGE: none.") is a heading all the same, unless it
    # gives the finding's size ("3. Retrocaval lymph node: 1.8 cm"), as a list of targets does.
    bullet = _NUMBERED.match(label)
    if bullet:
        if text[colon + 1 : colon + 3].strip()[:1].isdigit():
            return False
        label = label[bullet.end() :]
    if (
        _GRADED.match(text, colon + 1) or _PATTERNED.match(text, colon + 1)
    ) and label.strip() == text[m.span[0] : m.span[1]]:
        # The label is the finding alone, and what follows grades it or gives its pattern
        # ("LGE: subendocardial, LAD territory").
        return False
    return len(label.split()) <= 4 and not any(c in label for c in ".;,(")


_SENTENCE_REACH = 200


def _sentence_around(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Bounds of the sentence holding span, reaching at most _SENTENCE_REACH either way."""
    start, floor = span[0], max(0, span[0] - _SENTENCE_REACH)
    while start > floor and not _ends_sentence(text, start - 1):
        start -= 1
    end, ceiling = span[1], min(len(text), span[1] + _SENTENCE_REACH)
    while end < ceiling and not _ends_sentence(text, end):
        end += 1
    return start, end


def _ends_sentence(text: str, i: int) -> bool:
    """A line break, or a full stop that is not a decimal point ("0.5 cm")."""
    c = text[i]
    return c == "\n" or (c == "." and not text[i + 1 : i + 2].isdigit())


class _View:
    """A text's facts with the lookups the comparison needs, built once."""

    def __init__(self, facts: Facts) -> None:
        self.text = facts.text
        self.lower = safe_lower(facts.text)
        self.mentions = facts.mentions
        self.measurements = facts.measurements
        self.descriptors = facts.descriptors()
        self.by_dim: dict[str, list[Measurement]] = {}
        for meas in facts.measurements:
            self.by_dim.setdefault(meas.dim, []).append(meas)
        # Two mentions with the same signature (everything but where they are) get the same
        # answer from every check; only the spans and words quoted in a warning differ. In a
        # long text the other text is therefore searched through one mention per signature
        # (self.distinct), and each check works out its answer once per group of mentions
        # that agree on what it looks at (the caches in the checks), so texts repeating a
        # finding do not cost the square of their length. The same goes for measurements.
        # Short texts skip all this: it would cost more than it saves.
        self._signatures: dict[int, tuple] | None = None
        self._members: dict[int, list[Mention]] = {}  # a long text's alike mentions, by the first
        self._finding_starts: list[int] | None = None
        self._finding_ends: list[int] = []
        self._first_end: int | None = None
        self._sides_named: set[str] | None = None
        self.numbers: set[float] | None = None  # every number written, made when first needed
        self.loose_numbers: set[float] | None = None  # those outside every measurement, likewise
        self.value_keys: set[tuple] | None = None  # every measurement's value, likewise
        self._structure_sides: dict[frozenset[str], frozenset[str]] = {}
        self._only_normal: dict[frozenset[str], bool] = {}
        self._lengths: set[tuple] | None = None
        # A finding word in a heading or in the exam title's reason asserts nothing.
        self.headings: set[int] = set()
        # The findings its headings name, whichever alike mention a long text keeps.
        self.heading_keys: set[str | None] = set()
        # The names of comparison rows: not asserted, but their sides are still the finding's.
        self.row_names: set[int] = set()
        labels = comparison_labels(self.text)
        # A label that owns a size ("Obs 2: seg 4a, 8 mm, ...") names the finding it sizes.
        sized = {a.mention for a in self.measurements if a.dim == "length"}
        for i, m in enumerate(self.mentions):
            if m.kind != "finding":
                continue
            if (
                _is_heading(self.text, m) and (i not in sized or self._named_again_on_line(m))
            ) or _in_exam_title(self, m):
                m.polarity = HYPOTHETICAL
                self.headings.add(id(m))
                self.heading_keys.add(m.key)
            elif labels and any(a <= m.span[0] < b for a, b in labels):
                # A comparison row's name: the row still answers for a dictated finding.
                m.polarity = HYPOTHETICAL
                self.row_names.add(id(m))
        self.distinct = self.mentions
        if len(self.mentions) + len(self.measurements) > _SHARE_ABOVE:
            self._signatures = {id(m): self._signature(m) for m in self.mentions}
            first: dict[tuple, Mention] = {}
            for m in self.mentions:
                rep = first.setdefault(self._signatures[id(m)], m)
                self._members.setdefault(id(rep), []).append(m)
            self.distinct = list(first.values())
        self.by_key: dict[str | None, list[Mention]] = {}
        for m in self.distinct:
            self.by_key.setdefault(m.key, []).append(m)

    def _named_again_on_line(self, label: Mention) -> bool:
        """The line a label heads names its finding again ("Extraprostatic extension: 8 mm of
        capsular contact; no EPE"): the size is another thing's, the label only a heading."""
        line_end = self.text.find("\n", label.span[1])
        line_end = len(self.text) if line_end < 0 else line_end
        return any(
            n is not label and n.key == label.key and label.span[1] < n.span[0] < line_end
            for n in self.mentions
        )

    def first_sentence_end(self) -> int:
        """Where the first sentence (the exam title, in a dictation) ends."""
        if self._first_end is None:
            text = self.text
            end = next((i for i in range(len(text)) if _ends_sentence(text, i)), len(text))
            banner = text[:end]
            if (
                banner.isupper()
                and ":" not in banner
                and not _SIDE_WORD.search(banner.lower())
                and not any(m.span[0] < end for m in self.mentions)
            ):
                # A banner naming nothing ("EXAMINATION REPORT") is no title: the next line
                # that says something is.
                start = len(text) - len(text[end:].lstrip())
                end = next(
                    (i for i in range(start, len(text)) if _ends_sentence(text, i)), len(text)
                )
            self._first_end = end
        return self._first_end

    def finding_starts(self) -> list[int]:
        """Where finding mentions start, in order (made once, when first needed)."""
        if self._finding_starts is None:
            spans = sorted(m.span for m in self.mentions if m.kind == "finding")
            self._finding_starts = [start for start, _end in spans]
            self._finding_ends = [end for _start, end in spans]
        return self._finding_starts

    def finding_end_before(self, pos: int) -> int | None:
        """Where the last finding mention starting before pos ends."""
        i = bisect_left(self.finding_starts(), pos)
        return self._finding_ends[i - 1] if i else None

    def names_side(self, sides: frozenset[str]) -> bool:
        """True when the text names one of these sides anywhere."""
        if self._sides_named is None:
            self._sides_named = {_SIDE_OF[w] for w in _SIDE_WORD.findall(self.lower)}
        return bool(self._sides_named & sides)

    def title_sides(self) -> set[str]:
        """The sides the first sentence (the exam title, in a dictation) names."""
        end = self.first_sentence_end()
        words = {_SIDE_OF[w] for w in _SIDE_WORD.findall(self.lower, 0, end)}
        return words | set(_SIDE_LETTER.findall(self.text, 0, end))

    def is_title(self, m: Mention) -> bool:
        """An anatomy mention in a first sentence that names no finding: the exam title."""
        end = self.first_sentence_end()
        return (
            m.kind == "anatomy"
            and m.span[0] < end
            and not any(n.kind == "finding" and n.span[0] < end for n in self.mentions[:8])
        )

    def side_nearby(self, n: Mention, sides: frozenset[str]) -> bool:
        """True when the sentence of n (or of a mention alike it) names one of these sides."""
        return any(self._side_in_sentence(k, sides) for k in self.members(n))

    def _side_in_sentence(self, n: Mention, sides: frozenset[str]) -> bool:
        # Bounded: a side word further than this from the finding does not describe it.
        text = self.text
        start, end = _sentence_around(text, n.span)
        words = {_SIDE_OF[w] for w in _SIDE_WORD.findall(self.lower, start, end)}
        words |= set(_SIDE_LETTER.findall(text, start, end))
        return bool(words & (sides | {"B"}))

    def structure_sides(self, anatomy: frozenset[str]) -> frozenset[str]:
        """Every side the text gives a structure named by one of these anatomy keys."""
        sides = self._structure_sides.get(anatomy)
        if sides is None:
            sides = self._structure_sides[anatomy] = frozenset().union(
                *(
                    n.checked_sides
                    for n in self.distinct
                    if n.kind == "anatomy" and not n.fixed and n.anatomy & anatomy
                )
            )
        return sides

    def only_normal(self, anatomy: frozenset[str]) -> bool:
        """True when the text calls this structure (or one holding it) normal ("the malleus
        head is intact") and says nothing else of it or of a part of it."""
        answer = self._only_normal.get(anatomy)
        if answer is None:
            normal = other = False
            for n in self.distinct:
                where = n.anatomy or n.heading_anatomy
                if n.normal and _anatomy_compatible(anatomy, where):
                    normal = True
                elif not n.normal and anatomy & _up(where):
                    other = True
            answer = self._only_normal[anatomy] = normal and not other
        return answer

    def lengths(self) -> set[tuple]:
        """Every length the text gives, as descriptors write it (made once, when first needed)."""
        if self._lengths is None:
            self._lengths = {
                (b.dim, tuple(sorted(b.values))) for b in self.by_dim.get("length", ())
            }
        return self._lengths

    def members(self, n: Mention) -> Sequence[Mention]:
        """The mentions alike n that n stands for (n alone in a short text)."""
        return self._members.get(id(n), (n,))

    def findings(self, key: str | None) -> list[Mention]:
        """Finding mentions with this key (one per signature in a long text)."""
        return self.by_key.get(key, []) if key is not None else []

    def _signature(self, m: Mention) -> tuple:
        descriptors = self.descriptors[id(m)]
        return (
            m.kind,
            m.key,
            m.anatomy,
            m.hard_sides,
            m.soft_sides,
            m.weak_sides,
            m.polarity,
            m.qualifier,
            m.fixed,
            m.location,
            m.severity,
            m.normal,
            m.heading_anatomy,
            frozenset(descriptors) if descriptors else _NO_DESCRIPTORS,
        )

    @property
    def shared(self) -> bool:
        """True for a long text, whose answers are shared between alike mentions."""
        return self._signatures is not None

    def measurement_key(self, a: Measurement) -> object:
        """Cache key for a measurement's answer (its value and mention, in a long text)."""
        # The mention counts only through what _relation looks at.
        if self._signatures is None:
            return id(a)
        owner = self.mentions[a.mention] if a.mention is not None else None
        return (a.dim, a.bound, a.values, a.is_range, _relation_key(owner))


def _keep_shared_bounds(source: Facts, report: Facts) -> None:
    """Keep a value's bound ("<1 mm") only where both texts give that bounded value.

    Then "<1 mm beyond the muscularis" kept in the draft cannot also stand for a plain "1 mm"
    the draft gives elsewhere; where the draft words the bound otherwise ("under 1 cm") the
    values compare as before.
    """
    keys = [
        {(a.dim, a.values, a.bound) for a in f.measurements if a.bound} for f in (source, report)
    ]
    shared = keys[0] & keys[1]
    for f in (source, report):
        for a in f.measurements:
            if a.bound and (a.dim, a.values, a.bound) not in shared:
                a.bound = ""


def compare(source: Facts, report: Facts) -> list[dict]:
    """Warnings for laterality, negation, measurement, omission and insertion differences."""
    out = _Collector()
    _keep_shared_bounds(source, report)
    src, rep = _View(source), _View(report)
    for x, y, x_is_src in ((src, rep, True), (rep, src, False)):
        _laterality(x, y, x_is_src, out)
        _negation(x, y, x_is_src, out)
        _normal_contradiction(x, y, x_is_src, out)
        _measurements(x, y, x_is_src, out)
        _unpartnered(x, y, x_is_src, out)
    _dropped_places(src, rep, out)
    _moved_levels(src, rep, out)
    _counts_changed(src, rep, out)
    _value_sides(src, rep, out)
    _label_swaps(src, rep, out)
    _named_values_swapped(src, rep, out)
    if "coronary" in rep.lower or "lcx" in rep.lower or "lad" in rep.lower:
        _vessel_scores_changed(src, rep, out)
    if _STATION_HINT.search(src.lower) and _STATION_HINT.search(rep.lower):
        _station_values_swapped(src, rep, out)
        _station_sides_turned(src, rep, out)
    _dominant_sides(src, rep, out)
    _bilateral_narrowed(src, rep, out)
    _listed_structures_sides(src, rep, out)
    _relative_sides_turned(src, rep, out)
    if "midline" in src.lower and "midline" in rep.lower:
        _midline_sides_turned(src, rep, out)
    if "maternal" in src.lower and "maternal" in rep.lower:
        _maternal_sides_moved(src, rep, out)
    if all("rads" in v.lower or "lr-" in v.lower for v in (src, rep)):
        _categories_changed(src, rep, out)
    return out.items


_S = r"(left|right|l|r)"
_DOMINANCE = re.compile(
    # A degree word may come between ("right slightly more than left").
    rf"\b{_S}\s*(?:>|(?:is\s+)?(?:(?:slightly|somewhat|much|mildly|markedly)\s+)?"
    r"(?:greater|worse|more|larger)\s+than|-greater-than-)"
    rf"\s*{_S}\b"
    r"|\bmore\s+(?:pronounced|prominent|severe|extensive|marked)\s+on\s+the\s+(left|right)"
    r"|\b(left|right)(?:-|\s+)(?:sided\s+)?predominan(?:t|ce)"
)


def _dominant(view: _View) -> dict[str, tuple[int, int]]:
    """Sides said to be the worse one ("left greater than right", "L>R"), with a span each."""
    found: dict[str, tuple[int, int]] = {}
    for m in _DOMINANCE.finditer(view.lower):
        first, second, pronounced, predominant = m.groups()
        side = first or pronounced or predominant
        if first and second and first[0] == second[0]:
            continue
        found.setdefault(side[0].upper(), m.span())
    return found


def _dominant_sides(src: _View, rep: _View, out: _Collector) -> None:
    """Which side is the worse one, turned round: "left greater than right" became "right
    greater than left". Raised only when the two texts name no worse side in common."""
    worse_src, worse_rep = _dominant(src), _dominant(rep)
    if not worse_src or not worse_rep or worse_src.keys() & worse_rep.keys():
        return
    (s_side, s_span), (r_side, r_span) = next(iter(worse_src.items())), next(
        iter(worse_rep.items())
    )
    out.add(
        "laterality",
        f"The worse side is {_side_word(frozenset(s_side))} in the source but "
        f"{_side_word(frozenset(r_side))} in the report.",
        list(s_span),
        list(r_span),
    )


# "slightly to the L of midline", "just right of the midline": a midline structure's side,
# said of no paired organ, so the finding checks do not see it.
_OF_MIDLINE = re.compile(r"\b(left|right|l|r)\s+of\s+(?:the\s+)?midline\b")


# A line opening with a heading ("IMPRESSION:", "Left hip:") starts a section of the draft.
_HEADING_LINE = re.compile(r"^[ \t]*[A-Za-z][A-Za-z /&()-]{1,40}:", re.MULTILINE)


def _bilateral_in_its_section(view: _View, n: Mention) -> bool:
    """The draft gives n's finding on both sides in n's own section ("Bilateral effusions. The
    right effusion is larger."): the one-sided mention details it, narrowing nothing."""
    start, end = 0, len(view.text)
    for m in _HEADING_LINE.finditer(view.text):
        if m.start() <= n.span[0]:
            start = m.start()
        else:
            end = m.start()
            break
    return any(
        start <= m.span[0] < end and m.polarity in _ASSERTED and m.checked_sides == _BOTH
        for m in view.mentions
        if m.kind == "finding" and m.key == n.key
    )


def _bilateral_narrowed(src: _View, rep: _View, out: _Collector) -> None:
    """A finding the dictation gives only on both sides ("residual bilateral axillary
    nodes") that the draft names on one side alone ("residual right axillary nodes")."""
    for n in rep.mentions:
        sides = n.hard_sides
        if n.kind != "finding" or n.polarity not in _ASSERTED or len(sides) != 1 or "B" in sides:
            continue
        asserted = [m for m in src.findings(n.key) if m.polarity in _ASSERTED]
        # A finding whose name carries its structure ("bilateral cam morphology": the femoral
        # head-neck junctions) is dictated on both sides without naming the structure.
        dictated = [
            m
            for m in asserted
            if _anatomy_compatible(m.anatomy, n.anatomy) and _location_compatible(m, n)
        ]
        # Where the dictation gives the finding on that side alone anywhere ("right parotid:
        # two lesions"), the draft's one-sided mention may be that one.
        if (
            dictated
            and all(m.checked_sides == _BOTH for m in dictated)
            and not any(m.checked_sides == sides for m in asserted)
            and not _bilateral_in_its_section(rep, n)
        ):
            out.add(
                "laterality",
                f"'{_label(rep, n)}' is bilateral in the source but only on the "
                f"{_side_word(sides)} in the report.",
                _side_span(dictated[0]),
                _side_span(n),
            )


_BOTH = frozenset({"L", "R"})


def _midline_sides(view: _View) -> dict[str, tuple[int, int]]:
    """Each side of the midline the text places something on, with its span."""
    found: dict[str, tuple[int, int]] = {}
    for m in _OF_MIDLINE.finditer(view.lower):
        found.setdefault(m.group(1)[0].upper(), m.span())
    return found


def _midline_sides_turned(src: _View, rep: _View, out: _Collector) -> None:
    """ "Left of midline" became "right of midline". Raised only when the two texts name no
    side of the midline in common."""
    mine, theirs = _midline_sides(src), _midline_sides(rep)
    if not mine or not theirs or mine.keys() & theirs.keys():
        return
    (s_side, s_span), (r_side, r_span) = next(iter(mine.items())), next(iter(theirs.items()))
    out.add(
        "laterality",
        f"The source places it {_side_word(frozenset(s_side))} of the midline, the report "
        f"{_side_word(frozenset(r_side))}.",
        list(s_span),
        list(r_span),
    )


# "contralateral to the occlusion", "ipsilateral to the stenosis": a side given relative to a
# named finding; the first word after the article names it.
_RELATIVE_TO = re.compile(r"\b(ipsi|contra)-?lateral(?:ly)?\s+to\s+(?:the\s+)?([a-z]{3,})")


def _relative_to(view: _View) -> dict[str, tuple[str, tuple[int, int]]]:
    """Per named reference (by its first five letters): the relation and its span."""
    found: dict[str, tuple[str, tuple[int, int]]] = {}
    if "lateral" in view.lower:
        for m in _RELATIVE_TO.finditer(view.lower):
            found.setdefault(m.group(2)[:5], (m.group(1), m.span()))
    return found


def _relative_sides_turned(src: _View, rep: _View, out: _Collector) -> None:
    """The same side of a finding said against another one turned round: "contralateral to
    the occlusion" became "ipsilateral to the occlusion"."""
    theirs = _relative_to(rep)
    if not theirs:
        return
    for ref, (rel, span) in _relative_to(src).items():
        other = theirs.get(ref)
        if other is not None and other[0] != rel:
            out.add(
                "laterality",
                f"The source says {rel}lateral, the report {other[0]}lateral.",
                list(span),
                list(other[1]),
            )


# A reporting system's category ("BI-RADS 4", "Lung-RADS category 4A", "LR-5", "TR4"): not
# a version ("PI-RADS v2.1", "PI-RADS 2.1").
_RADS = re.compile(
    r"\b(bi|pi|li|ti|o|lung|cad)[- ]?rads\b(?:\s+(?:us|mri))?"
    r"(?:\s+(?:category|cat\.?|score|assessment|classification))?\s*[:=]?\s*(?:tr-?)?"
    r"(\d(?!\.?\d)[a-c]?)(?![a-z0-9])"
    r"|\blr-(\d|m|nc|tiv|tr)\b|\btr-?([1-5])\b"
)


def _categories(view: _View) -> dict[str, list[tuple[str, tuple[int, int]]]]:
    """Per reporting system: each category the text gives, with its span."""
    found: dict[str, list[tuple[str, tuple[int, int]]]] = {}
    for m in _RADS.finditer(view.lower):
        if m.group(2):
            system, group = m.group(1), 2
        else:
            system, group = ("li", 3) if m.group(3) else ("ti", 4)
        found.setdefault(system, []).append((m.group(group), m.span(group)))
    return found


def _same_category(a: str, b: str) -> bool:
    """Equal, or one a subcategory of the other ("4" and "4a")."""
    return a.startswith(b) or b.startswith(a)


def _categories_changed(src: _View, rep: _View, out: _Collector) -> None:
    """A category the report gives that the source never gives in that system, where the
    source does give one ("Lung-RADS 4A" drafted as "Lung-RADS 3")."""
    mine = _categories(src)
    for system, given in _categories(rep).items():
        dictated = mine.get(system)
        if not dictated:
            continue
        for value, span in given:
            if any(_same_category(value, v) for v, _s in dictated):
                continue
            # Point at the dictated category the draft does not repeat, if there is one.
            lost = [(v, s) for v, s in dictated if not any(_same_category(v, w) for w, _t in given)]
            v, s = (lost or dictated)[0]
            out.add(
                "measurement",
                f"Category changed: the source gives {v.upper()}, the report {value.upper()}.",
                list(s),
                list(span),
            )


# A fetus's position is given on the mother's side ("maternal R lower", "on the maternal
# left"), under the label of the twin it belongs to ("Twin A:", "Fetus 2").
_MATERNAL_SIDE = re.compile(r"\bmaternal\s+(left|right|lt|rt|l|r)\b")
_FETUS_LABEL = re.compile(r"\b(?:twin|fetus|baby|triplet|sac)\s+([a-d1-4])\b")


def _maternal_sides(view: _View) -> dict[str | None, tuple[set[str], tuple[int, int]]]:
    """Per fetus label (None before any): the maternal sides given under it and the first's
    span."""
    labels = [(m.start(), m.group(1)) for m in _FETUS_LABEL.finditer(view.lower)]
    found: dict[str | None, tuple[set[str], tuple[int, int]]] = {}
    for m in _MATERNAL_SIDE.finditer(view.lower):
        i = bisect_left(labels, (m.start(), "")) - 1
        label = labels[i][1] if i >= 0 else None
        sides, _span0 = found.setdefault(label, (set(), m.span(1)))
        sides.add(_SIDE_OF.get(m.group(1)) or m.group(1).upper())
    return found


def _maternal_sides_moved(src: _View, rep: _View, out: _Collector) -> None:
    """A fetus placed on the other side of the mother: "Twin A: maternal R" became "Twin A:
    maternal left". Compared per twin label, and only where both texts place that fetus."""
    theirs = _maternal_sides(rep)
    for label, (sides, span) in _maternal_sides(src).items():
        other = theirs.get(label)
        if other is not None and not sides & other[0]:
            who = f"twin {label.upper()}" if label else "the fetus"
            out.add(
                "laterality",
                f"The source places {who} on the maternal {_side_word(frozenset(sides))}, "
                f"the report on the maternal {_side_word(frozenset(other[0]))}.",
                list(span),
                list(other[1]),
            )


# Above this many labelled values in a text the swap check is skipped (it compares pairs).
_LABELLED_AT_MOST = 40


def _labels_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One label ends the other ("diameter" and "vein diameter")."""
    if not a or not b:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return long[-len(short) :] == short


_SIDE_NAMES = {"left": "right", "right": "left", "lt": "rt", "rt": "lt"}


def _sides_of_one_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two labels naming the two sides of one structure ("right kidney", "left kidney")."""
    if len(a) != len(b):
        return False
    differ = [(x, y) for x, y in zip(a, b) if x != y]
    return len(differ) == 1 and _SIDE_NAMES.get(differ[0][0]) == differ[0][1]


def _label_swaps(src: _View, rep: _View, out: _Collector) -> None:
    """Two named values that trade places: "diameter 6 mm, depth 4 mm" -> "diameter 4, depth 6"."""
    named = [a for a in src.measurements if a.label and len(a.values) == 1]
    if len(named) > _LABELLED_AT_MOST or len(rep.measurements) > _LABELLED_AT_MOST:
        return
    for i, a in enumerate(named):
        for b in named[i + 1 :]:
            if a.dim != b.dim or same_value(a, b) or _labels_match(a.label, b.label):
                continue
            single = [c for c in rep.by_dim.get(a.dim, ()) if len(c.values) == 1]
            a_rep = [c for c in single if _labels_match(c.label, a.label)]
            b_rep = [c for c in single if _labels_match(c.label, b.label)]
            # a's name never carries a's value, but carries b's, and b's name carries a's (the
            # report may repeat b's value under b's name elsewhere, as an impression does).
            if not a_rep or any(same_value(c, a) for c in a_rep):
                continue
            moved = next((c for c in a_rep if same_value(c, b)), None)
            if moved is not None and any(same_value(c, a) for c in b_rep):
                message = (
                    f"Values swapped: '{_fmt(src.text, a)}' and '{_fmt(src.text, b)}' in the "
                    f"source are given the other way round in the report."
                )
                out.add("measurement", message, _span(a), _span(moved))
                if _sides_of_one_name(a.label, b.label):
                    # "right kidney 11.0, left kidney 11.4" the other way round: the sides
                    # traded their values.
                    out.add("laterality", message, _span(a), _span(moved))


# What a single size is of, by its axis or by what it measures ("1.8 cm AP", "2.5 cm of
# retraction", "retracted 2.5 cm"): two of them trading values within one sentence is a swap.
_QUANTITY_NAMES = {
    "ap": "ap",
    "anteroposterior": "ap",
    "antero-posterior": "ap",
    "transverse": "transverse",
    "craniocaudal": "craniocaudal",
    "cranio-caudal": "craniocaudal",
    "cc": "craniocaudal",
    "mediolateral": "mediolateral",
    "length": "length",
    "long": "length",
    "width": "width",
    "wide": "width",
    "depth": "depth",
    "deep": "depth",
    "height": "height",
    "tall": "height",
    "thickness": "thickness",
    "thick": "thickness",
    "retraction": "retraction",
    "retracted": "retraction",
    "displacement": "displacement",
    "displaced": "displacement",
    "diastasis": "diastasis",
    "gap": "gap",
    "retropulsion": "retropulsion",
    "retropulsed": "retropulsion",
    "depression": "depression",
    "depressed": "depression",
    "overlap": "overlap",
    "shortening": "shortening",
    "distraction": "distraction",
    # How far one structure lies from another ("sciatic nerve 1.2 cm lateral to the stump").
    **{f"{way} to": "distance" for way in ("lateral", "medial", "proximal", "distal")},
}
_QUANTITY = "|".join(sorted(map(re.escape, _QUANTITY_NAMES), key=len, reverse=True))
_NAME_AFTER = re.compile(
    rf"\s*(?:(?:in|of)\s+(?:the\s+)?)?({_QUANTITY})\b"
    r"(?:\s+(?:dimension|diameter|plane|axis|extent))?",
    re.IGNORECASE,
)
_NAME_BEFORE = re.compile(rf"\b({_QUANTITY})\b[^.;:,\n\d]{{0,24}}$", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"\n|\.(?!\d)")
_NAMED_AT_MOST = 40


def _quantity_names(view: _View) -> list[tuple[Measurement, str, int]]:
    """Each single length with what it is of, and where its sentence starts."""
    found: list[tuple[Measurement, str, int]] = []
    text, floor = view.text, 0
    for a in sorted(view.by_dim.get("length", ()), key=lambda a: a.start):
        if len(a.values) != 1 or a.is_range:
            floor = a.end
            continue
        after = _NAME_AFTER.match(text, a.end)
        # The words before belong to this value only past the previous value and its name
        # ("2.5 cm in AP dimension with 1.8 cm": AP names the 2.5).
        before = None if after else _NAME_BEFORE.search(text, max(floor, a.start - 40), a.start)
        hit = after or before
        floor = after.end() if after else a.end
        if hit:
            start = max((m.end() for m in _SENTENCE_BREAK.finditer(text, 0, a.start)), default=0)
            found.append((a, _QUANTITY_NAMES[hit.group(1).lower()], start))
    return found


def _one_value_per_name(named: list[tuple[Measurement, str, int]]) -> dict[str, tuple]:
    """Each name given a single value (however often) in the text, with that value."""
    values: dict[str, tuple] = {}
    mixed: set[str] = set()
    for a, name, _s in named:
        first = values.setdefault(name, a.values)
        if first != a.values:
            mixed.add(name)
    return {name: v for name, v in values.items() if name not in mixed}


# A coronary artery's own calcium score, written bare after its name ("LCx 46", "- Left
# circumflex: 31", "| LAD | 44 |" in a table): no unit follows the number.
_VESSEL_SCORE = re.compile(r"[ \t]*(?:[:=|-][ \t]*)?(\d+)(?!\d|[.,]\d|\s*(?:%|mm|cm|hu|mg)\b)")
_CALCIUM_STUDY = re.compile(r"\b(?:agatston|calcium scor\w*|cac)\b")


def _vessel_scores(view: _View) -> dict[str, tuple[int, int, str]]:
    """Each coronary artery's calcium score in a calcium scoring text: artery -> number."""
    out: dict[str, tuple[int, int, str]] = {}
    for n in view.mentions:
        if n.kind != "anatomy" or len(n.anatomy) != 1:
            continue
        (artery,) = n.anatomy
        if not artery.startswith("coronary_") or artery in out:
            continue
        m = _VESSEL_SCORE.match(view.text, n.span[1])
        if m is not None:
            out[artery] = (m.start(1), m.end(1), m.group(1))
    return out


def _vessel_scores_changed(src: _View, rep: _View, out: _Collector) -> None:
    """A coronary artery's calcium score that differs between the texts (scores swapped
    between arteries keep the total, so the total does not show it)."""
    if not (_CALCIUM_STUDY.search(src.lower) and _CALCIUM_STUDY.search(rep.lower)):
        return
    mine, theirs = _vessel_scores(src), _vessel_scores(rep)
    for artery, (s0, s1, value) in mine.items():
        other = theirs.get(artery)
        if other is None or int(other[2]) == int(value):
            continue
        out.add(
            "measurement",
            f"Measurement changed: calcium score '{value}' in the source, "
            f"'{other[2]}' in the report.",
            [s0, s1],
            [other[0], other[1]],
        )


def _named_values_swapped(src: _View, rep: _View, out: _Collector) -> None:
    """Two sizes of one finding trading their names within a report sentence ("1.8 cm AP, 2.5
    cm retraction" -> "2.5 cm in AP dimension with 1.8 cm of retraction"), even where another
    sentence gives them right."""
    lengths = src.by_dim.get("length", ())
    if not 2 <= len(lengths) <= _NAMED_AT_MOST or len(rep.measurements) > _NAMED_AT_MOST:
        return
    theirs = _quantity_names(rep)
    if len(theirs) < 2:
        return
    mine = _quantity_names(src)
    said = {(name, a.values) for a, name, _s in mine}
    # A name given one value throughout each text ("retracted 4.5 cm", then "retracted 4.5 cm"
    # in the impression) names one quantity, whichever sentence of the draft restates it.
    only_src, only_rep = _one_value_per_name(mine), _one_value_per_name(theirs)
    swapped: set[frozenset[str]] = set()  # names said to swap across the draft's sentences
    flagged: set[int] = set()  # report sentences already said to swap a pair
    for i, (a, name_a, _s) in enumerate(mine):
        for b, name_b, _t in mine[i + 1 :]:
            if name_a == name_b or same_value(a, b):
                continue
            if (name_a, b.values) in said or (name_b, a.values) in said:
                continue  # the source itself gives them both ways
            apart = (
                only_src.get(name_a) == a.values
                and only_src.get(name_b) == b.values
                and only_rep.get(name_a) is not None
                and only_rep.get(name_b) is not None
            )
            if apart and frozenset((name_a, name_b)) in swapped:
                continue
            for c, name_c, sent_c in theirs:
                if name_c != name_a or sent_c in flagged or not same_value(c, b):
                    continue
                if any(
                    name_d == name_b and (sent_d == sent_c or apart) and same_value(d, a)
                    for d, name_d, sent_d in theirs
                ):
                    out.add(
                        "measurement",
                        f"Values swapped: '{_fmt(src.text, a)}' ({name_a}) and "
                        f"'{_fmt(src.text, b)}' ({name_b}) in the source trade names in the "
                        f"report.",
                        _span(a),
                        _span(c),
                    )
                    flagged.add(sent_c)
                    swapped.add(frozenset((name_a, name_b)))
                    break


# Lymph node stations (IASLC): "4R", "10L", "station 7", or the station's name ("subcarinal").
_STATION_HINT = re.compile(r"\b(?:station|subcarinal|aortopulmonary|(?:1[0-4]|[1-9])[rl])\b")
_STATION = re.compile(
    r"\bstation\s*(1[0-4]|[1-9])([rl]?)\b|\b(1[0-4]|[1-9])([rl])\b"
    r"|\b(subcarinal|aortopulmonary)\b"
)
_STATION_NAMES = {"subcarinal": "7", "aortopulmonary": "5"}
_STATION_BREAK = re.compile(r"[;,\n]|\.(?!\d)")


def _station_values(view: _View) -> dict[str, list[Measurement]]:
    """The current single lengths named by a nodal station just before them in their clause
    ("4R 1.4 cm", "Subcarinal (station 7): 0.8 cm"), by station."""
    found: dict[str, list[Measurement]] = {}
    floor = 0
    for a in sorted(view.measurements, key=lambda a: a.start):
        lo, floor = max(floor, a.start - 40), a.end
        if a.dim != "length" or len(a.values) != 1:
            continue
        lo = max((m.end() for m in _STATION_BREAK.finditer(view.lower, lo, a.start)), default=lo)
        last = None
        for last in _STATION.finditer(view.lower, lo, a.start):
            pass
        if last is None:
            continue
        station = (
            last.group(1) + last.group(2)
            if last.group(1)
            else (last.group(3) + last.group(4) if last.group(3) else _STATION_NAMES[last.group(5)])
        )
        found.setdefault(station, []).append(a)
    return found


def _station_values_swapped(src: _View, rep: _View, out: _Collector) -> None:
    """Two nodal stations trading their sizes ("7 1.0 cm, 4R 0.8 cm" -> "station 7: 0.8 cm,
    4R: 1.0 cm"): every value is still there, each at the wrong node."""
    mine = {k: v[0] for k, v in _station_values(src).items() if len(v) == 1}
    if len(mine) < 2:
        return
    theirs = {k: v[0] for k, v in _station_values(rep).items() if len(v) == 1}
    stations = sorted(mine.keys() & theirs.keys())
    for i, s in enumerate(stations):
        a, c = mine[s], theirs[s]
        if same_value(a, c):
            continue
        for t in stations[i + 1 :]:
            b, d = mine[t], theirs[t]
            if same_value(a, d) and same_value(b, c) and not same_value(a, b):
                out.add(
                    "measurement",
                    f"Values swapped: station {s.upper()} is '{_fmt(src.text, a)}' and station"
                    f" {t.upper()} '{_fmt(src.text, b)}' in the source; the report trades them.",
                    _span(a),
                    _span(c),
                )
                break


def _station_sides_turned(src: _View, rep: _View, out: _Collector) -> None:
    """A sided nodal station's value given to the same station of the other side ("4R 1.3
    cm" as "station 4L: 13 mm"), where the report gives the dictated side no such value: a
    node across the midline changes the N stage."""
    mine, theirs = _station_values(src), _station_values(rep)
    for station, values in mine.items():
        if station[-1:] not in ("r", "l") or len(values) != 1:
            continue
        other = station[:-1] + ("l" if station.endswith("r") else "r")
        a = values[0]
        if any(same_value(a, c) for c in theirs.get(station, ())) or any(
            same_value(a, b) for b in mine.get(other, ())
        ):
            continue
        c = next((c for c in theirs.get(other, ()) if same_value(a, c)), None)
        if c is not None:
            out.add(
                "laterality",
                f"Station {station.upper()} ('{_fmt(src.text, a)}') is station "
                f"{other.upper()} in the report.",
                _span(a),
                _span(c),
            )


def _structure_side(view: _View, a: Measurement) -> tuple[str, frozenset[str]] | None:
    """The one side and the structure of the paired structure a value measures ("right ovary
    1.9 x 1.1 x 1.0 cm"); None when the value has no such owner."""
    if a.mention is None:
        return None
    m = view.mentions[a.mention]
    if m.kind == "finding" and not m.hard_sides and not m.anatomy and m.heading_anatomy:
        # "Left ovary: one endometrioma 2.6 cm": a finding under a sided structure's label
        # is measured in that structure.
        sides, anatomy = m.soft_sides, m.heading_anatomy
    elif m.kind == "anatomy":
        sides, anatomy = m.hard_sides, m.anatomy
    else:
        return None
    if len(sides) != 1 or "B" in sides:
        return None
    (side,) = sides
    return side, anatomy


def _value_sides(src: _View, rep: _View, out: _Collector) -> None:
    """A value labelled with one side in the source and only with the other in the report, or
    given for one side of a paired structure there and for its other side here."""
    for a in src.measurements:
        if a.side is not None:
            side_a = a.side
            # The draft may give the side by the structure the value measures instead
            # ("Right temporal bone: 2 mm focus" for "2 mm on the right").
            same = [
                (b, side_b)
                for b in rep.by_dim.get(a.dim, ())
                if same_value(a, b)
                for owner in [None if b.side else _structure_side(rep, b)]
                for side_b in [b.side or (owner and owner[0])]
                if side_b
            ]
        else:
            owner = _structure_side(src, a)
            if owner is None:
                continue
            m = src.mentions[a.mention]
            if m.kind == "finding" and (
                out.has("laterality", _span(m), None) or out.has("laterality", _side_span(m), None)
            ):
                continue  # the finding's own side warning already tells it
            side_a = owner[0]
            same = [
                (b, theirs[0])
                for b in rep.by_dim.get(a.dim, ())
                if same_value(a, b)
                for theirs in [_structure_side(rep, b)]
                if theirs and theirs[1] == owner[1]
            ]
        if same and all(side_b != side_a for _, side_b in same):
            b, side_b = same[0]
            message = (
                f"'{_fmt(src.text, a)}' is given for the {_side_word(frozenset(side_a))} in "
                f"the source but for the {_side_word(frozenset(side_b))} in the report."
            )
            out.add("laterality", message, _span(a), _span(b))
            if _traded_between_sides(src, rep, a, side_a, side_b):
                out.add("measurement", message, _span(a), _span(b))


def _traded_between_sides(src: _View, rep: _View, a: Measurement, side_a: str, side_b: str) -> bool:
    """The two sides traded values ("left 58%, right 42%" as "42% left and 58% right"): each
    side's value changed, a measurement error as well as a side one."""
    return any(
        c is not a
        and c.side == side_b
        and c.dim == a.dim
        and not same_value(c, a)
        and any(d.side == side_a and same_value(c, d) for d in rep.by_dim.get(a.dim, ()))
        for c in src.measurements
    )


def _pair(x_is_src: bool, a, b):
    return (a, b) if x_is_src else (b, a)


def _lateral_candidates(m: Mention, y: _View) -> list[Mention]:
    if m.kind == "finding":
        # _same_finding(m, n), spelled out: the mentions share m.key, and this runs often.
        absent, location, anatomy = m.polarity == ABSENT, m.location, m.anatomy
        cands = [
            n
            for n in y.findings(m.key)
            if n.kind == "finding"
            and (n.polarity == ABSENT) == absent
            and (n.polarity != HYPOTHETICAL or id(n) in y.row_names)
            and (location is None or n.location is None or location == n.location)
            and _anatomy_compatible(anatomy, n.anatomy)
        ]
        # Where the other text names the finding at m's own structure, that mention answers
        # for its side: "bilateral AC joint arthrosis" is not kept by bilateral shoulder
        # arthrosis beside a left-only AC joint.
        if not anatomy or not any(anatomy & n.anatomy for n in cands):
            return cands
        return [
            n
            for n in cands
            if anatomy & (n.anatomy or n.heading_anatomy) or not (n.anatomy or n.heading_anatomy)
        ]
    # Anatomy: any mention of the same structure or of a part of it ("right hip" is
    # answered by "right femoral neck").
    return [
        n
        for n in y.distinct
        if n.fixed == m.fixed and m.anatomy & _up(n.anatomy) and _location_compatible(m, n)
    ]


def _kept_as_history_on_its_side(m: Mention, y: _View) -> bool:
    """m, a dictated finding, is the draft's history finding on the same side ("L convexity
    chronic SDH" opening the dictation, "Left convexity chronic subdural haematoma" in the
    history): its side is kept, whatever side another of its kind has in the findings."""
    return m.kind == "finding" and any(
        n.polarity == HYPOTHETICAL
        and id(n) not in y.headings
        and n.checked_sides == m.checked_sides
        and _site_compatible(m, n)
        for n in y.findings(m.key)
    )


_BOTH = frozenset({"L", "R"})
# "vertebrals antegrade", "carotids patent": a paired structure named in the plural is both of
# them, so "bilaterally" in the draft adds no side.
_PAIRED_PLURAL = re.compile(
    r"\b(?:vertebrals|carotids|vertebral arteries|carotid arteries|kidneys|ureters|"
    r"adrenals|ovaries|subclavians|femorals|iliacs)\b"
)


def _said_of_both(dictation: _View, n: Mention) -> bool:
    """n, a dictated finding without a side, is said in a sentence naming a paired structure
    in the plural."""
    start, end = _sentence_around(dictation.text, n.span)
    return bool(_PAIRED_PLURAL.search(dictation.lower, start, end))


def _laterality(x: _View, y: _View, x_is_src: bool, out: _Collector) -> None:
    groups: dict[object, _SideEvidence] = {}
    for m in x.mentions:
        sides = m.checked_sides
        if not sides or (
            m.kind == "finding" and m.polarity == HYPOTHETICAL and id(m) not in x.row_names
        ):
            continue
        # Everything _lateral_candidates looks at, so the group shares one candidate list.
        key = (
            (m.kind, m.key, m.anatomy, m.location, m.polarity == ABSENT, m.fixed)
            if x.shared
            else id(m)
        )
        if x_is_src and _kept_as_history_on_its_side(m, y):
            continue
        group = groups.get(key)
        if group is None:
            cands = _lateral_candidates(m, y)
            if x_is_src and m.kind == "finding":
                # A mention that echoes another dictated one is not m's: m was dropped, and
                # the omission check says so.
                cands = [n for n in cands if not _claimed(m, n, x)]
            group = groups[key] = _SideEvidence(cands, x, y, x_is_src)
        what, other = group.verdict(m, x.descriptors[id(m)])
        if what is None:
            continue
        name = _label(x, m)
        if what == "moved":
            src, rep = _pair(x_is_src, _side_span(m), _side_span(other))
            s_side, r_side = _pair(x_is_src, sides, other.sides)
            out.add(
                "laterality",
                f"'{name}' described on the {_side_word(s_side)} in the source appears on "
                f"the {_side_word(r_side)} in the report.",
                src,
                rep,
            )
        elif what == "differs":
            src, rep = _pair(x_is_src, _side_span(m), _side_span(other))
            s_side, r_side = _pair(x_is_src, sides, other.sides)
            out.add(
                "laterality",
                f"Side of '{name}' differs: source says {_side_word(s_side)}, "
                f"report says {_side_word(r_side)}.",
                src,
                rep,
            )
        else:
            if (
                not x_is_src
                and m.hard_sides == _BOTH
                and other is not None
                and _said_of_both(y, other)
            ):
                continue
            src, rep = _pair(x_is_src, _side_span(m), _span(other))
            verb = "dropped from" if x_is_src else "added in"
            out.add(
                "laterality",
                f"Side '{_side_word(m.hard_sides)}' of '{name}' {verb} the report.",
                src,
                rep,
            )


class _SideEvidence:
    """What the other text says about the side of mentions sharing one candidate list."""

    def __init__(self, cands: list[Mention], x: _View, y: _View, x_is_src: bool = True) -> None:
        self.cands = cands
        self.x, self.y = x, y
        self.x_is_src = x_is_src
        self.union = frozenset().union(*(n.sides for n in cands))
        self._widest: dict[frozenset[str], Mention] = {}
        self._described: dict[frozenset[str], tuple[frozenset, dict]] = {}

    def verdict(self, m: Mention, mine: set[tuple]) -> tuple[str | None, Mention | None]:
        """What the other text says about m's side (mine: m's descriptors), and who says it."""
        if not self.cands:
            return None, None
        sides = m.checked_sides
        if (
            m.polarity == ABSENT
            and m.hard_sides == _BOTH
            and any(n.polarity == ABSENT and not n.sides for n in self.cands)
        ):
            # "No deep reflux" and "no deep venous reflux bilaterally" deny the same: a denial
            # with no side denies on both.
            return None, None
        if (
            m.polarity == ABSENT
            and not m.hard_sides
            and self.union < sides
            and all(n.polarity == ABSENT for n in self.cands)
        ):
            # A denial whose sides come only from a bilateral exam title, said of one side in
            # the other text ("carotid duplex bilat. ... not near occlusion" against "right ICA
            # stenosis, not near-occlusion"): the title gave no side to the denial itself.
            return None, None
        if self.union:
            if sides <= self.union:
                moved = self._descriptor_swap(sides, mine)
                return ("moved", moved) if moved is not None else (None, None)
            if not m.hard_sides and any(not n.sides for n in self.cands):
                # An inherited side (exam title, heading) against a mention of the structure
                # with no side at all: the other text may well mean the same one.
                return None, None
            if m.kind == "anatomy" and (sides & self.union or not m.hard_sides):
                # A structure named for both sides in one text and for one in the other (the
                # exam title "bilateral hips", a finding in the right hip) is not a change;
                # nor is one listed under a side heading ("Right: three-vessel runoff
                # (anterior tibial, ...)"): the heading's own side is checked where it stands.
                return None, None
            if (
                m.kind == "anatomy"
                and _is_heading(self.x.text, m)
                and self.union <= self.x.structure_sides(m.anatomy)
            ):
                # A side heading ("Left lobe:") where this text also heads the sides the other
                # text names: the findings under it carry its side and are checked themselves.
                return None, None
            if m.kind == "anatomy" and _contralateral_named(self.y, m.hard_sides):
                # "AP thickness 11 mm (contralateral 5 mm)" on a right-sided exam names the left
                # one: "(left Achilles 0.5 cm)" says the same.
                return None, None
            if m.key in lx.NORMAL_WHEN_PRESENT and (sides < self.union or self.union < sides):
                # Normal flow on one side in one text and on both in the other ("Left: same."
                # after the right's normal flow): no side lost a finding.
                return None, None
            if (
                self.x_is_src
                and m.kind == "finding"
                and len(sides) > 1
                and self.union < sides
                and self._answered_by_others(m)
            ):
                # "Bilateral nodes have resolved ... no residual right node" against only "no
                # residual node on the right": that mention is the dictated right one's; m
                # has no partner, which the omission check weighs.
                return None, None
            if sides not in self._widest:
                self._widest[sides] = max(self.cands, key=lambda n: len(n.sides - sides))
            return "differs", self._widest[sides]
        if (
            m.hard_sides
            and not (
                m.anatomy
                and m.anatomy <= lx.MIDLINE
                and not any(_said_central(self.y, n, m.anatomy) for n in self.cands)
            )
            # "No filling defect in either kidney" and "no filling defect" deny the same.
            and not (m.polarity == ABSENT and m.hard_sides == _BOTH)
        ):
            # A side given to a structure there is only one of ("left mandibular") is a
            # position within it, not a side the other text got wrong. And where the other
            # text's sentence about the finding names the same side, the side is there even if
            # its phrasing kept it from attaching ("surrounding hyperemia" after "right").
            if self.x.is_title(m) and self.y.names_side(m.hard_sides):
                # The exam title's side ("Right elbow, two views") left out of a draft that
                # gives that side elsewhere: nothing was lost.
                return None, None
            if m.polarity == ABSENT and all(n.polarity == ABSENT for n in self.cands):
                # A denial given a side ("no hydronephrosis on the left") where the other
                # text denies it with none: the denial is narrowed, no side is wrong.
                return None, None
            if m.hard_sides == self.y.title_sides() and not any(n.sides for n in self.cands):
                # The other text's exam title ("XR ANKLE RIGHT") gives its unsided finding
                # the same side: nothing was added or lost.
                return None, None
            if (
                m.kind == "finding"
                and m.anatomy
                and self.y.structure_sides(m.anatomy) == (m.hard_sides)
            ):
                # "Osteoporosis ... at the left 33% radius" where the other text names that
                # structure on this side only: the side is the structure's, known to both.
                return None, None
            if m.key == "extension" and any(
                n.anatomy & m.anatomy and m.hard_sides <= n.checked_sides for n in self.y.distinct
            ):
                # "Flap from the left subclavian artery extending into the infrarenal aorta":
                # an extension relates two places; its side is that of one of them, which the
                # other text gives that structure.
                return None, None
            if not any(self.y.side_nearby(n, m.hard_sides) for n in self.cands):
                return "dropped", self.cands[0]
        return None, None

    def _answered_by_others(self, m: Mention) -> bool:
        """Each side the other text gives m's finding is given it as often by other mentions
        of m's own text, with m's polarity: those mentions, not m, are what it says."""
        for side in self.union:
            theirs = sum(1 for n in self.cands if n.sides == frozenset({side}))
            if theirs == 0 or any(side in n.sides and len(n.sides) > 1 for n in self.cands):
                return False
            mine = sum(
                1
                for k in self.x.findings(m.key)
                if k is not m
                and k.checked_sides == frozenset({side})
                and (k.polarity == ABSENT) == (m.polarity == ABSENT)
                and k.polarity != HYPOTHETICAL
            )
            if mine < theirs:
                return False
        return True

    def _descriptor_swap(self, sides: frozenset[str], mine: set[tuple]) -> Mention | None:
        """Same finding on both sides in both texts, but its description moved to the other side."""
        # That is the first other-side candidate sharing a descriptor with mine, provided the
        # same-side candidates are described and share none of them.
        if len(sides) != 1 or not mine:
            return None
        if sides not in self._described:
            descriptors = self.y.descriptors
            same_side = frozenset().union(
                *(descriptors[id(n)] for n in self.cands if n.sides == sides)
            )
            first: dict[tuple, tuple[int, Mention]] = {}
            for k, n in enumerate(self.cands):
                if n.sides and not (n.sides & sides):
                    for item in descriptors[id(n)]:
                        first.setdefault(item, (k, n))
            self._described[sides] = (same_side, first)
        same_side, first = self._described[sides]
        if not same_side or same_side & mine:
            return None
        hits = [first[item] for item in mine if item in first]
        return min(hits, key=lambda hit: hit[0])[1] if hits else None


@lru_cache(maxsize=64)
def _central_regex(structures: frozenset[str]) -> re.Pattern[str]:
    """'central' or 'midline' said right before a name of one of these structures."""
    names = sorted({w for k in structures for w in lx.ANATOMY[k][0]}, key=len, reverse=True)
    return re.compile(r"\b(?:central|midline)\s+(?:" + "|".join(map(re.escape, names)) + r")\b")


def _said_central(view: _View, n: Mention, structures: frozenset[str]) -> bool:
    """True when n's sentence places it in the middle of the structure ("central pons")."""
    # A side on a midline structure ("left pons") is only a position within it, unless the
    # other text put the finding in its middle: then the side moved it.
    named = structures & lx.ANATOMY.keys()
    if not named or not n.anatomy & named:
        return False
    start, end = _sentence_around(view.text, n.span)
    return _central_regex(frozenset(named)).search(view.lower, start, end) is not None


def _contralateral_named(view: _View, sides: frozenset[str]) -> bool:
    """The text says "contralateral" where its exam title gives one side, the other of these."""
    if len(sides) != 1 or "contralateral" not in view.lower:
        return False
    title = view.title_sides()
    return len(title) == 1 and not title & sides and not title & {"B"}


def _qualifiers_agree(m: Mention, n: Mention) -> bool:
    """Could m and n contradict each other, given their qualifiers?"""
    if m.qualifier == n.qualifier:
        return True
    # A denial with a qualifier ("no solid mass", "no new nodule") says nothing of the finding
    # in general; an unqualified denial covers every kind.
    if m.polarity == ABSENT and n.polarity != ABSENT:
        return m.qualifier is None
    if n.polarity == ABSENT and m.polarity != ABSENT:
        return n.qualifier is None
    return m.qualifier is None


def _negation_conflict(m: Mention, y: _View) -> Mention | None:
    """The first comparable mention in y, if none of them has m's polarity; else None."""
    # Comparable: _same_finding, _sides_compatible, _qualifiers_agree, and not
    # hypothetical; spelled out here because this runs for every finding.
    location, anatomy, sides = m.location, m.anatomy, m.sides
    polarity = m.polarity
    first = None
    # With no mention of the finding itself, a close relative answers for it ("no enlarged
    # lymph nodes" against "hilar lymphadenopathy").
    candidates = y.findings(m.key) or [
        n for k in _NEGATION_KIN.get(m.key or "", ()) if k != m.key for n in y.findings(k)
    ]
    if not candidates:
        candidates = _denied_disease_of_sign(m, y)
    comparable = [
        n
        for n in candidates
        if n.kind == "finding"
        and n.polarity != HYPOTHETICAL
        and (location is None or n.location is None or location == n.location)
        and _qualifiers_agree(m, n)
        and _anatomy_compatible(anatomy, n.anatomy or _skeleton_label(n))
        and (not sides or not n.sides or sides & n.sides)
    ]
    # A finding placed only by the label over it ("PERIPHERAL ZONE: Focal lesion") is
    # answered by the other text's mention at that structure ("PZ: no focal lesion"), not by
    # one elsewhere (a transition zone lesion).
    head = m.heading_anatomy if not anatomy else frozenset()
    own = [n for n in comparable if n.location == location and _placed_at(n, head)] if head else []
    for n in own or comparable:
        if n.polarity == polarity:
            return None
        if first is None:
            first = n
    return first


_SIGNS: dict[str, frozenset[str]] = {}
for _sign, _disease in lx.SIGN_OF.items():
    _SIGNS[_disease] = _SIGNS.get(_disease, frozenset()) | {_sign}


def _denied_disease_of_sign(m: Mention, y: _View) -> list[Mention]:
    """The other text's denied disease for an affirmed sign, or affirmed signs for a denied
    disease: only a sign present with its disease absent contradicts."""
    if m.polarity == PRESENT and m.key in lx.SIGN_OF:
        return [n for n in y.findings(lx.SIGN_OF[m.key]) if n.polarity == ABSENT]
    if m.polarity == ABSENT and m.key in _SIGNS:
        return [n for k in _SIGNS[m.key] for n in y.findings(k) if n.polarity == PRESENT]
    return []


_SKELETON = frozenset({"skeleton"})


def _skeleton_label(n: Mention) -> frozenset[str]:
    """The skeleton, for a mention placed only by a "Bones:" label ("Bones: no lytic lesions"
    answers for no liver lesion); other labels are too loose a site to rule a partner out."""
    return _SKELETON if n.heading_anatomy == _SKELETON else frozenset()


def _placed_at(n: Mention, structure: frozenset[str]) -> bool:
    """n is given at this structure (named or by its label), and at no part within it."""
    where = n.anatomy or n.heading_anatomy
    return bool(where & structure) and where <= _up(structure)


# What the dictation concludes ("c/w ileus", "in keeping with pneumonia").
_CONCLUDED = re.compile(
    r"\b(?:c/w|consistent\s+with|in\s+keeping\s+with|compatible\s+with|diagnostic\s+of)"
    r"(?:\s+(?:an?|the|[a-z]+-?op(?:erative)?|acute|early|mild|small|diffuse))*\s+$"
)


def _hedged_too(m: Mention, other: Mention, x: _View) -> bool:
    """m's own text says the finding both ways, and the other text kept one of them ("likely
    pulmonary edema" in the findings, "worsening pulmonary edema" in the impression)."""
    if other.key != m.key:
        return False
    if m.polarity == PRESENT and other.polarity == UNCERTAIN:
        return _negation_conflict(other, x) is None
    # "likely postop ileus ... impression: c/w ileus": the dictation ends in a conclusion,
    # and a draft stating that conclusion keeps it. A finding affirmed only as what was seen
    # ("filling defect" against "possible PE") is no conclusion, so the hedge still counts.
    return (
        m.polarity == UNCERTAIN
        and other.polarity == PRESENT
        and any(
            n.polarity == PRESENT
            and n.anatomy == m.anatomy
            and n.sides == m.sides
            and _CONCLUDED.search(x.lower, max(0, n.span[0] - 40), n.span[0])
            for n in x.findings(m.key)
        )
    )


def _negation(x: _View, y: _View, x_is_src: bool, out: _Collector) -> None:
    verdicts: dict[object, Mention | None] = {}
    for m in x.mentions:
        if m.kind != "finding" or m.polarity == HYPOTHETICAL:
            continue
        # Everything _negation_conflict looks at.
        key = (
            (m.key, m.anatomy, m.location, m.sides, m.qualifier, m.polarity, m.heading_anatomy)
            if x.shared
            else id(m)
        )
        if key in verdicts:
            other = verdicts[key]
        else:
            other = verdicts[key] = _negation_conflict(m, y)
        if other is None:
            continue
        if _hedged_too(m, other, x):
            continue
        src, rep = _pair(x_is_src, _span(m), _span(other))
        s_pol, r_pol = _pair(x_is_src, m.polarity, other.polarity)
        out.add(
            "negation",
            f"'{_label(x, m)}' is {_POLARITY_WORDS[s_pol]} in the source but "
            f"{_POLARITY_WORDS[r_pol]} in the report.",
            src,
            rep,
        )


def _normal_contradiction(x: _View, y: _View, x_is_src: bool, out: _Collector) -> None:
    """A finding affirmed (or held possible) in a structure the other text calls intact/normal."""
    verdicts: dict[object, Mention | None] = {}
    for m in x.mentions:
        if m.kind != "finding" or m.polarity not in _ASSERTED or not m.anatomy:
            continue
        # Everything _normal_structure looks at.
        key = (m.key, m.anatomy, m.location, m.sides) if x.shared else id(m)
        if key in verdicts:
            n = verdicts[key]
        else:
            n = verdicts[key] = _normal_structure(m, y)
        if n is None:
            continue
        src, rep = _pair(x_is_src, _span(m), _span(n))
        where = "source" if not x_is_src else "report"
        out.add(
            "negation",
            f"'{_label(x, m)}' is {_POLARITY_WORDS[m.polarity]}, but the {where} describes "
            f"'{_label(y, n)}' as normal/intact.",
            src,
            rep,
        )


def _normal_structure(m: Mention, y: _View) -> Mention | None:
    """The first structure the other text calls normal that would contain this finding."""
    if any(_same_finding(m, n) and _qualifiers_agree(m, n) for n in y.findings(m.key)):
        return None  # the other text talks about this finding; _negation decides
    for n in y.distinct:
        if not n.normal or n.kind != "anatomy":
            continue
        if not (n.anatomy & _up(m.anatomy)) or not _sides_compatible(m, n):
            continue
        return n
    return None


def _relation(x: _View, y: _View, a: Measurement, b: Measurement) -> str:
    """Whether two measurements describe the same thing, different things, or can't tell."""
    if a.mention is None or b.mention is None:
        return UNKNOWN
    m, n = x.mentions[a.mention], y.mentions[b.mention]
    if m.kind != n.kind:
        return _across_kinds(m, n)
    if m.kind == "finding":
        same = _same_finding(m, n) and _sides_compatible(m, n)
    else:
        same = (
            bool(m.anatomy & n.anatomy) and _sides_compatible(m, n) and _location_compatible(m, n)
        )
    return SAME if same else DIFFERENT


def _across_kinds(m: Mention, n: Mention) -> str:
    """A structure's value against a finding's: different only at two different levels of one
    structure ("AP canal 6 mm" at C3-4 against "canal stenosis ... 0.6 cm" at C4-5)."""
    if (
        m.location is not None
        and n.location is not None
        and m.anatomy & n.anatomy
        and not _levels_overlap(m.location, n.location)
    ):
        return DIFFERENT
    return UNKNOWN


def _fmt(text: str, m: Measurement) -> str:
    # A spoken "4 point 5 cm" is read as "4.5" padded with spaces to keep its offsets.
    return " ".join(text[m.start : m.end].split())


def _matches(a: Measurement, others: Iterable[Measurement], x_is_src: bool) -> bool:
    for b in others:
        if same_value(a, b):
            return True
        # The report may quote one dimension of a source measurement (the impression).
        if not x_is_src and covers(b, a):
            return True
    return False


# Above this many measurement pairs, the values are looked up in indexes (_ValueIndex).
_INDEX_ABOVE = 400


# Values often given without their name in one text ("Total 142" under "Agatston:"): checked
# only against a value the other text names the same way.
# Findings counted one by one by their sizes: a stone of a list ("R interpolar 5 mm, R lower
# pole 3 mm") whose size is gone was dropped, as a lesion or a node would be.
_SIZED_LESIONS = lx.LESION_WORDS | lx.NAMED_LESIONS | {"lymph_node", "calculus"}
_DERIVED = frozenset({"ratio", "calcium_score", "t_score", "z_score"})


_BARE_NUMBER = re.compile(r"[-\u2212\u2013]?\d+(?:\.\d+)?")


def _bare_number_in(view: _View, value: float) -> bool:
    """True when the text writes this number somewhere, with or without a name or unit."""
    if view.numbers is None:
        view.numbers = {number(n) for n in _BARE_NUMBER.findall(view.text)}
    return value in view.numbers


_SIZES = frozenset({"length", "area", "volume"})
_REFERENCE_LABELS = frozenset(
    {
        ("reference",),
        ("ref",),
        ("nl",),
        ("normal",),
        ("range",),
        ("threshold",),
        ("cutoff",),
        # "(local upper limit of normal 1040 ms)": a mapping value's normal bound.
        ("limit",),
    }
)
_THRESHOLD_AFTER = re.compile(r"\s*(?:threshold|cut-?off)\b")


def _a_reference(view: _View, a: Measurement) -> bool:
    """a is a normal range or a threshold quoted beside a value ("reference 5-15%", "the 10 HU
    threshold"), not a value of the patient's."""
    return a.label[-1:] in _REFERENCE_LABELS or bool(_THRESHOLD_AFTER.match(view.lower, a.end))


def _below_as_range(a: Measurement, b: Measurement) -> bool:
    """One is a share below a limit ("less than 25%"), the other the grade's range up to it
    ("minimal (1-24%)"): the same grade, as CAD-RADS writes it."""
    if a.is_range:
        a, b = b, a
    return (
        a.dim == b.dim == "percent"
        # The view may have dropped the bound of a share; its label still says it.
        and (a.bound == "<" or a.label[-2:] == ("less", "than"))
        and len(a.values) == 1
        and b.is_range
        and not b.bound
        and b.values[0] in (0.0, 1.0)
        and b.values[1] == a.values[0] - 1
    )


def _unitless_in(view: _View, a: Measurement) -> bool:
    """a's number stands in the text outside every measurement, where a is a prior value or
    a named quantity (not a current size, whose unit a draft must not invent)."""
    if a.dim in _SIZES or len(a.values) != 1:
        return False
    if view.loose_numbers is None:
        covered = bytearray(len(view.text))
        for b in view.measurements:
            covered[b.start : b.end] = b"\x01" * (b.end - b.start)
        # A value the text gives a kind of its own is compared as that, never as loose.
        given = {v for b in view.measurements for v in b.values}
        view.loose_numbers = {
            number(m.group()) for m in _BARE_NUMBER.finditer(view.text) if not covered[m.start()]
        } - given
    return a.values[0] in view.loose_numbers


_SIDE_THEN_NUMBER = re.compile(r"\b(left|right|lt|rt|l|r)\s*:?\s*(\d+(?:\.\d+)?)\b(?!\s*%|\.\d)")


def _bare_side(view: _View, a: Measurement) -> str | None:
    """The side the text writes a's number bare after ("left 43 right 57"), where a is a
    percentage labelled by a side: L or R, or None when a is no such share."""
    if a.side is None or a.dim != "percent" or len(a.values) != 1 or not _unitless_in(view, a):
        return None
    sides = {
        m.group(1)[0].upper()
        for m in _SIDE_THEN_NUMBER.finditer(view.lower)
        if number(m.group(2)) == a.values[0]
    }
    return sides.pop() if len(sides) == 1 else None


def _difference_of_two(view: _View, a: Measurement) -> bool:
    """a is the change between two values of its kind the same text gives ("from 0.889 to
    0.842 g/cm2 (-0.047 g/cm2)"); not a size, where a new number is a new size."""
    if len(a.values) != 1 or a.dim.endswith(PRIOR) or a.dim in _SIZES:
        return False
    values = [
        b.values[0]
        for dim in (a.dim, a.dim + PRIOR)
        for b in view.by_dim.get(dim, [])
        if b is not a and len(b.values) == 1
    ]
    return any(
        abs(abs(u - v) - abs(a.values[0])) < 1e-9
        for i, u in enumerate(values)
        for v in values[i + 1 :]
    )


_SENTENCE_BREAK = re.compile(r"[;\n]|\.(?!\d)")


def _share_of_two(view: _View, a: Measurement) -> bool:
    """a is a percentage the text works out from its own values: the one just before it, as a
    share of another of its kind ("residual 180 mL, approximately 43% of the pre-void volume"
    of 420 mL)."""
    if a.dim != "percent" or len(a.values) != 1:
        return False
    before = [b for b in view.measurements if b.end <= a.start]
    if not before or len(before[-1].values) != 1:
        return False
    part = before[-1]
    if part.dim.startswith("percent") or _SENTENCE_BREAK.search(view.text, part.end, a.start):
        return False
    written = view.text[a.start : a.end]
    places = len(written.split(".")[1].rstrip("% ")) if "." in written else 0
    tolerance = 0.5 * 10**-places
    return any(
        b is not part
        and b.dim == part.dim
        and len(b.values) == 1
        and b.values[0] > part.values[0]
        and abs(100 * part.values[0] / b.values[0] - a.values[0]) <= tolerance
        for b in view.measurements
    )


_CLAUSE_END = re.compile(r"[.;\n]")
_UNCHANGED = re.compile(r"\b(?:unchanged|stable|no (?:interval )?change|not changed)\b")


def _prior_same_as_now(x: _View, y: _View, a: Measurement) -> bool:
    """A prior size equal to the current one of its finding ("18 mm, previously 18 mm"),
    where the other text gives the current one and calls the finding unchanged."""
    if not a.dim.endswith(PRIOR) or a.mention is None:
        return False
    current = replace(a, dim=a.dim[: -len(PRIOR)])
    if not any(b.mention == a.mention and same_value(b, current) for b in x.measurements):
        return False
    # The other text's current size, then "unchanged" in its clause.
    return any(
        same_value(c, current) and _UNCHANGED.match(_clause_after(y.lower, c.end))
        for c in y.measurements
    )


def _clause_after(lower: str, end: int) -> str:
    return _CLAUSE_END.split(lower[end : end + 80], maxsplit=1)[0].lstrip(" \t,(")


def _measurements(x: _View, y: _View, x_is_src: bool, out: _Collector) -> None:
    s_text, r_text = _pair(x_is_src, x.text, y.text)
    verdicts: dict[object, tuple[str | None, Measurement | None]] = {}
    owned: dict[object, bool] = {}
    index = (
        _ValueIndex(x, y, x_is_src)
        if len(x.measurements) * len(y.measurements) > _INDEX_ABOVE
        else None
    )
    for a in x.measurements:
        sig = x.measurement_key(a)
        verdict = verdicts.get(sig)
        if verdict is None:
            verdict = verdicts[sig] = (
                index.verdict(a)
                if index is not None
                else _measurement_verdict(x, y, a, x_is_src, owned)
            )
        what, other = verdict
        bare_side = _bare_side(y, a) if what == "unmatched" and not x_is_src else None
        if bare_side == a.side and bare_side is not None:
            # "Right 57%, left 43%" for a dictated "left 43 right 57": the side's share given
            # its unit, whatever the other value the finding was tied to.
            continue
        if bare_side is not None:
            out.add(
                "measurement",
                f"Measurement '{_fmt(x.text, a)}' is given to the {_side_word(frozenset(a.side))} "
                f"in the report but to the {_side_word(frozenset(bare_side))} in the source.",
                None,
                _span(a),
            )
            continue
        if what is None and x_is_src and _size_taken_by_another(x, y, a):
            _dropped_with_its_size(x, a, out)
        if (
            what == "unmatched"
            and other is None
            and a.dim in _DERIVED
            and a.dim not in y.by_dim
            and (a.dim == "ratio" or _bare_number_in(y, a.values[0]))
        ):
            # A ratio worked out from dictated values ("PSV 180 and 110 cm/s (ratio 1.6)") is
            # checked only against a ratio the other text gives; a named score against the
            # same number written bare ("Agatston: ... Total 142").
            continue
        if what == "unmatched" and other is None and _prior_same_as_now(x, y, a):
            continue
        if what == "unmatched" and other is None and _given_apart(y, a):
            continue
        if what == "unmatched" and other is None and _said_as_a_fraction(y, a):
            continue
        if what == "unmatched" and other is None and _a_reference(x, a):
            continue  # "(reference 5-15%)": a normal range or threshold, not a patient's value
        if (
            what == "unmatched"
            and other is not None
            and _a_reference(x, a)
            and any(c is not a and same_value(c, other) for c in x.measurements)
        ):
            # "58 ms; upper limit of normal 50 ms": the bound was paired with the patient's
            # value, which this text also gives.
            continue
        # Only shares can be a bound and a grade's range: the guard keeps long texts of sizes
        # from comparing every value with every other.
        if (
            what == "unmatched"
            and "percent" in (a.dim, other.dim if other is not None else None)
            and (
                any(_below_as_range(a, b) for b in y.measurements)
                or (
                    other is not None
                    and any(same_value(a, b) for b in y.measurements)
                    and any(_below_as_range(other, c) for c in x.measurements)
                )
            )
        ):
            # "less than 25%" restated "minimal (1-24%)"; or a value given as dictated that was
            # paired with such a grade.
            continue
        if what == "unmatched" and not x_is_src and a.dim == "velocity" and _unitless_in(y, a):
            # "L CCA 60" dictated without its PSV label, reported "CCA PSV 0.60 m/s": the draft
            # named the bare velocity, whatever dictated one it was paired with.
            continue
        if what == "unmatched" and not x_is_src and _range_of_dictated(y, a):
            continue
        if (
            what == "unmatched"
            and other is None
            and not x_is_src
            and (_unitless_in(y, a) or _difference_of_two(x, a) or _share_of_two(x, a))
        ):
            # The draft gave a dictated bare number its unit ("prior 0.889" as "from 0.889 to
            # 0.842 g/cm2"), or worked out a change or a share from two of its own values
            # ("-0.047 g/cm2", "43% of the pre-void volume").
            continue
        if what == "unmatched":
            src, rep = _pair(x_is_src, _span(a), _span(other))
            if x_is_src and other is not None and _said_elsewhere(x, a, other):
                # The report's value is another dictated one: this one was dropped.
                _dropped_with_its_size(x, a, out)
            if other is None:
                msg = (
                    f"Measurement '{_fmt(x.text, a)}' is missing from the report."
                    if x_is_src
                    else f"Measurement '{_fmt(x.text, a)}' does not appear in the source."
                )
                if x_is_src and not _at_other_time(y, a):
                    _dropped_with_its_size(x, a, out)
                if x_is_src and _lost_with_its_finding(x, y, a):
                    # The dropped finding's omission warning covers its size. An invented
                    # size stays a measurement warning: a draft's new number is checked.
                    continue
            else:
                s_m, r_m = _pair(x_is_src, a, other)
                msg = (
                    f"Measurement changed: source '{_fmt(s_text, s_m)}', "
                    f"report '{_fmt(r_text, r_m)}'."
                )
            out.add("measurement", msg, src, rep)
        elif what == "swapped":
            src, rep = _pair(x_is_src, _span(a), _span(other))
            s_m, r_m = _pair(x_is_src, a, other)
            finding = _label(x, x.mentions[a.mention]) if a.mention is not None else "finding"
            out.add(
                "measurement",
                f"Measurements swapped: '{finding}' is '{_fmt(s_text, s_m)}' in the source but "
                f"'{_fmt(r_text, r_m)}' in the report.",
                src,
                rep,
            )


def _range_of_dictated(y: _View, a: Measurement) -> bool:
    """a, a draft range, sums up several dictated values that lie within it ("two small (6-9
    mm) polyps" for dictated 8 mm and 6 mm ones): a size band, not a new size."""
    if not a.is_range or len(a.values) != 2:
        return False
    low, high = sorted(a.values)
    within = [
        b
        for b in y.by_dim.get(a.dim, ())
        if _single(b) and not b.bound and low <= b.values[0] <= high
    ]
    return len(within) >= 2


# A share written as a fraction in words ("~50% exophytic" as "approximately half of it").
_FRACTION_WORDS = {
    50.0: re.compile(r"\b(?:one[\s-])?half\b"),
    25.0: re.compile(r"\b(?:one|a)[\s-]quarter\b"),
    75.0: re.compile(r"\bthree[\s-]quarters\b"),
    33.0: re.compile(r"\b(?:one|a)[\s-]third\b"),
    67.0: re.compile(r"\btwo[\s-]thirds\b"),
}


def _said_as_a_fraction(y: _View, a: Measurement) -> bool:
    """a, a percentage, written in y as the fraction in words it is ("half", "two thirds")."""
    if a.dim != "percent" or len(a.values) != 1 or a.is_range:
        return False
    value = a.values[0]
    words = _FRACTION_WORDS.get(33.0 if value in (33.0, 33.3) else value)
    if words is None and value in (66.0, 66.7):
        words = _FRACTION_WORDS[67.0]
    return words is not None and words.search(y.lower) is not None


def _given_apart(y: _View, a: Measurement) -> bool:
    """a's dimensions written one by one, side by side, in y ("min and max diameters 21.3 x
    27.6 mm" as "Minimum / maximum diameter: 21.3 mm / 27.6 mm"): the same size."""
    if len(a.values) < 2:
        return False
    singles = [b for b in y.by_dim.get(a.dim, ()) if len(b.values) == 1 and not b.is_range]
    want = sorted(a.values)
    for i in range(len(singles) - len(want) + 1):
        run = singles[i : i + len(want)]
        if sorted(b.values[0] for b in run) == want and all(
            c.start - b.end <= 8 and "\n" not in y.text[b.end : c.start]
            for b, c in zip(run, run[1:])
        ):
            return True
    return False


def _size_taken_by_another(x: _View, y: _View, a: Measurement) -> bool:
    """Every value in y equal to a's is another x value's, at its own structure ("CBD 6 mm"
    and a "0.6 cm" lesion against only "common bile duct 0.6 cm"): a's was dropped."""
    if a.mention is None:
        return False
    own = x.mentions[a.mention]
    # A value given by the lesion's own organ ("Stable 2.1 cm ... of the pancreatic body") is the
    # lesion's size said again, not another structure's.
    mine = [
        c
        for c in x.by_dim.get(a.dim, ())
        if c is not a
        and same_value(c, a)
        and not (c.mention is not None and _names_the_same(own, x.mentions[c.mention]))
    ]
    if not mine:
        return False
    theirs = [b for b in y.by_dim.get(a.dim, ()) if same_value(a, b)]
    return bool(theirs) and all(
        _relation(x, y, a, b) != SAME and any(_relation(x, y, c, b) == SAME for c in mine)
        for b in theirs
    )


def _names_the_same(own: Mention, other: Mention) -> bool:
    """other, the owner of a value equal to own's, is own said again: its organ ("Stable 2.1
    cm ... of the pancreatic body"), or a lesion word for the diagnosis at its site ("seg 7
    obs 2.3 cm" and "seg 7 2.3 cm, definite HCC")."""
    if other.kind == "anatomy":
        return bool(other.anatomy & _up(own.anatomy))
    return (
        own.key in _SIZED_LESIONS
        and other.key in _kin(own.key) | {own.key}
        and _site_compatible(own, other)
    )


def _single_place(location: str | None) -> frozenset[str]:
    """A location naming one place ("level:T8", "bone:rib:6") as a set; ranges give none."""
    if location is None or (location.startswith("level:") and "-" in location):
        return frozenset()
    return frozenset({location})


def _place_name(place: str) -> str:
    """ "level:T3" -> "T3", "bone:rib:7" -> "rib 7"."""
    kind, _, rest = place.partition(":")
    return rest.replace(":", " ") if kind == "bone" else rest


def _dropped_places(src: _View, rep: _View, out: _Collector) -> None:
    """A finding dictated at a list of places ("lesions C5, T3, T8, L4") that the report
    gives at only some of them, and nowhere at the rest."""
    for m in src.mentions:
        if len(m.places) < 2 or m.kind != "finding" or m.polarity not in _ASSERTED:
            continue
        said: set[str] = set()
        for n in rep.findings(m.key):
            if n.polarity in _ASSERTED and _anatomy_compatible(m.anatomy, n.anatomy):
                if _sides_compatible(m, n):
                    said |= n.places or _single_place(n.location)
        missing = m.places - said
        if said & m.places and missing:
            places = ", ".join(sorted(_place_name(p) for p in missing))
            out.add(
                "omission",
                f"Dictated finding '{_label(src, m)}' at {places} is missing from the report.",
                _span(m),
                None,
            )


def _moved_levels(src: _View, rep: _View, out: _Collector) -> None:
    """A graded finding the report puts at a level where nothing of the kind was dictated,
    when the source gives that grade of it at another level only ("moderate canal stenosis"
    at C5-6 becoming "moderate canal stenosis at C6-C7"): the level was changed."""
    named: list[str] | None = None
    for n in rep.mentions:
        if (
            n.kind != "finding"
            or n.polarity != PRESENT
            # A numbered bone ("4th toe" given as "third toe", "rib 6" as "rib 7") is a level
            # of its own kind: the digit or rib changed as a vertebra would.
            or not (n.location or "").startswith(("level:", "bone:"))
        ):
            continue
        graded = n.severity is not None
        here = elsewhere = None
        for m in src.findings(n.key):
            if m.polarity not in _ASSERTED or not _anatomy_compatible(m.anatomy, n.anatomy):
                continue
            # Dictated at this level (on whatever side) or at no stated level: not moved. An
            # ungraded finding is checked by its level alone (below), so a fracture at no
            # level (a rib's) does not stand for the vertebral one.
            if m.location is None and not graded:
                continue
            if m.location is None or _levels_overlap(m.location, n.location):
                here = m
                break
            if (
                elsewhere is None
                and m.polarity == PRESENT
                and m.severity == n.severity
                and _sides_compatible(m, n)
            ):
                elsewhere = m
        if here is None and elsewhere is not None and not graded:
            # "L1 burst fracture" given as "L2 burst fracture": a level the source never
            # names, for a finding it gives at another level.
            if named is None:
                named = [place for _s, _e, place in find_locations(src.text)]
            if any(_names_the_place(place, n.location or "") for place in named):
                continue
        if here is None and elsewhere is not None:
            out.add(
                "measurement",
                f"{'Level' if n.location.startswith('level:') else 'Place'} changed: "
                f"'{_label(src, elsewhere)}' is at "
                f"{_place_name(elsewhere.location or '')} in the source but at "
                f"{_place_name(n.location or '')} in the report.",
                _span(elsewhere),
                _span(n),
            )


_COUNT_WORDS = {w: i for i, w in enumerate("two three four five six seven eight nine".split(), 2)}
# "3 new hypoenhancing liver lesions", "Two new hepatic metastases": a number of a finding,
# a few describing words between. Not a number that names a segment, series or level.
_COUNT = re.compile(
    r"(?<![\w.,/-])(?<!segment )(?<!series )(?<!image )(?<!level )(?<!grade )(?<!type )"
    r"(?<!station )(?<!of )(" + "|".join(_COUNT_WORDS) + r"|[2-9])\s+((?:[a-z-]+\s+){0,3})"
)


def _finding_counts(view: _View) -> dict[str, dict[int, Mention]]:
    """How many of each finding the text counts out, by finding key."""
    found: dict[str, dict[int, Mention]] = {}
    if not any(c.isdigit() for c in view.lower) and not any(w in view.lower for w in _COUNT_WORDS):
        return found
    starts = {m.span[0]: m for m in view.mentions if m.kind == "finding"}
    for c in _COUNT.finditer(view.lower):
        if any(w in lx.UNITS for w in c.group(2).split()):
            continue  # "3 mm nodules" is a size
        pos = c.end(1)
        for word in re.finditer(r"\s+([a-z-]+)", view.lower[pos : c.end() + 40]):
            m = starts.get(pos + word.start(1))
            if m is not None:
                if m.polarity == PRESENT and view.lower[m.span[0] : m.span[1]].endswith("s"):
                    n = _COUNT_WORDS.get(c.group(1)) or int(c.group(1))
                    found.setdefault(m.key, {}).setdefault(n, m)
                break
            if word.start() > len(c.group(2)):
                break
    return found


def _counts_changed(src: _View, rep: _View, out: _Collector) -> None:
    """A number of lesions the report gives that the source never gives for that finding,
    where the source counts it otherwise ("3 new hepatic metastases" -> "Two new ...")."""
    mine = _finding_counts(src)
    if not mine:
        return
    for key, counts in _finding_counts(rep).items():
        said = mine.get(key)
        if not said:
            continue
        for n, m in counts.items():
            if n not in said:
                k = said[min(said)]
                out.add(
                    "measurement",
                    f"Count changed: the source gives {min(said)} '{_label(src, k)}', the "
                    f"report {n}.",
                    _span(k),
                    _span(m),
                )


def _names_the_place(place: str, where: str) -> bool:
    """True when a place the source names may be the report's place of a finding."""
    if place[:6] != "level:" or where[:6] != "level:":
        return place == where
    # A vertebra ("T12 compression fracture") is not named by a disc or a stretch of levels
    # beside it ("T12-L1 through L3-4 no stenosis"): those speak of the discs.
    if "-" in place and "-" not in where:
        return False
    return _levels_overlap(place, where)


def _said_elsewhere(x: _View, a: Measurement, other: Measurement) -> bool:
    """True when the other text's value equals another of x's values (a itself differs)."""
    if x.value_keys is None:
        x.value_keys = {_value_key(b) for b in x.measurements}
    return _value_key(other) in x.value_keys


def _value_key(m: Measurement) -> tuple:
    """What same_value compares, as a set key."""
    return (_dim_key(m), m.is_range, tuple(sorted(m.values)))


def _lost_with_its_finding(x: _View, y: _View, a: Measurement) -> bool:
    """a is the size of a finding the other text does not mention at all."""
    if a.mention is None:
        return False
    m = x.mentions[a.mention]
    return m.kind == "finding" and m.polarity in _ASSERTED and not _has_partner(m, x, y, True)


def _at_other_time(y: _View, a: Measurement) -> bool:
    """The other text gives a's value as the other study's (current and prior swapped): a
    changed value, not a dropped lesion."""
    other = a.dim[: -len(PRIOR)] if a.dim.endswith(PRIOR) else a.dim + PRIOR
    values = sorted(a.values)
    return any(sorted(b.values) == values for b in y.by_dim.get(other, ()))


def _dropped_with_its_size(x: _View, a: Measurement, out: _Collector) -> None:
    """A dictated lesion whose current size appears nowhere in the draft was dropped with it,
    even if another lesion of the same kind kept the word ("a second 8 mm observation")."""
    if a.mention is None or a.dim.endswith(":prior") or a.dim != "length":
        return
    m = x.mentions[a.mention]
    # A label that heads a line of sizes ("nodes: 4R 1.4 cm, 7 1.1 cm ... no hilar nodes")
    # counts as a heading, yet each size on its line is one of its findings.
    listed = m.polarity == HYPOTHETICAL and id(m) in x.headings
    if m.kind == "finding" and (m.polarity == PRESENT or listed) and m.key in _SIZED_LESIONS:
        out.add(
            "omission",
            f"Dictated finding '{_label(x, m)}' ({_fmt(x.text, a)}) is missing from the report.",
            _span(m),
            None,
        )


def _names_a_quantity(a: Measurement) -> bool:
    """A value named by words of its own ("limb thickness"), not only by its section."""
    return any(w not in _SECTION_LABEL_WORDS for w in a.label)


_SECTION_LABEL_WORDS = lx.SECTION_NAMES | {"imp"}


# Words that say which study a value is from, not what it measures ("sum 5.6, baseline 8.3").
_STUDY_WORDS = frozenset({"baseline", "prior", "previous", "previously", "nadir"})


def _named_for_nothing(b: Measurement) -> bool:
    """A named quantity given to no finding ("gland height 7 mm"): where a finding has values
    of its own in b's text, b is no partner for that finding's size."""
    return b.mention is None and bool(set(b.label) - _STUDY_WORDS)


def _partners_for_a_finding(
    a: Measurement, tied: list[Measurement], candidates: list[Measurement]
) -> list[Measurement]:
    """The candidates that may answer for a's size: where a is a finding's value and the
    finding has values of its own in the other text, not a named value given to no finding."""
    if tied and a.mention is not None and not _names_a_quantity(a):
        return [b for b in candidates if not _named_for_nothing(b)]
    return candidates


def _measurement_verdict(
    x: _View, y: _View, a: Measurement, x_is_src: bool, owned: dict[object, bool]
) -> tuple[str | None, Measurement | None]:
    """Whether the other text has this value: unmatched (with the closest), swapped, or fine."""
    same_dim = y.by_dim.get(a.dim, [])
    tied = [b for b in same_dim if _relation(x, y, a, b) == SAME]
    same_dim = _partners_for_a_finding(a, tied, same_dim)
    if not _matches(a, same_dim, x_is_src):
        return "unmatched", tied[0] if tied else None
    swapped = _swap_partner(x, y, a, tied, same_dim, x_is_src, owned)
    return ("swapped", swapped) if swapped is not None else (None, None)


def _swap_partner(
    x: _View,
    y: _View,
    a: Measurement,
    tied: list[Measurement],
    same_dim: list[Measurement],
    x_is_src: bool,
    owned: dict[object, bool],
) -> Measurement | None:
    """A value of this finding that the other text gives to a different finding, and back."""
    if not tied or _matches(a, tied, x_is_src):
        return None
    elsewhere = [b for b in same_dim if _matches(a, [b], x_is_src)]
    if not any(_relation(x, y, a, b) == DIFFERENT for b in elsewhere):
        return None
    for b in tied:
        # The value the other text gives this finding belongs to a different finding here.
        # (a itself is tied to b, so it is never one of those owners.)
        sig = y.measurement_key(b)
        if sig not in owned:
            owned[sig] = _owned_elsewhere(x, y, b, x_is_src)
        if owned[sig]:
            return b
    return None


def _owned_elsewhere(x: _View, y: _View, b: Measurement, x_is_src: bool) -> bool:
    """True when a measurement of this text with b's value describes a different finding."""
    same_dim = x.by_dim.get(b.dim, [])
    owners = [c for c in same_dim if _matches(c, [b], x_is_src)]
    owners += [c for c in same_dim if _matches(b, [c], not x_is_src)]
    return any(_relation(x, y, c, b) == DIFFERENT for c in owners)


def _exact_key(m: Measurement) -> tuple:
    """Equal for two measurements exactly when same_value() holds between them."""
    return (_dim_key(m), m.is_range, tuple(sorted(m.values)))


def _dim_key(m: Measurement) -> tuple[str, str]:
    """A value's dimension and its bound ("<1 mm" is not "1 mm"), as covers() compares them."""
    return (m.dim, m.bound)


def _single(m: Measurement) -> bool:
    """A single value (not a range), which covers() lets match one dimension of another."""
    return len(m.values) == 1 and not m.is_range


def _relation_key(m: Mention | None) -> tuple | None:
    """Everything _relation looks at in a mention."""
    return None if m is None else (m.kind, m.key, m.anatomy, m.location, m.sides)


class _ValueIndex:
    """_measurement_verdict for texts with many measurements, without scanning them all.

    Measurements are indexed by value (for same_value and covers) and by what _relation
    looks at in their mention, so each answer comes from a few lookups. The measurements a
    value is tied to depend only on the mention, so that list is built once per kind of
    mention; which of them first belongs to another finding elsewhere is worked out once too.
    """

    def __init__(self, x: _View, y: _View, x_is_src: bool) -> None:
        self.x, self.y, self.x_is_src = x, y, x_is_src
        self.y_exact = self._by(y.measurements, lambda b: [_exact_key(b)])
        self.y_cover = self._by(y.measurements, lambda b: [(_dim_key(b), v) for v in b.values])
        self.x_exact = self._by(x.measurements, lambda c: [_exact_key(c)])
        self.x_cover = self._by(x.measurements, lambda c: [(_dim_key(c), v) for v in c.values])
        self.x_single = self._by(
            x.measurements, lambda c: [(_dim_key(c), c.values[0])] if _single(c) else []
        )
        self._relations: dict[tuple, str] = {}
        self._tied: dict[tuple, tuple[list[Measurement], set, set, list]] = {}
        self._elsewhere: dict[tuple, bool] = {}
        self._owned: dict[tuple, bool] = {}

    @staticmethod
    def _by(items: list[Measurement], keys) -> dict[tuple, list[Measurement]]:
        out: dict[tuple, list[Measurement]] = {}
        for m in items:
            for k in keys(m):
                out.setdefault(k, []).append(m)
        return out

    def _mention(self, view: _View, meas: Measurement) -> Mention | None:
        return view.mentions[meas.mention] if meas.mention is not None else None

    def relation(self, m: Mention | None, n: Mention | None) -> str:
        """_relation for the mentions of two measurements (x's first), cached."""
        key = (_relation_key(m), _relation_key(n))
        rel = self._relations.get(key)
        if rel is None:
            if m is None or n is None:
                rel = UNKNOWN
            elif m.kind != n.kind:
                rel = _across_kinds(m, n)
            elif m.kind == "finding":
                rel = SAME if _same_finding(m, n) and _sides_compatible(m, n) else DIFFERENT
            else:
                same = (
                    bool(m.anatomy & n.anatomy)
                    and _sides_compatible(m, n)
                    and _location_compatible(m, n)
                )
                rel = SAME if same else DIFFERENT
            self._relations[key] = rel
        return rel

    def verdict(self, a: Measurement) -> tuple[str | None, Measurement | None]:
        """Same answer as _measurement_verdict(x, y, a, ...)."""
        tied, tied_exact, tied_cover, first_owned = self._tied_to(a)
        single = _single(a)
        cover_key = (_dim_key(a), a.values[0]) if single else None
        found = self.y_exact.get(_exact_key(a), [])
        if not self.x_is_src and single:
            found = found + self.y_cover.get(cover_key, [])
        found = _partners_for_a_finding(a, tied, found)
        if not found:
            return "unmatched", tied[0] if tied else None
        if not tied or (
            _exact_key(a) in tied_exact
            or (not self.x_is_src and single and cover_key in tied_cover)
        ):
            return None, None
        if not self._different_elsewhere(a):
            return None, None
        if not first_owned:
            first_owned.append(next((b for b in tied if self._owned_elsewhere(b)), None))
        b = first_owned[0]
        return ("swapped", b) if b is not None else (None, None)

    def _tied_to(self, a: Measurement) -> tuple[list[Measurement], set, set, list]:
        m = self._mention(self.x, a)
        key = (a.dim, _relation_key(m))
        if key not in self._tied:
            tied = [
                b
                for b in self.y.by_dim.get(a.dim, [])
                if self.relation(m, self._mention(self.y, b)) == SAME
            ]
            exact = {_exact_key(b) for b in tied}
            cover = {(_dim_key(b), v) for b in tied for v in b.values}
            self._tied[key] = (tied, exact, cover, [])
        return self._tied[key]

    def _different_elsewhere(self, a: Measurement) -> bool:
        """Some measurement of y with a's value describes a different finding."""
        m = self._mention(self.x, a)
        key = (_exact_key(a), _relation_key(m))
        if key not in self._elsewhere:
            elsewhere = list(self.y_exact.get(_exact_key(a), []))
            if not self.x_is_src and _single(a):
                elsewhere += self.y_cover.get((_dim_key(a), a.values[0]), [])
            self._elsewhere[key] = self._any_different(
                [(m, self._mention(self.y, b)) for b in elsewhere]
            )
        return self._elsewhere[key]

    def _owned_elsewhere(self, b: Measurement) -> bool:
        """_owned_elsewhere(x, y, b, x_is_src), from the indexes."""
        # The mirror image of _different_elsewhere: the same cache pattern over x's values
        # instead of y's.
        n = self._mention(self.y, b)
        key = (_exact_key(b), _relation_key(n))
        if key not in self._owned:
            owners = list(self.x_exact.get(_exact_key(b), []))
            if not self.x_is_src:
                for v in b.values:
                    owners += self.x_single.get((_dim_key(b), v), [])
            elif _single(b):
                owners += self.x_cover.get((_dim_key(b), b.values[0]), [])
            self._owned[key] = self._any_different([(self._mention(self.x, c), n) for c in owners])
        return self._owned[key]

    def _any_different(self, pairs: list[tuple[Mention | None, Mention | None]]) -> bool:
        seen: set[tuple] = set()
        for m, n in pairs:
            key = (_relation_key(m), _relation_key(n))
            if key not in seen:
                seen.add(key)
                if self.relation(m, n) == DIFFERENT:
                    return True
        return False


_ASSERTED = (PRESENT, UNCERTAIN)
# A key in several families ("ductal_dilation": enlarged structures, and the urinary tract's
# dilations) may be stood for by any of them.
_FAMILY: dict[str, frozenset[str]] = {}
for _fam in lx.FINDING_FAMILIES:
    for _k in _fam:
        _FAMILY[_k] = _FAMILY.get(_k, frozenset()) | _fam
_NEGATION_KIN: dict[str, frozenset[str]] = {k: kin for kin in lx.NEGATION_KIN for k in kin}
_SHOWN_AT: dict[str, frozenset[str]] = dict(lx.SHOWN_AT_ITS_STRUCTURE)
for _cond, _signs in lx.SHOWN_AT_ITS_STRUCTURE.items():
    for _sign in _signs:
        _SHOWN_AT[_sign] = _SHOWN_AT.get(_sign, frozenset()) | {_cond}


def _kinds_both_ways() -> dict[str, frozenset[str]]:
    """Each kind's general finding, and each general finding's kinds."""
    out: dict[str, frozenset[str]] = {}
    for kind, generals in lx.FINDING_KINDS.items():
        out[kind] = out.get(kind, frozenset()) | set(generals)
        for general in generals:
            out[general] = out.get(general, frozenset()) | {kind}
    return out


_KINDS = _kinds_both_ways()


_DEGREE = r"(?:mildly|slightly|moderately|markedly|massively|very|somewhat)"


def _enlarged_pattern(organs: tuple[str, ...]) -> re.Pattern:
    names = "|".join(organs)
    gap = r"(?:[^.;:\n]|\.(?=\d)){0,60}"
    # Plain wording ("spleen mildly big 13.5 cm", "liver is large.") says it too, where "big"
    # ends the phrase rather than sizing a lesion in the organ ("a large cyst").
    plain = (
        rf"\b(?:{names})\w*\s+(?:(?:is|are)\s+)?(?:{_DEGREE}\s+)?(?:big|large)"
        r"(?=\s*(?:[\d,.;:(]|$))"
    )
    return re.compile(
        rf"\b(?:{names})\w*\b{gap}\benlarge|\benlarge\w*\s+(?:{names})|{plain}", re.MULTILINE
    )


_ENLARGED = {key: _enlarged_pattern(organs) for key, organs in lx.ENLARGED_ORGANS.items()}


def _enlarged(key: str | None) -> re.Pattern | None:
    """For an "-megaly" finding, the pattern of its organ said to be enlarged."""
    if key is None:
        return None
    if key in _ENLARGED:
        return _ENLARGED[key]
    word = key.lstrip("~")
    if not word.endswith("megaly") or len(word) < 10:
        return None
    # "prostatomegaly" is "prostat..." enlarged, whatever the lexicon knows of the prostate.
    return _ENLARGED.setdefault(key, _enlarged_pattern((word[: -len("megaly")].rstrip("o"),)))


_INTERPRETIVE = re.compile(
    r"\b(?:" + "|".join(re.escape(c) for c in lx.INTERPRETIVE_CUES) + r")\b[^.;:\n]*$"
)


def _site_compatible(m: Mention, n: Mention) -> bool:
    """Could n be m's finding: m's stated sides meet n's sides, structures not distinct."""
    # m's implied side is only a guess, so it decides nothing; n's implied side ("mass" in an
    # impression after "right breast carcinoma") still tells which of m's findings it is. A
    # part word ("lower pole") names no organ.
    a, b = m.checked_sides, n.sides
    if a and b and not a & b:
        return False
    return _levels_overlap(m.location, n.location) and _places_meet(
        m.anatomy - lx.PART_WORDS, n.anatomy - lx.PART_WORDS
    )


@lru_cache(maxsize=4096)
def _places_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Compatible structures, but not where b meets a only through a region that holds a
    (the ankle) while naming another structure of it ("fibular fracture of the ankle" is not
    the medial malleolus's)."""
    if not _anatomy_compatible(a, b):
        return False
    if not a or not b or a & b:
        return True
    ups = _up(a)
    regions = {k for k in b if k in ups}
    others = b - regions
    return not regions or not others or any(_anatomy_compatible(a, frozenset({k})) for k in others)


@lru_cache(maxsize=1024)
def _levels_overlap(a: str | None, b: str | None) -> bool:
    """Places that may be one: unknown, equal, or a vertebra and a disc beside it ("L4", "L4-5")."""
    if a is None or b is None or a == b:
        return True
    kind_a, _, rest_a = a.partition(":")
    kind_b, _, rest_b = b.partition(":")
    if kind_a != kind_b or kind_a != "level":
        return False
    va, vb = _vertebrae(rest_a), _vertebrae(rest_b)
    # Two discs (C5-6, C6-7) are different places even though they share a vertebra.
    return va == vb if len(va) == 2 and len(vb) == 2 else bool(va & vb)


def _vertebrae(level: str) -> frozenset[str]:
    first, _, second = level.partition("-")
    if not second:
        return frozenset({first})
    region = "".join(c for c in first if c.isalpha())
    return frozenset({first, second if second[:1].isalpha() else region + second})


def _same_site(m: Mention, n: Mention) -> bool:
    """m and n positively agree on where they are: same stated sides, compatible structure."""
    a, b = m.checked_sides, n.checked_sides
    sides = bool(a & b) if a and b else not a and not b
    return sides and _site_compatible(m, n)


def _weighed(m: Mention, n: Mention) -> bool:
    """Would the negation check compare m with n (see _negation_conflict)?"""
    # Stricter than _qualifiers_agree: "no fracture" of another region does not stand for
    # "acute rib fractures" when deciding whether they were dropped.
    return (m.qualifier is None or m.qualifier == n.qualifier) and _anatomy_compatible(
        m.anatomy, n.anatomy
    )


def _asserting(view: _View, key: str | None) -> list[Mention]:
    return [n for n in view.findings(key) if n.polarity != HYPOTHETICAL]


def _generic_stands_for(m: Mention, n: Mention) -> bool:
    """A generic word ("palpable abnormality of the right breast") stands for m when it
    asserts something at m's own, named structure."""
    # At m's structure or a part of it: "interstitial lung disease" says nothing of the
    # honeycombing dictated in the right lower lobe.
    return (
        n.polarity in _ASSERTED
        and bool(m.anatomy and n.anatomy)
        and bool(m.anatomy & _up(n.anatomy))
    )


def _kin(key: str | None) -> frozenset[str]:
    """Finding keys that may stand for this one in a rewrite."""
    kin = _FAMILY.get(key or "", frozenset()) | _KINDS.get(key or "", frozenset())
    if key in lx.LESION_WORDS:
        kin = kin | lx.LESION_WORDS | lx.NAMED_LESIONS
    elif key in lx.NAMED_LESIONS:
        kin = kin | lx.LESION_WORDS
    return kin | lx.GENERIC_FINDINGS


def _has_partner(m: Mention, x: _View, y: _View, dictated: bool = False) -> bool:
    """True when the other text still says something about m's finding.

    That is a mention of it (or of a finding that may stand for it) at a compatible site, or
    one elsewhere that nothing in m's own text accounts for: the same finding moved to the
    other side is a laterality change, not a loss. For a dictated m (dictated=True), a draft
    mention echoing another dictated one is no partner (_claimed), nor is the finding kept at
    only some of m's structures (_part_dropped).
    """
    if dictated and _part_dropped(m, y):
        return False
    # A denial answers for m only where the negation check weighs the two ("no fracture" of
    # the spine says nothing of "acute rib fractures").
    same = [
        n
        for n in _asserting(y, m.key)
        if (
            n.polarity in _ASSERTED
            or (_weighed(m, n) and _denial_answers(m, n, x, y) and not _denial_echoed(m, n, x))
        )
        and not (dictated and _claimed(m, n, x))
    ]
    if any(_site_compatible(m, n) for n in same):
        return True
    mine = _asserting(x, m.key)
    if any(not _accounted_for(n, m, mine) for n in same):
        return True
    # Generic words ("abnormality") stand for a finding only where they assert one.
    if m.key in lx.GENERIC_FINDINGS:
        return any(
            n.kind == "finding" and n.polarity in _ASSERTED and _site_compatible(m, n)
            for n in y.distinct
        )
    # A kin denial answers only as broadly as it denies: "no acute intracranial hemorrhage"
    # says nothing of a scalp hematoma nobody dictated.
    if any(
        _site_compatible(m, n)
        and (k not in lx.GENERIC_FINDINGS or _generic_stands_for(m, n))
        and (
            n.polarity in _ASSERTED
            or (
                _qualifiers_agree(m, n)
                and _denial_answers(m, n, x, y)
                and not _denial_echoed(m, n, x)
            )
        )
        and not (dictated and _claimed(m, n, x))
        and not (k != m.key and _kin_said_apart(n, m, x))
        for k in _kin(m.key)
        for n in _asserting(y, k)
    ):
        return True
    # "Thickened subacromial bursa" for "subacromial bursitis": only at the structure both name.
    if m.anatomy and any(
        n.polarity in _ASSERTED and n.anatomy & m.anatomy
        for k in _SHOWN_AT.get(m.key or "", ())
        for n in _asserting(y, k)
    ):
        return True
    enlarged = _enlarged(m.key)
    return bool(enlarged and enlarged.search(y.lower)) or _sized_as_enlarged(m.key, y)


def _sized_as_enlarged(key: str | None, y: _View) -> bool:
    """y gives the organ of an "-megaly" a length above its normal ("spleen 14.5 cm" for
    "splenomegaly")."""
    limit = lx.ENLARGED_ABOVE_MM.get(key or "")
    if limit is None:
        return False
    organ = _ORGAN_BEFORE_SIZE[key]
    return any(
        _single(a)
        and not a.bound
        and a.values[0] > limit
        and organ.search(y.lower, max(0, a.start - 60), a.start)
        for a in y.by_dim.get("length", ())
    )


# The organ named just before its size, in the same clause ("spleen measures 14.5 cm").
_ORGAN_BEFORE_SIZE = {
    key: re.compile(
        r"\b(?:" + "|".join(lx.ENLARGED_ORGANS[key]) + r")\b(?:[^.;:\n]|\.(?=\d)){0,25}$"
    )
    for key in lx.ENLARGED_ABOVE_MM
}


def _kin_said_apart(n: Mention, m: Mention, x: _View) -> bool:
    """n, a kin of m placed nowhere, is said as itself in m's own text, where m is given a
    side and a structure ("small free pelvic fluid ... a left paracolic gutter collection"):
    n answers for that mention, not for m."""
    if n.anatomy or not (m.anatomy and m.checked_sides):
        return False
    # A kin said under a heading naming m's own structure ("Right Achilles tendon: fusiform
    # thickening" before "Achilles tendinopathy") is m's finding described, not another one.
    return any(
        k.polarity in _ASSERTED
        and not k.anatomy
        and not k.heading_anatomy & m.anatomy
        and _sides_compatible(k, n)
        for k in x.findings(n.key)
    )


@lru_cache(maxsize=1024)
def _distinct_structures(anatomy: frozenset[str]) -> tuple[frozenset[str], ...]:
    """The separate places a finding is given at ("erosion of the scutum and the incus"):
    structures neither of which contains the other; part words ("lower pole") place nothing."""
    keys = sorted(anatomy - lx.PART_WORDS)
    if len(keys) < 2:
        return ()
    groups: list[set[str]] = []
    for k in keys:
        joined = [
            g for g in groups if any(_anatomy_compatible(frozenset({k}), frozenset({o})) for o in g)
        ]
        merged = {k}.union(*joined)
        groups = [g for g in groups if g not in joined] + [merged]
    return tuple(frozenset(g) for g in groups)


def _part_dropped(m: Mention, y: _View) -> bool:
    """m is given at several structures; the other text gives its finding at one of them and
    calls another normal ("erosion of the scutum and the incus" against "erosion of the
    scutum ... the malleus head is intact"): the finding at that part was dropped."""
    parts = _distinct_structures(m.anatomy)
    if not parts:
        return False
    kept = [
        part
        for part in parts
        if any(
            n.anatomy & _up(part) or part & _up(n.anatomy)
            for n in _asserting(y, m.key)
            if n.anatomy
        )
    ]
    # The dropped part is called normal; or, for a finding dictated on both sides, never
    # named at all ("lesions at the distal L femur and the proximal R tibia" against the left
    # femur alone): a structure given its own side is no other's synonym.
    both_sides = len(m.checked_sides) > 1
    return bool(kept) and any(
        y.only_normal(part) or (both_sides and not _names_structure(y, part)) for part in parts
    )


def _names_structure(view: _View, part: frozenset[str]) -> bool:
    """Some mention in the text is at this structure or a part within it."""
    return any(n.anatomy & part or part & _up(n.anatomy) for n in view.mentions)


def _claimed(m: Mention, n: Mention, x: _View) -> bool:
    """n names no structure, and m's own text says n's finding at no structure too, where m
    names one: n echoes that unsited mention, not m ("Focal uptake T9 ... Focal uptake L
    iliac wing" against "uptake in T9" alone).

    Only where the pairing is sure: n and that mention share a level or segment, or m's text
    names m's structure twice (a site said once may be a word attached to the wrong finding).
    """
    if n.anatomy or not m.anatomy:
        return False
    if n.heading_anatomy and _anatomy_compatible(m.anatomy, n.heading_anatomy):
        return False  # "Left popliteal fossa: Baker cyst" is at m's structure
    if m.location is not None and m.location == n.location:
        return False
    twins = [
        k
        for k in x.findings(n.key)
        if not k.anatomy
        and k.polarity in _ASSERTED
        and k.location == n.location
        and _sides_compatible(k, n)
    ]
    if not twins:
        return False
    if n.location is not None:
        return not _up(m.anatomy) & lx.PLACE_STRUCTURES.get(
            n.location.partition(":")[0], frozenset()
        )
    said = sum(
        len(x.members(k))
        for k in x.findings(m.key)
        if k.polarity in _ASSERTED
        and k.anatomy & m.anatomy
        and _levels_overlap(k.location, m.location)
    )
    return said > 1


def _denial_echoed(m: Mention, n: Mention, x: _View) -> bool:
    """n, a denial naming no structure, echoes a denial m's own text gives at no structure,
    where m names one ("c-spine: no fx ... R L1 TP fx" against "Cervical spine: No fracture"
    alone): the draft kept the denial and dropped m, or (m in the draft) kept it and added m.
    n may be of m's kin: "no active bleed" said in both texts is no partner of an adrenal
    haematoma."""
    if n.anatomy or not m.anatomy:
        return False
    return any(
        k.polarity == ABSENT
        and not k.anatomy
        and k.location == n.location
        and _sides_compatible(k, n)
        for k in x.findings(n.key)
    )


def _accounted_for(n: Mention, m: Mention, mine: list[Mention]) -> bool:
    """n, a mention of m's finding in the other text, answers for one of m's text's own
    mentions, so it is no moved m."""
    # A mention with no side of its own cannot have moved sides: a partner at its site is
    # enough ("consistent with DVT" after "thrombus in the right popliteal vein"). Nor can one
    # be a moved mention of a finding its text never gave a side (none to move). And one
    # moved from another of the text's findings keeps that one's structure, not m's
    # ("fibular fracture" to the other side does not stand for the medial malleolus).
    sided: bool | None = None
    kept_m = _structure_kept(m, n)
    for k in mine:
        if _same_site(n, k) or (not n.checked_sides and _site_compatible(n, k)):
            return True
        if not k.checked_sides and _site_compatible(n, k):
            if sided is None:
                sided = _sided_there(n, mine)
            if not sided:
                return True
        if not kept_m and _structure_kept(k, n):
            return True
    return False


def _structure_kept(m: Mention, n: Mention) -> bool:
    """n could be m, whatever their sides: levels overlap and structures meet."""
    return _levels_overlap(m.location, n.location) and _places_meet(
        m.anatomy - lx.PART_WORDS, n.anatomy - lx.PART_WORDS
    )


def _sided_there(n: Mention, mine: list[Mention]) -> bool:
    """Some of these mentions give a side to a finding at n's structure and level."""
    return any(
        k.checked_sides
        and _levels_overlap(k.location, n.location)
        and _places_meet(k.anatomy - lx.PART_WORDS, n.anatomy - lx.PART_WORDS)
        for k in mine
    )


_OTHERS = re.compile(r"\b(?:other|additional|further)\b(?:[ \t]+[\w-]+){0,3}[ \t]*$")


def _denial_answers(m: Mention, n: Mention, x: _View, y: _View) -> bool:
    """Can n, a denial in y, stand for m's finding? Not when it denies only others ("no
    other new fractures"); nor when m's own text answers n with a denial of others ("A new
    nodule ... No other pulmonary nodules" against "No pulm nodules"): m is one more."""
    if _denies_others(y, n):
        return False
    return not any(
        k.polarity == ABSENT and _denies_others(x, k) and _site_compatible(k, n)
        for k in x.findings(m.key)
    )


def _denies_others(view: _View, n: Mention) -> bool:
    """A denial of the finding elsewhere than where the text affirms it ("no other nodules")."""
    return bool(_OTHERS.search(view.lower, max(0, n.span[0] - 40), n.span[0]))


_FOR = re.compile(r"\bfor\b")


def _kept_as_history(m: Mention, y: _View, x: _View | None = None) -> bool:
    """A dictated finding that the draft moved into its indication or history: not dropped."""
    return any(
        n.polarity == HYPOTHETICAL
        and id(n) not in y.headings
        and _site_compatible(m, n)
        and not (x is not None and _history_echoed(m, n, x))
        for n in y.findings(m.key)
    )


def _history_echoed(m: Mention, n: Mention, x: _View) -> bool:
    """n, the draft's unsided history mention, restates an unsided mention dictated before m
    (the indication "palpable nodules"), not m, a finding given a side ("cold right lower pole
    nodule"): the indication is kept and m is dropped."""
    if not m.hard_sides or n.checked_sides:
        return False
    return any(
        k is not m
        and k.span[0] < m.span[0]
        and not k.checked_sides
        and k.polarity in _ASSERTED
        and _site_compatible(k, n)
        for k in x.findings(m.key)
    )


def _sized_as_dictated(m: Mention, x: _View, y: _View) -> bool:
    """A lesion word whose size is a size the other text gives ("target sign 3.2 cm" ->
    "target-shaped mass measuring 3.2 cm"): the same thing, named in other words."""
    return any(d[0] == "length" and d in y.lengths() for d in x.descriptors[id(m)])


def _in_exam_title(x: _View, m: Mention) -> bool:
    """The reason for the exam in its title ("PET/CT for Hodgkin lymphoma"): not a finding."""
    start = m.span[0]
    if start >= x.first_sentence_end():
        return False
    return bool(_FOR.search(x.lower, 0, start)) or _question_ending_title(x, m)


# A dictated title is often the modality, the region and the question, run together: "CTA
# chest PE." asks about an embolism, it does not report one.
_MODALITY_FIRST = re.compile(r"\s*(?:ct|cta|ctpa|mri|mra|mr|xr|us|pet/ct|pet-ct|pet)\b")
_TITLE_WORDS = frozenset(
    {"with", "without", "w", "wo", "and", "contrast", "iv", "abdomen", "pelvis", "head", "neck"}
)


def _question_ending_title(x: _View, m: Mention) -> bool:
    """m ends a first sentence holding only a modality and the structures imaged before it."""
    head = _MODALITY_FIRST.match(x.lower)
    if (
        head is None
        or x.lower[m.span[1] : x.first_sentence_end()].strip(" .:\t")
        or (m.polarity != PRESENT)
    ):
        return False
    between = x.lower[head.end() : m.span[0]]
    structures = [(t.start, t.end) for t in term_matcher().find(between) if t.kind == "anatomy"]
    for word in re.finditer(r"\S+", between):
        at = word.start()
        if word.group() in _TITLE_WORDS or any(a <= at < b for a, b in structures):
            continue
        return False
    return True


# "A right inguinal lymph node has enlarged": the word says what became of the finding before it.
_LINKING_VERB = re.compile(r"\s+(?:is|are|was|were|has|have|had)(?:\s+(?:been|become|now))?\s+")


def _describes_a_finding(x: _View, m: Mention) -> bool:
    """An adjective use: another finding follows within the same phrase, or is the subject
    the word is said of ("the node has enlarged")."""
    starts = x.finding_starts()
    i = bisect_left(starts, m.span[1])
    if i < len(starts) and starts[i] - m.span[1] <= 40:
        if not any(c in x.text[m.span[1] : starts[i]] for c in ",;.:\n"):
            return True
    end = x.finding_end_before(m.span[0])
    return end is not None and bool(_LINKING_VERB.fullmatch(x.lower, end, m.span[0]))


# "T2/FLAIR hyperintense lesion": the signal a sequence shows a lesion with, said before the
# lesion word. Where the other text names its lesions by that sequence ("T2/FLAIR lesion",
# "T2 flare lesions") it has said they are bright, so the adjective adds nothing of its own.
_SEQUENCE_SIGNAL = re.compile(
    r"\b(?:t1|t2|flair|stir)(?:\s*[/-]\s*(?:t2|flair|stir))?[\s-]+hyperintense"
    r"\s+(?:[a-z-]+\s+)?$"
)

# Speech recognition writes FLAIR as "flare".
_SEQUENCE_LESION = re.compile(r"\b(?:t2|flair|flare|stir)(?:\s*/\s*(?:flair|flare))?\s+lesions?\b")


def _sequence_signal_of_a_lesion(x: _View, m: Mention, y: _View) -> bool:
    """m, a sequence's bright-signal adjective ("T2/FLAIR hyperintense"), describes the lesion
    word right after it, and the other text names its lesions by the sequence."""
    if m.key != "hyperintensity" or not _SEQUENCE_LESION.search(y.lower):
        return False
    end = m.span[1]
    nxt = next((n for n in x.mentions if n.kind == "finding" and n.span[0] >= end), None)
    if nxt is None or nxt.key not in lx.LESION_WORDS or nxt.span[0] - end > 20:
        return False
    return bool(_SEQUENCE_SIGNAL.search(x.lower, max(0, m.span[0] - 20), nxt.span[0]))


_VERB_ENDING = ("es", "ed", "ing")


def _extent_of_a_finding(x: _View, m: Mention) -> bool:
    """A verb use said of a fracture named before it in the sentence ("fracture ... line that
    breaches the cortex"): how far the fracture goes."""
    if m.key not in lx.EXTENT_VERBS or not x.lower[m.span[0] : m.span[1]].endswith(_VERB_ENDING):
        return False
    start, _ = _sentence_around(x.text, m.span)
    return any(
        n.kind == "finding"
        and n.key in lx.EXTENT_OF
        and start <= n.span[0] < m.span[0]
        and n.polarity in _ASSERTED
        for n in x.mentions
    )


_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that)\s+(?:[a-z-]+\s+)?$")


def _anaphor(x: _View, m: Mention) -> bool:
    """ "The lesion" after a finding named earlier in its paragraph refers back to that one
    ("Osteochondral lesion of the talar dome ... the lesion appears stable")."""
    if m.key not in lx.LESION_WORDS or not _DEFINITE_BEFORE.search(
        x.lower, max(0, m.span[0] - 30), m.span[0]
    ):
        return False
    paragraph = x.text.rfind("\n\n", 0, m.span[0])
    return any(
        paragraph < n.span[0] < m.span[0]
        and n.kind == "finding"
        and n.polarity in _ASSERTED
        and n.key != m.key
        for n in x.mentions
    )


def _interpretation(x: _View, m: Mention) -> bool:
    """A diagnosis offered as the explanation of findings in its own sentence."""
    # The cue stands close before the diagnosis; a bounded look keeps long texts linear.
    floor = max(0, m.span[0] - 120)
    start = max(x.text.rfind(".", floor, m.span[0]), x.text.rfind("\n", floor, m.span[0]))
    return bool(_INTERPRETIVE.search(x.lower, max(start + 1, floor), m.span[0]))


# "A separate 2.0 cm fluid collection", "another nodule": the finding is one more of its kind.
_ONE_MORE = re.compile(
    r"\b(?:separate|second|another|additional)\s+(?:\d+(?:\.\d+)?\s*(?:mm|cm)\s+)?"
    r"(?:[a-z-]+\s+){0,2}$"
)
# Words by which a dictation says there is more than one of a finding.
_MANY = re.compile(
    r"\b(?:separate|second|another|additional|other|two|three|several|multiple|numerous|few"
    r"|both|bilateral|\d+)\b(?:\s+[a-z-]+){0,3}\s*$"
)


def _one_more(m: Mention, x: _View, y: _View) -> bool:
    """m, a draft finding, is introduced as one more of its kind ("a separate collection")
    where the dictation gives only one: partnered by the dictated one, it is still added."""
    if not _ONE_MORE.search(x.lower, max(0, m.span[0] - 60), m.span[0]):
        return False
    dictated = [k for k in y.findings(m.key) if k.polarity in _ASSERTED]
    if len({(k.checked_sides, k.anatomy, k.location) for k in dictated}) > 1:
        return False  # dictated at two sites: two of them
    return not any(
        y.text[k.span[1] - 1 : k.span[1]].lower() == "s"
        or _MANY.search(y.lower, max(0, k.span[0] - 40), k.span[0])
        for k in dictated
    )


def _sized_anew_on_its_side(m: Mention, x: _View, y: _View) -> bool:
    """m, a draft node or lesion given a size the dictation never gives, on a side where the
    dictation affirms none of its kind ("a 9 mm right level IIA node" beside dictated left
    nodes only): added, whatever the dictated ones of the other side."""
    sides = m.hard_sides
    if m.key not in _SIZED_LESIONS or len(sides) != 1 or "B" in sides:
        return False
    lengths = [d for d in x.descriptors[id(m)] if d[0] == "length"]
    if not lengths or any(d in y.lengths() for d in lengths):
        return False
    return not any(
        k.polarity in _ASSERTED and (not k.checked_sides or k.checked_sides & sides)
        for k in y.findings(m.key)
    )


def _sized_anew_at_its_structure(m: Mention, x: _View, y: _View) -> bool:
    """m, a draft lesion given a size the dictation never gives, at a structure (its own or
    its heading's: "Gallbladder: 7 mm polyp") where the dictation affirms none of its kind:
    added, whatever the dictated ones elsewhere or a denial naming no structure."""
    where = (m.anatomy or m.heading_anatomy) - lx.PART_WORDS
    if m.key not in _SIZED_LESIONS or not where:
        return False
    lengths = [d for d in x.descriptors[id(m)] if d[0] == "length"]
    if not lengths or any(d in y.lengths() for d in lengths):
        return False
    # A dictated one of its kind placed nowhere may be this one.
    return not any(
        k.polarity in _ASSERTED and _places_meet(where, k.anatomy - lx.PART_WORDS)
        for k in y.findings(m.key)
    )


# How much of a lesion's vascularity there is and where ("minimal peripheral vascularity").
_VASCULARITY_GRADE = re.compile(
    r"\b(?:minimal|mild|moderate|marked|little|some|increased|peripheral|central|internal)"
    r"(?:\s+(?:peripheral|central|internal))?\s*$"
)


def _graded_vascularity(x: _View, m: Mention) -> bool:
    """Vascularity given an amount or a pattern is what a Doppler interrogation of a lesion
    found, not the normal flow of an organ: adding or dropping it changes the report."""
    return m.key == "vascularity" and bool(
        _VASCULARITY_GRADE.search(x.lower, max(0, m.span[0] - 30), m.span[0])
    )


# What an obstetric dictation says of the fetus it scanned: its biometry, heart rate,
# presentation or number. Where it says any of these, the draft's "fetus" and "pregnancy" name
# the subject of the study ("Single live fetus", "Singleton pregnancy"), not an added finding.
_FETAL_EVIDENCE = re.compile(
    r"\b(?:crl|efw|bpd|fhr?\s*\d|cephalic|breech|singleton|fetal heart"
    r"|live\s+(?:iup|intrauterine|fetus|singleton))\b"
)
_PREGNANCY_SUBJECTS = frozenset({"embryo", "pregnancy"})


def _subject_of_obstetric_scan(m: Mention, dictation: _View) -> bool:
    """m, a draft "fetus" or "pregnancy", is the fetus the dictation measured or presented."""
    return m.key in _PREGNANCY_SUBJECTS and bool(_FETAL_EVIDENCE.search(dictation.lower))


_CALCIFICATION = frozenset({"calcification", "coronary_calcification"})
# A coronary calcium score above zero, however it is dictated ("agatston total 312", "CAC 312",
# "calcium score: 45"); a score of 0 says there is none.
_CALCIUM_SCORE_ABOVE_ZERO = re.compile(
    r"\b(?:agatston|calcium score|cac)(?:\s+(?:total|score))?\s*(?:of|:|=)?\s*0*[1-9]\d*\b"
)


def _scored_calcification(m: Mention, dictation: _View) -> bool:
    """m, a draft's unsited coronary calcification, is what a dictated calcium score above zero
    already says ("Agatston 312": calcified plaque is what the score counts)."""
    return (
        m.key in _CALCIFICATION
        and not m.anatomy
        and _CALCIUM_SCORE_ABOVE_ZERO.search(dictation.lower) is not None
    )


# "Postoperative changes: Left L4-L5 laminotomy": the operation named after the heading is the
# change the heading names.
_OPERATION = re.compile(
    r"\s*:[^.;:\n]{0,40}?\b(?:[a-z]+(?:ectomy|otomy|ostomy|plasty|desis)|fusion)\b", re.I
)


def _heads_its_operation(view: _View, key: str | None) -> bool:
    """A heading naming postoperative change over the operation that made it."""
    return key == "postoperative_change" and any(
        id(n) in view.headings and _OPERATION.match(view.text, n.span[1])
        for n in view.findings(key)
    )


_NOT_SEEN = re.compile(r"\bnot\s+(?:be\s+)?(?:seen|visible|visuali[sz]ed|opacified)\b")


def _said_unseen(m: Mention, dictation: _View) -> bool:
    """m, a draft's non-visualisation of a structure, is the dictation's saying the structure
    is not seen ("right vertebral artery is not visible in V4 segment")."""
    if m.key != "nonvisualization" or not m.anatomy:
        return False
    for n in dictation.mentions:
        if n.anatomy & m.anatomy:
            start, end = _sentence_around(dictation.text, n.span)
            if _NOT_SEEN.search(dictation.lower, start, end):
                return True
    return False


def _graded_as_dictated(m: Mention, draft: _View, dictation: _View) -> bool:
    """m, a draft's stenosis, is graded in its sentence by a percentage the dictation gives
    ("70% or greater" reported as "stenosis of 70% or greater"): the grade names the
    narrowing."""
    if m.key != "stenosis":
        return False
    start, end = _sentence_around(draft.text, m.span)
    return any(
        a.dim == "percent"
        and start <= a.start < end
        and any(same_value(a, b) for b in dictation.measurements)
        for a in draft.measurements
    )


def _unpartnered(x: _View, y: _View, x_is_src: bool, out: _Collector) -> None:
    """Omission (source side) or insertion (report side): an asserted finding with no partner."""
    # A partner is any mention of the same finding, whatever its side, polarity or site: a
    # partner that differs is the business of the laterality and negation checks.
    verdicts: dict[object, bool] = {}
    # A finding restated at the same site (findings, then impression) is one finding: it is
    # warned about once, at its first mention.
    warned: set[tuple] = set()
    # A lesion word sized as dictated is the dictated lesion, and so is each restatement of
    # it ("the right upper lobe primary tumor" in the impression), before or after.
    sized = (
        set()
        if x_is_src
        else {
            (m.key, m.anatomy, m.location, m.checked_sides)
            for m in x.mentions
            if m.kind == "finding" and m.key in lx.LESION_WORDS and _sized_as_dictated(m, x, y)
        }
    )
    kind = "omission" if x_is_src else "insertion"
    for m in x.mentions:
        if (
            m.kind != "finding"
            or m.polarity not in _ASSERTED
            or (m.key in lx.NORMAL_WHEN_PRESENT and not _graded_vascularity(x, m))
            or (m.key in lx.DESCRIBING_FINDINGS and _describes_a_finding(x, m))
            or _sequence_signal_of_a_lesion(x, m, y)
            or _extent_of_a_finding(x, m)
        ):
            continue
        key = (m.key, m.anatomy, m.location, m.checked_sides, m.polarity) if x.shared else id(m)
        if key not in verdicts:
            verdicts[key] = _has_partner(m, x, y, x_is_src)
        # One more of a kind the dictation gives once is added, whatever names its kind.
        one_more = (
            verdicts[key]
            and not x_is_src
            and (
                _one_more(m, x, y)
                or _sized_anew_on_its_side(m, x, y)
                or _sized_anew_at_its_structure(m, x, y)
            )
        )
        if not one_more and (
            verdicts[key] or (x_is_src and _kept_as_history(m, y, x)) or _anaphor(x, m)
        ):
            continue
        if x_is_src and m.key in y.heading_keys and _sized_as_dictated(m, x, y):
            # "Cervical lymph nodes:" over "Ipsilateral (left) level IIA: 23 mm", "Nodules:"
            # over a table row "| Left lower lobe | Solid | 3 mm |": a dictated finding whose
            # size the draft lists under a heading naming its kind is kept, named by its place.
            continue
        if x_is_src and _heads_its_operation(y, m.key):
            continue
        site = (m.key, m.anatomy, m.location, m.checked_sides)
        if site in sized:
            continue
        if not x_is_src and (
            _subject_of_obstetric_scan(m, y)
            or _scored_calcification(m, y)
            or _said_unseen(m, y)
            or _graded_as_dictated(m, x, y)
        ):
            continue
        if not x_is_src and not one_more and _kept_as_history(m, x):
            # The draft's own history names it ("HISTORY: Multiple myeloma" for a dictated
            # "MM"): the known disease named again, not a new finding.
            continue
        src, rep = _pair(x_is_src, _span(m), None)
        if site in warned or out.has(kind, src, rep):
            warned.add(site)
            continue
        name = _label(x, m)
        if x_is_src:
            out.add(kind, f"Dictated finding '{name}' is missing from the report.", src, rep)
        elif _interpretation(x, m):
            continue
        else:
            out.add(kind, f"'{name}' in the report was not dictated.", src, rep)
        warned.add(site)
