"""The container, compose and CI files describe the service the way the README promises."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from tests.support.servers import run_command

ROOT = Path(__file__).resolve().parents[3]


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose-dist.yaml").read_text())


def test_compose_has_nginx_api_postgres_and_the_liquibase_one_shot():
    services = compose()["services"]
    assert set(services) == {"db", "migrate", "api", "nginx"}
    assert services["migrate"]["image"].startswith("liquibase/liquibase")
    assert services["db"]["healthcheck"]["test"]


def test_the_api_starts_only_after_a_healthy_database_and_a_finished_migration():
    api = compose()["services"]["api"]
    assert api["depends_on"]["db"]["condition"] == "service_healthy"
    assert api["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert compose()["services"]["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"


def test_nginx_proxies_to_the_api_service_port():
    services = compose()["services"]
    assert "api" in services["nginx"]["depends_on"]
    conf_path = services["nginx"]["volumes"][0].split(":")[0]
    conf = (ROOT / conf_path).read_text()
    port = services["api"]["environment"]["PORT"]
    assert f"proxy_pass http://api:{port};" in conf


def test_compose_secrets_are_empty_placeholders():
    env = compose()["services"]["api"]["environment"]
    assert env["OPENAI_API_KEY"] == "" and env["JWT_SECRET"] == ""
    assert env["RUNTIME_ENVIRONMENT"] == "PROD"


def test_the_liquibase_service_reads_the_repository_changelog():
    migrate = compose()["services"]["migrate"]
    mount = migrate["volumes"][0].split(":")
    search_path = next(a for a in migrate["command"] if a.startswith("--search-path="))
    changelog = next(a for a in migrate["command"] if a.startswith("--changelog-file="))
    assert search_path.split("=", 1)[1] == mount[1]
    assert (ROOT / mount[0] / changelog.split("=", 1)[1]).is_file()


def test_the_dockerfile_is_multi_stage_non_root_and_runs_gunicorn():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert len(re.findall(r"^FROM ", dockerfile, re.M)) >= 2
    user = re.findall(r"^USER (\S+)", dockerfile, re.M)
    assert user and user[-1] not in ("root", "0")
    assert 'CMD ["./scripts/run-prod.sh"]' in dockerfile
    assert "gunicorn" in (ROOT / "scripts" / "run-prod.sh").read_text()


def test_every_script_is_strict_and_executable():
    for script in (ROOT / "scripts").glob("*.sh"):
        text = script.read_text()
        assert "set -euo pipefail" in text or "lib.sh" in text, script.name
        if script.name != "lib.sh":
            assert script.stat().st_mode & 0o111, script.name
    assert "set -euo pipefail" in (ROOT / "scripts" / "lib.sh").read_text()


def test_ci_runs_the_readme_test_command():
    assert "./scripts/run-tests.sh" in (ROOT / ".ci" / "run").read_text()
    circle = yaml.safe_load((ROOT / ".circleci" / "config.yml").read_text())
    steps = circle["jobs"]["lint-and-test"]["steps"]
    assert any("run-tests.sh" in str(step) for step in steps)
    github = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    job = github["jobs"]["lint-and-test"]
    assert "postgres" in job["services"]
    assert any("run-tests.sh" in str(step.get("run", "")) for step in job["steps"])


def test_the_image_points_radpair_home_at_the_folder_holding_the_changelog_and_spec():
    # The image pip-installs a wheel: the package lands in site-packages, away from db/ and
    # openapi/, which readiness, /openapi.yaml and migrate.sh need.
    runtime = (ROOT / "Dockerfile").read_text().split(" AS runtime", 1)[1]
    workdir = re.findall(r"^WORKDIR (\S+)", runtime, re.M)[-1]
    assert re.search(r"RADPAIR_HOME=(\S+)", runtime).group(1) == workdir
    for folder in ("db", "openapi"):
        assert re.search(rf"^COPY \S* ?{folder} {folder}$", runtime, re.M), folder


def test_radpair_home_moves_the_changelog_and_the_spec(tmp_path):
    home = tmp_path / "app"
    program = (
        "from radpair import migrations; from radpair.blueprints import docs; "
        "print(migrations.CHANGELOG); print(docs.OPENAPI_FILE)"
    )
    result = run_command(
        [sys.executable, "-c", program], timeout_s=60, env={"RADPAIR_HOME": str(home)}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        str(home / "db" / "changelog" / "changelog.yaml"),
        str(home / "openapi" / "openapi.yaml"),
    ]
