"""What the GitHub pull request tests share: the connection's credentials, a pull request's
two versions (the head adds an injected query and an unused import; FIXED repairs both), and
posting a signed delivery."""

from fastapi.testclient import TestClient

from review_app.services.integrations.pr_comments import SUMMARY_MARK
from support.github_standin import GitHubStandIn
from support.github_webhooks import signed

TOKEN = "github_pat_11TESTONLY0123456789abcdef"
SECRET = "a-webhook-secret-for-tests-only"
BASE = {
    "app/views.py": (
        "import sqlite3\n\n"
        "from flask import Flask\n\n"
        "app = Flask(__name__)\n\n\n"
        '@app.route("/users")\n'
        "def users():\n"
        '    db = sqlite3.connect("app.db")\n'
        '    return str(db.execute("SELECT name FROM users").fetchall())\n'
    ),
    "README.md": "# Storefront\n",
}
INJECTED_QUERY = (
    '    return str(db.execute("SELECT name FROM users WHERE name = \'" + name + "\'")'
    ".fetchall())\n"
)
HEAD = {
    **BASE,
    "app/views.py": (
        "import os\n"
        "import sqlite3\n\n"
        "from flask import Flask, request\n\n"
        "app = Flask(__name__)\n\n\n"
        '@app.route("/users")\n'
        "def users():\n"
        '    name = request.args["name"]\n'
        '    db = sqlite3.connect("app.db")\n' + INJECTED_QUERY
    ),
}
PARAMETERIZED_QUERY = (
    '    rows = db.execute("SELECT name FROM users WHERE name = ?", (name,)).fetchall()\n'
    '    return {"users": [row[0] for row in rows]}\n'
)
FIXED = HEAD["app/views.py"].replace("import os\n", "").replace(INJECTED_QUERY, PARAMETERIZED_QUERY)


def deliver(api: TestClient, payload: dict, event: str, secret: str = SECRET):
    """Post a GitHub delivery of `event`, signed with `secret`."""
    body, headers = signed(payload, secret, event)
    return api.post("/api/integrations/github/webhook", content=body, headers=headers)


def summaries(github: GitHubStandIn) -> list[dict]:
    """The summary comments review_app posted."""
    return [c for c in github.issue_comments.values() if c["body"].startswith(SUMMARY_MARK)]


TEAM_CONFIG = """\
[rules]
disable = ["F401"]
severity = { "python-sql-injection" = "high" }

[gate]
fail_on = "critical"
"""  # a repository's review_app.toml: the connection fails on high, the repository on critical
