"""Report text, warning ids, and the FHIR and HL7 v2 builders: pure functions, no database."""

from __future__ import annotations

import base64
from datetime import datetime, timezone

import pytest
from fhir.resources.R4B.diagnosticreport import DiagnosticReport
from hl7apy.parser import parse_message

from radpair.reporting import document, fhir, hl7
from tests.support.hl7 import unescape

SIGNED = datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone.utc)
VIEW = {
    "id": "6f1c8a9e-2b7d-4c1e-9a55-0d2b8f6e4a11",
    "owner_id": "0d2b8f6e-4a11-4c1e-9a55-6f1c8a9e2b7d",
    "accession_number": "ACC.42",
    "modality": "MR",
    "body_part": "LEFT KNEE",
    "patient_ref": "pat-7",
    "version": 1,
    "status": "final",
    "findings": "Tear | medial ^ meniscus & ~ \\ done.\n\nNo effusion.",
    "impression": "Medial meniscal tear.",
    "addenda": [],
    "created_at": datetime(2024, 5, 6, 7, 0, 0, tzinfo=timezone.utc),
    "updated_at": SIGNED,
    "signed_at": SIGNED,
}


@pytest.mark.parametrize(
    "draft, expected",
    [
        ("FINDINGS:\nA.\n\nIMPRESSION:\nB.", ("A.", "B.")),
        ("findings: A.\nimpression: B.", ("A.", "B.")),
        ("Just text.", ("Just text.", "")),
        ("Preamble.\nIMPRESSION:\nB.", ("Preamble.", "B.")),
        ("FINDINGS:\nA.\nFINDINGS:\nC.", ("A.\n\nC.", "")),
    ],
)
def test_a_draft_splits_into_findings_and_impression(draft, expected):
    assert document.split_sections(draft) == expected


def test_the_report_text_lays_out_sections_then_addenda_in_order():
    text = document.report_text("F.", "I.", ["One.", "Two."])
    assert text == "FINDINGS:\nF.\n\nIMPRESSION:\nI.\n\nADDENDUM:\nOne.\n\nADDENDUM:\nTwo."


def test_a_warning_id_is_stable_and_depends_on_every_field():
    warning = {"type": "laterality", "message": "m", "source_span": [0, 4], "report_span": [1, 5]}
    assert document.warning_id(warning) == document.warning_id(dict(reversed(warning.items())))
    assert document.warning_id(warning) != document.warning_id({**warning, "report_span": [2, 6]})
    assert document.warning_id({**warning, "type": "a-new-kind"}) != document.warning_id(warning)


def test_identical_warnings_collapse_into_one_acknowledgeable_warning():
    warning = {"type": "negation", "message": "m"}
    assert [w["id"] for w in document.identified([warning, dict(warning)])] == [
        document.warning_id(warning)
    ]


@pytest.mark.parametrize(
    "status, fhir_status, hl7_status",
    [
        ("preliminary", "preliminary", "P"),
        ("final", "final", "F"),
        ("amended", "amended", "C"),
        ("appended", "appended", "C"),
    ],
)
def test_statuses_map_one_to_one(status, fhir_status, hl7_status):
    view = {**VIEW, "status": status}
    assert DiagnosticReport.model_validate(fhir.diagnostic_report(view)).status == fhir_status
    message = parse_message(hl7.oru_r01(view, "CTRL1", SIGNED), find_groups=True)
    order = message.oru_r01_patient_result.oru_r01_order_observation
    assert order.obr.obr_25.value == hl7_status
    assert {o.obx.obx_11.value for o in order.oru_r01_observation} == {hl7_status}


def test_drafts_have_no_export_status():
    assert "draft" not in document.FHIR_STATUS and "draft" not in document.HL7_STATUS


def test_the_fhir_resource_carries_the_study_and_the_whole_text():
    view = {**VIEW, "addenda": [{"version": 2, "text": "Later note.", "status": "appended"}]}
    resource = fhir.diagnostic_report(view)
    parsed = DiagnosticReport.model_validate(resource)
    assert parsed.identifier[0].value == "ACC.42"
    assert parsed.subject.reference == "Patient/pat-7"
    assert parsed.code.text == "MR LEFT KNEE"
    assert parsed.conclusion == "Medial meniscal tear."
    assert resource["issued"] == "2024-05-06T07:08:09.000Z"
    text = base64.b64decode(resource["presentedForm"][0]["data"]).decode()
    assert text == document.report_text(VIEW["findings"], VIEW["impression"], ["Later note."])


def test_an_empty_impression_leaves_out_the_conclusion():
    resource = fhir.diagnostic_report({**VIEW, "impression": ""})
    assert "conclusion" not in resource
    DiagnosticReport.model_validate(resource)


def test_the_hl7_message_parses_back_with_the_same_fields():
    view = {**VIEW, "addenda": [{"version": 2, "text": "Later | note.", "status": "appended"}]}
    er7 = hl7.oru_r01(view, "CTRL1", SIGNED)
    assert "\n" not in er7 and er7.endswith("\r")
    message = parse_message(er7, find_groups=True)
    assert message.msh.msh_10.value == "CTRL1"
    assert message.msh.msh_7.to_er7() == "20240506070809+0000"
    result = message.oru_r01_patient_result
    assert result.oru_r01_patient.pid.pid_3.cx_1.value == "pat-7"
    obr = result.oru_r01_order_observation.obr
    assert (obr.obr_2.to_er7(), obr.obr_3.to_er7(), obr.obr_24.value) == (
        VIEW["id"],
        "ACC.42",
        "MR",
    )
    assert obr.obr_15.to_er7() == "^^^LEFT KNEE"
    observations = [o.obx for o in result.oru_r01_order_observation.oru_r01_observation]
    texts = ["\n".join(unescape(r.value) for r in obx.obx_5) for obx in observations]
    assert texts == [VIEW["findings"], VIEW["impression"], "Later | note."]
    assert [obx.obx_4.to_er7() for obx in observations] == ["", "", "2"]


@pytest.mark.parametrize(
    "text, escaped",
    [
        ("a|b", "a\\F\\b"),
        ("a^b&c", "a\\S\\b\\T\\c"),
        ("a~b\\c", "a\\R\\b\\E\\c"),
        ("line\r\nbreak", "line break"),
    ],
)
def test_delimiters_in_study_fields_are_escaped(text, escaped):
    assert hl7.escape(text) == escaped
    assert unescape(escaped) == text.replace("\r\n", " ")
