"""`review-app` against a server on PostgreSQL (the other tests of the command line use SQLite)."""

from pathlib import Path

from support.services import postgres_database
from tests.cli.conftest import UNLIMITED, Terminal, make_project, register, serving


def test_a_review_round_trip_on_postgresql(tmp_path: Path) -> None:
    (tmp_path / "home").mkdir()
    with postgres_database() as url, serving(url, **UNLIMITED) as server:
        terminal = Terminal(tmp_path / "home", make_project(tmp_path / "project"), server)
        terminal.login(register(server, "pg@example.com"))
        result = terminal.run("review", "src", "--fail-on", "medium")
    assert result.returncode == 1, result.stderr
    assert "src/shop.py:8:31 high python-sql-injection " in result.stdout
    assert "src/tags.py:4:41 medium B006 " in result.stdout
    assert "Failing: 5 finding(s) at or above medium." in result.stderr
