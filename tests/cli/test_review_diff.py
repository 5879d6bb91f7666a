"""`review-app review --diff` in a git work tree: only the change is reviewed, only its new
findings are reported and gate the merge, through the server and offline alike."""

import json
import subprocess
import uuid

import pytest

from tests.cli.conftest import MEDIUM_ONLY, Terminal, register

COMMAND_INJECTION = (
    "import os\n"
    "from flask import Flask, request\n\n"
    "app = Flask(__name__)\n\n\n"
    '@app.route("/run")\n'
    "def run():\n"
    '    return os.popen(request.args["cmd"]).read()\n'
)


def git(terminal: Terminal, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Dev", "-c", "user.email=dev@example.com", *arguments],
        cwd=terminal.project,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repository(terminal: Terminal) -> Terminal:
    """The project committed as `base`; then a commit that adds a command injection in a new
    file, changes tags.py without new findings, and deletes shop.py (and its findings)."""
    git(terminal, "init", "-q", "-b", "main")
    git(terminal, "add", "src")
    git(terminal, "commit", "-q", "-m", "base")
    git(terminal, "tag", "base")
    (terminal.project / "src" / "run.py").write_text(COMMAND_INJECTION)
    (terminal.project / "src" / "tags.py").write_text("# Tags.\n" + MEDIUM_ONLY)
    (terminal.project / "src" / "shop.py").unlink()
    git(terminal, "add", "-A", "src")
    git(terminal, "commit", "-q", "-m", "change")
    return terminal


@pytest.mark.parametrize("where", ["server", "offline"])
def test_only_the_new_findings_of_a_change_are_reported_and_gate(
    repository: Terminal, where: str
) -> None:
    offline = ["--offline"] if where == "offline" else []
    if not offline:
        repository.login(register(repository.server, f"dev-{uuid.uuid4().hex[:8]}@example.com"))

    result = repository.run("review", "src", "--diff", "base..HEAD", "--fail-on", "high", *offline)
    assert result.returncode == 1, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("src/")]
    assert lines
    assert all(line.startswith("src/run.py:") for line in lines)
    assert "B006" not in result.stdout  # tags.py's mutable default is unchanged, not new
    assert "python-sql-injection" not in result.stdout  # shop.py's flaw left with shop.py
    assert "Failing:" in result.stderr

    sarif = json.loads(
        repository.run(
            "review", "src", "--diff", "base..HEAD", "--format", "sarif", *offline
        ).stdout
    )
    states = {
        (
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            result["baselineState"],
        )
        for result in sarif["runs"][0]["results"]
    }
    assert ("src/run.py", "new") in states
    assert ("src/tags.py", "unchanged") in states
    assert ("src/shop.py", "absent") in states


def test_a_change_with_no_new_findings_passes_even_in_a_flawed_project(
    repository: Terminal,
) -> None:
    (repository.project / "src" / "tags.py").write_text("# Tags, again.\n" + MEDIUM_ONLY)
    result = repository.run("review", "src", "--diff", "HEAD", "--fail-on", "low", "--offline")
    assert result.returncode == 0, result.stderr
    assert "No findings in 1 file." in result.stdout


def test_a_revision_git_does_not_know_is_an_error_in_words(repository: Terminal) -> None:
    result = repository.run("review", "src", "--diff", "nosuch..HEAD", "--offline")
    assert result.returncode == 2
    assert "error: git diff failed:" in result.stderr
