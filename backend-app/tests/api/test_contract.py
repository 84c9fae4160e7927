"""The OpenAPI document is the contract: fuzz every operation, and reach every documented status."""

from __future__ import annotations

import ast
import json
import random
import threading
import uuid
from typing import Callable

import pytest
import schemathesis
import schemathesis.engine
import yaml
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import events
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from werkzeug.test import TestResponse

from tests.conftest import in_ci
from tests.support.apps import running_app
from radpair.blueprints.docs import OPENAPI_FILE
from radpair.db import Database
from radpair.limits import MAX_IMPORT_BYTES, MAX_JSON_BYTES
from tests.support.llm_stub import Behaviour
from tests.support.servers import free_port, gunicorn_server, prod_env

# CI replays the same requests every run; a local run explores new ones (its seed is reported
# with any failure, so it can be replayed).
SEED = 13 if in_ci() else random.SystemRandom().randrange(2**32)


def schemathesis_config(**extra) -> SchemathesisConfig:
    """Every phase (examples, coverage, fuzzing, stateful), positive and negative data, and
    every check (all are enabled by default; none is switched off here)."""
    phases = ("examples", "coverage", "fuzzing", "stateful")
    return SchemathesisConfig.from_dict(
        {
            "seed": SEED,
            "generation": {"mode": "all", "max-examples": 50},
            "phases": {name: {"enabled": True} for name in phases},
            **extra,
        }
    )


CONFIG = schemathesis_config()
# The file the app serves at /openapi.yaml (test_the_served_document_is_the_one_tested checks it).
schema = schemathesis.openapi.from_path(OPENAPI_FILE, config=CONFIG)
SPEC = yaml.safe_load(OPENAPI_FILE.read_text("utf-8"))
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
DOCUMENTED = sorted(
    (operation["operationId"], status)
    for item in SPEC["paths"].values()
    for method, operation in item.items()
    if method in HTTP_METHODS
    for status in operation["responses"]
)

# Status documented, Content-Type documented for it, body and headers valid against their schemas.
CONFORMANCE_CHECKS = [
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
JSON = "application/json"
NO_SUCH_ID = "00000000-0000-4000-8000-000000000000"
OVERSIZED_JSON = json.dumps({"text": "x" * MAX_JSON_BYTES}).encode()
CSV_HEADER = "Macro Phrase,Macro Text\n"


def bearer(token: str) -> dict:
    """Authorization headers for a token."""
    return {"Authorization": f"Bearer {token}"}


def unique(prefix: str) -> str:
    """A phrase or name no other test uses."""
    return f"{prefix} {uuid.uuid4().hex[:10]}"


@pytest.fixture(scope="module")
def llm_app(settings, stub):
    """The app drafting through the stub, with a short deadline and no retries."""
    drafting = settings.with_overrides(
        openai_api_key="sk-stub-contract-0123456789",
        openai_base_url=stub.base_url,
        openai_model="stub-model",
        llm_timeout_s=0.5,
        llm_max_retries=0,
    )
    with running_app(drafting) as application:
        yield application


@pytest.fixture(scope="module")
def down_app(settings):
    """The app with DATABASE_URL on a closed loopback port (same JWT secret as `app`)."""
    down = settings.with_overrides(database_url=f"postgresql://127.0.0.1:{free_port()}/radpair")
    database = Database(down.database_url, min_size=1, max_size=2)
    # Give up on the pool after 0.1 s instead of the production 5 s: same 503, faster test.
    database.pool.timeout = 0.1
    with running_app(down, database) as application:
        yield application


class World:
    """Clients of the three apps, and helpers that build the state a probe needs."""

    def __init__(self, app, llm_app, down_app, stub, make_user):
        self.api = app.test_client()
        self.llm = llm_app.test_client()
        self.down = down_app.test_client()
        self.stub = stub
        self.make_user = make_user
        self.account = make_user("user")
        self.user = bearer(self.session(self.account)["token"])
        self.admin = bearer(self.session(make_user("admin"))["token"])

    def credentials(self) -> dict:
        """Email and password of a new user."""
        user = self.make_user("user")
        return {"email": user["email"], "password": user["password"]}

    def new_account(self) -> dict:
        """A /users body for an email nobody has."""
        return {"email": f"{uuid.uuid4().hex[:12]}@example.org", "password": "Fresh-Stone-88"}

    def session(self, user: dict | None = None) -> dict:
        """The /login answer for a user (a new one by default)."""
        user = user or self.make_user("user")
        response = self.api.post(
            "/login", json={"email": user["email"], "password": user["password"]}
        )
        assert response.status_code == 200, response.json
        return response.json

    def macro(self, headers: dict, **extra) -> str:
        """A new macro of the caller's; its id."""
        body = {"phrase": unique("contract phrase"), "text": "Contract text.", **extra}
        response = self.api.post("/macros", json=body, headers=headers)
        assert response.status_code == 201, response.json
        return response.json["macro"]["id"]

    def command(self, headers: dict) -> dict:
        """A new stored command of the caller's."""
        response = self.api.post(
            "/process-command", json={"query": "No acute findings."}, headers=headers
        )
        assert response.status_code == 200, response.json
        return response.json

    def report(self, headers: dict, status: str = "draft") -> str:
        """A new report of the caller's, drafted from a command, in this status; its id."""
        body = {**REPORT, "command_ids": [self.command(headers)["id"]]}
        response = self.api.post("/reports", json=body, headers=headers)
        assert response.status_code == 201, response.json
        report_id = response.json["report"]["id"]
        if status == "preliminary":
            self.api.put(f"/reports/{report_id}", json={"status": status}, headers=headers)
        elif status == "final":
            self.api.post(f"/reports/{report_id}/sign", json={}, headers=headers)
        return report_id

    def expansion_bomb(self, path: str, field: str) -> TestResponse:
        """Three dictated macros of 90,000 characters each: past the per-request cap."""
        leaf, wide = unique("contract leaf"), unique("contract wide")
        self.api.post("/macros", json={"phrase": leaf, "text": "x" * 900}, headers=self.user)
        body = {"phrase": wide, "text": ("{{" + leaf + "}} ") * 99}
        assert self.api.post("/macros", json=body, headers=self.user).status_code == 201
        return self.api.post(path, json={field: f"insert {wide}. " * 3}, headers=self.user)

    def rename_onto_existing(self) -> TestResponse:
        """PUT a macro with the phrase of another macro of the same owner."""
        taken = unique("contract taken")
        self.macro(self.admin, phrase=taken)
        other = self.macro(self.admin)
        body = {"phrase": taken, "text": "Clash."}
        return self.api.put(f"/macros/{other}", json=body, headers=self.admin)

    def locked_out_login(self) -> TestResponse:
        """The right password after five wrong ones within the window."""
        credentials = self.credentials()
        for _ in range(5):
            self.api.post("/login", json={**credentials, "password": "Wrong-Pass-42"})
        return self.api.post("/login", json=credentials)

    def llm_answer(self, behaviour: Behaviour) -> TestResponse:
        """/process-command on the app whose model (the stub) behaves this way."""
        self.stub.reset(default=behaviour)
        try:
            body = {"query": "insert normal chest"}
            return self.llm.post("/process-command", json=body, headers=self.user)
        finally:
            self.stub.reset()


@pytest.fixture(scope="module")
def world(app, llm_app, down_app, stub, make_user):
    """The probes' world, built once per module."""
    return World(app, llm_app, down_app, stub, make_user)


Probe = Callable[[World], TestResponse]


def without_token(method: str, path: str, **kwargs) -> Probe:
    """The request with no Authorization header."""
    return lambda w: getattr(w.api, method)(path, **kwargs)


def database_down(method: str, path: str, **kwargs) -> Probe:
    """The request, as an admin, to the app whose database does not answer."""
    return lambda w: getattr(w.down, method)(path, headers=w.admin, **kwargs)


def oversized(method: str, path: str) -> Probe:
    """A JSON body just over 1 MiB, as an admin."""
    return lambda w: getattr(w.api, method)(
        path, data=OVERSIZED_JSON, content_type=JSON, headers=w.admin
    )


def wrong_media_type(method: str, path: str, body: dict) -> Probe:
    """A JSON body labelled text/plain, as an admin."""
    return lambda w: getattr(w.api, method)(
        path, data=json.dumps(body), content_type="text/plain", headers=w.admin
    )


EXPAND = {"text": "insert normal chest"}
MACRO = {"phrase": "contract macro", "text": "Text."}
VERIFY = {"source": "Left effusion.", "report": "Left effusion."}
ACCOUNT = {"email": "down@example.org", "password": "Fresh-Stone-88"}
QUERY = {"query": "No acute findings."}
SOME_MACRO = f"/macros/{NO_SUCH_ID}"
SOME_RECORD = f"/history/{NO_SUCH_ID}"
REPORT = {"accession_number": "A1", "modality": "CT", "body_part": "CHEST", "patient_ref": "p-1"}
ADDENDUM = {"addendum": "Addendum text."}
SOME_REPORT = f"/reports/{NO_SUCH_ID}"

# (operationId, documented status) -> a concrete request that produces exactly that status.
PROBES: dict[tuple[str, str], Probe] = {
    ("getStatus", "200"): lambda w: w.api.get("/status"),
    ("getReadiness", "200"): lambda w: w.api.get("/status/ready"),
    ("getReadiness", "503"): lambda w: w.down.get("/status/ready"),
    ("getOpenapi", "200"): lambda w: w.api.get("/openapi.yaml"),
    ("getDocs", "200"): lambda w: w.api.get("/docs"),
    ("getDocsInit", "200"): lambda w: w.api.get("/docs/init.js"),
    ("getDocsAsset", "200"): lambda w: w.api.get("/docs/assets/swagger-ui.css"),
    ("getDocsAsset", "404"): lambda w: w.api.get("/docs/assets/secrets.txt"),
    ("login", "200"): lambda w: w.api.post("/login", json=w.credentials()),
    ("login", "400"): lambda w: w.api.post("/login", json={"email": 5, "password": "x"}),
    ("login", "401"): lambda w: w.api.post(
        "/login", json={**w.credentials(), "password": "Wrong-Pass-42"}
    ),
    ("login", "413"): lambda w: w.api.post("/login", data=OVERSIZED_JSON, content_type=JSON),
    ("login", "415"): lambda w: w.api.post(
        "/login", data=json.dumps(w.credentials()), content_type="text/plain"
    ),
    ("login", "429"): lambda w: w.locked_out_login(),
    ("login", "503"): lambda w: w.down.post("/login", json=ACCOUNT),
    ("refreshToken", "200"): lambda w: w.api.post(
        "/token/refresh", headers=bearer(w.session()["refresh_token"])
    ),
    ("refreshToken", "401"): without_token("post", "/token/refresh"),
    ("refreshToken", "503"): lambda w: w.down.post(
        "/token/refresh", headers=bearer(w.session()["refresh_token"])
    ),
    ("logout", "200"): lambda w: w.api.post("/logout", headers=bearer(w.session()["token"])),
    ("logout", "401"): without_token("post", "/logout"),
    ("logout", "503"): database_down("post", "/logout"),
    ("getMe", "200"): lambda w: w.api.get("/me", headers=w.user),
    ("getMe", "401"): without_token("get", "/me"),
    ("getMe", "503"): database_down("get", "/me"),
    ("createUser", "201"): lambda w: w.api.post("/users", json=w.new_account(), headers=w.admin),
    ("createUser", "400"): lambda w: w.api.post(
        "/users", json={**ACCOUNT, "email": "not-an-email"}, headers=w.admin
    ),
    ("createUser", "401"): without_token("post", "/users", json=ACCOUNT),
    ("createUser", "403"): lambda w: w.api.post("/users", json=w.new_account(), headers=w.user),
    ("createUser", "409"): lambda w: w.api.post(
        "/users", json={**ACCOUNT, "email": w.account["email"]}, headers=w.admin
    ),
    ("createUser", "413"): oversized("post", "/users"),
    ("createUser", "415"): wrong_media_type("post", "/users", ACCOUNT),
    ("createUser", "503"): database_down("post", "/users", json=ACCOUNT),
    ("expandMacros", "200"): lambda w: w.api.post("/macros/expand", json=EXPAND, headers=w.user),
    ("expandMacros", "400"): lambda w: w.api.post(
        "/macros/expand", json={"text": 5}, headers=w.user
    ),
    ("expandMacros", "401"): without_token("post", "/macros/expand", json=EXPAND),
    ("expandMacros", "413"): oversized("post", "/macros/expand"),
    ("expandMacros", "415"): wrong_media_type("post", "/macros/expand", EXPAND),
    ("expandMacros", "422"): lambda w: w.expansion_bomb("/macros/expand", "text"),
    ("expandMacros", "503"): database_down("post", "/macros/expand", json=EXPAND),
    ("listMacros", "200"): lambda w: w.api.get("/macros?q=chest&limit=2", headers=w.user),
    ("listMacros", "400"): lambda w: w.api.get("/macros?limit=0", headers=w.user),
    ("listMacros", "401"): without_token("get", "/macros"),
    ("listMacros", "503"): database_down("get", "/macros"),
    ("createMacro", "201"): lambda w: w.api.post(
        "/macros", json={**MACRO, "phrase": unique("contract new")}, headers=w.user
    ),
    ("createMacro", "400"): lambda w: w.api.post(
        "/macros", json={**MACRO, "phrase": "   "}, headers=w.user
    ),
    ("createMacro", "401"): without_token("post", "/macros", json=MACRO),
    ("createMacro", "403"): lambda w: w.api.post(
        "/macros", json={**MACRO, "scope": "site"}, headers=w.user
    ),
    ("createMacro", "409"): lambda w: w.api.post(
        "/macros", json={**MACRO, "phrase": "normal chest", "scope": "site"}, headers=w.admin
    ),
    ("createMacro", "413"): oversized("post", "/macros"),
    ("createMacro", "415"): wrong_media_type("post", "/macros", MACRO),
    ("createMacro", "503"): database_down("post", "/macros", json=MACRO),
    ("getMacro", "200"): lambda w: w.api.get(f"/macros/{w.macro(w.admin)}", headers=w.user),
    ("getMacro", "401"): without_token("get", SOME_MACRO),
    ("getMacro", "404"): lambda w: w.api.get(
        f"/macros/{w.macro(w.admin, private=True)}", headers=w.user
    ),
    ("getMacro", "503"): database_down("get", SOME_MACRO),
    ("updateMacro", "200"): lambda w: w.api.put(
        f"/macros/{w.macro(w.user)}", json={**MACRO, "phrase": unique("renamed")}, headers=w.user
    ),
    ("updateMacro", "400"): lambda w: w.api.put(
        f"/macros/{w.macro(w.user)}", json={**MACRO, "text": ""}, headers=w.user
    ),
    ("updateMacro", "401"): without_token("put", SOME_MACRO, json=MACRO),
    ("updateMacro", "403"): lambda w: w.api.put(
        f"/macros/{w.macro(w.admin)}", json=MACRO, headers=w.user
    ),
    ("updateMacro", "404"): lambda w: w.api.put(SOME_MACRO, json=MACRO, headers=w.user),
    ("updateMacro", "409"): lambda w: w.rename_onto_existing(),
    ("updateMacro", "413"): oversized("put", SOME_MACRO),
    ("updateMacro", "415"): wrong_media_type("put", SOME_MACRO, MACRO),
    ("updateMacro", "503"): database_down("put", SOME_MACRO, json=MACRO),
    ("deleteMacro", "200"): lambda w: w.api.delete(f"/macros/{w.macro(w.user)}", headers=w.user),
    ("deleteMacro", "401"): without_token("delete", SOME_MACRO),
    ("deleteMacro", "403"): lambda w: w.api.delete(f"/macros/{w.macro(w.admin)}", headers=w.user),
    ("deleteMacro", "404"): lambda w: w.api.delete(SOME_MACRO, headers=w.user),
    ("deleteMacro", "503"): database_down("delete", SOME_MACRO),
    ("importMacros", "200"): lambda w: w.api.post(
        "/macros/import",
        data=f"{CSV_HEADER}{unique('imported')},Imported text.\n",
        content_type="text/csv",
        headers=w.user,
    ),
    ("importMacros", "400"): lambda w: w.api.post(
        "/macros/import", data="Phrase,Text\na b,c\n", content_type="text/csv", headers=w.user
    ),
    ("importMacros", "401"): without_token(
        "post", "/macros/import", data=CSV_HEADER, content_type="text/csv"
    ),
    ("importMacros", "403"): lambda w: w.api.post(
        "/macros/import?scope=site", data=CSV_HEADER, content_type="text/csv", headers=w.user
    ),
    ("importMacros", "413"): lambda w: w.api.post(
        "/macros/import",
        data=b"x" * (MAX_IMPORT_BYTES + 1),
        content_type="text/csv",
        headers=w.user,
    ),
    ("importMacros", "415"): lambda w: w.api.post(
        "/macros/import", data=CSV_HEADER, content_type=JSON, headers=w.user
    ),
    ("importMacros", "503"): database_down(
        "post", "/macros/import", data=CSV_HEADER, content_type="text/csv"
    ),
    ("exportMacros", "200"): lambda w: w.api.get("/macros/export", headers=w.user),
    ("exportMacros", "401"): without_token("get", "/macros/export"),
    ("exportMacros", "503"): database_down("get", "/macros/export"),
    ("processCommand", "200"): lambda w: w.api.post("/process-command", json=QUERY, headers=w.user),
    ("processCommand", "400"): lambda w: w.api.post(
        "/process-command", json={"query": "   "}, headers=w.user
    ),
    ("processCommand", "401"): without_token("post", "/process-command", json=QUERY),
    ("processCommand", "404"): lambda w: w.api.post(
        "/process-command",
        json={**QUERY, "session_id": w.command(w.admin)["session_id"]},
        headers=w.user,
    ),
    ("processCommand", "413"): oversized("post", "/process-command"),
    ("processCommand", "415"): wrong_media_type("post", "/process-command", QUERY),
    ("processCommand", "422"): lambda w: w.expansion_bomb("/process-command", "query"),
    ("processCommand", "502"): lambda w: w.llm_answer(Behaviour(kind="error", status=500)),
    ("processCommand", "503"): database_down("post", "/process-command", json=QUERY),
    ("processCommand", "504"): lambda w: w.llm_answer(Behaviour(kind="slow", delay_s=1.5)),
    ("listHistory", "200"): lambda w: w.api.get("/history?limit=5", headers=w.user),
    ("listHistory", "400"): lambda w: w.api.get("/history?session_id=nope", headers=w.user),
    ("listHistory", "401"): without_token("get", "/history"),
    ("listHistory", "503"): database_down("get", "/history"),
    ("getHistoryItem", "200"): lambda w: w.api.get(
        f"/history/{w.command(w.user)['id']}", headers=w.user
    ),
    ("getHistoryItem", "401"): without_token("get", SOME_RECORD),
    ("getHistoryItem", "404"): lambda w: w.api.get(
        f"/history/{w.command(w.admin)['id']}", headers=w.user
    ),
    ("getHistoryItem", "503"): database_down("get", SOME_RECORD),
    ("deleteHistoryItem", "200"): lambda w: w.api.delete(
        f"/history/{w.command(w.user)['id']}", headers=w.user
    ),
    ("deleteHistoryItem", "401"): without_token("delete", SOME_RECORD),
    ("deleteHistoryItem", "404"): lambda w: w.api.delete(SOME_RECORD, headers=w.user),
    ("deleteHistoryItem", "503"): database_down("delete", SOME_RECORD),
    ("verifyReport", "200"): lambda w: w.api.post("/reports/verify", json=VERIFY, headers=w.user),
    ("verifyReport", "400"): lambda w: w.api.post(
        "/reports/verify", json={"source": "x"}, headers=w.user
    ),
    ("verifyReport", "401"): without_token("post", "/reports/verify", json=VERIFY),
    ("verifyReport", "413"): oversized("post", "/reports/verify"),
    ("verifyReport", "415"): wrong_media_type("post", "/reports/verify", VERIFY),
    ("verifyReport", "503"): database_down("post", "/reports/verify", json=VERIFY),
    ("listReports", "200"): lambda w: w.api.get("/reports?limit=2", headers=w.user),
    ("listReports", "400"): lambda w: w.api.get("/reports?limit=0", headers=w.user),
    ("listReports", "401"): without_token("get", "/reports"),
    ("listReports", "503"): database_down("get", "/reports"),
    ("createReport", "201"): lambda w: w.api.post(
        "/reports", json={**REPORT, "findings": "No acute findings."}, headers=w.user
    ),
    ("createReport", "400"): lambda w: w.api.post(
        "/reports", json={**REPORT, "modality": "ct"}, headers=w.user
    ),
    ("createReport", "401"): without_token("post", "/reports", json=REPORT),
    ("createReport", "404"): lambda w: w.api.post(
        "/reports", json={**REPORT, "command_ids": [w.command(w.admin)["id"]]}, headers=w.user
    ),
    ("createReport", "413"): oversized("post", "/reports"),
    ("createReport", "415"): wrong_media_type("post", "/reports", REPORT),
    ("createReport", "503"): database_down("post", "/reports", json=REPORT),
    ("getReport", "200"): lambda w: w.api.get(f"/reports/{w.report(w.user)}", headers=w.user),
    ("getReport", "401"): without_token("get", SOME_REPORT),
    ("getReport", "404"): lambda w: w.api.get(f"/reports/{w.report(w.admin)}", headers=w.user),
    ("getReport", "503"): database_down("get", SOME_REPORT),
    ("updateReport", "200"): lambda w: w.api.put(
        f"/reports/{w.report(w.user)}", json={"impression": "Clear."}, headers=w.user
    ),
    ("updateReport", "400"): lambda w: w.api.put(
        f"/reports/{w.report(w.user)}", json={"status": "final"}, headers=w.user
    ),
    ("updateReport", "401"): without_token("put", SOME_REPORT, json=REPORT),
    ("updateReport", "404"): lambda w: w.api.put(SOME_REPORT, json=REPORT, headers=w.user),
    ("updateReport", "409"): lambda w: w.api.put(
        f"/reports/{w.report(w.user, 'final')}", json={"impression": "x"}, headers=w.user
    ),
    ("updateReport", "413"): oversized("put", SOME_REPORT),
    ("updateReport", "415"): wrong_media_type("put", SOME_REPORT, REPORT),
    ("updateReport", "503"): database_down("put", SOME_REPORT, json=REPORT),
    ("deleteReport", "200"): lambda w: w.api.delete(f"/reports/{w.report(w.user)}", headers=w.user),
    ("deleteReport", "401"): without_token("delete", SOME_REPORT),
    ("deleteReport", "404"): lambda w: w.api.delete(SOME_REPORT, headers=w.user),
    ("deleteReport", "409"): lambda w: w.api.delete(
        f"/reports/{w.report(w.user, 'final')}", headers=w.user
    ),
    ("deleteReport", "503"): database_down("delete", SOME_REPORT),
    ("signReport", "200"): lambda w: w.api.post(
        f"/reports/{w.report(w.user)}/sign", json={}, headers=w.user
    ),
    ("signReport", "400"): lambda w: w.api.post(
        f"/reports/{w.report(w.user)}/sign", json={"acknowledgements": 5}, headers=w.user
    ),
    ("signReport", "401"): without_token("post", f"{SOME_REPORT}/sign", json={}),
    ("signReport", "404"): lambda w: w.api.post(f"{SOME_REPORT}/sign", json={}, headers=w.user),
    ("signReport", "409"): lambda w: w.api.post(
        f"/reports/{w.report(w.user, 'final')}/sign", json={}, headers=w.user
    ),
    ("signReport", "413"): oversized("post", f"{SOME_REPORT}/sign"),
    ("signReport", "415"): wrong_media_type("post", f"{SOME_REPORT}/sign", {}),
    ("signReport", "503"): database_down("post", f"{SOME_REPORT}/sign", json={}),
    ("addReportAddendum", "201"): lambda w: w.api.post(
        f"/reports/{w.report(w.user, 'final')}/addenda", json=ADDENDUM, headers=w.user
    ),
    ("addReportAddendum", "400"): lambda w: w.api.post(
        f"{SOME_REPORT}/addenda", json={"addendum": " "}, headers=w.user
    ),
    ("addReportAddendum", "401"): without_token("post", f"{SOME_REPORT}/addenda", json=ADDENDUM),
    ("addReportAddendum", "404"): lambda w: w.api.post(
        f"{SOME_REPORT}/addenda", json=ADDENDUM, headers=w.user
    ),
    ("addReportAddendum", "409"): lambda w: w.api.post(
        f"/reports/{w.report(w.user)}/addenda", json=ADDENDUM, headers=w.user
    ),
    ("addReportAddendum", "413"): oversized("post", f"{SOME_REPORT}/addenda"),
    ("addReportAddendum", "415"): wrong_media_type("post", f"{SOME_REPORT}/addenda", ADDENDUM),
    ("addReportAddendum", "503"): database_down("post", f"{SOME_REPORT}/addenda", json=ADDENDUM),
    ("getReportVersion", "200"): lambda w: w.api.get(
        f"/reports/{w.report(w.user, 'final')}/versions/1", headers=w.user
    ),
    ("getReportVersion", "401"): without_token("get", f"{SOME_REPORT}/versions/1"),
    ("getReportVersion", "404"): lambda w: w.api.get(
        f"/reports/{w.report(w.user)}/versions/2", headers=w.user
    ),
    ("getReportVersion", "503"): database_down("get", f"{SOME_REPORT}/versions/1"),
    **{
        (operation, status): probe
        for fmt, operation in (("fhir", "exportReportFhir"), ("hl7", "exportReportHl7"))
        for status, probe in {
            "200": lambda w, fmt=fmt: w.api.get(
                f"/reports/{w.report(w.user, 'final')}/export/{fmt}", headers=w.user
            ),
            "400": lambda w, fmt=fmt: w.api.get(
                f"{SOME_REPORT}/export/{fmt}?version=0", headers=w.user
            ),
            "401": without_token("get", f"{SOME_REPORT}/export/{fmt}"),
            "404": lambda w, fmt=fmt: w.api.get(f"{SOME_REPORT}/export/{fmt}", headers=w.user),
            "409": lambda w, fmt=fmt: w.api.get(
                f"/reports/{w.report(w.user)}/export/{fmt}", headers=w.user
            ),
            "503": database_down("get", f"{SOME_REPORT}/export/{fmt}"),
        }.items()
    },
    ("listAudit", "200"): lambda w: w.api.get("/audit?limit=5&action=create", headers=w.admin),
    ("listAudit", "400"): lambda w: w.api.get("/audit?action=erase", headers=w.admin),
    ("listAudit", "401"): without_token("get", "/audit"),
    ("listAudit", "403"): lambda w: w.api.get("/audit", headers=w.user),
    ("listAudit", "503"): database_down("get", "/audit"),
}


def path_parameters(template: str, path: str) -> dict[str, str]:
    """The values of a path template's `{name}` segments in a concrete path."""
    names, values = template.split("/"), path.split("/")
    assert len(names) == len(values), (template, path)
    return {name[1:-1]: value for name, value in zip(names, values) if name.startswith("{")}


class FuzzAuth:
    """A real admin token for every generated request; /logout and /token/refresh get their own."""

    def __init__(self, app, make_user, login):
        admin = make_user("admin")
        self.user_id = admin["user_id"]
        self.token = login(admin)["token"]
        self.tokens = app.extensions["radpair"].tokens

    def headers(self, path: str) -> dict:
        """Authorization for one generated request to `path`."""
        if path not in ("/logout", "/token/refresh"):
            return bearer(self.token)
        # A fresh pair, so a fuzzed logout never revokes the token the other requests use.
        pair = self.tokens.issue_pair(self.user_id, "admin")
        return bearer(pair.refresh_token if path == "/token/refresh" else pair.access_token)


@pytest.fixture(scope="module")
def fuzz_auth(app, make_user, login):
    """Tokens of one admin for the fuzzing run."""
    return FuzzAuth(app, make_user, login)


def run_schemathesis(base_url: str, fuzz_auth) -> tuple[list, list, set, set, list]:
    """What `schemathesis run <base_url>/openapi.yaml --checks all` does: (failures, errors,
    the operations tested, the phases that ran scenarios, the requests that failed)."""
    config = schemathesis_config(
        workers=2,
        # Configured headers, as the CLI's `-H` and its per-operation [[operations]] headers.
        headers=fuzz_auth.headers("/"),
        operations=[
            {"include-path": path, "headers": fuzz_auth.headers(path)}
            for path in ("/logout", "/token/refresh")
        ],
    )
    served = schemathesis.openapi.from_url(f"{base_url}/openapi.yaml", config=config)
    failures, errors, tested, phases, samples = [], [], set(), set(), []
    for event in schemathesis.engine.from_schema(served).execute():
        if isinstance(event, (events.NonFatalError, events.FatalError)):
            errors.append(event)
        elif isinstance(event, events.EngineFinished):
            failures.extend(event.failures)
        recorder = getattr(event, "recorder", None)
        if isinstance(event, (events.ScenarioFinished, events.FuzzScenarioFinished)):
            tested.add(recorder.label)
            phases.add(str(getattr(event, "phase", "fuzzing")))
            found = [
                check.failure_info
                for checks in recorder.checks.values()
                for check in checks
                if check.failure_info is not None
            ]
            failures.extend(info.failure for info in found)
            samples.extend(info.code_sample for info in found)
    return failures, errors, tested, phases, samples


def describe(failures: list, errors: list, samples: list) -> str:
    """A readable list of what Schemathesis found, and how to replay it."""
    lines = [f"{f.operation}: {f.title}\n{f.message}" for f in failures]
    lines += [f"replay: {sample}" for sample in dict.fromkeys(samples)]
    lines += [
        f"error: {getattr(e, 'label', '')} {getattr(e, 'value', None) or e.exception!r}\n"
        + "".join(getattr(getattr(e, "info", None), "traceback", "") or "")
        for e in errors
    ]
    lines.append(f"Schemathesis seed {SEED}; CI=true always uses 13.")
    return "\n\n".join(lines)


def serialized(parse: Callable) -> Callable:
    """`parse`, run by one thread at a time."""
    lock = threading.Lock()

    def parse_alone(*args, **kwargs):
        with lock:
            return parse(*args, **kwargs)

    return parse_alone


@pytest.mark.slow
def test_schemathesis_finds_nothing_with_every_check_phase_and_operation(
    settings, fuzz_auth, tmp_path, monkeypatch
):
    # Hypothesis parses module sources to describe lambdas; CPython 3.11 keeps the AST builder's
    # recursion depth per interpreter, so two workers parsing at once fail with SystemError
    # "AST constructor recursion depth mismatch".
    monkeypatch.setattr(ast, "parse", serialized(ast.parse))
    env = prod_env(settings.database_url, settings.jwt_secret)
    with gunicorn_server(env, tmp_path / "gunicorn.log", workers=1, threads=8) as server:
        failures, errors, tested, phases, samples = run_schemathesis(server.url, fuzz_auth)
    assert (failures, errors) == ([], []), describe(failures, errors, samples)
    # Schemathesis does not fuzz the document it loaded the operations from.
    operations = {
        f"{method.upper()} {path}"
        for path, item in SPEC["paths"].items()
        for method in item
        if method in HTTP_METHODS and path != "/openapi.yaml"
    }
    assert operations <= tested
    assert {"coverage", "fuzzing", "stateful"} <= phases


def test_the_served_document_is_the_one_tested(app):
    served = app.test_client().get("/openapi.yaml")
    assert served.status_code == 200
    assert served.data == OPENAPI_FILE.read_bytes()


def test_the_status_table_matches_the_documented_statuses_exactly():
    missing = sorted(set(DOCUMENTED) - set(PROBES))
    stale = sorted(set(PROBES) - set(DOCUMENTED))
    assert (missing, stale) == ([], []), "add a probe for each missing pair, drop stale ones"


@pytest.mark.parametrize("operation_id, status", DOCUMENTED)
def test_every_documented_status_is_produced_by_a_concrete_request(world, operation_id, status):
    probe = PROBES.get((operation_id, status))
    assert probe is not None, f"no request in PROBES produces {status} for {operation_id}"
    response = probe(world)
    assert response.status_code == int(status), response.get_data(as_text=True)[:500]
    operation = schema.find_operation_by_id(operation_id)
    case = operation.Case(path_parameters=path_parameters(operation.path, response.request.path))
    case.validate_response(response, checks=CONFORMANCE_CHECKS)
