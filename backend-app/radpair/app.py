"""The Flask application factory: every resource is wired here, in one place."""

from __future__ import annotations

import importlib
import pkgutil

from flask import Flask

from radpair import blueprints, errors, logging_setup, services
from radpair.middleware import RequestMiddleware
from radpair.db import Database
from radpair.exceptions import ConfigurationError
from radpair.limits import MAX_IMPORT_BYTES
from radpair.settings import Settings


def create_app(settings: Settings | None = None, database: Database | None = None) -> Flask:
    """Build the app: settings, logging, database pool, CORS, error handlers, blueprints."""
    settings = settings or Settings.from_environment()
    app = Flask("radpair", static_folder=None)
    app.config.update(
        RADPAIR_SETTINGS=settings,
        # Werkzeug's hard cap is the CSV import's 16 MiB; JSON routes stop at 1 MiB (json_body).
        # One byte more, so read_raw_body sees a chunked body pass the limit and answers 413
        # (at exactly the cap werkzeug hands over the limit's bytes and stops, silently).
        MAX_CONTENT_LENGTH=MAX_IMPORT_BYTES + 1,
        TESTING=settings.runtime_environment == "UNITTEST",
    )
    app.json.sort_keys = False
    logging_setup.configure_logging(settings.log_level)
    shared = services.init_app(app, settings, init_database(settings, database))
    # Request ids, security headers, CORS for CORS_ORIGINS only, and the access log.
    app.wsgi_app = RequestMiddleware(app.wsgi_app, settings.cors_origins)
    errors.init_app(app)
    register_blueprints(app)
    # Prompt, verifier rules, PHI name lists: loaded now, not on the first request.
    shared.warm_up()
    return app


def init_database(settings: Settings, database: Database | None) -> Database:
    """The connection pool, opened without waiting for the database."""
    if database is None:
        if not settings.database_url:
            raise ConfigurationError(
                "DATABASE_URL is not set; start through scripts/run-dev.sh to use the embedded "
                "PostgreSQL"
            )
        database = Database(
            settings.database_url, min_size=settings.db_pool_min, max_size=settings.db_pool_max
        )
    database.open()
    return database


def register_blueprints(app: Flask) -> None:
    """Import every module of radpair.blueprints and register the `bp` it exposes."""
    for module_info in sorted(pkgutil.iter_modules(blueprints.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{blueprints.__name__}.{module_info.name}")
        blueprint = getattr(module, "bp", None)
        if blueprint is not None:
            app.register_blueprint(blueprint)
