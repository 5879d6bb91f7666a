"""docs/deploy.md's backup and restore commands, run as written: a backup of a database with
reviews in it, restored into an empty database, shows the same history to the same people."""

import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from review_app.services.reviews import runs as review_runs
from support.services import postgres_database

DEPLOY_DOC = Path(__file__).resolve().parents[2] / "docs" / "deploy.md"


def documented(name: str) -> str:
    """The shell block of docs/deploy.md marked `<!-- tested: name -->`."""
    found = re.search(
        rf"<!-- tested: {name} -->\n```sh\n(.*?)```", DEPLOY_DOC.read_text(), re.DOTALL
    )
    assert found, f"docs/deploy.md has no tested {name} block"
    return found.group(1)


def run_documented(name: str, **variables: str) -> None:
    """Run the block in bash with `variables` set, as an operator's shell would."""
    env = {
        **os.environ,
        **variables,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", documented(name)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, f"{name} failed:\n{done.stdout}\n{done.stderr}"


def libpq(url: str) -> str:
    """A SQLAlchemy URL as libpq's tools take it."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_restored_backup_shows_the_same_history(
    database_url: str, api: TestClient, make_user, sign_in, set_env, tmp_path: Path
) -> None:
    make_user("ada@example.com")
    ada = {"Authorization": f"Bearer {sign_in('ada@example.com')['access_token']}"}
    for code in ("import pickle\npickle.loads(data)\n", f"answer = {uuid.uuid4().int}\n"):
        submitted = api.post("/api/reviews", json={"code": code, "language": "python"}, headers=ada)
        assert submitted.status_code == 202, submitted.text
        assert review_runs.run_attempt(review_runs.start_attempt(uuid.UUID(submitted.json()["id"])))
    history = api.get("/api/reviews", headers=ada).json()
    ids = [item["id"] for item in history["items"]]
    details = [api.get(f"/api/reviews/{review_id}", headers=ada).json() for review_id in ids]
    assert any(detail["result"]["findings"] for detail in details)
    backup = tmp_path / "review_app.dump"

    run_documented("backup", PG_URL=libpq(database_url), BACKUP_FILE=str(backup))
    later = {"code": "after = 'the backup'\n", "language": "python"}
    assert api.post("/api/reviews", json=later, headers=ada).status_code == 202  # not in it
    with postgres_database() as empty:
        run_documented("restore", PG_URL=libpq(empty), BACKUP_FILE=str(backup))
        set_env(DATABASE_URL=empty)

        again = {"Authorization": f"Bearer {sign_in('ada@example.com')['access_token']}"}
        assert api.get("/api/reviews", headers=again).json() == history  # the backup's alone
        for detail in details:  # with their findings, scores and code
            assert api.get(f"/api/reviews/{detail['id']}", headers=again).json() == detail
