"""A real browser on another origin: axios logs in and drafts through CORS like the React app."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.support.servers import ApiClient, gunicorn_server, prod_env, run_node, static_server

pytestmark = pytest.mark.browser

BROWSER_DIR = Path(__file__).resolve().parents[1] / "browser"
RUN_SCRIPT = BROWSER_DIR / "run.mjs"
CHROMIUM = Path("/usr/bin/chromium")
PAGE_TIMEOUT_MS = 30_000
NODE_TIMEOUT_S = 150
DICTATION = "insert normal chest. Right lower lobe nodule of 6 mm."


@pytest.fixture(scope="module")
def browser_tools():
    """Chromium and the npm packages (scripts/setup-test-tools.sh installs them)."""
    missing = []
    if not CHROMIUM.exists():
        missing.append(str(CHROMIUM))
    if shutil.which("node") is None:
        missing.append("node")
    for package in ("playwright-core", "axios"):
        if not (BROWSER_DIR / "node_modules" / package / "package.json").exists():
            missing.append(f"node_modules/{package}")
    if missing:
        pytest.fail(f"missing {', '.join(missing)}: run scripts/setup-test-tools.sh")


@pytest.fixture(scope="module")
def allowed_site(browser_tools):
    """The page's origin the API allows."""
    with static_server(BROWSER_DIR) as server:
        yield server


@pytest.fixture(scope="module")
def foreign_site(browser_tools):
    """The same page from an origin the API does not allow (another port)."""
    with static_server(BROWSER_DIR) as server:
        yield server


@pytest.fixture(scope="module")
def live(module_database_url, allowed_site, tmp_path_factory):
    """gunicorn allowing exactly the allowed site's origin."""
    env = prod_env(
        module_database_url,
        "browser-test-secret-" + "b" * 32,
        CORS_ORIGINS=allowed_site.origin,
    )
    log_path = tmp_path_factory.mktemp("browser") / "gunicorn.log"
    with gunicorn_server(env, log_path, workers=1, threads=4) as server:
        yield server


def run_page(site, live, user: dict, expect: str) -> tuple[int, dict, str]:
    """Drive the page from `site` in headless Chromium; exit code, report and stderr."""
    config = {
        "pageUrl": f"{site.origin}/index.html?api={quote(live.url, safe='')}",
        "email": user["email"],
        "password": user["password"],
        "query": DICTATION,
        "expect": expect,
        "executablePath": str(CHROMIUM),
        "timeoutMs": PAGE_TIMEOUT_MS,
    }
    result = run_node(
        RUN_SCRIPT,
        timeout_s=NODE_TIMEOUT_S,
        env={"PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1"},
        input_text=json.dumps(config),
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, f"no report (exit {result.returncode}):\n{result.stdout}\n{result.stderr[-3000:]}"
    return result.returncode, json.loads(lines[-1]), result.stderr


def history_of(live, user: dict) -> list[dict]:
    """The user's stored commands, read through the API."""
    with ApiClient(live.url) as client:
        login = client.post("/login", {"email": user["email"], "password": user["password"]})
        assert login.status == 200, login.body
        client.token = login.json()["token"]
        reply = client.get("/history")
    assert reply.status == 200
    return reply.json()["items"]


def test_the_page_on_an_allowed_origin_renders_what_the_api_stored(live, allowed_site, make_user):
    user = make_user(password=f"Browser-Pass-{uuid.uuid4().hex[:8]}")

    code, report, stderr = run_page(allowed_site, live, user, "rendered")

    assert code == 0, f"{json.dumps(report, indent=2)}\n{stderr[-2000:]}"
    assert report["consoleErrors"] == [] and report["failedRequests"] == []
    assert report["foreignRequests"] == []
    stored = history_of(live, user)
    assert len(stored) == 1
    rendered = report["rendered"]
    assert rendered["chatgpt_response"] == stored[0]["chatgpt_response"]
    assert rendered["timestamp"] == stored[0]["timestamp"]
    assert rendered["query"] == stored[0]["query"] == DICTATION
    assert "The lungs are clear." in rendered["chatgpt_response"]
    # axios came from the page's own server, and the API answered real CORS preflights.
    assert "/node_modules/axios/dist/axios.min.js" in allowed_site.paths
    preflights = [
        record["path"]
        for record in map(json.loads, live.log_text().splitlines())
        if record.get("method") == "OPTIONS"
    ]
    assert {"/login", "/process-command"} <= set(preflights)


def test_the_same_page_on_an_origin_not_allowed_is_refused_by_the_browser(
    live, foreign_site, make_user
):
    user = make_user(password=f"Browser-Pass-{uuid.uuid4().hex[:8]}")

    code, report, stderr = run_page(foreign_site, live, user, "cors-blocked")

    assert code == 0, f"{json.dumps(report, indent=2)}\n{stderr[-2000:]}"
    assert report["corsBlocked"] is True
    refusals = [text for text in report["consoleErrors"] if "CORS policy" in text]
    # Refused at the preflight: the browser never sent the login itself.
    assert any(foreign_site.origin in text and "preflight" in text for text in refusals)
    assert report["state"] == "failed" and report["rendered"]["chatgpt_response"] == ""
    assert report["foreignRequests"] == []
    # Nothing was stored for the user.
    assert history_of(live, user) == []
