"""Signing in and out in the browser: protection, errors, reload, new tabs, logout everywhere."""

import re
import time
import uuid

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from review_app.db import session_scope
from review_app.services import rate_limits
from review_app.services.accounts import users as accounts
from support.browser import PASSWORD, alert, expect_signed_in, register, sign_in
from support.limits import exhaust
from support.platform import RunningPlatform

PROTECTED_PATHS = ["/editor", "/history", "/dashboard", "/admin", "/teams", "/settings"]


def _email() -> str:
    return f"user-{uuid.uuid4().hex[:8]}@example.com"


@pytest.mark.parametrize("path", PROTECTED_PATHS)
def test_a_signed_out_visitor_is_sent_to_login(platform: RunningPlatform, page: Page, path: str):
    page.goto(f"{platform.url}{path}")
    expect(page).to_have_url(re.compile(rf"/login\?next=%2F{path[1:]}"))
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()


def test_register_reload_new_tab_and_logout_everywhere(
    platform: RunningPlatform, context: BrowserContext, page: Page, screenshot
) -> None:
    email = _email()
    page.goto(platform.url)
    screenshot(page, "home")
    page.goto(f"{platform.url}/register")
    screenshot(page, "register")
    register(page, platform.url, email)
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, email)
    expect_signed_in(page, email)
    session_cookie = next(c for c in context.cookies() if c["name"] == "review_app_session")
    assert session_cookie["sameSite"] == "Strict"
    assert session_cookie["httpOnly"]
    stored = page.evaluate("JSON.stringify({...localStorage, ...sessionStorage})")
    assert session_cookie["value"] not in stored

    page.reload()
    expect_signed_in(page, email)
    other_tab = context.new_page()
    other_tab.goto(f"{platform.url}/history")
    expect(other_tab.get_by_role("heading", name="History")).to_be_visible()
    expect(other_tab.get_by_text(email)).to_be_visible()

    page.get_by_role("button", name="Sign out").click()

    expect(page).to_have_url(re.compile("/login"))
    expect(other_tab).to_have_url(re.compile("/login"), timeout=10_000)
    other_tab.goto(f"{platform.url}/editor")
    expect(other_tab).to_have_url(re.compile(r"/login\?next="))


def test_login_goes_back_to_where_the_visitor_was_headed(
    platform_settings: RunningPlatform, page: Page
) -> None:
    email = _email()
    with session_scope() as session:
        accounts.create_user(session=session, email=email, password=PASSWORD)
    page.goto(f"{platform_settings.url}/dashboard")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fdashboard"))
    sign_in(page, email)
    expect(page).to_have_url(re.compile("/dashboard"))
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()


def test_forms_explain_what_is_wrong_inline(
    platform: RunningPlatform, page: Page, screenshot
) -> None:
    email = _email()
    register(page, platform.url, email)
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, email, "not the password")
    expect(alert(page, "Incorrect email or password.")).to_be_visible()
    screenshot(page, "login-error")

    page.goto(f"{platform.url}/register")
    for password, confirm, message in [
        (PASSWORD, PASSWORD, "already exists"),
        ("password123", "password123", "too weak"),
        (PASSWORD, PASSWORD + "!", "differ"),
    ]:
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password (at least 8 characters)").fill(password)
        page.get_by_label("Repeat the password").fill(confirm)
        page.get_by_role("button", name="Create account").click()
        expect(alert(page, message)).to_be_visible()


def test_admin_page_is_forbidden_to_users_and_open_to_admins(
    platform_settings: RunningPlatform, page: Page
) -> None:
    user, admin = _email(), _email()
    with session_scope() as session:
        accounts.create_user(session=session, email=user, password=PASSWORD)
        accounts.make_admin(session=session, email=admin, password=PASSWORD)

    page.goto(f"{platform_settings.url}/admin")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fadmin"))
    sign_in(page, user)
    expect(page.get_by_role("heading", name="403 — Forbidden")).to_be_visible()
    expect(page.get_by_role("link", name="Admin")).to_have_count(0)

    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile("/login"))
    page.goto(f"{platform_settings.url}/admin")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fadmin"))
    sign_in(page, admin)
    expect(page.get_by_role("heading", name="Admin", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="403 — Forbidden")).to_have_count(0)


def test_a_rate_limited_login_says_how_long_to_wait(
    platform_settings: RunningPlatform, page: Page
) -> None:
    key = rate_limits.per_ip("127.0.0.1")
    exhaust(rate_limits.Rule.LOGIN, key)
    try:
        page.goto(f"{platform_settings.url}/login")
        sign_in(page, _email())
        expect(alert(page, re.compile(r"Try again in \d+ seconds"))).to_be_visible()
    finally:
        rate_limits.reset(rate_limits.Rule.LOGIN, key)


def test_the_session_outlives_its_access_token(platform: RunningPlatform, page: Page) -> None:
    email = _email()
    register(page, platform.url, email)
    time.sleep(float(platform.env["ACCESS_TOKEN_MINUTES"]) * 60 + 3)
    page.get_by_role("link", name="History").click()
    expect(page.get_by_role("heading", name="History")).to_be_visible()
    expect(page.get_by_text(email)).to_be_visible()


def test_passwords_and_tokens_never_reach_a_log(platform: RunningPlatform, page: Page) -> None:
    email = _email()
    register(page, platform.url, email)
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, email)
    expect_signed_in(page, email)
    logs = [platform.log_path, *sorted((platform.data_dir / "logs").glob("*.log"))]
    text = "\n".join(path.read_text(errors="replace") for path in logs)
    assert PASSWORD not in text
    assert not re.search(r"eyJ[\w-]+\.eyJ[\w-]+\.", text), "a JWT was logged"
