"""PostgreSQL access: the connection pool, transactions, and the named-query loader.

Query classes subclass ``Queries``: each method runs one named statement from a ``.sql`` file with
``%(name)s`` placeholders and returns dict rows. They never commit; the handler that opened the
transaction does. psycopg errors are translated here into the project's exceptions, so nothing
above this module sees psycopg.
"""

from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

import psycopg
from psycopg import errors as pg_errors
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool, PoolTimeout

from radpair.exceptions import (
    ConflictError,
    DatabaseUnavailableError,
    RadpairError,
    ValidationError,
)

log = logging.getLogger(__name__)

_QUERY_NAME = re.compile(r"^--\s*name:\s*(?P<name>[a-z_][a-z0-9_]*)\s*$", re.M)


class UniqueViolationError(ConflictError):
    """A unique constraint rejected the write."""


@lru_cache(maxsize=None)
def load_queries(filename: str) -> dict[str, str]:
    """Parse a .sql file of `-- name: x` sections into {name: sql}."""
    text = resources.files("radpair.queries").joinpath("sql", filename).read_text("utf-8")
    parts = _QUERY_NAME.split(text)
    # split() yields [preamble, name1, body1, name2, body2, ...]
    queries = {}
    for name, body in zip(parts[1::2], parts[2::2]):
        if name in queries:
            raise ValueError(f"query {name!r} is defined twice in {filename}")
        queries[name] = body.strip().rstrip(";")
    return queries


@contextmanager
def translated_errors() -> Iterator[None]:
    """Turn psycopg and pool errors into the project's exceptions."""
    try:
        yield
    except RadpairError:
        raise
    except pg_errors.UniqueViolation as exc:
        raise UniqueViolationError(
            "A record with these values already exists.",
            extra={"constraint": exc.diag.constraint_name},
        ) from exc
    except (pg_errors.DataError, pg_errors.IntegrityError) as exc:
        raise ValidationError("The database rejected a value in the request.") from exc
    except (PoolTimeout, psycopg.OperationalError, psycopg.InterfaceError) as exc:
        log.warning("database unavailable: %s", type(exc).__name__)
        raise DatabaseUnavailableError() from exc


class Queries:
    """Base of the query classes: named SQL, dict rows, never commits."""

    sql_file: str = ""

    def __init__(self, connection: psycopg.Connection):
        self.connection = connection
        self.queries = load_queries(self.sql_file)

    def _execute(self, name: str, params: dict[str, Any], result):
        # One place that runs a statement and translates its errors, fetch included.
        with translated_errors():
            cursor = self.connection.cursor(row_factory=dict_row)
            cursor.execute(self.queries[name], params)
            return result(cursor)

    def fetch_one(self, name: str, **params: Any) -> dict | None:
        """The first row of a named query, or None."""
        return self._execute(name, params, lambda cursor: cursor.fetchone())

    def fetch_all(self, name: str, **params: Any) -> list[dict]:
        """Every row of a named query."""
        return self._execute(name, params, lambda cursor: cursor.fetchall())

    def fetch_value(self, name: str, **params: Any) -> Any:
        """The first column of the first row, or None."""
        row = self.fetch_one(name, **params)
        return next(iter(row.values())) if row else None

    def execute(self, name: str, **params: Any) -> int:
        """Run a named statement; the number of rows it touched."""
        return self._execute(name, params, lambda cursor: cursor.rowcount)


class Database:
    """A psycopg 3 connection pool and the transaction context the handlers use."""

    def __init__(self, conninfo: str, *, min_size: int = 1, max_size: int = 10):
        self.pool = ConnectionPool(
            conninfo,
            min_size=min_size,
            max_size=max_size,
            open=False,
            # A request waits at most this long for a connection; during an outage it fails fast
            # with 503 instead of piling up.
            timeout=5.0,
            reconnect_timeout=24 * 3600,
            # Autocommit: a single-statement read or write needs no BEGIN/COMMIT round trips;
            # multi-statement work opens an explicit transaction (see transaction()).
            kwargs={"autocommit": True, "connect_timeout": 3, "application_name": "radpair-api"},
            # No per-checkout health query (it doubled the round trips of every request): a
            # connection broken by an outage fails its request with 503 and the pool discards it.
            name="radpair",
        )

    def open(self) -> None:
        """Open the pool without waiting for the database (the app may start before it)."""
        self.pool.open(wait=False)

    def close(self) -> None:
        """Close every connection."""
        self.pool.close()

    @contextmanager
    def transaction(self) -> Iterator[psycopg.Connection]:
        """One pooled connection in a transaction; commit on success, roll back on any error."""
        with translated_errors():
            with self.pool.connection() as connection:
                with connection.transaction():
                    yield connection

    @contextmanager
    def statements(self) -> Iterator[psycopg.Connection]:
        """One pooled connection where each statement commits on its own (autocommit).

        For work that is one statement, or independent reads: it saves the BEGIN and COMMIT
        round trips that dominate a short request.
        """
        with translated_errors():
            with self.pool.connection() as connection:
                yield connection

    def ping(self) -> None:
        """Raise DatabaseUnavailableError unless a trivial query succeeds."""
        with self.statements() as connection:
            connection.execute("SELECT 1")
