"""Dictation macro expansion: spoken phrases become standard report text.

Matching runs on a folded view of the input (lower case, whitespace runs collapsed to one
space) and maps every span back to the original text, so text outside a replaced span is
kept byte for byte. Site libraries are large and cached by the caller, so all the work that
does not depend on the input (automaton, body rendering) happens once at build time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import ahocorasick

from radpair.textnorm import safe_lower

__all__ = [
    "MAX_EXPANDED_CHARS",
    "MAX_NESTING_DEPTH",
    "MAX_RENDERED_CHARS",
    "Expansion",
    "ExpansionTooLarge",
    "Macro",
    "MacroLibrary",
    "nested_keys",
    "normalize_phrase",
    "one_per_phrase",
    "oversized_macros",
    "phrase_key",
]

MAX_NESTING_DEPTH = 5
# Nesting multiplies text: a few short bodies nesting each other thousands of times would render
# to gigabytes. One macro's rendering stops at MAX_RENDERED_CHARS (the nest that would pass it is
# left as written, with a warning); one request's expansion at MAX_EXPANDED_CHARS (an error).
MAX_RENDERED_CHARS = 100_000
MAX_EXPANDED_CHARS = 200_000
# Every field or warning is a dict held in the cache and sent in the answer: it counts this many
# characters towards the caps, so a body of ten thousand pick lists is bounded too.
ITEM_COST = 64
TRIGGER_MODES = ("keyword", "bare")

# PostgreSQL's btrim() only strips spaces and its \s is the C isspace() set; Python's \s is
# wider (it also matches \x1c-\x1f), so the class is spelled out to stay equal to the SQL.
_PG_SPACE_RUN = re.compile(r"[ \t\n\r\f\v]+")
_SPACE_RUN = re.compile(r"\s+")
_BODY_TOKEN = re.compile(
    r"\{\{(?P<nest>[^{}]*)\}\}" r"|\[(?P<pick>[^\[\]|\n]*(?:\|[^\[\]|\n]*)+)\]" r"|(?P<blank>_{2,})"
)


@dataclass(frozen=True)
class Macro:
    """One library entry: a spoken phrase and the report text it stands for."""

    id: str
    phrase: str
    text: str
    scope: str


@dataclass
class Expansion:
    """Result of expanding one dictation."""

    expanded: str
    macros: list[dict] = field(default_factory=list)
    fields: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        """Return a JSON-ready dict."""
        return {
            "expanded": self.expanded,
            "macros": self.macros,
            "fields": self.fields,
            "warnings": self.warnings,
        }


class ExpansionTooLarge(ValueError):
    """One request's expansion would exceed MAX_EXPANDED_CHARS."""

    def __init__(self, limit: int = MAX_EXPANDED_CHARS):
        self.limit = limit
        super().__init__(f"the expansion would exceed {limit} characters")


class _Oversize(Exception):
    """A nested rendering ran past its budget (caught where the nest is written)."""


def normalize_phrase(phrase: str) -> str:
    """The stored `normalized_phrase`: lower(regexp_replace(btrim(p), '\\s+', ' ', 'g')).

    What the unique index, search and paging compare, and what the site library's migration
    computes in SQL, so it must stay equal to that expression (phrase_key is for matching).
    """
    return _PG_SPACE_RUN.sub(" ", phrase.strip(" ")).lower()


def phrase_key(phrase: str) -> str:
    """The key a phrase is matched, nested and checked for cycles under (one per phrase).

    Whitespace runs become one space and the case is folded the offset-keeping way the
    dictation is folded, so a key found in folded text maps back to the original offsets.
    """
    return safe_lower(_SPACE_RUN.sub(" ", phrase).strip())


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _collapse(text: str) -> tuple[str, list[int], list[int]]:
    """Collapse whitespace runs to one space; return the text and a map back to offsets.

    The map is two parallel lists: from folded offset ``at[i]`` on, add ``shift[i]``.
    """
    pieces = []
    at = [0]
    shift = [0]
    last = 0
    total = 0
    for m in _SPACE_RUN.finditer(text):
        a, b = m.span()
        if b - a == 1 and text[a] == " ":
            continue
        pieces.append(text[last:a])
        pieces.append(" ")
        last = b
        total += b - a - 1
        at.append(b - total)
        shift.append(total)
    pieces.append(text[last:])
    return "".join(pieces), at, shift


def _unfold(k: int, at: list[int], shift: list[int]) -> int:
    return k + shift[bisect_right(at, k) - 1]


class _Entry:
    """A macro with its match key and its rendering in the library it was built for."""

    __slots__ = ("macro", "key", "klen", "rendered", "deps")

    def __init__(self, macro: Macro, key: str):
        self.macro = macro
        self.key = key
        self.klen = len(key)
        self.rendered: tuple = ("", (), ())
        # Keys this body tried to nest (known or not); None when it nests nothing, which
        # lets an overlay reuse the site rendering without re-rendering.
        self.deps: frozenset | None = None


class _Index:
    """An automaton over the match keys of one set of macros."""

    __slots__ = ("automaton", "entries", "maxlen", "count")

    def __init__(self, entries: dict[str, _Entry]):
        # Kept for saves, which list every macro: walking the automaton is ten times slower.
        self.entries = entries
        # pyahocorasick aborts the whole process on longest_prefix() over an empty trie, so
        # an empty index has no automaton at all.
        self.automaton = None
        if entries:
            self.automaton = ahocorasick.Automaton()
            for key, entry in entries.items():
                self.automaton.add_word(key, entry)
            self.automaton.make_automaton()
        self.maxlen = max((e.klen for e in entries.values()), default=0)
        self.count = len(entries)

    def get(self, key: str) -> _Entry | None:
        return self.automaton.get(key, None) if self.automaton is not None else None

    def iter(self, norm: str):
        return self.automaton.iter(norm) if self.automaton is not None else ()

    def prefix_len(self, norm: str) -> int:
        """Length of the longest prefix of ``norm`` on a path of the trie."""
        return self.automaton.longest_prefix(norm) if self.automaton is not None else 0

    def longest_at_start(self, norm: str, k: int) -> _Entry | None:
        """Longest key of at most ``k`` chars prefixing ``norm`` and ending on a boundary."""
        automaton = self.automaton
        n = len(norm)
        while k > 0:
            if k == n or not (_is_word(norm[k]) and _is_word(norm[k - 1])):
                entry = automaton.get(norm[:k], None)
                if entry is not None:
                    return entry
            k -= 1
        return None


def _entries_by_key(macros: Iterable[Macro]) -> dict[str, _Entry]:
    entries: dict[str, _Entry] = {}
    for macro in macros:
        key = phrase_key(macro.phrase)
        if key:
            # A later duplicate replaces an earlier one, as a dict update would.
            entries[key] = _Entry(macro, key)
    return entries


def _trigger_keys(trigger_words: Sequence[str]) -> tuple[str, ...]:
    if isinstance(trigger_words, str):
        raise TypeError("trigger_words must be a sequence of words, not a string")
    keys = []
    for word in trigger_words:
        key = phrase_key(word)
        if not key:
            raise ValueError(f"blank trigger word: {word!r}")
        if key not in keys:
            keys.append(key)
    return tuple(keys)


class MacroLibrary:
    """A searchable set of macros, optionally with a user's overlay on top."""

    def __init__(self, macros: Iterable[Macro], trigger_words: Sequence[str] = ("insert", "macro")):
        """Build the automaton and pre-render every body; slow-ish, meant to be cached."""
        self._triggers = _trigger_keys(trigger_words)
        # Multi-word triggers may be split by any whitespace run, which str.find cannot see.
        self._trigger_re = None
        if any(" " in t for t in self._triggers):
            alternatives = "|".join(
                r"\s+".join(re.escape(w) for w in t.split(" ")) for t in self._triggers
            )
            self._trigger_re = re.compile(rf"(?<!\w)(?:{alternatives})(?=\s)")
        entries = _entries_by_key(macros)
        self._site = _Index(entries)
        self._overlay: _Index | None = None
        self._overlay_entries: dict[str, _Entry] = {}
        self._overlay_macros: tuple[Macro, ...] = ()
        self._base = self
        self._maxlen = self._site.maxlen
        self._len = self._site.count
        self._view_renders: dict[str, tuple] = {}
        for entry in entries.values():
            _render_entry(self, entry)

    def with_overlay(self, user_macros: Iterable[Macro]) -> "MacroLibrary":
        """Return a view where ``user_macros`` override site macros with the same phrase."""
        base = self._base
        combined = self._overlay_macros + tuple(user_macros)
        view = object.__new__(MacroLibrary)
        view._triggers = base._triggers
        view._trigger_re = base._trigger_re
        view._site = base._site
        view._base = base
        view._overlay_macros = combined
        view._overlay_entries = _entries_by_key(combined)
        view._overlay = _Index(view._overlay_entries) if view._overlay_entries else None
        view._maxlen = max(base._maxlen, view._overlay.maxlen if view._overlay else 0)
        site = base._site
        view._len = site.count + sum(1 for k in view._overlay_entries if site.get(k) is None)
        view._view_renders = {}
        for entry in view._overlay_entries.values():
            _render_entry(view, entry)
        return view

    def __len__(self) -> int:
        """Number of distinct phrases in this view."""
        return self._len

    def lookup(self, phrase: str) -> Macro | None:
        """Return the macro for ``phrase`` (normalized), overlay first, or None."""
        entry = self._resolve_key(phrase_key(phrase))
        return entry.macro if entry is not None else None

    def macros_by_key(self) -> dict[str, Macro]:
        """Every macro of this view by phrase key, the overlay's over the site's."""
        view = {key: entry.macro for key, entry in self._site.entries.items()}
        view.update((key, entry.macro) for key, entry in self._overlay_entries.items())
        return view

    def expand(self, text: str, trigger: str = "keyword") -> Expansion:
        """Replace dictated macro phrases in ``text`` with their rendered bodies."""
        if trigger == "keyword":
            spans = self._keyword_spans(text)
        elif trigger == "bare":
            spans = self._bare_spans(text)
        else:
            raise ValueError(f"trigger must be one of {TRIGGER_MODES}, not {trigger!r}")
        if not spans:
            return Expansion(text, [], [], [])
        return self._assemble(text, spans)

    # -- resolution ---------------------------------------------------------------------

    def _resolve_key(self, key: str) -> _Entry | None:
        entry = self._overlay_entries.get(key)
        if entry is None:
            entry = self._site.get(key)
        return entry

    def _rendering(self, entry: _Entry) -> tuple:
        deps = entry.deps
        if deps is None or self._overlay is None or deps.isdisjoint(self._overlay_entries):
            return entry.rendered
        if self._overlay_entries.get(entry.key) is entry:
            # Overlay entries were rendered in this very view.
            return entry.rendered
        # A site body that nests a phrase the user overrides renders differently here.
        rendered = self._view_renders.get(entry.key)
        if rendered is None:
            rendered = _render(self, entry, 0, (entry.key,))[:3]
            self._view_renders[entry.key] = rendered
        return rendered

    def _longest_at(self, low: str, p: int) -> tuple[int, _Entry] | None:
        """Longest phrase starting at ``low[p]``, as (end offset in the text, entry)."""
        maxlen = self._maxlen
        size = maxlen + 1
        window = low[p : p + size]
        site, overlay = self._site, self._overlay
        k_site = site.prefix_len(window)
        k_mine = overlay.prefix_len(window) if overlay is not None else 0
        # Collapsing whitespace cannot change the result when the trie walk, plus the one
        # boundary char after it, ends before the first whitespace that would collapse.
        # isprintable() is False for every whitespace but " ", so this is a cheap exact test.
        head = window[: max(k_site, k_mine) + 1]
        if head.isprintable() and "  " not in head:
            norm, at, shift = window, None, None
        else:
            while True:
                norm, at, shift = _collapse(window)
                if len(norm) > maxlen or p + size >= len(low):
                    break
                size *= 2
                window = low[p : p + size]
            k_site = site.prefix_len(norm)
            k_mine = overlay.prefix_len(norm) if overlay is not None else 0
        best = site.longest_at_start(norm, k_site) if k_site else None
        if k_mine:
            mine = overlay.longest_at_start(norm, k_mine)
            if mine is not None and (best is None or mine.klen >= best.klen):
                best = mine
        if best is None:
            return None
        if at is None:
            return p + best.klen, best
        return p + _unfold(best.klen - 1, at, shift) + 1, best

    def _keyword_spans(self, text: str) -> list[tuple[int, int, _Entry]]:
        low = safe_lower(text)
        n = len(low)
        hits = []
        if self._trigger_re is None:
            # str.find is ~20x faster than a regex scan and most dictations hold no trigger.
            for word in self._triggers:
                i = low.find(word)
                while i != -1:
                    hits.append((i, i + len(word)))
                    i = low.find(word, i + 1)
            if not hits:
                return []
            hits.sort()
        else:
            hits = [m.span() for m in self._trigger_re.finditer(low)]
        spans = []
        last = 0
        for i, j in hits:
            if i < last or j >= n or not low[j].isspace():
                continue
            if i and _is_word(low[i - 1]):
                continue
            p = j + 1
            while p < n and low[p].isspace():
                p += 1
            if p == n:
                continue
            found = self._longest_at(low, p)
            if found is not None:
                end, entry = found
                spans.append((i, end, entry))
                last = end
        return spans

    def _bare_spans(self, text: str) -> list[tuple[int, int, _Entry]]:
        low = safe_lower(text)
        if low.isprintable() and "  " not in low:
            norm, at, shift = low, [0], [0]
        else:
            norm, at, shift = _collapse(low)
        n = len(norm)
        candidates = []
        indexes = [(self._site, 1)]
        if self._overlay is not None:
            indexes.append((self._overlay, 0))
        for index, rank in indexes:
            for last_char, entry in index.iter(norm):
                s = last_char - entry.klen + 1
                e = last_char + 1
                if s and _is_word(norm[s - 1]) and _is_word(norm[s]):
                    continue
                if e < n and _is_word(norm[e]) and _is_word(norm[last_char]):
                    continue
                # Sort key: leftmost, then longest, then the overlay before the site.
                candidates.append((s, -e, rank, entry))
        candidates.sort(key=lambda c: c[:3])
        spans = []
        last = 0
        for s, neg_e, _rank, entry in candidates:
            if s < last:
                continue
            last = -neg_e
            spans.append((_unfold(s, at, shift), _unfold(last - 1, at, shift) + 1, entry))
        return spans

    def _assemble(self, text: str, spans: list[tuple[int, int, _Entry]]) -> Expansion:
        renderings = [self._rendering(entry) for _, _, entry in spans]
        # Measured before anything is built: a request over the cap never allocates its result.
        size = len(text) - sum(end - start for start, end, _ in spans)
        for body, body_fields, body_warnings in renderings:
            size += len(body) + ITEM_COST * (len(body_fields) + len(body_warnings))
        if size > MAX_EXPANDED_CHARS:
            raise ExpansionTooLarge()
        parts = []
        macros = []
        fields = []
        warnings = []
        last = 0
        out = 0
        for (start, end, entry), rendering in zip(spans, renderings):
            parts.append(text[last:start])
            out += start - last
            body, body_fields, body_warnings = rendering
            parts.append(body)
            macro = entry.macro
            macros.append(
                {
                    "phrase": macro.phrase,
                    "macro_id": macro.id,
                    "scope": macro.scope,
                    "start": start,
                    "end": end,
                    "expanded_start": out,
                    "expanded_end": out + len(body),
                }
            )
            for item in body_fields:
                item = dict(item)
                item["start"] += out
                item["end"] += out
                if "options" in item:
                    item["options"] = list(item["options"])
                fields.append(item)
            for item in body_warnings:
                item = dict(item)
                item["start"] += out
                item["end"] += out
                warnings.append(item)
            out += len(body)
            last = end
        parts.append(text[last:])
        return Expansion("".join(parts), macros, fields, warnings)


def _render_entry(library: MacroLibrary, entry: _Entry) -> None:
    body = entry.macro.text
    if "{{" not in body and "[" not in body and "__" not in body:
        entry.rendered = (body, (), ())
        return
    text, fields, warnings, deps = _render(library, entry, 0, (entry.key,))
    entry.rendered = (text, fields, warnings)
    entry.deps = deps or None


def _render(
    library, entry: _Entry, depth: int, path: tuple[str, ...], budget: int = MAX_RENDERED_CHARS
) -> tuple:
    """Render a body: nest macros, take the first pick-list option, keep and flag blanks.

    A nested rendering that passes `budget` raises _Oversize up to the top-level body, which
    leaves that nest (and every later one) as written, with one `expansion_too_large` warning.
    """
    macro = entry.macro
    body = macro.text
    parts = []
    fields: list[dict] = []
    warnings: list[dict] = []
    deps: set[str] = set()
    out = 0
    last = 0
    oversized = False
    for m in _BODY_TOKEN.finditer(body):
        if depth and out + ITEM_COST * (len(fields) + len(warnings)) > budget:
            raise _Oversize()
        literal = body[last : m.start()]
        parts.append(literal)
        out += len(literal)
        last = m.end()
        raw = m.group(0)
        nest, pick = m.group("nest"), m.group("pick")
        if nest is not None:
            key = phrase_key(nest)
            deps.add(key)
            target = library._resolve_key(key) if key else None
            problem = None
            if oversized:
                parts.append(raw)
                out += len(raw)
                continue
            if target is None:
                problem = ("unknown_nested_macro", f"unknown nested macro {{{{{nest}}}}}")
            elif key in path:
                cycle = " -> ".join(path + (key,))
                problem = ("nested_macro_cycle", f"nested macro cycle: {cycle}")
            elif depth >= MAX_NESTING_DEPTH:
                problem = (
                    "nesting_too_deep",
                    f"nesting deeper than {MAX_NESTING_DEPTH} levels left as written",
                )
            else:
                remaining = budget - out - ITEM_COST * (len(fields) + len(warnings))
                try:
                    sub_text, sub_fields, sub_warnings, sub_deps = _render(
                        library, target, depth + 1, path + (key,), remaining
                    )
                except _Oversize:
                    if depth:
                        raise
                    oversized = True
                    problem = (
                        "expansion_too_large",
                        f"nesting would pass {MAX_RENDERED_CHARS} characters; "
                        "the rest is left as written",
                    )
            if problem is not None:
                parts.append(raw)
                warnings.append(
                    {
                        "type": problem[0],
                        "message": problem[1],
                        "macro_id": macro.id,
                        "phrase": key,
                        "start": out,
                        "end": out + len(raw),
                    }
                )
                out += len(raw)
                continue
            deps |= sub_deps
            for item in sub_fields + sub_warnings:
                item["start"] += out
                item["end"] += out
            fields.extend(sub_fields)
            warnings.extend(sub_warnings)
            parts.append(sub_text)
            out += len(sub_text)
        elif pick is not None:
            options = tuple(option.strip() for option in pick.split("|"))
            value = options[0]
            parts.append(value)
            fields.append(
                {
                    "type": "pick_list",
                    "macro_id": macro.id,
                    "options": options,
                    "value": value,
                    "start": out,
                    "end": out + len(value),
                }
            )
            out += len(value)
        else:
            parts.append(raw)
            fields.append(
                {
                    "type": "blank",
                    "macro_id": macro.id,
                    "value": raw,
                    "start": out,
                    "end": out + len(raw),
                }
            )
            warnings.append(
                {
                    "type": "unfilled_blank",
                    "message": f"blank left to fill in macro {macro.phrase!r}",
                    "macro_id": macro.id,
                    "start": out,
                    "end": out + len(raw),
                }
            )
            out += len(raw)
    parts.append(body[last:])
    if depth:
        if out + len(body) - last + ITEM_COST * (len(fields) + len(warnings)) > budget:
            raise _Oversize()
        return "".join(parts), fields, warnings, deps
    return "".join(parts), tuple(fields), tuple(warnings), frozenset(deps)


def one_per_phrase(
    library_macros: Iterable[Macro], candidates: Iterable[Macro]
) -> dict[str, Macro]:
    """The view expansion would see once `candidates` are saved: one macro per phrase key.

    A user's macro is taken over the site's; a candidate replaces the macro with its id, and
    takes its phrase whatever holds it.
    """
    candidates = list(candidates)
    replaced = {macro.id for macro in candidates}
    chosen: dict[str, Macro] = {}
    for macro in library_macros:
        if macro.id in replaced:
            continue
        key = phrase_key(macro.phrase)
        held = chosen.get(key)
        if held is None or not (held.scope == "user" and macro.scope != "user"):
            chosen[key] = macro
    for macro in candidates:
        chosen[phrase_key(macro.phrase)] = macro
    return chosen


class _Lookup:
    """The one method _render needs from a library, over a plain dict of entries."""

    def __init__(self, entries: dict[str, _Entry]):
        self._resolve_key = entries.get


def oversized_macros(library_macros: Iterable[Macro], candidates: Iterable[Macro]) -> list[str]:
    """Phrases whose rendering would pass MAX_RENDERED_CHARS once `candidates` are saved.

    Checked: every candidate that nests, and every macro of the view that nests a candidate
    (directly or not), since growing a body grows what nests it.
    """
    candidates = list(candidates)
    chosen = one_per_phrase(library_macros, candidates)
    entries = {key: _Entry(macro, key) for key, macro in chosen.items()}
    nested_by: dict[str, set[str]] = {}
    for key, macro in chosen.items():
        if "{{" in macro.text:
            for child in nested_keys(macro.text):
                nested_by.setdefault(child, set()).add(key)
    todo = [phrase_key(macro.phrase) for macro in candidates]
    reached: set[str] = set()
    while todo:
        key = todo.pop()
        if key in reached:
            continue
        reached.add(key)
        todo.extend(nested_by.get(key, ()))
    lookup = _Lookup(entries)
    found = []
    for key in sorted(reached):
        entry = entries[key]
        if "{{" not in entry.macro.text:
            continue
        _, _, warnings, _ = _render(lookup, entry, 0, (key,))
        if any(w["type"] == "expansion_too_large" for w in warnings):
            found.append(entry.macro.phrase)
    return found


def nested_keys(body: str) -> set[str]:
    """Phrase keys a body nests with `{{...}}`."""
    return {phrase_key(m.group("nest")) for m in _BODY_TOKEN.finditer(body) if m.group("nest")}
