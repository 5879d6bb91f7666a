"""The team's triage of the open project's findings: decisions on single findings from the
table (false positive, won't fix, accepted risk, with a comment; or taken back), and the
project's baseline (a review's findings accepted, hidden from later reviews)."""

import uuid
from functools import partial

import reflex as rx

from review_app.models import DecisionKind
from review_app.services.errors import ServiceError
from review_app.services.projects import baselines, decisions
from review_app.services.projects.baselines import BaselineView
from review_app.state.project_view import ProjectViewState
from review_app.state.session import SessionState
from review_app.state.timestamps import shown_time

DECISION_CHOICES = {
    DecisionKind.FALSE_POSITIVE: "False positive",
    DecisionKind.WONT_FIX: "Won't fix",
    DecisionKind.ACCEPTED_RISK: "Accepted risk",
}


class TriageState(rx.State):
    """Decisions and the baseline of the project the page has open."""

    baseline: str = ""  # the project's baseline in words; "": none
    error: str = ""
    notice: str = ""

    @rx.event
    async def load_baseline(self):
        """Show the baseline of the project named in the page's URL."""
        self.baseline = self.error = self.notice = ""
        try:
            user = await (await self.get_state(SessionState))._current_user()
            project_id = uuid.UUID(self.router.page.params.get("project_id", ""))
            found = await rx.run_in_thread(
                partial(baselines.get_baseline, user_id=user.id, project_id=project_id)
            )
        except (ServiceError, ValueError):
            return  # the project page says what is wrong
        self._show_baseline(found)

    @rx.event
    async def accept_baseline(self) -> None:
        """Accept the findings of the project's latest review: later reviews hide them."""
        await self._act(partial(baselines.set_baseline), "Baseline set.", baseline=True)

    @rx.event
    async def clear_baseline(self) -> None:
        """Drop the baseline: every finding shows again."""
        await self._act(partial(baselines.clear_baseline), "Baseline cleared.", baseline=True)

    @rx.event
    async def decide(self, form: dict) -> None:
        """Record the decision the row's form holds, then list the findings again."""
        try:
            kind = DecisionKind(str(form.get("kind") or DecisionKind.FALSE_POSITIVE))
            review_id = uuid.UUID(str(form.get("review_id", "")))
            finding = int(form.get("finding", -1))
        except ValueError:
            self.error, self.notice = "That decision is not one this page offers.", ""
            return
        await self._act(
            partial(
                decisions.decide,
                review_id=review_id,
                finding=finding,
                kind=kind,
                comment=str(form.get("comment", "")),
            ),
            "Decision saved: it holds in later reviews.",
        )

    @rx.event
    async def take_back(self, decision_id: int) -> None:
        """Withdraw a decision: its finding counts again."""
        await self._act(
            partial(decisions.withdraw, decision_id=int(decision_id)), "Decision taken back."
        )

    async def _act(self, action: partial, done: str, baseline: bool = False) -> None:
        """Run a triage service, then show the open project's review anew: on the baseline of
        the open project (`baseline`: then show the baseline the service answered), else on the
        decisions of the project the review's findings land on (a change review's base)."""
        view = await self.get_state(ProjectViewState)
        try:
            user = await (await self.get_state(SessionState))._current_user()
            project_id = uuid.UUID(view.project_id if baseline else view.triage_project_id)
            answer = await rx.run_in_thread(partial(action, user_id=user.id, project_id=project_id))
            if baseline:
                self._show_baseline(answer)
            await view._load_review(user.id, uuid.UUID(view.review_id))
        except (ServiceError, ValueError) as error:
            self.error, self.notice = str(error), ""
            return
        self.error, self.notice = "", done

    def _show_baseline(self, baseline: BaselineView | None) -> None:
        if baseline is None:
            self.baseline = ""
            return
        by = f" by {baseline.set_by}" if baseline.set_by else ""
        plural = "" if baseline.findings == 1 else "s"
        self.baseline = (
            f"Baseline: {baseline.findings} finding{plural} accepted "
            f"{shown_time(baseline.set_at)}{by}."
        )
