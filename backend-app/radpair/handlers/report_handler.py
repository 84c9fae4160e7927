"""POST /reports/verify: compare a draft with its dictation."""

from __future__ import annotations

from radpair.handlers.command_handler import report_verifier
from radpair.handlers.validation import reject_unknown_fields, require_string
from radpair.limits import MAX_REPORT
from radpair.services import Services


class ReportHandler:
    """Report safety checks."""

    def __init__(self, services: Services):
        self.verifier = report_verifier(services)

    def verify_report(self, body: dict) -> dict:
        """Laterality, negation and measurement changes between source and report."""
        reject_unknown_fields(body, {"source", "report"})
        source = require_string(body, "source", min_length=0, max_length=MAX_REPORT, multiline=True)
        report = require_string(body, "report", min_length=0, max_length=MAX_REPORT, multiline=True)
        return {"success": True, "warnings": self.verifier.verify(source, report)}
