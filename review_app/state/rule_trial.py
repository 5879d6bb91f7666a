"""Trying the custom rules of a rule configuration, as typed, on some code before saving it."""

import dataclasses
from functools import partial

import reflex as rx

from review_app.review.errors import InvalidSubmissionError
from review_app.services.errors import ServiceError
from review_app.services.teams import rule_trials
from review_app.state.session import SessionState


@dataclasses.dataclass
class TrialRow:
    """A finding of a custom rule on the trial code."""

    line: int
    severity: str
    title: str
    rule: str


class RuleTrialState(rx.State):
    """The trial: the configuration as last typed, and what its rules found."""

    findings: list[TrialRow] = []
    problem: str = ""  # why a rule did not run
    error: str = ""
    tried: bool = False
    _draft: str | None = None  # the text area's text once edited; None: the saved text

    @rx.event
    def start(self) -> None:
        """A page with rules opened: nothing typed or tried yet."""
        self.findings, self.problem, self.error, self.tried, self._draft = [], "", "", False, None

    @rx.event
    def keep_draft(self, text: str) -> None:
        """The rule configuration's text area lost focus: try what it holds now."""
        self._draft = str(text)

    @rx.event
    async def run_trial(self, form: dict) -> None:
        """Run the custom rules on the form's code, in the form's language."""
        text = self._draft if self._draft is not None else str(form.get("saved", ""))
        self.tried, self.findings, self.problem, self.error = False, [], "", ""
        try:
            user = await (await self.get_state(SessionState))._current_user()
            trial = await rx.run_in_thread(
                partial(
                    rule_trials.try_custom_rules,
                    actor=user,
                    text=text,
                    language=str(form.get("language", "python")),
                    code=str(form.get("code", "")),
                )
            )
        except (ServiceError, InvalidSubmissionError) as error:
            self.error = str(error)
            return
        self.tried, self.problem = True, trial.problem or ""
        self.findings = [
            TrialRow(
                line=found.line, severity=found.severity.value, title=found.title, rule=found.rule
            )
            for found in trial.findings
        ]
