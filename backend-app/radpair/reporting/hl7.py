"""A report version as an HL7 v2.5.1 ORU^R01 message (ER7, segments ended by CR)."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from radpair.reporting.document import HL7_STATUS

SENDING_APPLICATION = "RADPAIR"
# The encoding characters of MSH-2 and the escapes that let them appear in text (HL7 2.5.1 2.7).
_ESCAPES = {"\\": "\\E\\", "|": "\\F\\", "^": "\\S\\", "&": "\\T\\", "~": "\\R\\"}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
FINDINGS_CODE = "59776-5^Procedure Findings^LN"
IMPRESSION_CODE = "19005-8^Radiology Impression^LN"
ADDENDUM_CODE = "ADDENDUM^Addendum^L"
SERVICE_CODE = "18748-4^Diagnostic imaging study^LN"


def escape(value: str) -> str:
    """Text safe inside one component: delimiters escaped, line breaks removed."""
    return "".join(_ESCAPES.get(ch, ch) for ch in _LINE_BREAK.sub(" ", value))


def text_value(value: str) -> str:
    """A multi-line text as OBX-5 repetitions, one per line."""
    return "~".join(
        "".join(_ESCAPES.get(ch, ch) for ch in line) for line in _LINE_BREAK.split(value)
    )


def timestamp(moment: datetime) -> str:
    """An HL7 DTM in UTC: YYYYMMDDHHMMSS+0000."""
    return moment.astimezone(timezone.utc).strftime("%Y%m%d%H%M%S+0000")


def oru_r01(view: dict, control_id: str, now: datetime) -> str:
    """The ORU^R01 message of one exportable version (see ReportHandler.export_view)."""
    status = HL7_STATUS[view["status"]]
    issued = view["signed_at"] or view["updated_at"]
    obr = [""] * 33
    obr[0:5] = ["OBR", "1", escape(view["id"]), escape(view["accession_number"]), SERVICE_CODE]
    obr[7] = timestamp(view["created_at"])
    # OBR-15 SPS.4: the body site examined.
    obr[15] = f"^^^{escape(view['body_part'])}"
    obr[22] = timestamp(issued)
    obr[24] = escape(view["modality"])
    obr[25] = status
    obr[32] = escape(view["owner_id"])
    segments = [
        "|".join(
            [
                "MSH",
                "^~\\&",
                SENDING_APPLICATION,
                SENDING_APPLICATION,
                "",
                "",
                timestamp(now),
                "",
                "ORU^R01^ORU_R01",
                control_id,
                "P",
                "2.5.1",
                "",
                "",
                "",
                "",
                "",
                "UNICODE UTF-8",
            ]
        ),
        f"PID|1||{escape(view['patient_ref'])}^^^{SENDING_APPLICATION}^PI",
        "|".join(obr),
    ]
    observations = [
        (FINDINGS_CODE, "", view["findings"]),
        (IMPRESSION_CODE, "", view["impression"]),
    ]
    observations += [(ADDENDUM_CODE, str(a["version"]), a["text"]) for a in view["addenda"]]
    for set_id, (code, sub_id, text) in enumerate(observations, start=1):
        fields = ["OBX", str(set_id), "TX", code, sub_id, text_value(text)] + [""] * 5 + [status]
        fields += ["", "", timestamp(issued)]
        segments.append("|".join(fields))
    return "\r".join(segments) + "\r"
