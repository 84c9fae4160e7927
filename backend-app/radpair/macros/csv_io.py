"""The macro library as a `Macro Phrase,Macro Text` CSV: reading an import, writing an export."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from typing import Iterable

from radpair import limits
from radpair.exceptions import ValidationError
from radpair.handlers.validation import has_control_characters
from radpair.macros.engine import normalize_phrase

CSV_HEADER = list(limits.CSV_HEADER)
# OWASP "CSV injection": a cell starting with one of these runs as a formula in a spreadsheet.
# Export prefixes such cells with `'` (also cells that already start with quotes before one, so
# the prefix is always removable); import removes exactly one such prefix, so files round-trip.
_FORMULA_CELL = re.compile(r"^'*[=+\-@\t\r]")
_CSV_IMPORT = re.compile(limits.CSV_IMPORT)


def formula_safe(cell: str) -> str:
    """A cell a spreadsheet shows as text: `'` before a leading = + - @ tab or CR."""
    return "'" + cell if _FORMULA_CELL.match(cell) else cell


def from_formula_safe(cell: str) -> str:
    """The cell formula_safe was given (one protective `'` removed)."""
    return cell[1:] if _FORMULA_CELL.match(cell) and cell.startswith("'") else cell


@dataclass(frozen=True)
class ImportRow:
    """One good row of an import, with the line it starts on."""

    phrase: str
    normalized: str
    text: str
    line: int


def read_import(raw: bytes) -> tuple[list[ImportRow], list[dict]]:
    """The good rows of an uploaded CSV, and an error (`row`, `error`, `message`) per bad one.

    400 when the file cannot be read at all: not UTF-8, or not starting with the header.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError("The CSV must be UTF-8.") from None
    if not _CSV_IMPORT.match(text):
        raise ValidationError("The first line must be the header `Macro Phrase,Macro Text`.")
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    next(reader)  # the header the pattern matched
    rows: list[ImportRow] = []
    errors: list[dict] = []
    seen: set[str] = set()
    while True:
        # Errors name the line a record starts on, as a spreadsheet or editor shows it.
        line = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append({"row": line, "error": "malformed_row", "message": str(exc)})
            break
        record = [from_formula_safe(cell) for cell in record]
        error = _row_error(record, seen)
        if error:
            errors.append({"row": line, **error})
            continue
        phrase = " ".join(record[0].split())
        normalized = normalize_phrase(phrase)
        seen.add(normalized)
        rows.append(ImportRow(phrase, normalized, record[1], line))
    return rows, errors


def _row_error(record: list[str], seen: set[str]) -> dict | None:
    if not any(cell.strip() for cell in record):
        return {"error": "empty_row", "message": "The row is empty."}
    if len(record) != 2:
        return {"error": "wrong_column_count", "message": "Expected 2 columns."}
    phrase, body = record
    if not phrase.strip() or len(phrase) > limits.MAX_PHRASE:
        return {"error": "invalid_phrase", "message": "The phrase is empty or too long."}
    if has_control_characters(phrase):
        return {
            "error": "invalid_phrase",
            "message": "The phrase must not contain control characters or line breaks.",
        }
    if not body.strip() or len(body) > limits.MAX_MACRO_TEXT or has_control_characters(body, True):
        return {
            "error": "invalid_text",
            "message": "The text is empty, too long or holds control characters.",
        }
    if normalize_phrase(phrase) in seen:
        return {"error": "duplicate_phrase", "message": "The phrase appears earlier."}
    return None


def write_export(rows: Iterable[tuple[str, str]]) -> str:
    """(phrase, text) pairs as the CSV an import reads back, formula cells made safe."""
    out = io.StringIO()
    # RFC 4180 line ends: with "\n" alone, csv leaves a cell holding "\r" unquoted.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    writer.writerows((formula_safe(phrase), formula_safe(text)) for phrase, text in rows)
    return out.getvalue()
