"""Reports and their versions."""

from __future__ import annotations

from psycopg.types.json import Jsonb

from radpair.db import Queries


class ReportQueries(Queries):
    """Raw SQL for reports; every read is scoped to the owner."""

    sql_file = "reports.sql"

    def drafting_commands(self, owner_id: str, command_ids: list[str]) -> list[dict]:
        """The owner's commands among these ids, oldest first."""
        return self.fetch_all("drafting_commands", owner_id=owner_id, command_ids=command_ids)

    def insert_report(self, **values) -> str:
        """Store a report and its working draft; the report id."""
        return self.fetch_value("insert_report", **values)

    def get_report(self, report_id: str, owner_id: str, *, lock: bool = False) -> dict | None:
        """The owner's report with its current version (row-locked first when `lock`)."""
        if lock:
            self.execute("lock_report", report_id=report_id, owner_id=owner_id)
        return self.fetch_one("get_report", report_id=report_id, owner_id=owner_id)

    def list_reports(self, owner_id: str, before: tuple | None, limit: int) -> list[dict]:
        """A page of the owner's reports, newest first."""
        return self.fetch_all(
            "list_reports",
            owner_id=owner_id,
            before_time=before[0] if before else None,
            before_id=before[1] if before else None,
            limit=limit,
        )

    def list_versions(self, report_id: str) -> list[dict]:
        """Every version of a report, oldest first."""
        return self.fetch_all("list_versions", report_id=report_id)

    def update_report(self, report_id: str, **study) -> int:
        """Change the study details."""
        return self.execute("update_report", report_id=report_id, **study)

    def update_working_version(
        self, report_id: str, findings: str, impression: str, status: str
    ) -> int:
        """Change the unsigned version 1."""
        return self.execute(
            "update_working_version",
            report_id=report_id,
            findings=findings,
            impression=impression,
            status=status,
        )

    def sign_working_version(
        self, report_id: str, warnings: list[dict], acknowledgements: list[dict]
    ) -> int:
        """Sign version 1 as final with the warnings it had and their acknowledgements."""
        return self.execute(
            "sign_working_version",
            report_id=report_id,
            warnings=Jsonb(warnings),
            acknowledgements=Jsonb(acknowledgements),
        )

    def insert_addendum(self, **values) -> int:
        """Store a signed addendum version and make it current."""
        for key in ("warnings", "acknowledgements"):
            values[key] = Jsonb(values[key])
        return self.execute("insert_addendum", **values)

    def delete_report(self, report_id: str, owner_id: str) -> int:
        """Delete the owner's report (the handler allows it for unsigned ones only)."""
        return self.execute("delete_report", report_id=report_id, owner_id=owner_id)
