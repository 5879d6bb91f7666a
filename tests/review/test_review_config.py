"""A project's review_app.toml: per-language rules, the most specific severity, refusals in
words, and a configuration that changes the review changes its cache key."""

import pytest

from review_app.review.cache_key import cache_key
from review_app.review.models import LLMConfig
from review_app.review.pipeline import run_review
from review_app.review.project_settings import context_for, read_settings
from review_app.review.review_config import parse_config

SHELL_GO = (
    'package main\n\nimport (\n\t"net/http"\n\t"os/exec"\n)\n\n'
    "func run(w http.ResponseWriter, r *http.Request) {\n"
    '\texec.Command("sh", "-c", r.URL.Query().Get("cmd")).Run()\n}\n'
)
ASSERTS = 'PASSWORD = "hunter2"\n\n\ndef check(x):\n    assert x\n'


def test_a_languages_own_rules_apply_to_its_files_only() -> None:
    settings = read_settings(
        {"review_app.toml": '[languages.go.rules]\ndisable = ["go-command-injection"]\n'}
    )
    go = context_for("cmd/run.go", SHELL_GO, settings)
    assert go.ignored_rules == ["go-command-injection"]
    assert go.settings == ["review_app.toml"]
    assert context_for("app/run.py", "x = 1\n", settings).ignored_rules == []

    kept = run_review("go", SHELL_GO, LLMConfig(), context=go)
    assert "go-command-injection" not in {finding.rule for finding in kept.findings}
    assert "go-command-injection" in {item.rule for item in kept.suppressed}
    alone = run_review("go", SHELL_GO, LLMConfig())
    assert "go-command-injection" in {finding.rule for finding in alone.findings}


def test_the_most_specific_severity_wins() -> None:
    settings = read_settings(
        {"review_app.toml": '[rules]\nseverity = { "S" = "info", "S101" = "high", "D" = "low" }\n'}
    )
    context = context_for("app/check.py", ASSERTS, settings)
    result = run_review("python", ASSERTS, LLMConfig(), context=context)
    severities = {finding.rule: finding.severity for finding in result.findings}
    assert severities["S101"] == "high"  # not S's info
    assert severities["D103"] == "low"  # a prefix names it
    assert severities["python-hardcoded-secret"] == "high"  # the rule pack's ids: whole only


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[rules\n", "review_app.toml is not valid TOML:"),
        ('[rules]\nseverity = { "S101" = "urgent" }\n', "rules.severity.S101:"),
        ("[colour]\nblue = true\n", "colour: Extra inputs are not permitted"),
        ('[analyzers]\ndisable = ["syntax"]\n', "analyzers.disable.0:"),
    ],
)
def test_a_config_that_is_not_valid_is_refused_whole_and_says_where(
    text: str, problem: str
) -> None:
    settings = read_settings({"review_app.toml": text, ".bandit": "[bandit]\nskips = B101\n"})
    assert problem in settings.problem
    assert settings.config.rules.disable == []
    assert settings.ignored == ["B101"]  # the other settings files still count


def test_a_configuration_that_changes_the_review_changes_its_cache_key() -> None:
    def key(config: str) -> str:
        context = context_for("app/check.py", ASSERTS, read_settings({"review_app.toml": config}))
        return cache_key("python", ASSERTS, LLMConfig(), context)

    plain = cache_key("python", ASSERTS, LLMConfig())
    assert key("") == plain  # an empty review_app.toml changes nothing
    keys = {
        key('[rules]\nseverity = { "S101" = "high" }\n'),
        key('[rules]\nseverity = { "S101" = "low" }\n'),
        key('[analyzers]\ndisable = ["bandit"]\n'),
        key('[rules]\ndisable = ["S101"]\n'),
    }
    assert len(keys) == 4
    assert plain not in keys


def test_a_projects_own_toml_is_laid_over_its_workspaces_configuration() -> None:
    team = parse_config(
        '[rules]\ndisable = ["D1"]\nseverity = { "B006" = "low", "S101" = "info" }\n'
        '[languages.javascript.rules]\ndisable = ["no-console"]\n'
        '[analyzers]\ndisable = ["bandit"]\n[paths]\nignore = ["docs/**"]\n'
        '[gate]\nfail_on = "high"\n'
    )
    project = parse_config(
        '[rules]\ndisable = ["F401"]\nseverity = { "B006" = "critical" }\n'
        '[languages.javascript.rules]\nseverity = { "eqeqeq" = "high" }\n'
        '[analyzers]\ndisable = ["ruff"]\n[paths]\nignore = ["legacy/*"]\n'
    )
    both = team.under(project)
    assert both.rules.disable == ["D1", "F401"]
    assert both.rules.severity == {"B006": "critical", "S101": "info"}
    javascript = both.rules_for("javascript")
    assert "no-console" in javascript.disable
    assert javascript.severity["eqeqeq"] == "high"
    assert both.analyzers.disable == ["bandit", "ruff"]
    assert both.paths.ignore == ["docs/**", "legacy/*"]
    assert both.gate.fail_on == "high"  # the project names none: the team's holds
    assert team.under(parse_config('[gate]\nfail_on = "low"\n')).gate.fail_on == "low"
