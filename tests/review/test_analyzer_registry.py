"""A new analyzer is one module plus one line in the registry: the review then runs it, names it
with its version, files its findings under it and counts its version in the cache key."""

import pytest

from review_app.review.analyzers import registry
from review_app.review.cache_key import cache_key
from review_app.review.models import LLMConfig
from review_app.review.pipeline import run_review
from review_app.review.version import analyzer_version
from tests.review import toy_analyzer

CODE = "def pay(amount):\n    # TODO: round to cents\n    return amount\n"


@pytest.fixture
def toy_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    """The one registry line a new analyzer adds."""
    monkeypatch.setattr(registry, "ANALYZERS", (*registry.ANALYZERS, toy_analyzer.ANALYZER))


def test_a_registered_analyzer_runs_and_is_named_in_the_review(toy_registered: None) -> None:
    result = run_review("python", CODE, LLMConfig())
    [todo] = [finding for finding in result.findings if finding.rule == "todo-left"]
    assert (todo.line, todo.sources) == (2, ["todo-finder"])
    ran = {run.name: run.version for run in result.analyzers}
    assert ran["todo-finder"].startswith("pytest=")
    assert {"ruff", "bandit", "radon", "lizard", "syntax"} <= set(ran)


def test_it_runs_only_for_its_languages(toy_registered: None) -> None:
    result = run_review("javascript", CODE.replace("#", "//"), LLMConfig())
    assert "todo-finder" not in {run.name for run in result.analyzers}
    assert not [finding for finding in result.findings if finding.rule == "todo-left"]


def test_its_version_enters_the_cache_key(monkeypatch: pytest.MonkeyPatch) -> None:
    before = cache_key("python", CODE, LLMConfig())
    monkeypatch.setattr(registry, "ANALYZERS", (*registry.ANALYZERS, toy_analyzer.ANALYZER))
    assert "todo-finder:pytest=" in analyzer_version()
    assert cache_key("python", CODE, LLMConfig()) != before
