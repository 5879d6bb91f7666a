"""Trying custom rules as typed, before they are kept: what they find on some code, why one
cannot run, and refusals in words for what is not a configuration or not a language."""

import uuid

import pytest

from review_app.db import session_scope
from review_app.models import User
from review_app.review.errors import InvalidSubmissionError
from review_app.services.accounts.identity import CurrentUser
from review_app.services.teams.rule_trials import try_custom_rules
from tests.review.test_custom_rules import DEBUG_PRINT, SHELL_FLOW


@pytest.fixture
def ada(user_id: uuid.UUID) -> CurrentUser:
    with session_scope() as session:
        return CurrentUser.model_validate(session.get(User, user_id))


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_rules_as_typed_find_what_they_would_in_a_review(ada: CurrentUser) -> None:
    code = "import os\nprint('a')\nos.system('run ' + queue.next_job().name)\nprint('b')\n"
    trial = try_custom_rules(actor=ada, text=DEBUG_PRINT + SHELL_FLOW, language="python", code=code)
    assert trial.problem is None
    assert [(found.line, found.rule, found.severity) for found in trial.findings] == [
        (2, "custom-no-debug-print", "medium"),
        (3, "custom-job-name-to-shell", "critical"),
        (4, "custom-no-debug-print", "medium"),
    ]
    elsewhere = try_custom_rules(actor=ada, text=DEBUG_PRINT, language="go", code="package a\n")
    assert (elsewhere.findings, elsewhere.problem) == ([], "no custom rule is for go")
    unparsable = DEBUG_PRINT.replace("print($MESSAGE)", "print(((")
    broken = try_custom_rules(actor=ada, text=unparsable, language="python", code="x")
    assert "Rule parse error" in (broken.problem or "")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    ("text", "language", "code", "said"),
    [
        ("[rules\n", "python", "x", "the rules is not valid TOML"),
        (DEBUG_PRINT, "cobol", "x", "review_app does not review 'cobol'"),
        (DEBUG_PRINT, "python", "x" * 50_001, "on code of up to 50,000"),
    ],
)
def test_what_cannot_be_tried_is_refused_in_words(
    ada: CurrentUser, text: str, language: str, code: str, said: str
) -> None:
    with pytest.raises(InvalidSubmissionError, match=said):
        try_custom_rules(actor=ada, text=text, language=language, code=code)
