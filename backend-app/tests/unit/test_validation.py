"""Query-string values are parsed in the handlers' one layer, with the body fields' validators."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from radpair import limits
from radpair.exceptions import ValidationError
from radpair.handlers.validation import page_limit, query_bool, query_int, require_choice

BLUEPRINTS = Path(__file__).resolve().parents[2] / "radpair" / "blueprints"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, 7),
        ({"n": "1"}, 1),
        ({"n": "10"}, 10),
        ({"n": "-0"}, 0),
    ],
)
def test_an_integer_query_value_within_bounds_is_read(query, expected):
    assert query_int(query, "n", 7, 0, 10) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("11", "between 0 and 10"),
        ("-1", "between 0 and 10"),
        ("+5", "an integer"),
        (" 5", "an integer"),
        ("5_0", "an integer"),
        ("٥", "an integer"),  # an Arabic-Indic digit, which int() would take
        ("", "an integer"),
        ("1" * 19, "an integer"),
    ],
)
def test_an_integer_query_value_the_spec_does_not_admit_is_a_400_naming_the_field(raw, message):
    with pytest.raises(ValidationError, match=message) as raised:
        query_int({"n": raw}, "n", 7, 0, 10)
    assert raised.value.extra == {"field": "n"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(None, None), ("true", True), ("FALSE", False), ("True", True)],
)
def test_a_flag_is_true_or_false_in_any_case_or_absent(raw, expected):
    assert query_bool({} if raw is None else {"private": raw}, "private") is expected


@pytest.mark.parametrize("raw", ["1", "yes", "", "truee"])
def test_any_other_flag_value_is_a_400(raw):
    with pytest.raises(ValidationError, match="true or false"):
        query_bool({"private": raw}, "private")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, limits.PAGE_LIMIT_DEFAULT),
        ({"limit": str(limits.PAGE_LIMIT_MIN)}, limits.PAGE_LIMIT_MIN),
        ({"limit": str(limits.PAGE_LIMIT_MAX)}, limits.PAGE_LIMIT_MAX),
    ],
)
def test_a_page_limit_is_the_default_or_within_the_page_bounds(query, expected):
    assert page_limit(query) == expected


@pytest.mark.parametrize("raw", [str(limits.PAGE_LIMIT_MIN - 1), str(limits.PAGE_LIMIT_MAX + 1)])
def test_a_page_limit_outside_the_bounds_is_a_400(raw):
    with pytest.raises(ValidationError, match="between"):
        page_limit({"limit": raw})


def test_a_choice_with_no_default_is_none_when_absent():
    assert require_choice({}, "scope", ("user", "site"), None) is None


def names_used(source: str) -> set[str]:
    tree = ast.parse(source)
    imported = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    modules = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    return imported | modules


@pytest.mark.parametrize("path", sorted(BLUEPRINTS.glob("*.py")), ids=lambda path: path.stem)
def test_a_route_parses_no_request_value_itself(path):
    used = names_used(path.read_text("utf-8"))
    assert not used & {"ValidationError", "radpair.handlers.validation", "query_int"}
