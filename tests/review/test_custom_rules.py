"""A team's own rules in review_app.toml: patterns and taint flows that report with the severity,
category and message the team gave, that are tried on their examples before they are kept, and
that cannot take a review down with them."""

import pytest

from review_app.review.cache_key import cache_key
from review_app.review.custom_rules import example_problems
from review_app.review.models import LLMConfig
from review_app.review.pipeline import run_review
from review_app.review.project_settings import context_for, read_settings
from review_app.review.review_config import InvalidConfigError, parse_config

DEBUG_PRINT = """
[[custom_rules]]
id = "no-debug-print"
title = "Debug print left in the code"
languages = ["python"]
severity = "medium"
category = "maintainability"
message = "A debug print reaches the production logs."
fix = "Log through the module's logger."
autofix = "logger.debug($MESSAGE)"
pattern = "print($MESSAGE)"
not = ["print(..., file=sys.stderr)"]

[[custom_rules.examples]]
code = "print('here')\\n"
findings = 1

[[custom_rules.examples]]
code = "import sys\\nprint('fatal', file=sys.stderr)\\n"
findings = 0
"""
SHELL_FLOW = """
[[custom_rules]]
id = "job-name-to-shell"
title = "Job name reaches a shell"
languages = ["python"]
severity = "critical"
category = "security"
cwe = 78
message = "A job name from the queue reaches a shell command."
sources = ["queue.next_job().name"]
sinks = ["os.system(...)"]
sanitizers = ["shlex.quote(...)"]

[[custom_rules.examples]]
code = "import os\\nos.system('run ' + queue.next_job().name)\\n"
findings = 1
"""
CODE = """import os
import shlex
import sys

print("starting")
print("done", file=sys.stderr)
os.system("run " + queue.next_job().name)
os.system("run " + shlex.quote(queue.next_job().name))
name = queue.next_job().name
name = "nightly"
os.system("run " + name)
"""


def _review(toml: str, code: str = CODE):
    context = context_for("jobs/run.py", code, read_settings({"review_app.toml": toml}))
    return run_review("python", code, LLMConfig(), context=context)


def test_a_pattern_rule_reports_as_the_team_wrote_it_and_leaves_look_alikes_alone() -> None:
    result = _review(DEBUG_PRINT)
    found = [finding for finding in result.findings if finding.rule == "custom-no-debug-print"]
    assert [finding.line for finding in found] == [5]  # not the print to stderr
    [finding] = found
    assert (finding.title, finding.severity, finding.category) == (
        "Debug print left in the code",
        "medium",
        "maintainability",
    )
    assert finding.detail == "A debug print reaches the production logs."
    assert finding.sources == ["custom-rules"]
    assert '+logger.debug("starting")' in (finding.suggested_fix or "")
    ran = {run.name: run.rules for run in result.analyzers}
    assert ran["custom-rules"] == 1
    assert ran["semgrep"] > 10  # the pack still runs beside it


def test_a_taint_rule_follows_the_flow_and_stops_at_the_sanitizer_and_the_overwrite() -> None:
    result = _review(SHELL_FLOW)
    found = [finding for finding in result.findings if finding.rule == "custom-job-name-to-shell"]
    assert [(finding.line, finding.severity, finding.cwe) for finding in found] == [
        (7, "critical", 78)
    ]


def test_the_team_rules_change_the_cache_key_and_other_languages_do_not_run_them() -> None:
    settings = read_settings({"review_app.toml": DEBUG_PRINT})
    python = context_for("app.py", CODE, settings)
    assert len(python.custom_rules) == 1
    assert context_for("app.go", "package main\n", settings).custom_rules == []
    plain = cache_key("python", CODE, LLMConfig())
    assert cache_key("python", CODE, LLMConfig(), python) != plain


def test_examples_prove_a_rule_wrong_before_it_is_kept() -> None:
    config = parse_config(DEBUG_PRINT.replace("findings = 0", "findings = 2"))
    assert example_problems(config.custom_rules) == [
        "rule no-debug-print, example 2: gives 0 findings, not 2"
    ]
    broken = parse_config(DEBUG_PRINT.replace("print($MESSAGE)", "print((("))
    [problem] = example_problems(broken.custom_rules)
    assert problem.startswith("rule no-debug-print: not every rule ran:")
    assert "Rule parse error" in problem
    assert example_problems(parse_config(DEBUG_PRINT + SHELL_FLOW).custom_rules) == []


def test_a_projects_rule_that_fails_its_examples_leaves_its_settings_unapplied() -> None:
    wrong = DEBUG_PRINT.replace("findings = 0", "findings = 2")
    settings = read_settings({"review_app.toml": wrong})
    assert settings.problem == (
        "review_app.toml was not applied: a custom rule fails its examples: "
        "rule no-debug-print, example 2: gives 0 findings, not 2"
    )
    assert "review_app.toml" not in settings.sources
    assert settings.config.custom_rules == []
    assert context_for("jobs/run.py", CODE, settings).custom_rules == []
    assert read_settings({"review_app.toml": DEBUG_PRINT}).problem == ""


def test_a_rule_the_engine_cannot_run_is_named_and_the_review_goes_on() -> None:
    # Examples keep such a rule out of settings; one that fails in a review (a timeout on a
    # file, say) is named in the same way. Here the engine is handed a rule it cannot parse.
    broken = parse_config(DEBUG_PRINT.replace("print($MESSAGE)", "print((("))
    context = context_for("jobs/run.py", CODE, read_settings({"review_app.toml": DEBUG_PRINT}))
    context.custom_rules = [rule.engine_rule() for rule in broken.custom_rules]
    result = run_review("python", CODE, LLMConfig(), context=context)
    assert any(error.source == "custom-rules" for error in result.tool_errors)
    assert "custom-rules" not in {run.name for run in result.analyzers}
    assert {"ruff", "semgrep"} <= {run.name for run in result.analyzers}
    assert any("ruff" in finding.sources for finding in result.findings)


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (('pattern = "print($MESSAGE)"', 'sources = ["x"]'), "sources` and `sinks`"),
        (('pattern = "print($MESSAGE)"', ""), "one kind"),
        (('languages = ["python"]', 'languages = ["cobol"]'), "cobol"),
        (('category = "maintainability"', 'category = "security"'), "cwe"),
        (('id = "no-debug-print"', 'id = "No Debug"'), "custom_rules.0.id"),
    ],
)
def test_a_rule_that_is_not_well_formed_is_refused_in_words(
    change: tuple[str, str], said: str
) -> None:
    with pytest.raises(InvalidConfigError, match=said):
        parse_config(DEBUG_PRINT.replace(*change))
