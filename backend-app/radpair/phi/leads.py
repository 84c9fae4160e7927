"""Which words a rule's match can begin with, read from the compiled pattern, so that a rule whose
cue words are all absent from a text is skipped without scanning it.

Most detection rules begin with a cue ("discussed with", "MRN", "phone", a title); scanning a
dictation with each of them costs far more than looking its words up in a set. The lead words
are derived from the pattern itself (never written twice by hand), through the standard
library's regular expression parser. Where the derivation cannot prove where a match starts (a
character class, a digit, no word boundary before it, a parser that has changed), it answers
None and the rule runs on every text: a skipped rule must never be one that could have matched.
"""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

try:  # the parser of the running Python; its absence only costs speed
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Pythons
    _sre = _sre_parse = None

_TOKEN = re.compile(r"[a-z0-9]+")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_TOKEN_CHAR = _LETTERS | frozenset("0123456789")
# Under IGNORECASE these match ASCII letters while lowering to something else ("İ" -> "i̇"), and
# a digit of another script matches \d outside the ASCII tokens: a text holding one is scanned
# by every rule everywhere.
_OUTSIDE_TOKENS = re.compile("[\u0130\u0131\u017f\u212a]|(?![0-9])\\d")
# A character class is followed as its characters when it has no more than this many.
_MAX_CLASS = 40
# Longer prefixes separate cues better but cost more to index per text.
PREFIX_LENGTH = 6
_MAX_PARTIALS = 20000
_ANY_WORD = 20


class Leads(NamedTuple):
    """What a match can start with: whole tokens, prefixes of a token, or a character."""

    words: frozenset[str]
    prefixes: frozenset[str]
    chars: frozenset[str] = frozenset()


class TextTokens(NamedTuple):
    """A text's lower-case tokens and their prefixes with where they start, for `starts`."""

    words: frozenset[str]
    prefixes: frozenset[str]
    positions: dict[str, list[int]]
    prefix_positions: dict[str, list[int]]
    lowered: str
    exact: bool
    # Rules often share their leads (every rule that starts with a digit): found once per text.
    found: dict[Leads, list[int]]


def _token_positions(text: str) -> tuple[str, dict[str, list[int]]] | None:
    # None when the text holds characters the ASCII tokens cannot stand for.
    if not text.isascii() and _OUTSIDE_TOKENS.search(text):
        return None
    lowered = text.lower()
    positions: dict[str, list[int]] = {}
    for token in _TOKEN.finditer(lowered):
        positions.setdefault(token.group(), []).append(token.start())
    return lowered, positions


def text_tokens(text: str) -> TextTokens:
    """Index a text once for every rule's `starts`."""
    read = _token_positions(text)
    if read is None:
        return TextTokens(frozenset(), frozenset(), {}, {}, "", False, {})
    lowered, positions = read
    prefix_positions: dict[str, list[int]] = {}
    for word, at in positions.items():
        for k in range(1, min(len(word), PREFIX_LENGTH) + 1):
            prefix_positions.setdefault(word[:k], []).extend(at)
    return TextTokens(
        frozenset(positions),
        frozenset(prefix_positions),
        positions,
        prefix_positions,
        lowered,
        True,
        {},
    )


def starts(leads: Leads | None, tokens: TextTokens) -> list[int] | None:
    """Where in the text a match of the rule can begin (sorted), or None for anywhere."""
    if leads is None or not tokens.exact:
        return None
    found = tokens.found.get(leads)
    if found is not None:
        return found
    found = []
    # Set against set: the smaller side is the one walked.
    for word in leads.words & tokens.words:
        found += tokens.positions[word]
    for prefix in leads.prefixes & tokens.prefixes:
        found += tokens.prefix_positions[prefix]
    for char in leads.chars:
        at = tokens.lowered.find(char)
        while at >= 0:
            found.append(at)
            at = tokens.lowered.find(char, at + 1)
    found = tokens.found[leads] = sorted(set(found))
    return found


class LeadIndex:
    """Every rule's leads in one table keyed by word and prefix: a text's tokens are looked up
    once for all rules, rather than each rule's leads being intersected with the text."""

    # Words repeat across dictations ("the", "patient"): the leads a word hits are remembered,
    # up to this many words (then forgotten, to bound memory in a long-running process).
    _CACHE_SIZE = 50000

    def __init__(self, all_leads: list[Leads | None]) -> None:
        self._slots: list[int | None] = []
        distinct: dict[Leads, int] = {}
        for leads in all_leads:
            self._slots.append(None if leads is None else distinct.setdefault(leads, len(distinct)))
        self._count = len(distinct)
        self._words: dict[str, set[int]] = {}
        self._prefixes: dict[str, set[int]] = {}
        self._chars: dict[str, list[int]] = {}
        for leads, slot in distinct.items():
            for word in leads.words:
                self._words.setdefault(word, set()).add(slot)
            for prefix in leads.prefixes:
                self._prefixes.setdefault(prefix, set()).add(slot)
            for char in leads.chars:
                self._chars.setdefault(char, []).append(slot)
        self._hits: dict[str, tuple[int, ...]] = {}

    def _hit(self, word: str) -> tuple[int, ...]:
        """The slots whose leads hold the word or one of its prefixes."""
        slots = set(self._words.get(word, ()))
        for k in range(1, min(len(word), PREFIX_LENGTH) + 1):
            slots.update(self._prefixes.get(word[:k], ()))
        if len(self._hits) >= self._CACHE_SIZE:
            self._hits.clear()
        hit = self._hits[word] = tuple(slots)
        return hit

    def starts(self, text: str) -> tuple[list[list[int] | None], frozenset[str] | None]:
        """Per rule, what `starts` answers for the text; and the text's tokens (None when the
        text holds characters the tokens cannot vouch for)."""
        read = _token_positions(text)
        if read is None:
            return [None] * len(self._slots), None
        lowered, positions = read
        found: list[list[int]] = [[] for _ in range(self._count)]
        hits = self._hits
        for word, at in positions.items():
            hit = hits.get(word)
            if hit is None:
                hit = self._hit(word)
            for slot in hit:
                found[slot] += at
        for char, slots in self._chars.items():
            at = lowered.find(char)
            while at >= 0:
                for slot in slots:
                    found[slot].append(at)
                at = lowered.find(char, at + 1)
        ordered = [sorted(set(places)) if len(places) > 1 else places for places in found]
        return [None if slot is None else ordered[slot] for slot in self._slots], frozenset(
            positions
        )


def matches(pattern: re.Pattern, text: str, begin_at: list[int] | None) -> Iterator[re.Match]:
    """`pattern.finditer(text)`, tried only where a match can begin."""
    if begin_at is None:
        yield from pattern.finditer(text)
        return
    resume = 0
    for at in begin_at:
        if at < resume:
            continue
        match = pattern.match(text, at)
        if match is not None:
            yield match
            # As finditer: the next match starts after this one (after an empty one, later).
            resume = max(match.end(), at + 1)


def lead_words(pattern: re.Pattern) -> Leads | None:
    """The words every match of the pattern begins with, or None when that cannot be shown."""
    if _sre_parse is None or not isinstance(pattern.pattern, str):
        return None
    try:
        items = _sre_parse.parse(pattern.pattern, pattern.flags)
        open_, closed = _walk(items, {""})
        anchored = _starts_after_boundary(items)
    except (_Unknown, RecursionError, TypeError, ValueError, AttributeError):
        return None
    closed |= _close(open_, _PREFIX)
    if any(not partial for partial, kind in closed if kind is not _CHAR):
        return None  # a match may begin with a digit, a class or anything else
    if not anchored and any(kind is not _CHAR for _, kind in closed):
        return None  # a match may begin inside a word, where no token begins
    short = {partial[0] for partial, kind in closed if kind is _PREFIX and len(partial) <= 2}
    if len(short & _LETTERS) >= _ANY_WORD:
        return None  # a match may begin at almost any word: scanning costs less than looking up
    return Leads(
        frozenset(partial for partial, kind in closed if kind is _WORD),
        frozenset(partial[:PREFIX_LENGTH] for partial, kind in closed if kind is _PREFIX),
        frozenset(partial for partial, kind in closed if kind is _CHAR),
    )


class _Unknown(Exception):
    """The pattern's start cannot be read as words."""


def _starts_after_boundary(items) -> bool:
    """Whether a zero-width test before the first character forbids a word character there."""
    for op, av in items:
        if op is _sre.AT:
            if av in (_sre.AT_BOUNDARY, _sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING):
                return True
        elif op is _sre.ASSERT_NOT:
            direction, sub = av
            if direction == -1 and _holds_word_category(list(sub)):
                return True
        elif op is _sre.ASSERT:
            continue
        elif op is _sre.SUBPATTERN:
            return _starts_after_boundary(av[-1])
        elif op is _sre.BRANCH:
            return all(_starts_after_boundary(alternative) for alternative in av[1])
        else:
            return False
    return False


def _holds_word_category(sub: list) -> bool:
    if len(sub) != 1 or sub[0][0] is not _sre.IN:
        return False
    words = (_sre.CATEGORY_WORD, _sre.CATEGORY_UNI_WORD)
    return any(op is _sre.CATEGORY and av in words for op, av in sub[0][1])


# How a finished partial is matched against a text: the whole token, a token's start, or (for a
# match that begins with punctuation such as "@" or "(") a character the text must hold.
_WORD, _PREFIX, _CHAR = "word", "prefix", "char"


def _close(open_: set[str], kind: str) -> set[tuple[str, str]]:
    return {(partial, kind) for partial in open_}


def _walk(items, open_: set[str]) -> tuple[set[str], set[tuple[str, str]]]:
    """Extend the open partial words through a sequence; return (still open, finished)."""
    closed: set[tuple[str, str]] = set()
    for op, av in items:
        if not open_:
            break
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero-width: ignoring a restriction only widens the answer
        if op is _sre.LITERAL:
            open_, done = _extend(open_, [av])
            closed |= done
        elif op is _sre.IN and _class_codes(av) is not None:
            open_, done = _extend(open_, _class_codes(av))
            closed |= done
        elif op is _sre.SUBPATTERN:
            open_, done = _walk(av[-1], open_)
            closed |= done
        elif op is _sre.BRANCH:
            branches = [_walk(alternative, set(open_)) for alternative in av[1]]
            open_ = set().union(*(b[0] for b in branches))
            closed |= set().union(*(b[1] for b in branches))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            low, high, sub = av
            once, done = _walk(sub, set(open_))
            closed |= done
            if high != 1:
                # After one repetition more may follow: what is open is only a prefix.
                closed |= _close(once, _PREFIX)
                once = set()
            open_ = (open_ | once) if low == 0 else once
        else:
            closed |= _close(open_, _PREFIX)
            open_ = set()
        if len(open_) + len(closed) > _MAX_PARTIALS:
            raise _Unknown
    return open_, closed


_DIGITS = [ord(digit) for digit in "0123456789"]


def _class_codes(members) -> list[int] | None:
    """The characters of a small class ("[Dd]", "[0-3]", "\\d"), None for a large or negated one."""
    codes: list[int] = []
    for kind, value in members:
        if kind is _sre.LITERAL:
            codes.append(value)
        elif kind is _sre.RANGE and value[1] - value[0] < _MAX_CLASS:
            codes.extend(range(value[0], value[1] + 1))
        elif kind is _sre.CATEGORY and value in (_sre.CATEGORY_DIGIT, _sre.CATEGORY_UNI_DIGIT):
            codes.extend(_DIGITS)  # other scripts' digits are ruled out by `text_tokens`
        else:
            return None
    return codes if len(codes) <= _MAX_CLASS else None


def _extend(open_: set[str], codes: list[int]) -> tuple[set[str], set[tuple[str, str]]]:
    """Append one of several literal characters to each open partial word."""
    extended: set[str] = set()
    closed: set[tuple[str, str]] = set()
    for code in codes:
        char = chr(code).lower()
        if len(char) == 1 and char in _TOKEN_CHAR:
            extended |= {partial + char for partial in open_}
        else:
            # A character outside the token alphabet ends the word here.
            closed |= _close(open_ - {""}, _WORD)
            if "" in open_:
                # Other scripts' letters can fold to several forms without case ("σ", "ς"): a
                # match that may begin with one is not looked up.
                closed.add((char, _CHAR) if char.isascii() else ("", _PREFIX))
    # A prefix this long already tells the cues apart: stop here rather than follow every
    # optional part of the pattern.
    long = {partial for partial in extended if len(partial) >= PREFIX_LENGTH}
    return extended - long, closed | _close(long, _PREFIX)
