"""Single sign-on in Chromium, through the platform's real OpenID provider's pages: an admin
requires it of a team, a member's password is then refused and the provider signs her in; an
unverified email is refused."""

import re
import uuid

from playwright.sync_api import Browser, Page, expect

from review_app.db import session_scope
from review_app.models import Membership, Role, Team, TeamRole
from review_app.services.accounts import users as accounts
from support.browser import expect_signed_in, sign_in
from support.platform import RunningPlatform
from support.seed import PASSWORD, add_user


def _team_with_member(member_email: str) -> str:
    """A new team (its owner a new user) with `member_email`'s new account in it."""
    owner_id, _ = add_user()
    name = f"Crew {uuid.uuid4().hex[:6]}"
    with session_scope() as session:
        member = accounts.create_user(session=session, email=member_email, password=PASSWORD)
        team = Team(name=name)
        session.add(team)
        session.flush()
        session.add(Membership(team_id=team.id, user_id=owner_id, role=TeamRole.OWNER))
        session.add(Membership(team_id=team.id, user_id=member.id, role=TeamRole.MEMBER))
    return name


def _through_the_provider(page: Page, login: str) -> None:
    """Click single sign-on on the sign-in page, sign in at the provider and consent."""
    page.get_by_role("link", name="Sign in with Test ID").click()
    page.get_by_placeholder("Enter any login").fill(login)
    page.get_by_placeholder("and password").fill("anything")
    page.get_by_role("button", name="Sign-in").click()
    page.get_by_role("button", name="Continue").click()


def test_an_admin_requires_sso_of_a_team_and_its_member_signs_in_through_it(
    platform_settings: RunningPlatform, browser: Browser, page: Page, screenshot
) -> None:
    team = _team_with_member("sso-grace@example.com")
    _, admin_email = add_user(Role.ADMIN)
    page.goto(f"{platform_settings.url}/admin")
    sign_in(page, admin_email)
    page.get_by_role("tab", name="Teams").click()
    page.get_by_role("switch", name=f"Require single sign-on of {team}").click()
    expect(page.get_by_text(f"{team} requires SSO.")).to_be_visible()

    grace = browser.new_context().new_page()
    grace.goto(f"{platform_settings.url}/projects")
    sign_in(grace, "sso-grace@example.com")
    expect(grace.get_by_text(f"Your team {team} requires single sign-on")).to_be_visible()
    _through_the_provider(grace, "sso-grace")

    expect(grace).to_have_url(re.compile("/projects/?$"))
    expect_signed_in(grace, "sso-grace@example.com")
    grace.reload()
    expect_signed_in(grace, "sso-grace@example.com")
    screenshot(grace, "sso-signed-in")


def test_an_unverified_email_is_sent_back_with_the_reason(
    platform_settings: RunningPlatform, page: Page
) -> None:
    page.goto(f"{platform_settings.url}/login")
    _through_the_provider(page, "sso-eve")

    expect(page).to_have_url(re.compile("/login"))
    expect(page.get_by_text("has not verified your email address")).to_be_visible()
    expect(page.get_by_role("navigation").get_by_role("link", name="Sign in")).to_be_visible()
