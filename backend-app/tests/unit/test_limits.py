"""Every limit the code enforces is the one openapi.yaml declares (radpair/limits.py is the one
place that defines them), and each pattern means the same to the server and to a validator."""

from __future__ import annotations

import re
import uuid

import jsonschema_rs
import pytest
import yaml

from radpair import limits
from radpair.auth.passwords import common_passwords
from radpair.blueprints.docs import OPENAPI_FILE
from radpair.exceptions import ValidationError
from radpair.handlers.validation import parse_uuid, require_email, require_string
from radpair.reporting import document

SPEC = yaml.safe_load(OPENAPI_FILE.read_text("utf-8"))
SCHEMAS = SPEC["components"]["schemas"]


def parameter(path: str, method: str | None, name: str) -> dict:
    """The schema of a parameter of an operation (of the whole path when method is None)."""
    item = SPEC["paths"][path]
    parameters = item["parameters"] if method is None else item[method]["parameters"]
    (found,) = [p for p in parameters if p["name"] == name]
    return found["schema"]


def prop(schema: str, name: str) -> dict:
    """The schema of a property of a component schema."""
    return SCHEMAS[schema]["properties"][name]


IMPORT_BODY = SPEC["paths"]["/macros/import"]["post"]["requestBody"]["content"]["text/csv"]

# (where in the spec, keyword, the value the code enforces)
DECLARED = [
    ("listMacros q", parameter("/macros", "get", "q"), "maxLength", limits.MAX_SEARCH),
    ("listMacros q", parameter("/macros", "get", "q"), "pattern", limits.SINGLE_LINE),
    ("listMacros cursor", parameter("/macros", "get", "cursor"), "pattern", limits.MACRO_CURSOR),
    (
        "listMacros cursor",
        parameter("/macros", "get", "cursor"),
        "maxLength",
        limits.MAX_MACRO_CURSOR,
    ),
    (
        "listHistory cursor",
        parameter("/history", "get", "cursor"),
        "pattern",
        limits.HISTORY_CURSOR,
    ),
    (
        "listReports cursor",
        parameter("/reports", "get", "cursor"),
        "pattern",
        limits.HISTORY_CURSOR,
    ),
    ("listAudit cursor", parameter("/audit", "get", "cursor"), "pattern", limits.AUDIT_CURSOR),
    *(
        (f"{path} limit", parameter(path, "get", "limit"), keyword, value)
        for path in ("/macros", "/history", "/reports", "/audit")
        for keyword, value in (
            ("minimum", limits.PAGE_LIMIT_MIN),
            ("maximum", limits.PAGE_LIMIT_MAX),
            ("default", limits.PAGE_LIMIT_DEFAULT),
        )
    ),
    ("login email", prop("LoginRequest", "email"), "minLength", 1),
    ("login email", prop("LoginRequest", "email"), "maxLength", limits.MAX_EMAIL),
    ("login email", prop("LoginRequest", "email"), "pattern", limits.SINGLE_LINE),
    ("login password", prop("LoginRequest", "password"), "minLength", 1),
    ("login password", prop("LoginRequest", "password"), "maxLength", limits.MAX_LOGIN_PASSWORD),
    ("login password", prop("LoginRequest", "password"), "pattern", limits.MULTILINE),
    ("user email", prop("CreateUserRequest", "email"), "maxLength", limits.MAX_EMAIL),
    ("user email", prop("CreateUserRequest", "email"), "pattern", limits.EMAIL),
    ("user password", prop("CreateUserRequest", "password"), "minLength", limits.MIN_PASSWORD),
    ("user password", prop("CreateUserRequest", "password"), "maxLength", limits.MAX_PASSWORD),
    ("user password", prop("CreateUserRequest", "password"), "pattern", limits.MULTILINE),
    ("username", prop("CreateUserRequest", "username"), "maxLength", limits.MAX_USERNAME),
    ("username", prop("CreateUserRequest", "username"), "pattern", limits.SINGLE_LINE),
    ("title", prop("CreateUserRequest", "title"), "maxLength", limits.MAX_TITLE),
    ("title", prop("CreateUserRequest", "title"), "pattern", limits.SINGLE_LINE),
    ("phrase", prop("MacroWrite", "phrase"), "minLength", 1),
    ("phrase", prop("MacroWrite", "phrase"), "maxLength", limits.MAX_PHRASE),
    ("phrase", prop("MacroWrite", "phrase"), "pattern", limits.SINGLE_LINE_NOT_BLANK),
    ("macro text", prop("MacroWrite", "text"), "minLength", 1),
    ("macro text", prop("MacroWrite", "text"), "maxLength", limits.MAX_MACRO_TEXT),
    ("macro text", prop("MacroWrite", "text"), "pattern", limits.MULTILINE),
    ("shortcut", prop("MacroWrite", "shortcut"), "maxLength", limits.MAX_SHORTCUT),
    ("shortcut", prop("MacroWrite", "shortcut"), "pattern", limits.SINGLE_LINE),
    ("expand text", prop("ExpandRequest", "text"), "maxLength", limits.MAX_DICTATION),
    ("expand text", prop("ExpandRequest", "text"), "pattern", limits.MULTILINE),
    ("query", prop("ProcessCommandRequest", "query"), "minLength", 1),
    ("query", prop("ProcessCommandRequest", "query"), "maxLength", limits.MAX_QUERY),
    ("query", prop("ProcessCommandRequest", "query"), "pattern", limits.MULTILINE_NOT_BLANK),
    ("verify source", prop("VerifyRequest", "source"), "maxLength", limits.MAX_REPORT),
    ("verify source", prop("VerifyRequest", "source"), "pattern", limits.MULTILINE),
    ("verify report", prop("VerifyRequest", "report"), "maxLength", limits.MAX_REPORT),
    ("verify report", prop("VerifyRequest", "report"), "pattern", limits.MULTILINE),
    ("import body", IMPORT_BODY["schema"], "pattern", limits.CSV_IMPORT),
    ("accession number", SCHEMAS["AccessionNumber"], "pattern", limits.ACCESSION_NUMBER),
    ("modality", SCHEMAS["Modality"], "pattern", limits.MODALITY),
    ("body part", SCHEMAS["BodyPart"], "pattern", limits.BODY_PART),
    ("patient ref", SCHEMAS["PatientRef"], "pattern", limits.PATIENT_REF),
    ("report text", SCHEMAS["ReportText"], "maxLength", limits.MAX_REPORT),
    ("report text", SCHEMAS["ReportText"], "pattern", limits.MULTILINE),
    ("report findings", SCHEMAS["ReportFindings"], "minLength", 1),
    ("report findings", SCHEMAS["ReportFindings"], "maxLength", limits.MAX_REPORT),
    ("report findings", SCHEMAS["ReportFindings"], "pattern", limits.MULTILINE_NOT_BLANK),
    ("addendum", prop("AddendumRequest", "addendum"), "minLength", 1),
    ("addendum", prop("AddendumRequest", "addendum"), "maxLength", limits.MAX_REPORT),
    ("addendum", prop("AddendumRequest", "addendum"), "pattern", limits.MULTILINE_NOT_BLANK),
    *(
        (
            f"{fmt} export version",
            parameter(f"/reports/{{report_id}}/export/{fmt}", None, "version"),
            keyword,
            value,
        )
        for fmt in ("fhir", "hl7")
        for keyword, value in (("minimum", 1), ("maximum", limits.MAX_VERSION))
    ),
    (
        "report commands",
        prop("CreateReportRequest", "command_ids"),
        "maxItems",
        limits.MAX_COMMANDS,
    ),
    ("acknowledgements", SCHEMAS["Acknowledgements"], "maxItems", limits.MAX_ACKNOWLEDGEMENTS),
    (
        "acknowledgement note",
        SCHEMAS["Acknowledgements"]["items"]["properties"]["note"],
        "maxLength",
        limits.MAX_NOTE,
    ),
    (
        "acknowledgement note",
        SCHEMAS["Acknowledgements"]["items"]["properties"]["note"],
        "pattern",
        limits.SINGLE_LINE,
    ),
    (
        "acknowledged warning id",
        SCHEMAS["Acknowledgements"]["items"]["properties"]["warning_id"],
        "pattern",
        limits.WARNING_ID,
    ),
]


@pytest.mark.parametrize(
    "where, schema, keyword, value", DECLARED, ids=[f"{d[0]} {d[2]}" for d in DECLARED]
)
def test_the_spec_declares_the_limit_the_code_enforces(where, schema, keyword, value):
    assert schema.get(keyword) == value, f"{where}: spec {keyword}={schema.get(keyword)!r}"


def test_every_pattern_in_the_spec_comes_from_the_limits_module():
    declared = set()

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                declared.add(node["pattern"])
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(SPEC)
    known = {value for name, value in vars(limits).items() if name.isupper()}
    assert declared - known == set()


def test_the_body_size_limits_in_the_spec_are_the_code_s():
    text = SPEC["components"]["responses"]["PayloadTooLarge"]["description"]
    assert f"{limits.MAX_JSON_BYTES // 2**20} MiB" in text
    assert f"{limits.MAX_IMPORT_BYTES // 2**20} MiB for CSV import" in text


def test_the_common_passwords_the_spec_lists_are_the_ones_refused():
    listed = set(SCHEMAS["CommonPassword"]["enum"])
    # Shorter entries are refused by minLength already.
    assert listed == {p for p in common_passwords() if len(p) >= limits.MIN_PASSWORD}


def test_the_space_class_is_exactly_what_python_strips_besides_control_characters():
    control = re.compile(rf"[{limits._CONTROL}\t\n\r]")
    space = re.compile(rf"[{limits._SPACE}]")
    for code in range(0x110000):
        char = chr(code)
        if not control.match(char):
            assert bool(space.match(char)) == char.isspace(), hex(code)


SAMPLES = [
    "",
    "plain words",
    "tab\there",
    "line\nbreak",
    "crlf\r\n",
    "trailing newline\n",
    "nul\x00",
    "bell\x07",
    "escape\x1b[0m",
    "del\x7f",
    "unit separator\x1f",
    "   ",
    " \u3000\u00a0 ",
    "\t\n",
    "\u3000x",
    "emoji \U0001f600",
    "nel\x85",
    "bom\ufeff",
    "a@b.c",
    "A.B@Example.ORG",
    " a@b.c",
    "a b@c.d",
    "a@b",
    "a@@b.c",
    "a@b.c\n",
    "a\u3000@b.c",
    "é@ü.de",
]
TEXT_PATTERNS = [
    limits.SINGLE_LINE,
    limits.MULTILINE,
    limits.SINGLE_LINE_NOT_BLANK,
    limits.MULTILINE_NOT_BLANK,
    limits.EMAIL,
]


@pytest.mark.parametrize("pattern", TEXT_PATTERNS)
@pytest.mark.parametrize("value", SAMPLES)
def test_python_and_the_schema_validator_read_each_pattern_alike(pattern, value):
    validator = jsonschema_rs.validator_for({"type": "string", "pattern": pattern})
    assert bool(re.fullmatch(pattern, value)) == validator.is_valid(value)


def server_accepts(check, value) -> bool:
    """Whether a validator takes the value."""
    try:
        check(value)
    except ValidationError:
        return False
    return True


FIELD_RULES = [
    (lambda v: require_string({"f": v}, "f", min_length=0), limits.SINGLE_LINE),
    (lambda v: require_string({"f": v}, "f", min_length=0, multiline=True), limits.MULTILINE),
    (lambda v: require_string({"f": v}, "f", not_blank=True), limits.SINGLE_LINE_NOT_BLANK),
    (
        lambda v: require_string({"f": v}, "f", multiline=True, not_blank=True),
        limits.MULTILINE_NOT_BLANK,
    ),
    (lambda v: require_email({"email": v}), limits.EMAIL),
]


@pytest.mark.parametrize("check, pattern", FIELD_RULES)
@pytest.mark.parametrize("value", SAMPLES)
def test_the_validators_accept_exactly_what_the_declared_pattern_admits(check, pattern, value):
    validator = jsonschema_rs.validator_for({"type": "string", "pattern": pattern})
    assert server_accepts(check, value) == validator.is_valid(value)


def test_every_warning_id_is_one_the_declared_pattern_admits():
    warning = {"type": "laterality", "message": "left became right", "report_span": [0, 4]}
    assert re.fullmatch(limits.WARNING_ID, document.warning_id(warning))


UUIDS = [
    str(uuid.uuid4()),
    str(uuid.uuid4()).upper(),
    uuid.uuid4().hex,
    "{" + str(uuid.uuid4()) + "}",
    "urn:uuid:" + str(uuid.uuid4()),
    str(uuid.uuid4()) + "\n",
    "not-a-uuid",
    "",
]


@pytest.mark.parametrize("value", UUIDS)
def test_a_uuid_is_accepted_exactly_when_format_uuid_admits_it(value):
    validator = jsonschema_rs.validator_for(
        {"type": "string", "format": "uuid"}, validate_formats=True
    )
    assert server_accepts(lambda v: parse_uuid(v, "id"), value) == validator.is_valid(value)
