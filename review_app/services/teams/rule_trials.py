"""Trying custom rules before they are kept: the rules of a configuration (as typed, not yet
saved) run on a piece of code, and what they find, or why they cannot run, comes back."""

from pydantic import BaseModel

from review_app.review.custom_rules import try_rules
from review_app.review.errors import InvalidSubmissionError
from review_app.review.languages import SUPPORTED_LANGUAGES
from review_app.review.models import Severity
from review_app.review.review_config import InvalidConfigError, parse_config
from review_app.services.accounts.identity import CurrentUser
from review_app.services.teams.workspace_config import MAX_CONFIG_CHARACTERS

MAX_TRIAL_CHARACTERS = 50_000


class TrialFinding(BaseModel):
    """One finding of a custom rule on the trial code."""

    rule: str
    title: str
    severity: Severity
    line: int
    detail: str


class Trial(BaseModel):
    """What the custom rules found on the code, and what kept any of them from running."""

    findings: list[TrialFinding]
    problem: str | None


def try_custom_rules(*, actor: CurrentUser, text: str, language: str, code: str) -> Trial:
    """Run the custom rules of the configuration `text` for `language` on `code`.

    `actor` is whoever tries them (signed in, counted by the caller's rate limit): the rules
    and the code are theirs, nothing is read or kept.

    Raises:
        InvalidSubmissionError: too long, an unknown language, or a configuration that is not
            valid (the message says where).
    """
    del actor  # nothing of anyone's is read: signing in and the rate limit are the gate
    if len(text) > MAX_CONFIG_CHARACTERS or len(code) > MAX_TRIAL_CHARACTERS:
        raise InvalidSubmissionError(
            f"Try rules of up to {MAX_CONFIG_CHARACTERS:,} characters on code of up to "
            f"{MAX_TRIAL_CHARACTERS:,}."
        )
    if language not in SUPPORTED_LANGUAGES:
        raise InvalidSubmissionError(f"review_app does not review {language[:40]!r}.")
    try:
        config = parse_config(text, source="the rules")
    except InvalidConfigError as error:
        raise InvalidSubmissionError(str(error)) from None
    output = try_rules(config.custom_rules, language, code)
    return Trial(
        findings=[
            TrialFinding(
                rule=finding.rule or "",
                title=finding.title,
                severity=finding.severity,
                line=finding.line,
                detail=finding.detail,
            )
            for finding in sorted(output.findings, key=lambda found: found.line)
        ],
        problem=output.failure,
    )
