"""`review-app` against a real server: sign in, review a project, gate a merge, export."""

import json
import os
import stat
import uuid

import httpx

from support.sarif import sarif_errors
from tests.cli.conftest import PASSWORD, Terminal, free_port, register, running_api


def _email() -> str:
    return f"dev-{uuid.uuid4().hex[:8]}@example.com"


def _stored_token(terminal: Terminal) -> str:
    (login,) = json.loads(terminal.credentials.read_text())["servers"].values()
    return login["refresh_token"]


def test_login_keeps_a_private_token_and_review_prints_findings_like_a_linter(
    terminal: Terminal,
) -> None:
    email = register(terminal.server, _email())
    login = terminal.login(email)
    assert f"Signed in to {terminal.server} as {email}" in login.stdout
    assert stat.S_IMODE(terminal.credentials.stat().st_mode) == 0o600
    assert stat.S_IMODE(terminal.credentials.parent.stat().st_mode) == 0o700
    first_token = _stored_token(terminal)

    result = terminal.run("review", "src")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "src/shop.py:8:31 high python-sql-injection SQL query built from request data" in (
        result.stdout
    )
    assert "src/tags.py:4:41 medium B006 Do not use mutable data structures" in result.stdout
    assert any(
        line.startswith("src/web/greet.js:7:") and " high syntax-error " in line for line in lines
    )
    assert [line.split(":")[0] for line in lines if ":" in line] == sorted(
        line.split(":")[0] for line in lines if ":" in line
    )
    assert lines[-1] == "Found 9 findings in 3 files (2 high, 3 medium, 4 info)."
    assert "note: skipped src/logo.py: The file looks binary" in result.stderr
    assert "note: 1 other file(s) in the folders are not in a reviewed language." in result.stderr
    assert "src/shop.py: score " in result.stderr  # a progress line per finished file
    assert "old.py" not in result.stdout + result.stderr
    assert "node_modules" not in result.stdout + result.stderr
    assert _stored_token(terminal) != first_token  # each run spends the token and keeps the next

    logout = terminal.run("logout")
    assert logout.returncode == 0
    assert "Signed out" in logout.stdout
    again = terminal.run("review", "src/tags.py")
    assert again.returncode == 2
    assert f"error: Not signed in to {terminal.server}: run `review-app login" in again.stderr


def test_fail_on_sets_the_exit_code_for_each_threshold(terminal: Terminal) -> None:
    terminal.login(register(terminal.server, _email()))
    medium_only = {"critical": 0, "high": 0, "medium": 1, "low": 1, "info": 1}
    for threshold, expected in medium_only.items():
        result = terminal.run("review", "src/tags.py", "--fail-on", threshold)
        assert result.returncode == expected, (threshold, result.stderr)
        if expected:
            assert f"Failing: 1 finding(s) at or above {threshold}." in result.stderr
    with_high = terminal.run("review", "src", "--fail-on", "high")
    assert with_high.returncode == 1
    assert "Failing: 2 finding(s) at or above high." in with_high.stderr
    assert terminal.run("review", "src", "--fail-on", "critical").returncode == 0
    assert terminal.run("review", "src").returncode == 0  # no --fail-on: report, never fail


def test_every_format_is_one_document_for_all_the_files(terminal: Terminal) -> None:
    terminal.login(register(terminal.server, _email()))
    sarif = terminal.run("review", "src", "--format", "sarif", "--output", "review.sarif")
    assert sarif.returncode == 0, sarif.stderr
    # the document goes to the file, the report to the terminal
    assert "src/shop.py:8:31 high python-sql-injection " in sarif.stdout
    log = json.loads((terminal.project / "review.sarif").read_text())
    assert sarif_errors(log) == []
    (run,) = log["runs"]
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert uris == {"src/shop.py", "src/tags.py", "src/web/greet.js"}
    assert any(result.get("fixes") for result in run["results"])

    markdown = terminal.run("review", "src", "--format", "markdown", "--no-progress")
    sections = [line for line in markdown.stdout.splitlines() if line.startswith("### ")]
    assert [section.split("`")[1] for section in sections] == [
        "src/shop.py",
        "src/tags.py",
        "src/web/greet.js",
    ]

    as_json = json.loads(terminal.run("review", "src", "--format", "json").stdout)
    assert [file["path"] for file in as_json["files"]] == [
        "src/shop.py",
        "src/tags.py",
        "src/web/greet.js",
    ]
    assert all(uuid.UUID(file["review_id"]) for file in as_json["files"])


def test_a_ci_job_signs_in_with_review_app_token(terminal: Terminal) -> None:
    email = register(terminal.server, _email())
    answer = httpx.post(
        f"{terminal.server}/api/auth/login", json={"email": email, "password": PASSWORD}
    )
    terminal.env["REVIEW_APP_TOKEN"] = answer.json()["refresh_token"]
    for _ in range(2):  # a second command in the same job must not spend the token again
        result = terminal.run("review", "src/tags.py", "--fail-on", "high")
        assert result.returncode == 0, result.stderr
        assert "src/tags.py:4:41 medium B006" in result.stdout


def test_offline_reviews_without_any_server(terminal: Terminal) -> None:
    nowhere = f"http://127.0.0.1:{free_port()}"
    result = terminal.run("review", "src", "--offline", "--fail-on", "high", REVIEW_APP_URL=nowhere)
    assert result.returncode == 1, result.stderr
    assert "src/shop.py:8:31 high python-sql-injection " in result.stdout
    assert "src/tags.py:4:41 medium B006 " in result.stdout
    assert "Failing: 2 finding(s) at or above high." in result.stderr


def test_connection_and_sign_in_problems_exit_2_with_a_message(terminal: Terminal) -> None:
    nowhere = f"http://127.0.0.1:{free_port()}"
    refused = terminal.run("review", "src", "--server", nowhere, REVIEW_APP_TOKEN="some-token")
    assert refused.returncode == 2
    assert f"error: Cannot reach the review_app server at {nowhere}" in refused.stderr
    assert "Connection refused" in refused.stderr

    email = register(terminal.server, _email())
    wrong = terminal.run("login", "--email", email, "--password-stdin", stdin="not my password\n")
    assert wrong.returncode == 2
    assert "error: Incorrect email or password." in wrong.stderr
    assert not terminal.credentials.exists()

    missing = terminal.run("review", "no/such/folder")
    assert missing.returncode == 2
    assert "does not exist" in missing.stderr


def test_the_project_review_rate_limit_is_reported_with_the_wait(terminal: Terminal) -> None:
    with running_api({**os.environ, "RATE_LIMIT_PROJECT_REVIEW": "1/hour"}) as limited:
        terminal.server = limited
        terminal.login(register(limited, _email()))
        first = terminal.run("review", "src/tags.py")
        assert first.returncode == 0, first.stderr
        result = terminal.run("review", "src")
    assert result.returncode == 2
    assert "python-sql-injection" not in result.stdout
    assert (
        "error: not reviewed: src/shop.py, src/tags.py, src/web/greet.js: "
        "The server's rate limit was reached; try again in 1 hour."
    ) in result.stderr


def test_a_folder_is_reviewed_as_one_project_the_server_keeps(terminal: Terminal) -> None:
    email = register(terminal.server, _email())
    terminal.login(email)
    result = terminal.run("review", "src", "--fail-on", "high")
    assert result.returncode == 1, result.stderr

    token = httpx.post(
        f"{terminal.server}/api/auth/login", json={"email": email, "password": PASSWORD}
    ).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    [project] = httpx.get(f"{terminal.server}/api/projects", headers=headers).json()["items"]
    assert project["name"] == "src"
    [review] = httpx.get(
        f"{terminal.server}/api/projects/{project['id']}/reviews", headers=headers
    ).json()["items"]
    assert review["status"] == "completed"
    assert review["file_count"] == 3
