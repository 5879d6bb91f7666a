"""/rules/[rule_id]: why a rule of the rule pack matters, a bad and a good example, the fix."""

from functools import partial

import reflex as rx

from review_app import routes
from review_app.components.page import page
from review_app.services import rate_limits, rules
from review_app.services.errors import NotFoundError, ServiceError
from review_app.state.session import client_ip_of

_SHOWN = {"title", "cwe", "severity", "category", "why", "how_to_fix", "bad", "good"}


class RuleState(rx.State):
    """The rule the page shows; anyone may read it (counted per client address)."""

    rule_id: str = ""
    title: str = ""
    cwe: int = 0
    severity: str = ""
    category: str = ""
    languages: str = ""
    why: str = ""
    how_to_fix: str = ""
    bad: str = ""
    good: str = ""
    code_language: str = "text"
    error: str = ""

    @rx.event
    async def load(self) -> None:
        """Read the rule named in the address."""
        rule_id = str(self.router.page.params.get("rule_id", ""))[:200]
        key = rate_limits.per_ip(client_ip_of(self.router))
        try:
            await rx.run_in_thread(partial(rate_limits.count_request, key, writes=False))
            documentation = await rx.run_in_thread(partial(rules.rule_page, rule_id))
        except NotFoundError as error:
            self.reset()
            self.rule_id, self.error = rule_id, str(error)
            return
        except ServiceError as error:
            self.error = str(error)
            return
        self.error = ""
        self.rule_id, self.title, self.cwe = (
            documentation.id,
            documentation.title,
            documentation.cwe,
        )
        self.severity, self.category = documentation.severity, documentation.category
        self.languages = ", ".join(documentation.languages)
        self.why, self.how_to_fix = documentation.why, documentation.how_to_fix
        self.bad, self.good = documentation.bad, documentation.good


def _example(title: str, code: rx.Var[str], color: str) -> rx.Component:
    return rx.box(
        rx.heading(title, size="3", as_="h2", color_scheme=color),
        rx.code_block(code, language=RuleState.code_language, wrap_long_lines=True, width="100%"),
        width="100%",
    )


@page(routes.RULE, "Rule", on_load=[RuleState.load], public=True)
def rule_page() -> rx.Component:
    """One rule's page, or why there is none."""
    return rx.cond(
        RuleState.error != "",
        rx.callout(RuleState.error, icon="circle_x", color_scheme="red", role="alert"),
        rx.vstack(
            rx.hstack(
                rx.heading(RuleState.title, size="6"),
                rx.badge(RuleState.severity),
                rx.badge(RuleState.category, color_scheme="gray"),
                align="center",
                wrap="wrap",
            ),
            rx.text(
                rx.code(RuleState.rule_id),
                " · ",
                rx.link(
                    f"CWE-{RuleState.cwe}", href=routes.cwe_url(RuleState.cwe), is_external=True
                ),
                " · ",
                RuleState.languages,
                size="2",
                color_scheme="gray",
            ),
            rx.heading("Why it matters", size="4", as_="h2"),
            rx.text(RuleState.why),
            rx.heading("How to fix it", size="4", as_="h2"),
            rx.text(RuleState.how_to_fix),
            rx.grid(
                _example("Vulnerable", RuleState.bad, "red"),
                _example("Fixed", RuleState.good, "green"),
                columns=rx.breakpoints(initial="1", md="2"),
                spacing="4",
                width="100%",
            ),
            spacing="3",
            width="100%",
            max_width="60em",
        ),
    )
