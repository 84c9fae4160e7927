"""History: own records only, newest first, cursor pagination, delete."""

from __future__ import annotations

import uuid

import pytest

from tests.support.assertions import assert_error_shape


def dictate(client, headers, query, session_id=None) -> dict:
    body = {"query": query} if session_id is None else {"query": query, "session_id": session_id}
    response = client.post("/process-command", json=body, headers=headers)
    assert response.status_code == 200, response.json
    return response.json


def test_history_lists_own_records_newest_first_with_a_cursor(client, auth_headers):
    headers = auth_headers()
    made = [dictate(client, headers, f"Finding number {i}.") for i in range(5)]
    seen, cursor = [], None
    while True:
        url = "/history?limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = client.get(url, headers=headers).json
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == [m["id"] for m in reversed(made)]


def test_history_filters_by_session(client, auth_headers):
    headers = auth_headers()
    first = dictate(client, headers, "One.")
    dictate(client, headers, "Two.", first["session_id"])
    dictate(client, headers, "Elsewhere.")
    items = client.get(f"/history?session_id={first['session_id']}", headers=headers).json
    assert [i["query"] for i in items["items"]] == ["Two.", "One."]


def test_nobody_reads_or_deletes_another_users_history(client, auth_headers):
    owner, other = auth_headers(), auth_headers()
    record = dictate(client, owner, "Private finding.")
    assert client.get("/history", headers=other).json["items"] == []
    assert_error_shape(client.get(f"/history/{record['id']}", headers=other), 404)
    assert_error_shape(client.delete(f"/history/{record['id']}", headers=other), 404)
    assert client.get(f"/history/{record['id']}", headers=owner).status_code == 200


def test_deleting_a_record_removes_it(client, auth_headers):
    headers = auth_headers()
    record = dictate(client, headers, "To be deleted.")
    assert client.delete(f"/history/{record['id']}", headers=headers).status_code == 200
    assert_error_shape(client.get(f"/history/{record['id']}", headers=headers), 404)
    assert_error_shape(client.delete(f"/history/{record['id']}", headers=headers), 404)


@pytest.mark.parametrize(
    "query",
    ["limit=0", "limit=x", "session_id=nope", "cursor=!!", "cursor=WzEsMl0"],
)
def test_bad_history_parameters_are_400(client, auth_headers, query):
    assert_error_shape(client.get(f"/history?{query}", headers=auth_headers()), 400)


@pytest.mark.parametrize("record_id", ["nope", str(uuid.uuid4())])
def test_unknown_records_are_404(client, auth_headers, record_id):
    assert_error_shape(client.get(f"/history/{record_id}", headers=auth_headers()), 404)
