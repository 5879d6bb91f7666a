"""/dashboard: trends of the user's reviews (an admin's: everyone's, or one user's) in charts."""

import reflex as rx

from review_app import routes
from review_app.components.charts import SCORE_RANGE, chart_card, series_chart
from review_app.components.findings_table import SEVERITY_COLORS
from review_app.components.labeled import labeled
from review_app.components.messages import messages
from review_app.components.page import page
from review_app.components.stat_card import stat_card, stat_row
from review_app.review.languages import SUPPORTED_LANGUAGES
from review_app.review.models import Severity
from review_app.state.dashboard_view import ANY, YOURS, DashboardState, RuleRow
from review_app.state.session import SessionState


def _user_filter() -> rx.Component:
    """Admins only: narrow the user list by email, then pick one (or all)."""
    return rx.fragment(
        labeled(
            "Find a user",
            rx.input(
                value=DashboardState.user_search,
                on_change=DashboardState.search_users,
                placeholder="email contains…",
                debounce_timeout=300,
            ),
        ),
        labeled(
            "User",
            rx.select(
                DashboardState.user_choices,
                value=DashboardState.user_choice,
                on_change=DashboardState.pick_user,
                aria_label="User",
            ),
        ),
    )


def _filters() -> rx.Component:
    return rx.flex(
        *[
            labeled(
                label,
                rx.input(
                    type="date",
                    value=getattr(DashboardState, name),
                    on_change=lambda value, name=name: DashboardState.set_filter(name, value),
                ),
            )
            for name, label in (("date_from", "From"), ("date_to", "To"))
        ],
        labeled(
            "Language",
            rx.select(
                [ANY, *SUPPORTED_LANGUAGES],
                value=DashboardState.language,
                on_change=lambda value: DashboardState.set_filter("language", value),
                aria_label="Language",
            ),
        ),
        rx.cond(
            DashboardState.workspace_choices.length() > 1,  # type: ignore[attr-defined]
            labeled(
                "Workspace",
                rx.select(
                    DashboardState.workspace_choices,
                    value=DashboardState.workspace_choice,
                    on_change=DashboardState.pick_workspace,
                    aria_label="Workspace",
                ),
            ),
        ),
        rx.cond(SessionState.is_admin & (DashboardState.workspace_choice == YOURS), _user_filter()),
        spacing="3",
        wrap="wrap",
        align="end",
    )


def _charts() -> rx.Component:
    recharts, accent = rx.recharts, rx.color("accent", 9)
    severity_cells = [recharts.cell(fill=rx.color(SEVERITY_COLORS[s], 9)) for s in Severity]
    per_day = DashboardState.per_day
    return rx.grid(
        chart_card(
            "Reviews per day",
            series_chart(
                recharts.area_chart,
                recharts.area,
                per_day,
                ("day", "reviews"),
                "Reviews",
                type_="linear",
                stroke=accent,
                fill=rx.color("accent", 5),
            ),
        ),
        chart_card(
            "Average score per day",
            series_chart(
                recharts.line_chart,
                recharts.line,
                per_day,
                ("day", "score"),
                "Average score",
                y_domain=SCORE_RANGE,
                type_="linear",
                stroke=accent,
                connect_nulls=True,
            ),
        ),
        chart_card(
            "Average score per language",
            series_chart(
                recharts.bar_chart,
                recharts.bar,
                DashboardState.per_language,
                ("language", "score"),
                "Average score",
                y_domain=SCORE_RANGE,
                fill=accent,
            ),
        ),
        chart_card(
            "Findings by severity",
            series_chart(
                recharts.bar_chart,
                recharts.bar,
                DashboardState.by_severity,
                ("name", "count"),
                "Findings",
                *severity_cells,
            ),
        ),
        chart_card(
            "Findings by category",
            series_chart(
                recharts.bar_chart,
                recharts.bar,
                DashboardState.by_category,
                ("name", "count"),
                "Findings",
                every_label=True,
                fill=accent,
            ),
        ),
        chart_card("Most common issues", _top_rules()),
        columns=rx.breakpoints(initial="1", md="2"),
        spacing="4",
        width="100%",
    )


def _rule_row(row: RuleRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.code(row.rule)),
        rx.table.cell(row.title),
        rx.table.cell(row.count, text_align="right"),
    )


def _top_rules() -> rx.Component:
    return rx.cond(
        DashboardState.top_rules.length() > 0,
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    rx.table.column_header_cell("Rule"),
                    rx.table.column_header_cell("Issue"),
                    rx.table.column_header_cell("Findings", text_align="right"),
                )
            ),
            rx.table.body(rx.foreach(DashboardState.top_rules, _rule_row)),
            size="1",
        ),
        rx.text("No findings in this range.", color_scheme="gray", size="2"),
    )


def _headline() -> rx.Component:
    figures = DashboardState.headline
    return stat_row(
        stat_card("Reviews", figures.reviews),
        stat_card("Project reviews", figures.projects),
        stat_card("Completed", figures.completed),
        stat_card("Failed", figures.failed),
        stat_card("Average score", figures.average_score),
        stat_card("Cache hit rate", figures.cache_hit_rate),
        stat_card("LLM tokens", figures.llm_tokens),
    )


@page(routes.DASHBOARD, "Dashboard", on_load=[DashboardState.load], nav=(4, "Dashboard"))
def dashboard_page() -> rx.Component:
    """The signed-in user's analytics (an admin's: every user's, or one user's)."""
    return rx.vstack(
        rx.heading("Dashboard", size="6"),
        _filters(),
        messages(DashboardState.error),
        rx.text(DashboardState.scope_label, size="2", color_scheme="gray", aria_label="Scope"),
        _headline(),
        _charts(),
        spacing="4",
        width="100%",
    )
