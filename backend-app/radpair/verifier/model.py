"""Plain data records passed between the verifier's extraction and comparison stages."""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]

PRESENT = "present"
ABSENT = "absent"
UNCERTAIN = "uncertain"
HYPOTHETICAL = "hypothetical"


@dataclass(frozen=True)
class Term:
    """A lexicon hit: a finding, an anatomy word or a fixed anatomical name."""

    start: int
    end: int
    kind: str  # "finding" | "anatomy" | "fixed"
    key: str
    implied_anatomy: str | None = None
    side: str | None = None  # side carried inside the word itself (RUL, bibasilar, fixed names)
    plural: bool = False

    def __init__(
        self,
        start: int,
        end: int,
        kind: str,
        key: str,
        implied_anatomy: str | None = None,
        side: str | None = None,
        plural: bool = False,
    ) -> None:
        # A frozen dataclass's own __init__ sets every field through object.__setattr__;
        # filling the instance dict at once is twice as fast (terms are made by the hundred).
        self.__dict__.update(
            start=start,
            end=end,
            kind=kind,
            key=key,
            implied_anatomy=implied_anatomy,
            side=side,
            plural=plural,
        )


@dataclass(frozen=True)
class SideWord:
    """A side expression and whether it modifies the following or the preceding term."""

    start: int
    end: int
    side: str  # "L" | "R" | "B"
    post: bool

    def __init__(self, start: int, end: int, side: str, post: bool) -> None:
        # Faster than the frozen dataclass __init__ (see Term); same fields, still frozen.
        self.__dict__.update(start=start, end=end, side=side, post=post)


@dataclass
class Measurement:
    """A number with a unit, normalised to the base unit of its dimension."""

    start: int
    end: int
    dim: str
    values: tuple[float, ...]
    is_range: bool = False
    mention: int | None = None  # index of the mention it describes
    side: str | None = None  # "L"/"R" when a side word labels the value itself ("left 18 mm")
    label: tuple[str, ...] = ()  # the words naming the value ("depth", "24-hour uptake")
    bound: str = ""  # "<" or ">" when the value is a limit ("<1 mm beyond"), not the quantity


@dataclass(eq=False)
class Mention:
    """A finding or anatomy occurrence with everything attached to it."""

    kind: str  # "finding" | "anatomy"
    key: str | None  # finding key; None for anatomy-only mentions
    anatomy: frozenset[str]
    span: Span
    hard_sides: frozenset[str] = frozenset()
    soft_sides: frozenset[str] = frozenset()
    # Only implied (a plural such as "kidneys", or the side of another finding in the
    # sentence): enough to answer a check, never enough to raise one.
    weak_sides: frozenset[str] = frozenset()
    side_span: Span | None = None
    polarity: str = PRESENT
    qualifier: str | None = None
    sentence: int = 0
    fixed: bool = False
    location: str | None = None  # vertebral level or liver segment, part of the identity
    severity: str | None = None
    normal: bool = False  # anatomy described as normal/intact with no finding in its sentence
    # The structure named by the label heading a finding that names none ("Glenohumeral
    # joints: Moderate osteoarthritis"): a hint for choosing partners, not the finding's site.
    heading_anatomy: frozenset[str] = frozenset()
    # Each place of a list the finding is given at ("lesions C5, T3, T8"): level:T3, bone:rib:7.
    places: frozenset[str] = frozenset()

    @property
    def sides(self) -> frozenset[str]:
        """Sides stated for the mention, or failing that the inherited or implied ones."""
        return self.hard_sides or self.soft_sides or self.weak_sides

    @property
    def checked_sides(self) -> frozenset[str]:
        """Sides strong enough to raise a warning on their own (not plural-implied)."""
        return self.hard_sides or self.soft_sides


@dataclass
class Facts:
    """Everything extracted from one text."""

    text: str
    mentions: list[Mention] = field(default_factory=list)
    measurements: list[Measurement] = field(default_factory=list)

    def descriptors(self) -> dict[int, set[tuple]]:
        """Per mention (by id): severity and attached measurement values describing it."""
        out: dict[int, set[tuple]] = {id(m): set() for m in self.mentions}
        for m in self.mentions:
            if m.severity:
                out[id(m)].add(("severity", m.severity))
        for meas in self.measurements:
            if meas.mention is not None:
                men = self.mentions[meas.mention]
                out[id(men)].add((meas.dim, tuple(sorted(meas.values))))
        return out
