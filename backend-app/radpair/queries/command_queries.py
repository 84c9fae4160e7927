"""Sessions and the command history."""

from __future__ import annotations

from psycopg.types.json import Jsonb

from radpair.db import Queries


class CommandQueries(Queries):
    """Raw SQL for sessions and commands."""

    sql_file = "commands.sql"

    def session_owner(self, session_id: str) -> str | None:
        """The user id owning a session, or None."""
        return self.fetch_value("session_owner", session_id=session_id)

    def recent_exchanges(self, session_id: str, user_id: str, limit: int) -> list[dict]:
        """The session's last exchanges, newest first."""
        return self.fetch_all(
            "recent_exchanges", session_id=session_id, user_id=user_id, limit=limit
        )

    def insert_command(self, request_id: str, new_session: bool = False, **values) -> dict:
        """Store one answered command (creating a new session first) and its audit row; its id
        and created_at."""
        for key in ("macros", "fields", "warnings"):
            values[key] = Jsonb(values[key])
        return self.fetch_one(
            "insert_command", request_id=request_id, new_session=new_session, **values
        )

    def list_commands(
        self, user_id: str, session_id: str | None, before: tuple[str, str] | None, limit: int
    ) -> list[dict]:
        """A page of the user's commands, newest first."""
        return self.fetch_all(
            "list_commands",
            user_id=user_id,
            session_id=session_id,
            before_time=before[0] if before else None,
            before_id=before[1] if before else None,
            limit=limit,
        )

    def get_command(self, command_id: str, user_id: str, request_id: str) -> dict | None:
        """One of the user's commands, the read audited."""
        return self.fetch_one(
            "get_command", command_id=command_id, user_id=user_id, request_id=request_id
        )

    def delete_command(self, command_id: str, user_id: str, request_id: str) -> int:
        """Delete one of the user's commands, the deletion audited."""
        return self.execute(
            "delete_command", command_id=command_id, user_id=user_id, request_id=request_id
        )
