"""/settings: the user's own rule configuration for their personal projects and editor reviews."""

from functools import partial

import reflex as rx

from review_app import routes
from review_app.components.messages import messages
from review_app.components.page import page
from review_app.components.rules_form import rules_form
from review_app.review.errors import InvalidSubmissionError
from review_app.services.errors import ServiceError
from review_app.services.teams import workspace_config
from review_app.services.teams.workspace_config import WorkspaceConfigView
from review_app.state.rule_trial import RuleTrialState
from review_app.state.session import SessionState
from review_app.state.timestamps import shown_time


class SettingsState(rx.State):
    """The user's own rules."""

    rules: str = ""
    updated: str = ""
    error: str = ""
    notice: str = ""

    @rx.event
    async def load(self) -> None:
        """Read the user's rules."""
        self.error, self.notice = "", ""
        try:
            user = await (await self.get_state(SessionState))._current_user()
            view = await rx.run_in_thread(partial(workspace_config.read_config, actor=user))
        except ServiceError as error:
            self.error = str(error)
            return
        self._show(view)

    @rx.event
    async def save(self, form: dict) -> None:
        """Keep the user's rules (checked first: a broken text changes nothing)."""
        self.error, self.notice = "", ""
        text = str(form.get("text", ""))[: workspace_config.MAX_CONFIG_CHARACTERS + 1]
        try:
            user = await (await self.get_state(SessionState))._current_user()
            save = partial(workspace_config.save_config, actor=user, text=text)
            view = await rx.run_in_thread(save)
        except (ServiceError, InvalidSubmissionError) as error:
            self.error = str(error)
            return
        self._show(view)
        self.notice = "Rules saved: your next reviews follow them."

    def _show(self, view: WorkspaceConfigView) -> None:
        self.rules = view.text
        self.updated = f"Saved {shown_time(view.updated_at)}" if view.updated_at else ""


@page(
    routes.SETTINGS,
    "Settings",
    on_load=[SettingsState.load, RuleTrialState.start],
    nav=(6, "Settings"),
)
def settings_page() -> rx.Component:
    """The user's own rules."""
    return rx.vstack(
        rx.heading("Settings", size="6"),
        rx.heading("Your rules", size="4"),
        rx.text(
            "For your personal projects and the reviews you run in the editor; a team's"
            " projects follow the team's rules.",
            color_scheme="gray",
        ),
        messages(SettingsState.error, SettingsState.notice),
        rules_form(SettingsState.rules, True, SettingsState.updated, SettingsState.save),
        spacing="4",
        width="100%",
    )
