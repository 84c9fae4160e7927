"""Finding-by-finding comparison of source and report facts into warnings."""

from __future__ import annotations

from collections.abc import Iterable

from radpair.verifier import lexicon as lx
from radpair.verifier.measure import covers, same_value
from radpair.verifier.model import ABSENT, HYPOTHETICAL, Facts, Measurement, Mention

_PARENT = {k: parent for k, (_s, _p, parent) in lx.ANATOMY.items() if parent}
_SIDE_WORDS = {
    frozenset({"L"}): "left",
    frozenset({"R"}): "right",
    frozenset({"L", "R"}): "bilateral",
}
_POLARITY_WORDS = {
    "present": "affirmed",
    "absent": "negated",
    "uncertain": "uncertain",
}


def _anatomy_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b or a & b:
        return True
    up_a = {_PARENT.get(x, x) for x in a}
    up_b = {_PARENT.get(x, x) for x in b}
    return bool((a & up_b) or (b & up_a))


def _sides_compatible(a: Mention, b: Mention) -> bool:
    return not a.sides or not b.sides or bool(a.sides & b.sides)


def _same_finding(m: Mention, n: Mention) -> bool:
    return (
        m.kind == "finding"
        and n.kind == "finding"
        and m.key == n.key
        and _anatomy_compatible(m.anatomy, n.anatomy)
    )


def _absent_class(m: Mention) -> bool:
    return m.polarity == ABSENT


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


def _label(facts: Facts, m: Mention) -> str:
    return facts.text[m.span[0] : m.span[1]]


class _Collector:
    """Collects warnings, folding duplicates that point at the same text."""

    def __init__(self) -> None:
        self.items: list[dict] = []
        self._seen: set[tuple] = set()

    def add(self, kind: str, message: str, src: list[int] | None, rep: list[int] | None) -> None:
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


def compare(source: Facts, report: Facts) -> list[dict]:
    """Warnings for laterality, negation and measurement differences."""
    out = _Collector()
    for x, y, x_is_src in ((source, report, True), (report, source, False)):
        _laterality(x, y, x_is_src, out)
        _negation(x, y, x_is_src, out)
        _measurements(x, y, x_is_src, out)
    return out.items


def _pair(x_is_src: bool, a: list[int] | None, b: list[int] | None):
    return (a, b) if x_is_src else (b, a)


def _laterality(x: Facts, y: Facts, x_is_src: bool, out: _Collector) -> None:
    for m in x.mentions:
        if not m.sides or m.polarity == HYPOTHETICAL and m.kind == "finding":
            continue
        if m.kind == "finding":
            cands = [
                n
                for n in y.mentions
                if _same_finding(m, n)
                and _absent_class(n) == _absent_class(m)
                and n.polarity != HYPOTHETICAL
            ]
        else:
            cands = [n for n in y.mentions if m.anatomy & n.anatomy and n.fixed == m.fixed]
        if not cands:
            continue
        union = frozenset().union(*(n.sides for n in cands))
        name = _label(x, m)
        if union:
            if m.sides <= union:
                continue
            other = max(cands, key=lambda n: len(n.sides - m.sides))
            src, rep = _pair(x_is_src, _side_span(m), _side_span(other))
            s_side, r_side = (m.sides, other.sides) if x_is_src else (other.sides, m.sides)
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


def _qualifier_ok(m: Mention, n: Mention) -> bool:
    return m.qualifier is None or m.qualifier == n.qualifier


def _negation(x: Facts, y: Facts, x_is_src: bool, out: _Collector) -> None:
    for m in x.mentions:
        if m.kind != "finding" or m.polarity == HYPOTHETICAL:
            continue
        cands = [
            n
            for n in y.mentions
            if _same_finding(m, n)
            and n.polarity != HYPOTHETICAL
            and _sides_compatible(m, n)
            and _qualifier_ok(m, n)
        ]
        if not cands or any(n.polarity == m.polarity for n in cands):
            continue
        other = cands[0]
        src, rep = _pair(x_is_src, _span(m), _span(other))
        s_pol, r_pol = (m.polarity, other.polarity) if x_is_src else (other.polarity, m.polarity)
        out.add(
            "negation",
            f"'{_label(x, m)}' is {_POLARITY_WORDS[s_pol]} in the source but "
            f"{_POLARITY_WORDS[r_pol]} in the report.",
            src,
            rep,
        )


def _entity_compatible(x: Facts, y: Facts, a: Measurement, b: Measurement) -> bool:
    if a.mention is None or b.mention is None:
        return False
    m, n = x.mentions[a.mention], y.mentions[b.mention]
    if m.kind != n.kind:
        return False
    if m.kind == "finding":
        return _same_finding(m, n) and _sides_compatible(m, n)
    return bool(m.anatomy & n.anatomy) and _sides_compatible(m, n)


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


def _measurements(x: Facts, y: Facts, x_is_src: bool, out: _Collector) -> None:
    for a in x.measurements:
        same_dim = [b for b in y.measurements if b.dim == a.dim]
        if not _matches(a, same_dim, x_is_src):
            closest = _closest(x, y, a, same_dim)
            src, rep = _pair(x_is_src, _span(a), _span(closest))
            if closest is None:
                msg = (
                    f"Measurement '{_fmt(x.text, a)}' is missing from the report."
                    if x_is_src
                    else f"Measurement '{_fmt(x.text, a)}' does not appear in the source."
                )
            else:
                s_m, r_m = (a, closest) if x_is_src else (closest, a)
                msg = (
                    f"Measurement changed: source '{_fmt(x.text if x_is_src else y.text, s_m)}', "
                    f"report '{_fmt(y.text if x_is_src else x.text, r_m)}'."
                )
            out.add("measurement", msg, src, rep)
            continue
        tied = [b for b in same_dim if _entity_compatible(x, y, a, b)]
        if tied and not _matches(a, tied, x_is_src):
            other = tied[0]
            src, rep = _pair(x_is_src, _span(a), _span(other))
            s_m, r_m = (a, other) if x_is_src else (other, a)
            s_text, r_text = (x.text, y.text) if x_is_src else (y.text, x.text)
            finding = _label(x, x.mentions[a.mention]) if a.mention is not None else "finding"
            out.add(
                "measurement",
                f"Measurement of '{finding}' differs: source '{_fmt(s_text, s_m)}', "
                f"report '{_fmt(r_text, r_m)}'.",
                src,
                rep,
            )


def _closest(x: Facts, y: Facts, a: Measurement, cands: list[Measurement]) -> Measurement | None:
    tied = [b for b in cands if _entity_compatible(x, y, a, b)]
    if tied:
        return tied[0]
    return None
