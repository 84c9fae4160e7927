"""`{{nesting}}` cycles: what saving macros would make loop, checked before the write.

Expansion stops a cycle at render time with a warning; these checks refuse the save instead, on
the library as expansion would see it after the write.
"""

from __future__ import annotations

from typing import Iterable

from radpair.macros.engine import (
    Macro,
    nested_keys,
    one_per_phrase,
    oversized_macros,
    phrase_key,
)


def find_cycle(library_macros: Iterable[Macro], candidate: Macro) -> list[str] | None:
    """Return the {{nesting}} cycle saving ``candidate`` would create, or None."""
    # Mirror what expansion sees: one macro per phrase, a user's over the site's.
    chosen = one_per_phrase(library_macros, [candidate])
    start = phrase_key(candidate.phrase)
    edges = {key: nested_keys(macro.text) for key, macro in chosen.items()}
    # Iterative DFS: a path back to ``start`` is the cycle; other cycles already existed.
    seen = {start}
    stack = [(start, iter(sorted(edges.get(start, ()))))]
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        if child == start:
            return [key for key, _ in stack] + [start]
        if child in seen or child not in edges:
            continue
        seen.add(child)
        stack.append((child, iter(sorted(edges[child]))))
    return None


def phrases_in_cycles(macros: Iterable[Macro]) -> set[str]:
    """Match keys of every macro that lies on a {{nesting}} cycle (one pass over the graph)."""
    # Only bodies that nest can be on a cycle; skipping the rest keeps a 100,000-macro check cheap.
    edges = {
        phrase_key(macro.phrase): nested_keys(macro.text) for macro in macros if "{{" in macro.text
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    cyclic: set[str] = set()
    counter = 0
    for root in edges:
        if root in index:
            continue
        # Iterative Tarjan: strongly connected components of size > 1, or self-loops.
        work = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in edges:
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in edges[node]:
                    cyclic.update(component)
    return cyclic


def refused_imports(view: dict[str, Macro], imported: list[Macro]) -> dict[str, str]:
    """Phrase keys of imported macros that must not be saved, with why.

    `macro_cycle`: the macro nests and lies on a cycle once every import is in `view` (the
    library by phrase key). `macro_too_large`: kept, it would render past MAX_RENDERED_CHARS.
    Only bodies that nest are refused; the rest of a cycle is a plain macro others point to.
    """
    existing = list(view.values())
    after = dict(view)
    after.update((phrase_key(m.phrase), m) for m in imported)
    cyclic = phrases_in_cycles(after.values())
    kept = [m for m in imported if "{{" not in m.text or phrase_key(m.phrase) not in cyclic]
    oversized = {phrase_key(phrase) for phrase in oversized_macros(existing, kept)}
    refused = {}
    for macro in imported:
        key = phrase_key(macro.phrase)
        if "{{" not in macro.text:
            continue
        if key in cyclic:
            refused[key] = "macro_cycle"
        elif key in oversized:
            refused[key] = "macro_too_large"
    return refused
