"""Unit tests pinning the macro engine contract."""

import json
import uuid

import pytest

from radpair.macros.cycles import find_cycle, phrases_in_cycles
from radpair.macros.engine import (
    MAX_NESTING_DEPTH,
    Expansion,
    Macro,
    MacroLibrary,
    normalize_phrase,
)


def make(phrase, text, scope="site", macro_id=None):
    """Build a macro with an id derived from its phrase and scope unless one is given."""
    return Macro(
        macro_id or str(uuid.uuid5(uuid.NAMESPACE_URL, scope + ":" + phrase)), phrase, text, scope
    )


SITE = [
    make("normal chest", "NORMAL CHEST."),
    make("normal chest xray", "NORMAL CHEST XRAY."),
    make("aorta", "AORTA OK."),
    make("left knee", "LEFT KNEE."),
    make("knee pain", "KNEE PAIN."),
    make("c5-c6", "C5-C6 DISC."),
]


@pytest.fixture(scope="module")
def library():
    """The shared small site library."""
    return MacroLibrary(SITE)


# Expected values were checked against PostgreSQL 18:
# lower(regexp_replace(btrim(p), '\s+', ' ', 'g')).
@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Normal Chest", "normal chest"),
        ("  normal   chest  ", "normal chest"),
        ("normal\t\r\n\x0b\x0cchest", "normal chest"),
        ("NORMAL CHEST X-RAY (PA/LAT)", "normal chest x-ray (pa/lat)"),
        # btrim() strips spaces only, so other edge whitespace survives as one space.
        ("\tNormal  Chest\n", " normal chest "),
        # \x1c is whitespace to Python's str.isspace() but not to PostgreSQL's \s.
        ("a\x1cb", "a\x1cb"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_normalize_phrase_equals_the_postgresql_expression(phrase, expected):
    assert normalize_phrase(phrase) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Insert NORMAL Chest", "NORMAL CHEST."),
        ("insert normal\tchest", "NORMAL CHEST."),
        ("insert  normal \n\n chest", "NORMAL CHEST."),
        ("insert normal\u00a0chest", "NORMAL CHEST."),
        ("INSERT\n\nnormal chest", "NORMAL CHEST."),
        ("insert normal" + " \n" * 40 + "chest\t\txray", "NORMAL CHEST XRAY."),
    ],
)
def test_matching_ignores_case_and_treats_any_whitespace_run_as_one_space(library, text, expected):
    assert library.expand(text).expanded == expected


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("insert aortic arch", "keyword"),
        ("the aortic arch", "bare"),
        ("abnormal chest", "bare"),
        ("insert normal chests", "keyword"),
        ("insert normal_chest", "keyword"),
        ("insert c5-c67", "keyword"),
        ("xaorta", "bare"),
        ("aortas and normal chests", "bare"),
    ],
)
def test_a_phrase_never_matches_inside_a_longer_word(library, text, trigger):
    assert library.expand(text, trigger) == Expansion(text, [], [], [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("insert normal chest.", "NORMAL CHEST.."),
        ("(insert normal chest)", "(NORMAL CHEST.)"),
        ('"insert aorta", then', '"AORTA OK.", then'),
        ("insert c5-c6; done", "C5-C6 DISC.; done"),
        ("see:insert aorta!", "see:AORTA OK.!"),
    ],
)
def test_punctuation_next_to_a_phrase_does_not_block_a_match(library, text, expected):
    assert library.expand(text).expanded == expected


def test_keyword_mode_leaves_a_phrase_without_a_trigger_word_alone(library):
    text = "The normal chest and the aorta."
    assert library.expand(text).expanded == text


@pytest.mark.parametrize(
    "text",
    ["insert aorta", "macro aorta", "MACRO aorta", "Insert\t aorta", "macro\naorta"],
)
def test_a_default_trigger_word_in_any_case_starts_a_macro(library, text):
    assert library.expand(text).expanded == "AORTA OK."


@pytest.mark.parametrize(
    "text",
    ["reinsert aorta", "inserted aorta", "insert_aorta", "insertaorta", "macros aorta"],
)
def test_a_trigger_word_counts_only_on_word_boundaries(library, text):
    assert library.expand(text).expanded == text


def test_the_trigger_word_and_the_phrase_are_replaced_together(library):
    result = library.expand("Heart: insert aorta now")
    assert result.expanded == "Heart: AORTA OK. now"
    assert (result.macros[0]["start"], result.macros[0]["end"]) == (7, 19)


@pytest.mark.parametrize(
    ("trigger_words", "text", "expected"),
    [
        (("dictate",), "dictate aorta", "AORTA OK."),
        (("dictate",), "insert aorta", "insert aorta"),
        (("Insert Macro",), "insert  MACRO\naorta", "AORTA OK."),
        (("Insert Macro",), "insert aorta", "insert aorta"),
        (("add", "put"), "add aorta, put aorta", "AORTA OK., AORTA OK."),
    ],
)
def test_trigger_words_are_configurable(trigger_words, text, expected):
    assert MacroLibrary(SITE, trigger_words=trigger_words).expand(text).expanded == expected


@pytest.mark.parametrize("trigger_words", [("insert", " "), ("",)])
def test_a_blank_trigger_word_is_rejected(trigger_words):
    with pytest.raises(ValueError):
        MacroLibrary(SITE, trigger_words=trigger_words)


def test_bare_mode_expands_every_occurrence(library):
    result = library.expand("aorta, Aorta and AORTA", trigger="bare")
    assert result.expanded == "AORTA OK., AORTA OK. and AORTA OK."
    assert [m["start"] for m in result.macros] == [0, 7, 17]


def test_bare_mode_keeps_the_trigger_word_in_the_text(library):
    assert library.expand("insert aorta", trigger="bare").expanded == "insert AORTA OK."


@pytest.mark.parametrize("trigger", ["Keyword", "BARE", "", "both", None])
def test_an_unknown_trigger_mode_raises_value_error(library, trigger):
    with pytest.raises(ValueError):
        library.expand("insert aorta", trigger=trigger)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("insert normal chest xray", "keyword", "NORMAL CHEST XRAY."),
        ("insert normal chest xrays", "keyword", "NORMAL CHEST. xrays"),
        ("normal chest xray", "bare", "NORMAL CHEST XRAY."),
        ("left knee pain", "bare", "LEFT KNEE. pain"),
        ("the knee pain, left knee", "bare", "the KNEE PAIN., LEFT KNEE."),
    ],
)
def test_matches_are_leftmost_longest_and_never_overlap(library, text, trigger, expected):
    assert library.expand(text, trigger).expanded == expected


@pytest.mark.parametrize("trigger", ["keyword", "bare"])
def test_text_outside_replaced_spans_is_kept_exactly(library, trigger):
    text = "Ünïcode  \t héllo\r\n  İstanbul insert  aorta\t\tthen   \n  tabs\x0b.  "
    result = library.expand(text, trigger)
    (macro,) = result.macros
    assert result.expanded[: macro["expanded_start"]] == text[: macro["start"]]
    assert result.expanded[macro["expanded_end"] :] == text[macro["end"] :]
    assert text[macro["start"] : macro["end"]].split()[-1] == "aorta"


@pytest.mark.parametrize("trigger", ["keyword", "bare"])
def test_reported_spans_locate_the_replaced_and_inserted_text(library, trigger):
    text = "A: insert   Normal\nChest xray. B: macro aorta."
    result = library.expand(text, trigger)
    for macro in result.macros:
        inserted = result.expanded[macro["expanded_start"] : macro["expanded_end"]]
        assert inserted == library.lookup(macro["phrase"]).text
        assert normalize_phrase(text[macro["start"] : macro["end"]]).endswith(macro["phrase"])
    assert [m["phrase"] for m in result.macros] == ["normal chest xray", "aorta"]


def test_a_trigger_word_inside_an_expanded_phrase_starts_nothing_new():
    lib = MacroLibrary([make("macro review", "WHOLE."), make("review", "PART.")])
    assert lib.expand("insert macro review").expanded == "WHOLE."


def test_expanded_text_is_not_rescanned_for_macros():
    lib = MacroLibrary([make("echo", "say insert aorta"), make("aorta", "AORTA OK.")])
    assert lib.expand("insert echo").expanded == "say insert aorta"


def test_a_macro_entry_reports_phrase_id_scope_and_both_spans(library):
    result = library.expand("x insert aorta y")
    assert result.macros == [
        {
            "phrase": "aorta",
            "macro_id": library.lookup("aorta").id,
            "scope": "site",
            "start": 2,
            "end": 14,
            "expanded_start": 2,
            "expanded_end": 11,
        }
    ]


def test_text_without_any_trigger_comes_back_unchanged(library):
    text = "No acute cardiopulmonary process."
    assert library.expand(text).to_dict() == {
        "expanded": text,
        "macros": [],
        "fields": [],
        "warnings": [],
    }


def test_a_user_macro_overrides_the_site_macro_with_the_same_phrase(library):
    view = library.with_overlay([make("Normal  CHEST", "MINE.", scope="user")])
    result = view.expand("insert normal chest")
    assert result.expanded == "MINE."
    assert result.macros[0]["scope"] == "user"


def test_a_user_macro_overrides_the_site_macro_in_bare_mode_too(library):
    view = library.with_overlay([make("aorta", "MINE.", scope="user")])
    assert view.expand("aorta", trigger="bare").expanded == "MINE."


def test_an_overlay_leaves_the_site_library_untouched(library):
    library.with_overlay([make("aorta", "MINE.", scope="user")])
    assert library.expand("insert aorta").expanded == "AORTA OK."


def test_the_longest_phrase_wins_across_site_and_overlay(library):
    view = library.with_overlay([make("normal chest", "MINE.", scope="user")])
    assert view.expand("insert normal chest xray").expanded == "NORMAL CHEST XRAY."
    longer = library.with_overlay([make("normal chest xray pa", "MINE.", scope="user")])
    assert longer.expand("insert normal chest xray pa").expanded == "MINE."


def test_an_overlay_of_an_overlay_layers_the_newest_on_top(library):
    first = library.with_overlay([make("aorta", "FIRST.", scope="user")])
    second = first.with_overlay([make("aorta", "SECOND.", scope="user", macro_id="2")])
    assert (first.expand("insert aorta").expanded, second.expand("insert aorta").expanded) == (
        "FIRST.",
        "SECOND.",
    )


@pytest.mark.parametrize(
    ("phrase", "expected_text"),
    [
        ("aorta", "MINE."),
        (" AORTA ", "MINE."),
        ("normal\tchest", "NORMAL CHEST."),
        ("brand new", "NEW."),
        ("unknown", None),
    ],
)
def test_lookup_finds_the_normalized_phrase_overlay_first(library, phrase, expected_text):
    view = library.with_overlay(
        [make("aorta", "MINE.", scope="user"), make("brand new", "NEW.", scope="user")]
    )
    found = view.lookup(phrase)
    assert (found.text if found else None) == expected_text


def test_length_counts_distinct_phrases_in_the_view(library):
    view = library.with_overlay(
        [make("aorta", "MINE.", scope="user"), make("brand new", "NEW.", scope="user")]
    )
    assert (len(library), len(view)) == (len(SITE), len(SITE) + 1)


def test_a_pick_list_takes_the_first_option_and_is_listed_as_a_field():
    macro = make("heart", "Heart size is [normal | mildly enlarged|enlarged].")
    result = MacroLibrary([macro]).expand("Note: insert heart")
    assert result.expanded == "Note: Heart size is normal."
    (field,) = result.fields
    assert field == {
        "type": "pick_list",
        "macro_id": macro.id,
        "options": ["normal", "mildly enlarged", "enlarged"],
        "value": "normal",
        "start": 20,
        "end": 26,
    }
    assert result.expanded[field["start"] : field["end"]] == "normal"
    assert result.warnings == []


def test_a_blank_is_kept_listed_as_a_field_and_warned_about():
    macro = make("nodule", "Nodule measures ___ mm.")
    result = MacroLibrary([macro]).expand("insert nodule")
    assert result.expanded == "Nodule measures ___ mm."
    assert result.fields == [
        {"type": "blank", "macro_id": macro.id, "value": "___", "start": 16, "end": 19}
    ]
    assert [(w["type"], w["macro_id"], w["start"]) for w in result.warnings] == [
        ("unfilled_blank", macro.id, 16)
    ]


@pytest.mark.parametrize(
    "body",
    ["[left]", "a_b", "[]", "snake_case _x_"],
)
def test_brackets_without_a_bar_and_single_underscores_are_plain_text(body):
    result = MacroLibrary([make("thing", body)]).expand("insert thing")
    assert (result.expanded, result.fields, result.warnings) == (body, [], [])


def test_fields_of_the_same_macro_used_twice_point_at_each_copy():
    lib = MacroLibrary([make("size", "[small|large] __")])
    result = lib.expand("insert size and insert size")
    assert result.expanded == "small __ and small __"
    spans = [(f["type"], f["start"], f["end"]) for f in result.fields]
    assert spans == [
        ("pick_list", 0, 5),
        ("blank", 6, 8),
        ("pick_list", 13, 18),
        ("blank", 19, 21),
    ]


def test_a_nested_macro_is_expanded_with_its_fields():
    inner = make("heart", "Heart [normal|enlarged].")
    outer = make("normal chest", "Lungs clear. {{ Heart }} Done.")
    result = MacroLibrary([inner, outer]).expand("insert normal chest")
    assert result.expanded == "Lungs clear. Heart normal. Done."
    (field,) = result.fields
    assert (field["macro_id"], result.expanded[field["start"] : field["end"]]) == (
        inner.id,
        "normal",
    )


def test_an_unknown_nested_phrase_is_kept_as_written_with_a_warning():
    outer = make("chest", "Lungs clear. {{no such macro}}.")
    result = MacroLibrary([outer]).expand("insert chest")
    assert result.expanded == "Lungs clear. {{no such macro}}."
    (warning,) = result.warnings
    assert (warning["type"], warning["macro_id"]) == ("unknown_nested_macro", outer.id)
    assert result.expanded[warning["start"] : warning["end"]] == "{{no such macro}}"


def test_nesting_goes_five_levels_deep_and_deeper_stays_as_written():
    chain = [make(f"level {i}", f"L{i} {{{{level {i + 1}}}}}") for i in range(8)]
    result = MacroLibrary(chain).expand("insert level 0")
    expected_levels = " ".join(f"L{i}" for i in range(MAX_NESTING_DEPTH + 1))
    assert MAX_NESTING_DEPTH == 5
    assert result.expanded == f"{expected_levels} {{{{level {MAX_NESTING_DEPTH + 1}}}}}"
    assert [w["type"] for w in result.warnings] == ["nesting_too_deep"]


@pytest.mark.parametrize(
    "macros",
    [
        [make("loop", "again {{loop}}")],
        [make("ping", "ping {{pong}}"), make("pong", "pong {{ping}}")],
    ],
)
def test_a_nesting_cycle_already_in_the_library_expands_finitely_with_a_warning(macros):
    result = MacroLibrary(macros).expand(f"insert {macros[0].phrase}")
    assert result.expanded.endswith("{{" + macros[0].phrase + "}}")
    assert [w["type"] for w in result.warnings] == ["nested_macro_cycle"]


def test_a_nested_phrase_resolves_in_the_same_view():
    site = MacroLibrary([make("heart", "SITE HEART"), make("chest", "Chest: {{heart}}")])
    view = site.with_overlay([make("heart", "MY HEART", scope="user")])
    assert (site.expand("insert chest").expanded, view.expand("insert chest").expanded) == (
        "Chest: SITE HEART",
        "Chest: MY HEART",
    )


def test_a_user_macro_can_nest_a_site_macro():
    site = MacroLibrary([make("heart", "SITE HEART")])
    view = site.with_overlay([make("chest", "Chest: {{heart}}", scope="user")])
    assert view.expand("insert chest").expanded == "Chest: SITE HEART"


def test_an_overlay_can_supply_a_phrase_the_site_library_was_missing():
    site = MacroLibrary([make("chest", "Chest: {{heart}}")])
    view = site.with_overlay([make("heart", "MY HEART", scope="user")])
    assert view.expand("insert chest").expanded == "Chest: MY HEART"
    assert [w["type"] for w in site.expand("insert chest").warnings] == ["unknown_nested_macro"]


@pytest.mark.parametrize(
    ("library_macros", "candidate", "expected"),
    [
        ([], make("loop", "x {{ LOOP }}"), ["loop", "loop"]),
        ([make("b", "{{a}}")], make("a", "{{b}}"), ["a", "b", "a"]),
        ([make("b", "{{c}}"), make("c", "{{a}}")], make("a", "{{b}}"), ["a", "b", "c", "a"]),
        ([make("b", "{{c}}"), make("c", "plain")], make("a", "{{b}}"), None),
        ([make("b", "{{b}}")], make("a", "{{b}}"), None),
        ([make("b", "{{a}}")], make("a", "no nesting"), None),
        ([make("b", "{{missing}}")], make("a", "{{b}}"), None),
    ],
)
def test_find_cycle_reports_the_loop_a_candidate_would_close(library_macros, candidate, expected):
    assert find_cycle(library_macros, candidate) == expected


def test_find_cycle_treats_a_candidate_as_replacing_the_macro_with_its_id():
    old = make("a", "{{b}}", macro_id="m-1")
    b = make("b", "{{c}}")
    renamed = make("c", "{{b}}", macro_id="m-1")
    assert find_cycle([old, b], renamed) == ["c", "b", "c"]
    assert find_cycle([old, b], make("a", "plain", macro_id="m-1")) is None
    assert find_cycle([old, b, make("c", "{{a}}")], make("a", "plain", macro_id="m-1")) is None
    # Renaming m-1 from "a" to "d" drops the old phrase "a" and its edges.
    pointing_back = make("e", "{{a}}")
    assert (
        find_cycle(
            [make("a", "{{d}}", macro_id="m-1"), pointing_back], make("d", "{{e}}", macro_id="m-1")
        )
        is None
    )


def test_find_cycle_follows_the_user_macro_over_the_site_macro_of_a_phrase():
    site_b = make("b", "plain")
    user_b = make("b", "{{a}}", scope="user")
    assert find_cycle([user_b, site_b], make("a", "{{b}}", scope="user")) == ["a", "b", "a"]


def test_an_expansion_serializes_to_json():
    lib = MacroLibrary([make("size", "[small|large] __ {{gone}}")])
    data = lib.expand("insert size").to_dict()
    assert json.loads(json.dumps(data)) == data
    assert set(data) == {"expanded", "macros", "fields", "warnings"}


def test_mutating_a_result_does_not_leak_into_the_next_expansion():
    lib = MacroLibrary([make("size", "[small|large] __")])
    first = lib.expand("insert size")
    first.fields[0]["options"].append("huge")
    first.fields[0]["start"] = 99
    second = lib.expand("insert size")
    assert (second.fields[0]["options"], second.fields[0]["start"]) == (["small", "large"], 0)


@pytest.mark.parametrize(
    ("macros", "length"),
    [
        ([make("same", "one"), make("SAME", "two")], 1),
        ([make("   ", "blank phrase"), make("real", "x")], 1),
        ([], 0),
    ],
)
def test_duplicate_and_blank_phrases_collapse_to_distinct_entries(macros, length):
    assert len(MacroLibrary(macros)) == length


def test_a_later_duplicate_phrase_replaces_an_earlier_one():
    lib = MacroLibrary([make("same", "one", macro_id="1"), make("SAME", "two", macro_id="2")])
    assert lib.expand("insert same").expanded == "two"


@pytest.mark.parametrize("trigger", ["keyword", "bare"])
def test_an_empty_library_expands_nothing(trigger):
    assert MacroLibrary([]).expand("insert aorta", trigger).expanded == "insert aorta"


@pytest.mark.parametrize(
    "bodies, expected",
    [
        ({"a b": "x", "c d": "y"}, set()),
        ({"a b": "{{a b}}"}, {"a b"}),
        ({"a b": "{{c d}}", "c d": "{{a b}}", "e f": "{{a b}}"}, {"a b", "c d"}),
        ({"a b": "{{c d}}", "c d": "{{e f}}", "e f": "end"}, set()),
        ({"a b": "{{c d}}", "c d": "{{e f}}", "e f": "{{c d}} {{g h}}"}, {"c d", "e f"}),
        ({"a b": "{{missing}}"}, set()),
    ],
)
def test_phrases_in_cycles_finds_exactly_the_macros_on_a_cycle(bodies, expected):
    macros = [
        Macro(str(i), phrase, text, "user") for i, (phrase, text) in enumerate(bodies.items())
    ]
    assert phrases_in_cycles(macros) == expected
