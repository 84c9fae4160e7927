"""Ordered alternations compiled as a prefix tree, matching exactly like the flat alternation.

A flat ``(?:a|b|c)`` of hundreds of phrases makes the regex engine try every phrase at every
word start. Factoring shared prefixes into nested groups lets it reject most phrases after one
character, while keeping the flat alternation's result at every position: the first
alternative, in the given order, that matches (with its own preferred length).

Each alternative is a token sequence:

- ``("lit", regex)``: one literal character (escaped);
- ``("sep", regex)``: a separator run such as ``\\s+``, which must be followed by a literal
  that the separator cannot match (so it always consumes the whole run);
- ``("end", regex)``: the last token (a plural tail such as ``(?:s|es)?`` or ``""``).

Factoring a shared prefix is safe because the prefix matches in exactly one way; branches
whose first tokens cannot match the same text (two different characters, or a character and a
separator) may be reordered freely. An ``end`` token can overlap anything, so a phrase is
only merged into an earlier branch when no overlapping branch lies between them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Token = tuple[str, str]


def literal_tokens(text: str) -> list[Token]:
    """One literal token per character of the text."""
    return [("lit", re.escape(ch)) for ch in text]


def flat(alternatives: Sequence[Sequence[Token]]) -> str:
    """The plain ordered alternation of the token sequences (the reference meaning)."""
    return "(?:" + "|".join("".join(r for _k, r in alt) for alt in alternatives) + ")"


def ordered_trie(alternatives: Sequence[Sequence[Token]], not_after: Sequence[str] = ()) -> str:
    """A regex group matching like (?<!X)...flat(alternatives) for each X in not_after."""
    alts = [tuple(a) for a in alternatives]
    guard = "".join(f"(?<!{x})" for x in not_after)
    if not alts or not all(_well_formed(a) for a in alts):
        return guard + flat(alts)
    heads = {a[0] for a in alts}
    if not_after and all(kind == "lit" for kind, _r in heads):
        # The look-behinds move behind the first character ("l(?<![a-z0-9]l)eft"), so the
        # pattern starts with a character set that the engine uses to skip positions fast.
        return "(?:" + _node(alts, not_after) + ")"
    return guard + "(?:" + _node(alts) + ")"


def _well_formed(alt: tuple[Token, ...]) -> bool:
    if not alt or alt[-1][0] != "end" or any(k == "end" for k, _r in alt[:-1]):
        return False
    for (kind, regex), following in zip(alt, alt[1:]):
        # A separator must stop at the next character, or sharing it would not be safe.
        if kind == "sep" and (following[0] != "lit" or re.fullmatch(regex, _char(following))):
            return False
    return True


def _char(token: Token) -> str:
    return re.sub(r"\\(.)", r"\1", token[1])


def _overlaps(a: Token, b: Token) -> bool:
    """True when the two first tokens could both match at the same place."""
    if a == b or "end" in (a[0], b[0]):
        return True
    if a[0] == b[0] == "lit":
        return False
    if a[0] == b[0] == "sep":
        return True
    sep, lit = (a, b) if a[0] == "sep" else (b, a)
    return re.fullmatch(sep[1], "") is not None or re.fullmatch(sep[1], _char(lit)) is not None


def _node(members: list[tuple[Token, ...]], not_after: Sequence[str] = ()) -> str:
    branches: list[tuple[Token, list[tuple[Token, ...]]]] = []
    for toks in members:
        head = toks[0]
        target = None
        if head[0] != "end":
            for j in range(len(branches) - 1, -1, -1):
                if branches[j][0] == head:
                    target = j
                    break
                if _overlaps(branches[j][0], head):
                    break
        if target is None:
            branches.append((head, [toks[1:]]))
        else:
            branches[target][1].append(toks[1:])
    parts = [
        head[1] if head[0] == "end" else head[1] + _guard(head, not_after) + _node(rest)
        for head, rest in branches
    ]
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _guard(head: Token, not_after: Sequence[str]) -> str:
    return "".join(f"(?<!{x}{head[1]})" for x in not_after)


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


class WordScanner:
    """Matches of (?<![a-z0-9])ALTERNATION(?![a-z0-9]) in lower-case text, found quickly.

    The look-behind version makes the regex engine try the alternation at every character.
    Consuming the non-word character in front of a phrase instead lets the engine skip
    through words with a character-set test. A phrase can only start right after such a
    character, except at the first position searched, which is tried on its own; a phrase
    never starts where the previous one ended, because that character is not a word
    character either. If some phrase may start with another character, this falls back to
    the plain pattern.
    """

    def __init__(self, alternation: str, starts_with_word_char: bool) -> None:
        tail = r"(?![a-z0-9])"
        self._fast = starts_with_word_char
        # Compiled when first used: a large alternation takes milliseconds to compile, and
        # each scanner needs only some of these.
        self._sources = {
            "regex": rf"(?<![a-z0-9]){alternation}{tail}",
            "lead_start": rf"(?<![a-z0-9])(?={alternation}{tail})",
            "after_gap": rf"[^a-z0-9]({alternation}){tail}",
            "start_after_gap": rf"[^a-z0-9](?={alternation}{tail})",
            "loose_lead": rf"(?<![a-z0-9])(?={alternation})",
            "loose_after_gap": rf"[^a-z0-9](?={alternation})",
        }
        self._compiled: dict[str, re.Pattern[str]] = {}

    def _pattern(self, name: str) -> re.Pattern[str]:
        pattern = self._compiled.get(name)
        if pattern is None:  # two threads may both compile it; either result is the same
            pattern = self._compiled[name] = re.compile(self._sources[name])
        return pattern

    @property
    def regex(self) -> re.Pattern[str]:
        """The plain pattern, with the look-behind: what the other methods must agree with."""
        return self._pattern("regex")

    def spans(self, text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int]]:
        """(start, end) of each match, exactly as self.regex.finditer(text, pos, endpos)."""
        end = len(text) if endpos is None else endpos
        if not self._fast:
            return [m.span() for m in self._pattern("regex").finditer(text, pos, end)]
        out: list[tuple[int, int]] = []
        first = self._pattern("regex").match(text, pos, end)
        if first is not None:
            out.append(first.span())
            pos = first.end()
        out += [m.span(1) for m in self._pattern("after_gap").finditer(text, pos, end)]
        return out

    def starts(self, text: str, pos: int = 0, endpos: int | None = None) -> list[int]:
        """Every position where some alternative matches (overlapping ones included)."""
        end = len(text) if endpos is None else endpos
        if not self._fast:
            return [m.start() for m in self._pattern("lead_start").finditer(text, pos, end)]
        out = [pos] if self._pattern("lead_start").match(text, pos, end) else []
        return out + [m.end() for m in self._pattern("start_after_gap").finditer(text, pos, end)]

    def loose_starts(self, text: str) -> list[int]:
        """Positions where some alternative begins, whatever follows it."""
        # A superset of starts(text, pos, endpos) for any pos and endpos, so it can be worked
        # out once for a whole text and then cut to each sentence.
        if not self._fast:
            return [m.start() for m in self._pattern("loose_lead").finditer(text)]
        out = [0] if self._pattern("loose_lead").match(text) else []
        return out + [m.end() for m in self._pattern("loose_after_gap").finditer(text)]


def word_scanner(alternatives: Sequence[Sequence[Token]]) -> WordScanner:
    """A WordScanner for token sequences, with the alternation built as an ordered trie."""
    alts = [tuple(a) for a in alternatives]
    fast = bool(alts) and all(a[0][0] == "lit" and _char(a[0]) in _WORD_CHARS for a in alts)
    return WordScanner(ordered_trie(alts), fast)
