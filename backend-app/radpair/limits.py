"""Every input limit and character rule the API enforces, defined once.

The validators read these values, and tests/unit/test_limits.py proves openapi/openapi.yaml
declares exactly the same ones, so the spec and the code cannot drift apart. Patterns are
written so that ECMA-262 (clients), Python `re` (the server, Schemathesis) and Rust `regex`
(jsonschema-rs) read them alike: explicit character classes, no `\\s`, no `\\w`, no flags.
"""

from __future__ import annotations

# -- bodies ------------------------------------------------------------------------------------
MAX_JSON_BYTES = 1024 * 1024
# Only the CSV import route accepts more.
MAX_IMPORT_BYTES = 16 * 1024 * 1024

# -- load ----------------------------------------------------------------------------------------
# Retry-After (seconds) of a 503 `overloaded` answer; the in-flight limit itself is a setting
# (LLM_MAX_IN_FLIGHT), since it depends on the machine.
OVERLOADED_RETRY_AFTER_S = 1

# -- pagination and search ---------------------------------------------------------------------
PAGE_LIMIT_MIN = 1
PAGE_LIMIT_MAX = 200
PAGE_LIMIT_DEFAULT = 50
MAX_SEARCH = 200

# -- accounts ----------------------------------------------------------------------------------
MAX_EMAIL = 254
MAX_LOGIN_PASSWORD = 1024
MIN_PASSWORD = 8
MAX_PASSWORD = 128
MAX_USERNAME = 100
MAX_TITLE = 100

# -- macros, dictation, reports ----------------------------------------------------------------
MAX_PHRASE = 200
MAX_MACRO_TEXT = 20_000
MAX_SHORTCUT = 50
MAX_DICTATION = 20_000
MAX_QUERY = 20_000
MAX_REPORT = 20_000
# Signed reports: study details (patterns keep each value valid as a FHIR id and in HL7 v2
# fields), acknowledgement notes, how many commands a report may cite and warnings it may sign.
ACCESSION_NUMBER = r"^[A-Za-z0-9._-]{1,32}$"
MODALITY = r"^[A-Z0-9_]{1,16}$"
BODY_PART = r"^[A-Za-z0-9][A-Za-z0-9 _-]{0,63}$"
PATIENT_REF = r"^[A-Za-z0-9.-]{1,64}$"
MAX_STUDY_FIELD = 64
MAX_NOTE = 1_000
MAX_COMMANDS = 50
MAX_ACKNOWLEDGEMENTS = 200
# A verifier warning's id: the first 16 hex digits of the SHA-256 of the warning.
WARNING_ID = r"^[0-9a-f]{16}$"
# Versions a report export may name (a report gains one per addendum).
MAX_VERSION = 1_000_000

# -- characters --------------------------------------------------------------------------------
# C0 controls and DEL are refused in every text field; tab, line feed and carriage return are
# allowed only in multiline fields.
_CONTROL = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
_SINGLE_LINE_REFUSED = r"\x00-\x1f\x7f"
# What Python's str.split()/strip() treat as whitespace, minus the control characters above.
_SPACE = r" \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_NOT_BLANK = rf"[^\x00-\x20\x7f{_SPACE[1:]}]"

SINGLE_LINE = rf"^[^{_SINGLE_LINE_REFUSED}]*$"
MULTILINE = rf"^[^{_CONTROL}]*$"
# At least one character that is not whitespace. The leading class holds only whitespace, so
# the match is linear (no backtracking blow-up on long input).
SINGLE_LINE_NOT_BLANK = rf"^[{_SPACE}]*{_NOT_BLANK}[^{_SINGLE_LINE_REFUSED}]*$"
MULTILINE_NOT_BLANK = rf"^[\t\n\r{_SPACE}]*{_NOT_BLANK}[^{_CONTROL}]*$"

_EMAIL_PART = rf"[^@\x00-\x20\x7f{_SPACE[1:]}]+"
EMAIL = rf"^{_EMAIL_PART}@{_EMAIL_PART}\.{_EMAIL_PART}$"

_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
# Path and body ids: what JSON Schema's `format: uuid` accepts (RFC 9562, either case).
UUID = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"

# Keyset cursors: every string the pattern admits is a position in the ordering, so a cursor
# is either refused by the pattern (400) or answered with a page.
# History: microseconds since the Unix epoch, then the record id.
HISTORY_CURSOR = rf"^[0-9]{{1,16}}\.{_UUID}$"
# Macros: the UTF-8 of the normalized phrase in hex, then the macro id. A phrase of
# MAX_PHRASE characters folds to at most twice as many, of at most 4 bytes each.
MAX_MACRO_CURSOR = 2 * 4 * 2 * MAX_PHRASE + 1 + 36
MACRO_CURSOR = rf"^(?:[0-9a-f]{{2}})*\.{_UUID}$"
# Reports use the history format; the audit trail its sequence number (a bigint).
AUDIT_CURSOR = r"^[0-9]{1,19}$"

# -- CSV import --------------------------------------------------------------------------------
CSV_HEADER = ("Macro Phrase", "Macro Text")
# The body starts with the header line (an optional UTF-8 byte order mark before it).
CSV_IMPORT = r"^\ufeff?Macro Phrase,Macro Text(?:\r|\n|$)"
