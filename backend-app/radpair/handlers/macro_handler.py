"""The macro library's use cases: expansion, search, create/update/delete, CSV import and export.

Orchestration only: expansion lives in macros.expansion, `{{nesting}}` checks in macros.cycles,
the CSV format in macros.csv_io.
"""

from __future__ import annotations

import re

from radpair import limits
from radpair.cursors import decode_macro_cursor, encode_macro_cursor
from radpair.db import UniqueViolationError
from radpair.exceptions import (
    ConflictError,
    ForbiddenError,
    MacroExistsError,
    NotFoundError,
    ValidationError,
)
from radpair.auth.principal import Principal
from radpair.handlers.validation import (
    parse_uuid,
    page_limit,
    query_bool,
    reject_unknown_fields,
    require_bool,
    require_choice,
    require_string,
)
from radpair.macros import csv_io
from radpair.macros.cycles import find_cycle, refused_imports
from radpair.macros.engine import (
    MAX_RENDERED_CHARS,
    Macro,
    MacroLibrary,
    normalize_phrase,
    oversized_macros,
    phrase_key,
)
from radpair.macros.expansion import TRIGGERS, expand_bounded
from radpair.queries.macro_queries import MacroQueries
from radpair.services import Services

MAX_PHRASE = limits.MAX_PHRASE
MAX_TEXT = limits.MAX_MACRO_TEXT
MAX_DICTATION = limits.MAX_DICTATION
_SEARCH = re.compile(limits.SINGLE_LINE)
# The message of each reason macros.cycles.refused_imports gives for refusing an imported row.
_REFUSED = {
    "macro_cycle": "`{phrase}` would nest itself through {{{{...}}}}.",
    "macro_too_large": f"`{{phrase}}` would expand to more than {MAX_RENDERED_CHARS} characters.",
}


class MacroCycleValidationError(ValidationError):
    """Saving the macro would make `{{nesting}}` loop."""

    code = "macro_cycle"


class MacroScopeConflictError(ConflictError):
    """A PUT asked to move a macro between the user and site libraries."""

    code = "scope_immutable"
    default_message = "A macro's scope is set when it is created and cannot change."


class MacroTooLargeError(ValidationError):
    """Saving the macro would make a `{{nesting}}` rendering pass MAX_RENDERED_CHARS."""

    code = "macro_too_large"


def public_macro(row: dict) -> dict:
    """A macro as the API shows it."""
    return {
        "id": row["id"],
        "phrase": row["phrase"],
        "text": row["text"],
        "shortcut": row["shortcut"],
        "scope": row["scope"],
        "owner_id": row["owner_id"],
        "private": row["private"],
        "created_at": row["created_at"].isoformat(),
        "updated_at": row["updated_at"].isoformat(),
    }


def validate_phrase(value: str, field: str = "phrase") -> str:
    """The normalized form of a phrase that is not blank."""
    normalized = normalize_phrase(value)
    if not normalized.strip():
        raise ValidationError(f"`{field}` must not be blank.", extra={"field": field})
    return normalized


class MacroHandler:
    """Macro use cases."""

    macro_queries = MacroQueries

    def __init__(self, services: Services):
        self.services = services
        self.database = services.database
        self.libraries = services.macro_libraries

    # -- expansion -------------------------------------------------------------------------

    def expand_text(self, body: dict, principal: Principal) -> dict:
        """Expand the macros dictated in `text`."""
        reject_unknown_fields(body, {"text", "trigger"})
        text = require_string(body, "text", min_length=0, max_length=MAX_DICTATION, multiline=True)
        trigger = require_choice(body, "trigger", TRIGGERS, "keyword")
        expansion = expand_bounded(self.libraries.for_principal(principal), text, trigger)
        return {"success": True, **expansion.to_dict()}

    # -- library -----------------------------------------------------------------------------

    def list_macros(self, principal: Principal, query: dict) -> dict:
        """A page of the macros the caller can see, ordered by phrase (`q`, `limit`, `cursor`)."""
        limit = page_limit(query)
        q, cursor = query.get("q"), query.get("cursor")
        if q is not None and len(q) > limits.MAX_SEARCH:
            raise ValidationError("`q` is too long.", extra={"field": "q"})
        if q is not None and not _SEARCH.fullmatch(q):
            raise ValidationError("`q` must not contain control characters.", extra={"field": "q"})
        after = decode_macro_cursor(cursor)
        query = normalize_phrase(q) if q else None
        with self.database.statements() as connection:
            rows = self.macro_queries(connection).search_visible(
                principal.user_id, query or None, after, limit + 1
            )
        page, more = rows[:limit], len(rows) > limit
        next_cursor = (
            encode_macro_cursor(page[-1]["normalized_phrase"], page[-1]["id"]) if more else None
        )
        return {
            "success": True,
            "macros": [public_macro(r) for r in page],
            "next_cursor": next_cursor,
        }

    def _visible(self, connection, macro_id: str, principal: Principal) -> dict:
        try:
            macro_id = parse_uuid(macro_id, "id")
        except ValidationError:
            raise NotFoundError("No such macro.") from None
        row = self.macro_queries(connection).get(macro_id)
        hidden = row and row["private"] and row["owner_id"] != principal.user_id
        if row is None or hidden:
            raise NotFoundError("No such macro.")
        return row

    def _writable(self, connection, macro_id: str, principal: Principal) -> dict:
        row = self._visible(connection, macro_id, principal)
        if row["owner_id"] != principal.user_id and not principal.is_admin:
            raise ForbiddenError("Only the owner or an administrator can change this macro.")
        return row

    def get_macro(self, macro_id: str, principal: Principal) -> dict:
        """One macro the caller can see."""
        with self.database.statements() as connection:
            return {
                "success": True,
                "macro": public_macro(self._visible(connection, macro_id, principal)),
            }

    def _parse_write(self, body: dict) -> dict:
        reject_unknown_fields(body, {"phrase", "text", "shortcut", "private", "scope"})
        phrase = require_string(body, "phrase", max_length=MAX_PHRASE, not_blank=True)
        phrase = " ".join(phrase.split())
        normalized = validate_phrase(phrase)
        text = require_string(body, "text", max_length=MAX_TEXT, multiline=True)
        # "" clears the shortcut, as null does (the spec sets no minimum length).
        shortcut = require_string(
            body, "shortcut", min_length=0, max_length=limits.MAX_SHORTCUT, required=False
        )
        return {
            "phrase": phrase,
            "normalized_phrase": normalized,
            "text": text,
            "shortcut": shortcut or None,
            "private": require_bool(body, "private", False),
            "scope": require_choice(body, "scope", ("site", "user"), "user"),
        }

    def _locked_library(self, connection, owner_id: str | None) -> MacroLibrary:
        """The library a write to `owner_id`'s macros nests through, locked until commit."""
        return self.libraries.locked_for_save(self.macro_queries(connection), owner_id)

    def _check_cycle(self, connection, values: dict, owner_id: str | None, macro_id: str) -> None:
        if "{{" not in values["text"]:
            return
        candidate = Macro(
            id=macro_id, phrase=values["phrase"], text=values["text"], scope=values["scope"]
        )
        view = self._locked_library(connection, owner_id).macros_by_key().values()
        cycle = find_cycle(view, candidate)
        if cycle:
            raise MacroCycleValidationError(
                "This macro would nest itself: " + " -> ".join(cycle) + ".",
                extra={"cycle": cycle},
            )
        oversized = oversized_macros(view, [candidate])
        if oversized:
            raise MacroTooLargeError(
                f"With this text, `{oversized[0]}` would expand to more than "
                f"{MAX_RENDERED_CHARS} characters.",
                extra={"field": "text", "phrases": oversized},
            )

    def create_macro(self, body: dict, principal: Principal) -> dict:
        """Create a user macro (or a site macro, for administrators)."""
        values = self._parse_write(body)
        if values["scope"] == "site" and not principal.is_admin:
            raise ForbiddenError("Only administrators can create site macros.")
        owner_id = principal.user_id if values["scope"] == "user" else None
        if values["scope"] == "site":
            values["private"] = False
        try:
            with self.database.transaction() as connection:
                self._check_cycle(connection, values, owner_id, "new")
                row = self.macro_queries(connection).insert(owner_id=owner_id, **values)
        except UniqueViolationError:
            raise MacroExistsError() from None
        return {"success": True, "macro": public_macro(row)}

    def update_macro(self, macro_id: str, body: dict, principal: Principal) -> dict:
        """Replace a macro's phrase, text, shortcut and privacy (owner or administrator)."""
        values = self._parse_write(body)
        try:
            with self.database.transaction() as connection:
                existing = self._writable(connection, macro_id, principal)
                if values["scope"] != existing["scope"] and "scope" in body:
                    # The request is well formed; it conflicts with the macro as it is.
                    raise MacroScopeConflictError(extra={"field": "scope"})
                values["scope"] = existing["scope"]
                if existing["scope"] == "site":
                    values["private"] = False
                self._check_cycle(connection, values, existing["owner_id"], existing["id"])
                values.pop("scope")
                row = self.macro_queries(connection).update(macro_id=existing["id"], **values)
        except UniqueViolationError:
            raise MacroExistsError() from None
        return {"success": True, "macro": public_macro(row)}

    def delete_macro(self, macro_id: str, principal: Principal) -> dict:
        """Delete a macro (owner or administrator)."""
        with self.database.transaction() as connection:
            existing = self._writable(connection, macro_id, principal)
            self.macro_queries(connection).delete(existing["id"])
        return {"success": True, "message": "Macro deleted."}

    # -- CSV ---------------------------------------------------------------------------------

    def import_csv(self, raw: bytes, query: dict, principal: Principal) -> dict:
        """Upsert macros from a `Macro Phrase,Macro Text` CSV; bad rows reported, good kept.

        `scope` (query) is user or site. `private` true or false applies to every row written;
        absent, new macros are public and existing ones keep their privacy. Site macros are
        never private.
        """
        scope = require_choice(query, "scope", ("user", "site"), "user")
        private = query_bool(query, "private")
        if scope == "site" and not principal.is_admin:
            raise ForbiddenError("Only administrators can import site macros.")
        rows, errors = csv_io.read_import(raw)
        owner_id = principal.user_id if scope == "user" else None
        with self.database.transaction() as connection:
            if any("{{" in row.text for row in rows):
                rows = self._drop_refused_rows(connection, rows, owner_id, errors)
            created, updated = self.macro_queries(connection).import_rows(
                [(row.phrase, row.normalized, row.text) for row in rows],
                scope,
                owner_id,
                private if scope == "user" else None,
            )
        errors.sort(key=lambda error: error["row"])
        return {"success": True, "created": created, "updated": updated, "errors": errors}

    def _drop_refused_rows(self, connection, rows, owner_id, errors) -> list:
        """Rows that nest onto a cycle, or render past MAX_RENDERED_CHARS, become errors."""
        view = self._locked_library(connection, owner_id).macros_by_key()
        imported = [
            Macro(id=f"import-{n}", phrase=row.phrase, text=row.text, scope="user")
            for n, row in enumerate(rows)
        ]
        refused = refused_imports(view, imported)
        kept = []
        for row in rows:
            reason = refused.get(phrase_key(row.phrase))
            if reason is None:
                kept.append(row)
                continue
            message = _REFUSED[reason].format(phrase=row.phrase)
            errors.append({"row": row.line, "error": reason, "message": message})
        return kept

    def export_csv(self, principal: Principal) -> str:
        """Every macro the caller can see, as `Macro Phrase,Macro Text` CSV."""
        with self.database.statements() as connection:
            rows = self.macro_queries(connection).export_visible(principal.user_id)
        return csv_io.write_export((row["phrase"], row["text"]) for row in rows)
