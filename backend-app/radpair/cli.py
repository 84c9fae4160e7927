"""Operator commands behind scripts/*.sh: `python -m radpair <command>`."""

from __future__ import annotations

import argparse
import shlex
import sys

from radpair.util_helper import util_helper


def _database_url() -> str:
    """DATABASE_URL, or the embedded PostgreSQL (started when needed)."""
    with util_helper() as util:
        url = (util.env("DATABASE_URL") or "").strip()
    if url:
        return url
    from radpair.embedded_db import EmbeddedPostgres

    embedded = EmbeddedPostgres()
    embedded.ensure_running()
    return embedded.url()


def cmd_db_env(args: argparse.Namespace) -> int:
    """Print shell exports selecting the database (embedded when DATABASE_URL is unset)."""
    with util_helper() as util:
        if (util.env("DATABASE_URL") or "").strip():
            return 0
    from radpair.embedded_db import EmbeddedPostgres

    embedded = EmbeddedPostgres()
    started = embedded.ensure_running()
    print(f"export DATABASE_URL={shlex.quote(embedded.url())}")
    print(f"export RADPAIR_EMBEDDED_STARTED={1 if started else 0}")
    return 0


def cmd_db_stop(args: argparse.Namespace) -> int:
    """Stop the embedded PostgreSQL."""
    from radpair.embedded_db import EmbeddedPostgres

    EmbeddedPostgres().stop()
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    """Apply the Liquibase changelog to the selected database."""
    from radpair import migrations

    try:
        migrations.migrate(_database_url(), quiet=True)
    except RuntimeError as exc:
        print(f"migrate: {exc}", file=sys.stderr)
        return 1
    print("migrate: database is up to date")
    return 0


def _user_handler():
    from radpair.db import Database
    from radpair.handlers.user_handler import UserHandler
    from radpair.services import Services
    from radpair.settings import Settings

    settings = Settings.from_environment().with_overrides(database_url=_database_url())
    database = Database(settings.database_url, min_size=0, max_size=1)
    database.pool.open(wait=True, timeout=30)
    return UserHandler(Services(settings=settings, database=database)), database


def cmd_create_user(args: argparse.Namespace) -> int:
    """Create a user; the password is read from standard input, never from argv."""
    from radpair.exceptions import RadpairError

    if not args.password_stdin:
        print("create-user: pass --password-stdin and send the password on stdin", file=sys.stderr)
        return 2
    password = sys.stdin.readline().rstrip("\r\n")
    handler, database = _user_handler()
    try:
        user = handler.create_user(
            {
                "email": args.email,
                "password": password,
                "username": args.username,
                "title": args.title,
                "role": args.role,
            }
        )
    except RadpairError as exc:
        print(f"create-user: {exc.code}: {exc.message}", file=sys.stderr)
        return 1
    finally:
        database.close()
    print(f"create-user: created {user['email']} ({user['role']}) id={user['user_id']}")
    return 0


def cmd_ensure_demo_user(args: argparse.Namespace) -> int:
    """In DEV, create one demo admin when no user exists and print its credentials once."""
    handler, database = _user_handler()
    try:
        created = handler.ensure_demo_user()
    finally:
        database.close()
    if created:
        print("=" * 64)
        print("No user existed, so a demo account was created (shown only once):")
        print(f"  email:    {created['email']}")
        print(f"  password: {created['password']}")
        print("=" * 64)
    return 0


def cmd_serve_dev(args: argparse.Namespace) -> int:
    """Serve the API with Flask's threaded development server."""
    from radpair.app import create_app

    app = create_app()
    settings = app.extensions["radpair"].settings
    app.run(host=settings.host, port=settings.port, threaded=True, use_reloader=False)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run one command."""
    parser = argparse.ArgumentParser(prog="radpair")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("db-env").set_defaults(run=cmd_db_env)
    commands.add_parser("db-stop").set_defaults(run=cmd_db_stop)
    commands.add_parser("migrate").set_defaults(run=cmd_migrate)
    commands.add_parser("ensure-demo-user").set_defaults(run=cmd_ensure_demo_user)
    commands.add_parser("serve-dev").set_defaults(run=cmd_serve_dev)
    create = commands.add_parser("create-user")
    create.add_argument("--email", required=True)
    create.add_argument("--password-stdin", action="store_true")
    create.add_argument("--role", choices=["admin", "user"], default="user")
    create.add_argument("--username", default=None)
    create.add_argument("--title", default=None)
    create.set_defaults(run=cmd_create_user)
    args = parser.parse_args(argv)
    return args.run(args)
