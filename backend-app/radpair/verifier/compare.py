"""Finding-by-finding comparison of source and report facts into warnings."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from radpair.verifier import lexicon as lx
from radpair.verifier.measure import covers, same_value
from radpair.verifier.model import ABSENT, HYPOTHETICAL, PRESENT, Facts, Measurement, Mention

_PARENT = {k: parent for k, (_s, _p, parent) in lx.ANATOMY.items() if parent}
_SIDE_WORDS = {
    frozenset({"L"}): "left",
    frozenset({"R"}): "right",
    frozenset({"L", "R"}): "bilateral",
}
_POLARITY_WORDS = {"present": "affirmed", "absent": "negated", "uncertain": "uncertain"}

SAME, DIFFERENT, UNKNOWN = "same", "different", "unknown"


@lru_cache(maxsize=None)
def _lineage(key: str) -> frozenset[str]:
    """The anatomy key and all its parents."""
    out = {key}
    while key in _PARENT:
        key = _PARENT[key]
        out.add(key)
    return frozenset(out)


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


class _View:
    """A text's facts with the lookups the comparison needs, built once."""

    def __init__(self, facts: Facts) -> None:
        self.text = facts.text
        self.mentions = facts.mentions
        self.measurements = facts.measurements
        self.descriptors = facts.descriptors()
        self.by_key: dict[str | None, list[Mention]] = {}
        for m in facts.mentions:
            self.by_key.setdefault(m.key, []).append(m)

    def findings(self, key: str | None) -> list[Mention]:
        """Finding mentions with this key."""
        return self.by_key.get(key, []) if key is not None else []


def compare(source: Facts, report: Facts) -> list[dict]:
    """Warnings for laterality, negation and measurement differences."""
    out = _Collector()
    src, rep = _View(source), _View(report)
    for x, y, x_is_src in ((src, rep, True), (rep, src, False)):
        _laterality(x, y, x_is_src, out)
        _negation(x, y, x_is_src, out)
        _normal_contradiction(x, y, x_is_src, out)
        _measurements(x, y, x_is_src, out)
    return out.items


def _pair(x_is_src: bool, a, b):
    return (a, b) if x_is_src else (b, a)


def _lateral_candidates(m: Mention, y: _View) -> list[Mention]:
    if m.kind == "finding":
        return [
            n
            for n in y.findings(m.key)
            if _same_finding(m, n)
            and (n.polarity == ABSENT) == (m.polarity == ABSENT)
            and n.polarity != HYPOTHETICAL
        ]
    # Anatomy: any mention of the same structure or of a part of it ("right hip" is
    # answered by "right femoral neck").
    return [
        n
        for n in y.mentions
        if n.fixed == m.fixed and m.anatomy & _up(n.anatomy) and _location_compatible(m, n)
    ]


def _laterality(x: _View, y: _View, x_is_src: bool, out: _Collector) -> None:
    for m in x.mentions:
        sides = m.checked_sides
        if not sides or (m.kind == "finding" and m.polarity == HYPOTHETICAL):
            continue
        cands = _lateral_candidates(m, y)
        if not cands:
            continue
        union = frozenset().union(*(n.sides for n in cands))
        name = _label(x, m)
        if union:
            if sides <= union:
                _descriptor_swap(m, cands, x, y, x_is_src, out)
                continue
            other = max(cands, key=lambda n: len(n.sides - sides))
            src, rep = _pair(x_is_src, _side_span(m), _side_span(other))
            s_side, r_side = _pair(x_is_src, sides, other.sides)
            out.add(
                "laterality",
                f"Side of '{name}' differs: source says {_side_word(s_side)}, "
                f"report says {_side_word(r_side)}.",
                src,
                rep,
            )
        elif m.hard_sides:
            other = cands[0]
            src, rep = _pair(x_is_src, _side_span(m), _span(other))
            verb = "dropped from" if x_is_src else "added in"
            out.add(
                "laterality",
                f"Side '{_side_word(m.hard_sides)}' of '{name}' {verb} the report.",
                src,
                rep,
            )


def _descriptor_swap(
    m: Mention, cands: list[Mention], x: _View, y: _View, x_is_src: bool, out: _Collector
) -> None:
    """Same finding on both sides in both texts, but its description moved to the other side."""
    sides = m.checked_sides
    if len(sides) != 1:
        return
    mine = x.descriptors[id(m)]
    if not mine:
        return
    same_side = [n for n in cands if n.sides == sides]
    other_side = [n for n in cands if n.sides and not (n.sides & sides)]
    same_desc = [y.descriptors[id(n)] for n in same_side]
    if not any(same_desc) or any(d & mine for d in same_desc):
        return
    moved = [n for n in other_side if y.descriptors[id(n)] & mine]
    if not moved:
        return
    src, rep = _pair(x_is_src, _side_span(m), _side_span(moved[0]))
    s_side, r_side = _pair(x_is_src, sides, moved[0].sides)
    out.add(
        "laterality",
        f"'{_label(x, m)}' described on the {_side_word(s_side)} in the source appears on the "
        f"{_side_word(r_side)} in the report.",
        src,
        rep,
    )


def _qualifier_ok(m: Mention, n: Mention) -> bool:
    return m.qualifier is None or m.qualifier == n.qualifier


def _negation_candidates(m: Mention, y: _View) -> list[Mention]:
    return [
        n
        for n in y.findings(m.key)
        if _same_finding(m, n)
        and n.polarity != HYPOTHETICAL
        and _sides_compatible(m, n)
        and _qualifier_ok(m, n)
    ]


def _negation(x: _View, y: _View, x_is_src: bool, out: _Collector) -> None:
    for m in x.mentions:
        if m.kind != "finding" or m.polarity == HYPOTHETICAL:
            continue
        cands = _negation_candidates(m, y)
        if not cands or any(n.polarity == m.polarity for n in cands):
            continue
        other = cands[0]
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
    """A finding affirmed in a structure that the other text calls intact/normal."""
    for m in x.mentions:
        if m.kind != "finding" or m.polarity != PRESENT or not m.anatomy:
            continue
        if any(_same_finding(m, n) for n in y.findings(m.key)):
            continue  # the other text talks about this finding; _negation decides
        for n in y.mentions:
            if not n.normal or n.kind != "anatomy":
                continue
            if not (n.anatomy & _up(m.anatomy)) or not _sides_compatible(m, n):
                continue
            src, rep = _pair(x_is_src, _span(m), _span(n))
            where = "source" if not x_is_src else "report"
            out.add(
                "negation",
                f"'{_label(x, m)}' is affirmed, but the {where} describes "
                f"'{_label(y, n)}' as normal/intact.",
                src,
                rep,
            )
            break


def _relation(x: _View, y: _View, a: Measurement, b: Measurement) -> str:
    """Whether two measurements describe the same thing, different things, or can't tell."""
    if a.mention is None or b.mention is None:
        return UNKNOWN
    m, n = x.mentions[a.mention], y.mentions[b.mention]
    if m.kind != n.kind:
        return UNKNOWN
    if m.kind == "finding":
        same = _same_finding(m, n) and _sides_compatible(m, n)
    else:
        same = (
            bool(m.anatomy & n.anatomy) and _sides_compatible(m, n) and _location_compatible(m, n)
        )
    return SAME if same else DIFFERENT


def _fmt(text: str, m: Measurement) -> str:
    return text[m.start : m.end]


def _matches(a: Measurement, others: Iterable[Measurement], x_is_src: bool) -> bool:
    for b in others:
        if same_value(a, b):
            return True
        # The report may quote one dimension of a source measurement (the impression).
        if not x_is_src and covers(b, a):
            return True
    return False


def _measurements(x: _View, y: _View, x_is_src: bool, out: _Collector) -> None:
    s_text, r_text = _pair(x_is_src, x.text, y.text)
    for a in x.measurements:
        same_dim = [b for b in y.measurements if b.dim == a.dim]
        tied = [b for b in same_dim if _relation(x, y, a, b) == SAME]
        if not _matches(a, same_dim, x_is_src):
            closest = tied[0] if tied else None
            src, rep = _pair(x_is_src, _span(a), _span(closest))
            if closest is None:
                msg = (
                    f"Measurement '{_fmt(x.text, a)}' is missing from the report."
                    if x_is_src
                    else f"Measurement '{_fmt(x.text, a)}' does not appear in the source."
                )
            else:
                s_m, r_m = _pair(x_is_src, a, closest)
                msg = (
                    f"Measurement changed: source '{_fmt(s_text, s_m)}', "
                    f"report '{_fmt(r_text, r_m)}'."
                )
            out.add("measurement", msg, src, rep)
            continue
        swapped = _swap_partner(x, y, a, tied, same_dim, x_is_src)
        if swapped is not None:
            src, rep = _pair(x_is_src, _span(a), _span(swapped))
            s_m, r_m = _pair(x_is_src, a, swapped)
            finding = _label(x, x.mentions[a.mention]) if a.mention is not None else "finding"
            out.add(
                "measurement",
                f"Measurements swapped: '{finding}' is '{_fmt(s_text, s_m)}' in the source but "
                f"'{_fmt(r_text, r_m)}' in the report.",
                src,
                rep,
            )


def _swap_partner(
    x: _View,
    y: _View,
    a: Measurement,
    tied: list[Measurement],
    same_dim: list[Measurement],
    x_is_src: bool,
) -> Measurement | None:
    """A value of this finding that the other text gives to a different finding, and back."""
    if not tied or _matches(a, tied, x_is_src):
        return None
    elsewhere = [b for b in same_dim if _matches(a, [b], x_is_src)]
    if not any(_relation(x, y, a, b) == DIFFERENT for b in elsewhere):
        return None
    for b in tied:
        # The value the other text gives this finding belongs to a different finding here.
        owners = [c for c in x.measurements if c.dim == b.dim and _matches(c, [b], x_is_src)]
        owners += [c for c in x.measurements if c.dim == b.dim and _matches(b, [c], not x_is_src)]
        if any(c is not a and _relation(x, y, c, b) == DIFFERENT for c in owners):
            return b
    return None
