"""Integration fixtures: a pool on the module's own database copied from the template."""

from __future__ import annotations

import pytest

from radpair.db import Database


@pytest.fixture(scope="module")
def database(module_database_url):
    """A real connection pool on the module's database."""
    db = Database(module_database_url, min_size=0, max_size=4)
    db.pool.open(wait=True, timeout=10)
    yield db
    db.close()
