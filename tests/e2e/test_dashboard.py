"""The dashboard: a user's own numbers in charts, the date filter, and an admin's view of all."""

import re
from datetime import UTC, datetime, timedelta

from playwright.sync_api import Page, expect

from review_app.models import ReviewStatus, Role
from review_app.state.dashboard_view import DashboardState
from support.browser import sign_in
from support.console import console_errors
from support.hand_made_events import HandMadeEvents
from support.platform import RunningPlatform
from support.seed import add_review, add_user

SQL_INJECTION = ("high", "security", "S608", "SQL built from user input")
LONG_LINE = ("low", "style", "E501", "Line too long")
UNDEFINED = ("medium", "bug", "no-undef", "Undefined variable")
TOO_COMPLEX = ("low", "maintainability", "C901", "Too complex")
NO_DOCSTRING = ("medium", "documentation", "D103", "Missing docstring in public function")


def _open_dashboard(page: Page, base_url: str, email: str) -> None:
    page.goto(f"{base_url}/dashboard")
    sign_in(page, email)
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()


def _expect_figure(page: Page, label: str, value: str) -> None:
    card = page.get_by_role("group", name=label, exact=True)
    expect(card).to_have_text(re.compile(rf"^{label}\s*{re.escape(value)}$"))


def _chart(page: Page, title: str):
    return page.get_by_role("region", name=title)


def _expect_inside_the_chart(chart, selector: str) -> None:
    """Each shape is drawn whole, a clear gap from the chart's top and right edges."""
    surface = chart.locator(".recharts-surface").bounding_box()
    shapes = chart.locator(selector)
    expect(shapes.first).to_be_visible()
    for box in (shapes.nth(n).bounding_box() for n in range(shapes.count())):
        assert box["y"] >= surface["y"] + 8, (box, surface)
        assert box["x"] + box["width"] <= surface["x"] + surface["width"] - 8, (box, surface)


def test_a_user_sees_their_own_numbers_drawn(
    platform_settings: RunningPlatform, page: Page, screenshot
) -> None:
    errors = console_errors(page)
    now = datetime.now(UTC)
    user_id, email = add_user()
    other_id, _ = add_user()
    add_review(
        user_id,
        now - timedelta(days=2),
        score=80,
        tokens=(100, 50),
        findings=(SQL_INJECTION, LONG_LINE, LONG_LINE, TOO_COMPLEX, NO_DOCSTRING),
    )
    add_review(
        user_id,
        now - timedelta(days=1),
        language="javascript",
        score=60,
        cached=True,
        findings=(UNDEFINED,),
    )
    add_review(user_id, now - timedelta(days=1), status=ReviewStatus.FAILED, error="boom")
    add_review(user_id, now - timedelta(days=40), language="go", score=90, tokens=(1000, 0))
    add_review(other_id, now - timedelta(days=1), score=10, findings=(SQL_INJECTION,) * 5)

    _open_dashboard(page, platform_settings.url, email)

    expect(page.get_by_label("Scope")).to_have_text("Your reviews")
    for label, value in [
        ("Reviews", "3"),
        ("Completed", "2"),
        ("Failed", "1"),
        ("Average score", "70"),
        ("Cache hit rate", "33%"),
        ("LLM tokens", "150"),
        ("Project reviews", "0 (0 files)"),
    ]:
        _expect_figure(page, label, value)
    expect(page.locator(".recharts-surface")).to_have_count(5)
    expect(_chart(page, "Reviews per day").locator(".recharts-area-area")).to_have_count(1)
    expect(_chart(page, "Average score per day").locator(".recharts-line-curve")).to_have_count(1)
    expect(
        _chart(page, "Average score per language").locator(".recharts-bar-rectangle path")
    ).to_have_count(2)
    severity_bars = _chart(page, "Findings by severity").locator(".recharts-bar-rectangle path")
    expect(severity_bars).to_have_count(3)  # high, medium, low; zero-height bars draw nothing
    fills = severity_bars.evaluate_all("bars => bars.map(bar => getComputedStyle(bar).fill)")
    assert len(set(fills)) == 3, fills
    by_category = _chart(page, "Findings by category")
    expect(by_category.locator(".recharts-bar-rectangle path")).to_have_count(5)
    for category in ("style", "bug", "documentation", "maintainability", "security"):
        expect(by_category.get_by_text(category, exact=True)).to_be_visible()  # every bar named
    _expect_inside_the_chart(_chart(page, "Average score per day"), ".recharts-line-dot")
    top_rules = _chart(page, "Most common issues").get_by_role("row")
    expect(top_rules.nth(1)).to_contain_text("E501")
    expect(top_rules.nth(1)).to_contain_text("2")
    screenshot(page, "dashboard")

    page.get_by_label("From").fill((now - timedelta(days=45)).date().isoformat())
    _expect_figure(page, "Reviews", "4")
    _expect_figure(page, "LLM tokens", "1,150")
    _expect_figure(page, "Average score", "76.67")

    page.get_by_label("To", exact=True).fill((now - timedelta(days=30)).date().isoformat())
    _expect_figure(page, "Reviews", "1")
    _expect_figure(page, "Cache hit rate", "0%")

    page.get_by_label("To", exact=True).fill((now - timedelta(days=60)).date().isoformat())
    expect(page.get_by_role("alert")).to_contain_text("is after")
    assert errors == []


def test_an_admin_sees_every_user_and_can_pick_one(
    platform_settings: RunningPlatform, page: Page
) -> None:
    errors = console_errors(page)
    first_day = datetime.now(UTC) - timedelta(days=300)  # a range no other test writes to
    alice_id, alice = add_user()
    bob_id, _ = add_user()
    _, admin = add_user(Role.ADMIN)
    add_review(alice_id, first_day, score=40, tokens=(10, 10))
    add_review(alice_id, first_day + timedelta(days=1), score=60)
    add_review(bob_id, first_day + timedelta(days=2), language="go", score=100, cached=True)

    _open_dashboard(page, platform_settings.url, admin)
    page.get_by_label("From").fill(first_day.date().isoformat())
    page.get_by_label("To", exact=True).fill((first_day + timedelta(days=2)).date().isoformat())

    expect(page.get_by_label("Scope")).to_have_text("Every user's reviews")
    _expect_figure(page, "Reviews", "3")
    _expect_figure(page, "Average score", "66.67")
    expect(
        _chart(page, "Average score per language").locator(".recharts-bar-rectangle path")
    ).to_have_count(2)
    # go's bar is at 100: it stops short of the top
    _expect_inside_the_chart(
        _chart(page, "Average score per language"), ".recharts-bar-rectangle path"
    )

    page.get_by_label("Find a user").fill(alice)
    page.get_by_role("combobox", name="User", exact=True).click()
    page.get_by_role("option", name=alice).click()

    expect(page.get_by_label("Scope")).to_have_text(f"Reviews of {alice}")
    _expect_figure(page, "Reviews", "2")
    _expect_figure(page, "Average score", "50")
    _expect_figure(page, "LLM tokens", "20")
    _expect_figure(page, "Cache hit rate", "0%")
    assert errors == []


def test_a_user_sees_only_their_own_even_by_hand(
    platform_settings: RunningPlatform, page: Page
) -> None:
    _, email = add_user()
    other_id, other = add_user()
    add_review(other_id, datetime.now(UTC), score=50)
    events = HandMadeEvents(page)
    _open_dashboard(page, platform_settings.url, email)
    _expect_figure(page, "Reviews", "0")
    expect(page.get_by_label("Find a user")).to_have_count(0)
    expect(page.get_by_role("combobox", name="User", exact=True)).to_have_count(0)

    dashboard = DashboardState.get_full_name()
    events.send(f"{dashboard}.search_users", text=other)
    events.send(f"{dashboard}.pick_user", email=other)
    events.send(f"{dashboard}.set_filter", name="language", value="python")
    expect(page.get_by_role("combobox", name="Language")).to_contain_text(
        "python"
    )  # the hand-made events ran
    expect(page.get_by_label("Scope")).to_have_text("Your reviews")
    _expect_figure(page, "Reviews", "0")
