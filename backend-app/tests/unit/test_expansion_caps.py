"""Expansion bombs: nesting that multiplies text stops at the documented caps, early."""

from __future__ import annotations

import pytest

from radpair.macros.engine import (
    ITEM_COST,
    MAX_EXPANDED_CHARS,
    MAX_RENDERED_CHARS,
    ExpansionTooLarge,
    Macro,
    MacroLibrary,
    oversized_macros,
)

LEAF = "x" * 1000


def bomb(levels: int = 3, fan: int = 1500) -> list[Macro]:
    """A 1,000-character leaf nested `fan` times per level: fan**levels thousand characters."""
    macros = [Macro("leaf", "leaf", LEAF, "site")]
    below = "leaf"
    for level in range(1, levels + 1):
        name = f"bomb {level}"
        macros.append(Macro(f"b{level}", name, ("{{" + below + "}} ") * fan, "site"))
        below = name
    return macros


def test_a_nesting_bomb_renders_no_more_than_the_per_macro_cap():
    library = MacroLibrary(bomb())
    expansion = library.expand("insert bomb 3")
    assert len(expansion.expanded) <= MAX_RENDERED_CHARS + 20_000
    assert "expansion_too_large" in {w["type"] for w in expansion.warnings}


def test_a_body_under_the_cap_expands_fully_without_a_warning():
    library = MacroLibrary(bomb(levels=1, fan=50))
    expansion = library.expand("insert bomb 1")
    assert expansion.expanded.count(LEAF) == 50
    assert expansion.warnings == []


def test_a_request_whose_expansion_passes_the_cap_raises_before_building_it():
    library = MacroLibrary(bomb(levels=1, fan=90))  # 90,000+ characters each: fits one macro
    assert len(library.expand("insert bomb 1").expanded) > 90_000
    with pytest.raises(ExpansionTooLarge):
        library.expand("insert bomb 1 and insert bomb 1 and insert bomb 1")


def test_fields_count_towards_the_cap():
    picks = Macro("p", "picks", "[a|b] " * 3000, "site")  # 3,000 fields, 6,000 characters
    nest = Macro("n", "many picks", "{{picks}} " * 5, "site")
    library = MacroLibrary([picks, nest])
    expansion = library.expand("insert many picks")
    assert len(expansion.fields) * ITEM_COST <= MAX_RENDERED_CHARS
    assert "expansion_too_large" in {w["type"] for w in expansion.warnings}
    assert MAX_EXPANDED_CHARS >= MAX_RENDERED_CHARS


@pytest.mark.parametrize(
    "candidate, oversized",
    [
        (Macro("new", "fine", "{{leaf}} " * 10, "user"), []),
        (Macro("new", "too big", "{{leaf}} " * 200, "user"), ["too big"]),
        # Growing a leaf that others nest grows them: the one nesting it 150 times passes the cap.
        (Macro("leaf", "leaf", "y" * 1000, "site"), ["wide"]),
    ],
)
def test_saving_is_checked_for_the_candidate_and_everything_that_nests_it(candidate, oversized):
    view = [
        Macro("leaf", "leaf", "x" * 500, "site"),
        Macro("w", "wide", "{{leaf}} " * 150, "site"),
    ]
    assert oversized_macros(view, [candidate]) == oversized
