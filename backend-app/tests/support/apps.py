"""In-process apps for tests: built from settings, their connection pool always closed."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from flask import Flask

from radpair.app import create_app
from radpair.db import Database
from radpair.settings import Settings


@contextmanager
def running_app(settings: Settings, database: Database | None = None) -> Iterator[Flask]:
    """The app for `settings` (and `database`, if given); its pool is closed on the way out."""
    application = create_app(settings, database)
    try:
        yield application
    finally:
        application.extensions["radpair"].database.close()
