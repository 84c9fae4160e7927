"""Reports over HTTP: the whole lifecycle, ownership, immutability, exports, audit trail."""

from __future__ import annotations

import base64
import uuid

import pytest
from fhir.resources.R4B.diagnosticreport import DiagnosticReport
from hl7apy.parser import parse_message

from tests.support.assertions import assert_error_shape
from tests.support.hl7 import unescape

STUDY = {
    "accession_number": "ACC-2024.0001",
    "modality": "CT",
    "body_part": "CHEST",
    "patient_ref": "pat-0042",
}
DICTATION = "Left pleural effusion measuring 2 cm."
EDITED = "Right pleural effusion measuring 3 cm | see prior ^ & ~ \\ note.\nNo pneumothorax."


def dictate(client, headers, query=DICTATION) -> dict:
    response = client.post("/process-command", json={"query": query}, headers=headers)
    assert response.status_code == 200, response.json
    return response.json


def new_report(client, headers, **extra) -> dict:
    command = dictate(client, headers)
    body = {**STUDY, "command_ids": [command["id"]], **extra}
    response = client.post("/reports", json=body, headers=headers)
    assert response.status_code == 201, response.json
    return response.json["report"]


def signed_report(client, headers) -> dict:
    report = new_report(client, headers)
    response = client.post(f"/reports/{report['id']}/sign", json={}, headers=headers)
    assert response.status_code == 200, response.json
    return response.json["report"]


def audit_actions(client, admin, resource_id) -> list[tuple[str, str]]:
    page = client.get(f"/audit?resource_id={resource_id}&limit=200", headers=admin).json
    return [(e["action"], e["resource_type"]) for e in reversed(page["items"])]


def test_the_whole_lifecycle_over_http(client, make_user, login):
    owner = make_user("user")
    headers = {"Authorization": f"Bearer {login(owner)['token']}"}
    admin = {"Authorization": f"Bearer {login(make_user('admin'))['token']}"}

    command = dictate(client, headers)
    created = client.post(
        "/reports", json={**STUDY, "command_ids": [command["id"]]}, headers=headers
    )
    assert created.status_code == 201, created.json
    report = created.json["report"]
    report_id = report["id"]
    assert (report["status"], report["version"]) == ("draft", 1)
    assert report["findings"] == DICTATION
    assert report["source"] == DICTATION
    assert report["command_ids"] == [command["id"]]
    assert report["warnings"] == []

    edited = client.put(f"/reports/{report_id}", json={"findings": EDITED}, headers=headers)
    assert edited.status_code == 200, edited.json
    warnings = edited.json["report"]["warnings"]
    assert {"laterality", "measurement"} <= {w["type"] for w in warnings}
    released = client.put(f"/reports/{report_id}", json={"status": "preliminary"}, headers=headers)
    assert released.json["report"]["status"] == "preliminary"

    first, *rest = warnings
    partial = client.post(
        f"/reports/{report_id}/sign",
        json={"acknowledgements": [{"warning_id": first["id"], "note": "Checked."}]},
        headers=headers,
    )
    assert_error_shape(partial, 409, "warnings_not_acknowledged")
    assert partial.json["missing"] == sorted(w["id"] for w in rest)

    acknowledgements = [{"warning_id": w["id"], "note": f"Seen {w['type']}."} for w in warnings]
    signed = client.post(
        f"/reports/{report_id}/sign", json={"acknowledgements": acknowledgements}, headers=headers
    )
    assert signed.status_code == 200, signed.json
    assert signed.json["report"]["status"] == "final"
    assert signed.json["report"]["signed_at"]
    stored = client.get(f"/reports/{report_id}/versions/1", headers=headers).json["version"]
    assert [a["warning_id"] for a in stored["acknowledgements"]] == [w["id"] for w in warnings]
    assert {a["note"] for a in stored["acknowledgements"]} == {a["note"] for a in acknowledgements}
    assert all(a["acknowledged_by"] == owner["user_id"] for a in stored["acknowledgements"])

    assert_error_shape(
        client.put(f"/reports/{report_id}", json={"findings": "Changed."}, headers=headers), 409
    )

    addendum = client.post(
        f"/reports/{report_id}/addenda",
        json={"addendum": "Compared with the prior study: stable."},
        headers=headers,
    )
    assert addendum.status_code == 201, addendum.json
    current = addendum.json["report"]
    assert (current["status"], current["version"]) == ("appended", 2)
    assert [v["status"] for v in current["versions"]] == ["final", "appended"]
    assert (
        client.get(f"/reports/{report_id}/versions/1", headers=headers).json["version"]["findings"]
        == EDITED
    )

    exported = client.get(f"/reports/{report_id}/export/fhir", headers=headers)
    assert exported.status_code == 200
    assert exported.mimetype == "application/fhir+json"
    resource = DiagnosticReport.model_validate(exported.json)
    assert resource.status == "appended"
    assert resource.id == report_id
    assert resource.subject.reference == f"Patient/{STUDY['patient_ref']}"
    assert resource.identifier[0].value == STUDY["accession_number"]
    assert resource.code.text == "CT CHEST"
    text = base64.b64decode(exported.json["presentedForm"][0]["data"]).decode()
    assert EDITED in text and "Compared with the prior study: stable." in text

    message = client.get(f"/reports/{report_id}/export/hl7", headers=headers)
    assert message.status_code == 200
    assert message.mimetype == "application/hl7-v2"
    parsed = parse_message(message.get_data(as_text=True), find_groups=True)
    assert parsed.msh.msh_9.to_er7() == "ORU^R01^ORU_R01"
    assert parsed.msh.msh_12.value == "2.5.1"
    result = parsed.oru_r01_patient_result
    assert result.oru_r01_patient.pid.pid_3.cx_1.value == STUDY["patient_ref"]
    order = result.oru_r01_order_observation
    assert order.obr.obr_2.to_er7() == report_id
    assert order.obr.obr_3.to_er7() == STUDY["accession_number"]
    assert order.obr.obr_24.value == STUDY["modality"]
    assert order.obr.obr_15.to_er7() == f"^^^{STUDY['body_part']}"
    assert order.obr.obr_25.value == "C"
    observations = [o.obx for o in order.oru_r01_observation]
    lines = ["\n".join(unescape(r.value) for r in obx.obx_5) for obx in observations]
    assert lines == [
        EDITED,
        report["impression"],
        "Compared with the prior study: stable.",
    ]
    assert {obx.obx_11.value for obx in observations} == {"C"}

    assert audit_actions(client, admin, report_id) == [
        ("create", "report"),
        ("change", "report"),
        ("change", "report"),
        ("sign", "report"),
        ("read", "report"),
        ("addendum", "report"),
        ("read", "report"),
        ("export", "report"),
        ("export", "report"),
    ]
    assert audit_actions(client, admin, command["id"]) == [("create", "command")]


@pytest.mark.parametrize(
    "status, fhir_status, hl7_status",
    [("preliminary", "preliminary", "P"), ("final", "final", "F")],
)
def test_statuses_map_one_to_one_onto_fhir_and_hl7(
    client, auth_headers, status, fhir_status, hl7_status
):
    headers = auth_headers()
    report = new_report(client, headers)
    if status == "preliminary":
        client.put(f"/reports/{report['id']}", json={"status": "preliminary"}, headers=headers)
    else:
        client.post(f"/reports/{report['id']}/sign", json={}, headers=headers)
    fhir = client.get(f"/reports/{report['id']}/export/fhir", headers=headers).json
    assert DiagnosticReport.model_validate(fhir).status == fhir_status
    message = client.get(f"/reports/{report['id']}/export/hl7", headers=headers)
    parsed = parse_message(message.get_data(as_text=True), find_groups=True)
    order = parsed.oru_r01_patient_result.oru_r01_order_observation
    assert order.obr.obr_25.value == hl7_status
    assert {o.obx.obx_11.value for o in order.oru_r01_observation} == {hl7_status}


def test_an_addendum_that_changes_the_text_is_amended(client, auth_headers):
    headers = auth_headers()
    report = signed_report(client, headers)
    response = client.post(
        f"/reports/{report['id']}/addenda",
        json={"addendum": "Impression corrected.", "impression": "Small effusion."},
        headers=headers,
    )
    assert response.status_code == 201, response.json
    assert response.json["report"]["status"] == "amended"
    fhir = client.get(f"/reports/{report['id']}/export/fhir", headers=headers).json
    assert DiagnosticReport.model_validate(fhir).status == "amended"
    assert fhir["conclusion"] == "Small effusion."
    original = client.get(f"/reports/{report['id']}/versions/1", headers=headers).json
    assert original["version"]["impression"] == report["impression"]


@pytest.mark.parametrize(
    "method, suffix, body",
    [
        ("put", "", {"findings": "Changed."}),
        ("delete", "", None),
        ("post", "/sign", {}),
    ],
)
def test_a_signed_version_never_changes(client, auth_headers, method, suffix, body):
    headers = auth_headers()
    report = signed_report(client, headers)
    kwargs = {"json": body} if body is not None else {}
    response = getattr(client, method)(
        f"/reports/{report['id']}{suffix}", headers=headers, **kwargs
    )
    assert_error_shape(response, 409, "report_status_conflict")
    after = client.get(f"/reports/{report['id']}", headers=headers).json["report"]
    assert (after["status"], after["findings"]) == ("final", report["findings"])


@pytest.mark.parametrize(
    "method, suffix, body",
    [
        ("get", "", None),
        ("put", "", {"findings": "Not yours."}),
        ("delete", "", None),
        ("post", "/sign", {}),
        ("post", "/addenda", {"addendum": "Not yours."}),
        ("get", "/versions/1", None),
        ("get", "/export/fhir", None),
        ("get", "/export/hl7", None),
    ],
)
def test_another_users_report_is_404(client, auth_headers, method, suffix, body):
    owner, other = auth_headers(), auth_headers("admin")
    report = new_report(client, owner)
    kwargs = {"json": body} if body is not None else {}
    response = getattr(client, method)(f"/reports/{report['id']}{suffix}", headers=other, **kwargs)
    assert_error_shape(response, 404)
    assert client.get(f"/reports/{report['id']}", headers=owner).json["report"]["status"] == "draft"


def test_a_draft_is_not_exported_and_cannot_take_an_addendum(client, auth_headers):
    headers = auth_headers()
    report = new_report(client, headers)
    for path in ("export/fhir", "export/hl7"):
        assert_error_shape(client.get(f"/reports/{report['id']}/{path}", headers=headers), 409)
    assert_error_shape(
        client.post(f"/reports/{report['id']}/addenda", json={"addendum": "x"}, headers=headers),
        409,
    )


def test_a_preliminary_report_stays_editable_but_cannot_return_to_draft(client, auth_headers):
    headers = auth_headers()
    report = new_report(client, headers)
    url = f"/reports/{report['id']}"
    assert client.put(url, json={"status": "preliminary"}, headers=headers).status_code == 200
    edited = client.put(url, json={"impression": "Effusion."}, headers=headers)
    assert edited.json["report"]["impression"] == "Effusion."
    assert_error_shape(client.put(url, json={"status": "draft"}, headers=headers), 409)
    assert_error_shape(client.delete(url, headers=headers), 409)


def test_deleting_a_draft_removes_it_and_is_audited(client, auth_headers):
    headers, admin = auth_headers(), auth_headers("admin")
    report = new_report(client, headers)
    assert client.delete(f"/reports/{report['id']}", headers=headers).status_code == 200
    assert_error_shape(client.get(f"/reports/{report['id']}", headers=headers), 404)
    assert audit_actions(client, admin, report["id"]) == [
        ("create", "report"),
        ("delete", "report"),
    ]


def test_reports_list_own_reports_newest_first_with_a_cursor(client, auth_headers):
    headers = auth_headers()
    made = [new_report(client, headers)["id"] for _ in range(3)]
    seen, cursor = [], None
    while True:
        url = "/reports?limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = client.get(url, headers=headers).json
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == list(reversed(made))
    assert client.get("/reports", headers=auth_headers()).json["items"] == []


@pytest.mark.parametrize(
    "change",
    [
        {"accession_number": "bad|value"},
        {"modality": "ct"},
        {"patient_ref": "has space"},
        {"body_part": ""},
        {"findings": "   "},
        {"command_ids": ["nope"]},
        {"command_ids": "not a list"},
        {"extra": 1},
    ],
)
def test_bad_report_bodies_are_400(client, auth_headers, change):
    headers = auth_headers()
    command = dictate(client, headers)
    body = {**STUDY, "command_ids": [command["id"]], **change}
    assert_error_shape(client.post("/reports", json=body, headers=headers), 400)


def test_someone_elses_command_cannot_draft_a_report(client, auth_headers):
    command = dictate(client, auth_headers())
    body = {**STUDY, "command_ids": [command["id"]]}
    assert_error_shape(client.post("/reports", json=body, headers=auth_headers()), 404)


@pytest.mark.parametrize(
    "acknowledgements",
    [
        "not a list",
        [{"warning_id": "x", "note": "y", "extra": 1}],
        [{"warning_id": "dup"}, {"warning_id": "dup"}],
        [{"warning_id": "0123456789ABCDEF"}],
        [{"warning_id": "0123456789abcdef", "note": "line\nbreak"}],
        [{"note": "no id"}],
    ],
)
def test_malformed_acknowledgements_are_400(client, auth_headers, acknowledgements):
    headers = auth_headers()
    report = new_report(client, headers)
    response = client.post(
        f"/reports/{report['id']}/sign",
        json={"acknowledgements": acknowledgements},
        headers=headers,
    )
    assert_error_shape(response, 400)


def test_acknowledging_a_warning_that_is_not_open_is_refused(client, auth_headers):
    headers = auth_headers()
    report = new_report(client, headers)
    response = client.post(
        f"/reports/{report['id']}/sign",
        json={"acknowledgements": [{"warning_id": "0123456789abcdef"}]},
        headers=headers,
    )
    assert_error_shape(response, 409, "warnings_not_acknowledged")
    assert response.json["unknown"] == ["0123456789abcdef"]


def test_acknowledging_a_warning_twice_is_refused_as_the_spec_says(client, auth_headers):
    headers = auth_headers()
    report = new_report(client, headers)
    twice = [{"warning_id": "0123456789abcdef"}, {"warning_id": "0123456789abcdef", "note": "x"}]
    response = client.post(
        f"/reports/{report['id']}/sign", json={"acknowledgements": twice}, headers=headers
    )
    assert_error_shape(response, 409, "warnings_not_acknowledged")
    assert response.json["duplicate"] == ["0123456789abcdef"]


@pytest.mark.parametrize(
    "method, path, status",
    [
        ("put", "/reports/verify", 405),
        ("delete", "/reports/verify", 405),
        ("get", "/reports/not-a-uuid", 404),
        ("post", "/reports/not-a-uuid/sign", 404),
        ("get", "/reports/not-a-uuid/export/fhir", 404),
    ],
)
def test_a_report_path_that_is_not_a_uuid_matches_no_report_route(
    client, auth_headers, method, path, status
):
    response = getattr(client, method)(path, json={}, headers=auth_headers())
    assert_error_shape(response, status)
    if status == 405:
        assert "POST" in response.headers["Allow"].split(", ")


def test_null_fields_of_a_report_change_stay_as_they_are(client, auth_headers):
    headers = auth_headers()
    report = new_report(client, headers)
    body = {"modality": None, "findings": None, "impression": None, "status": None}
    response = client.put(f"/reports/{report['id']}", json=body, headers=headers)
    assert response.status_code == 200, response.json
    after = response.json["report"]
    assert [after[k] for k in ("modality", "findings", "impression", "status")] == [
        report[k] for k in ("modality", "findings", "impression", "status")
    ]


def test_a_report_needs_findings_or_a_command_that_drafts_them(client, auth_headers):
    response = client.post("/reports", json={**STUDY, "command_ids": []}, headers=auth_headers())
    assert_error_shape(response, 400)


def test_history_reads_and_deletions_are_audited(client, auth_headers):
    headers, admin = auth_headers(), auth_headers("admin")
    command = dictate(client, headers)
    client.get(f"/history/{command['id']}", headers=headers)
    client.delete(f"/history/{command['id']}", headers=headers)
    assert audit_actions(client, admin, command["id"]) == [
        ("create", "command"),
        ("read", "command"),
        ("delete", "command"),
    ]


def test_audit_rows_carry_the_request_id(client, auth_headers):
    headers, admin = auth_headers(), auth_headers("admin")
    request_id = f"audit-{uuid.uuid4().hex[:12]}"
    report = new_report(client, headers)
    client.get(f"/reports/{report['id']}", headers={**headers, "X-Request-Id": request_id})
    events = client.get(f"/audit?resource_id={report['id']}&action=read", headers=admin).json
    assert [e["request_id"] for e in events["items"]] == [request_id]


def test_only_administrators_read_the_audit_trail(client, auth_headers):
    assert_error_shape(client.get("/audit", headers=auth_headers()), 403)
    assert client.get("/audit", headers=auth_headers("admin")).status_code == 200


@pytest.mark.parametrize("method", ["put", "post", "delete"])
def test_the_audit_trail_cannot_be_changed_through_the_api(client, auth_headers, method):
    admin = auth_headers("admin")
    before = client.get("/audit?limit=200", headers=admin).json["items"]
    response = getattr(client, method)("/audit", json={}, headers=admin)
    assert_error_shape(response, 405)
    after = client.get("/audit?limit=200", headers=admin).json["items"]
    assert after == before


def test_an_audit_cursor_past_every_sequence_number_is_the_first_page(client, auth_headers):
    admin = auth_headers("admin")
    new_report(client, auth_headers())
    first = client.get("/audit?limit=5", headers=admin).json
    past = client.get("/audit?limit=5&cursor=9999999999999999999", headers=admin)
    assert past.status_code == 200, past.json
    assert past.json["items"] == first["items"]


def test_the_audit_trail_pages_newest_first_with_a_cursor(client, auth_headers):
    headers, admin = auth_headers(), auth_headers("admin")
    report = new_report(client, headers)
    for _ in range(3):
        client.get(f"/reports/{report['id']}", headers=headers)
    seen, cursor = [], None
    while True:
        url = f"/audit?resource_id={report['id']}&limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = client.get(url, headers=admin).json
        seen += [int(e["id"]) for e in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == 4 and seen == sorted(seen, reverse=True)


@pytest.mark.parametrize(
    "query", ["limit=0", "actor_id=nope", "action=erase", "resource_type=user", "cursor=!!"]
)
def test_bad_audit_parameters_are_400(client, auth_headers, query):
    assert_error_shape(client.get(f"/audit?{query}", headers=auth_headers("admin")), 400)
