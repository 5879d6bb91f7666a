"""The admin page: users, queue, hosts, failed jobs, limits, cache, audit log; for admins only."""

import re
import socket
import uuid
from datetime import UTC, datetime

from playwright.sync_api import Browser, Locator, Page, expect

from review_app.db import session_scope
from review_app.models import CachedResult, ReviewStatus, Role
from review_app.pages.admin.state import AdminState
from review_app.redis_client import get_redis
from review_app.services import audit
from review_app.services.admin import audit_history
from review_app.services.admin import cache as admin_cache
from review_app.services.integrations import connections
from review_app.services.integrations.connections import ConnectionRequest
from review_app.services.reviews.cache import RESULT_KEY_PREFIX
from review_app.state.session import SessionState
from support.browser import alert, expect_signed_in, sign_in
from support.console import console_errors
from support.hand_made_events import HandMadeEvents
from support.platform import RunningPlatform
from support.seed import ADMIN_ACTOR, add_review, add_user


def _cache_results(count: int, hits: int) -> None:
    """`count` stored results reused `hits` times each, one of them also hot in Redis."""
    keys = [uuid.uuid4().hex for _ in range(count)]
    with session_scope() as session:
        session.add_all(CachedResult(cache_key=key, result={}, hit_count=hits) for key in keys)
    get_redis().set(f"{RESULT_KEY_PREFIX}{keys[0]}", "{}", ex=600)


def _open_admin(page: Page, base_url: str, email: str) -> None:
    page.goto(f"{base_url}/admin")
    sign_in(page, email)
    expect(page.get_by_role("heading", name="Admin", exact=True)).to_be_visible()


def _figure(page: Page, label: str) -> Locator:
    return page.get_by_role("group", name=label, exact=True)


def _audit_rows(page: Page, who: str) -> Locator:
    page.get_by_role("tab", name="Audit log").click()
    page.get_by_label("Who", exact=True).fill(who)
    return page.locator(".audit-row")


def test_a_user_gets_403_and_cannot_act_by_hand(
    platform_settings: RunningPlatform, page: Page
) -> None:
    _, email = add_user()
    _cache_results(1, hits=1)
    entries = admin_cache.cache_stats(actor=ADMIN_ACTOR).entries
    events = HandMadeEvents(page)

    page.goto(f"{platform_settings.url}/admin")
    sign_in(page, email)

    expect(page.get_by_role("heading", name="403 — Forbidden")).to_be_visible()
    expect(page.get_by_role("link", name="Admin", exact=True)).to_have_count(0)
    admin_state = AdminState.get_full_name()
    events.send(f"{admin_state}.purge_cache")
    events.send(f"{admin_state}.load")
    events.send(f"{admin_state}.set_disabled", index=0, disabled=True)
    events.send(f"{SessionState.get_full_name()}.logout")  # handled last: proves the others ran
    expect(page).to_have_url(re.compile("/login"))
    assert admin_cache.cache_stats(actor=ADMIN_ACTOR).entries == entries
    assert (
        audit_history.list_events(
            actor=ADMIN_ACTOR, action=audit.AuditAction.CACHE_PURGE, actor_email=email
        ).total
        == 0
    )


def test_an_admin_disables_enables_promotes_and_demotes_a_user(
    platform_settings: RunningPlatform, browser: Browser, page: Page, screenshot
) -> None:
    errors = console_errors(page)
    _, user = add_user()
    _, admin = add_user(Role.ADMIN)
    user_page = browser.new_context().new_page()
    user_page.goto(f"{platform_settings.url}/history")
    sign_in(user_page, user)
    expect_signed_in(user_page, user)
    _open_admin(page, platform_settings.url, admin)

    page.get_by_label("Search users").fill(user)
    row = page.locator(".user-row")
    expect(row).to_have_count(1)
    expect(row).to_contain_text(user)
    page.get_by_role("button", name=f"Disable {user}").click()
    expect(page.get_by_role("status")).to_have_text(f"{user} is now disabled.")
    expect(row).to_contain_text("disabled")
    expect(user_page).to_have_url(re.compile("/login"))  # their open tab is signed out at once
    sign_in(user_page, user)
    expect(alert(user_page, "This account is disabled.")).to_be_visible()

    page.get_by_role("button", name=f"Enable {user}").click()
    expect(row).to_contain_text("active")
    user_page.get_by_role("button", name="Sign in").click()
    expect_signed_in(user_page, user)

    page.get_by_role("button", name=f"Promote {user}").click()
    expect(row).to_contain_text("admin")
    user_page.reload()
    expect(user_page.get_by_role("link", name="Admin", exact=True)).to_be_visible()
    page.get_by_role("button", name=f"Demote {user}").click()
    expect(page.get_by_role("status")).to_have_text(f"{user} is now an active user.")
    user_page.reload()
    expect_signed_in(user_page, user)
    expect(user_page.get_by_role("link", name="Admin", exact=True)).to_have_count(0)

    page.get_by_label("Search users").fill(admin)
    expect(row).to_contain_text("you")
    page.get_by_role("button", name=f"Disable {admin}").click()
    expect(alert(page, "You cannot disable your own account.")).to_be_visible()
    page.get_by_role("button", name=f"Demote {admin}").click()
    expect(alert(page, "You cannot demote yourself")).to_be_visible()
    screenshot(page, "admin-users")

    rows = _audit_rows(page, admin)
    for index, action in enumerate(["user.demote", "user.promote", "user.enable", "user.disable"]):
        expect(rows.nth(index)).to_contain_text(action)
        expect(rows.nth(index)).to_contain_text(user)
    expect(rows.nth(4)).to_contain_text("login")
    rows = _audit_rows(page, user)
    for action, count in (("login", 2), ("login_refused", 1)):
        action_cell = page.get_by_role("cell", name=action, exact=True)
        expect(rows.filter(has=action_cell)).to_have_count(count)
    user_page.context.close()
    assert errors == []


def test_an_admin_reruns_a_failed_job_and_purges_the_cache(
    platform_settings: RunningPlatform, page: Page, screenshot
) -> None:
    errors = console_errors(page)
    owner_id, owner = add_user()
    _, admin = add_user(Role.ADMIN)
    error = f"The worker ran out of memory ({uuid.uuid4().hex[:6]})."
    request_id = f"admin-{uuid.uuid4().hex[:8]}"
    review_id = add_review(
        owner_id,
        datetime.now(UTC),
        status=ReviewStatus.FAILED,
        score=None,
        error=error,
        request_id=request_id,
    )
    _cache_results(2, hits=3)
    _open_admin(page, platform_settings.url, admin)

    page.get_by_role("tab", name="Queue").click()
    expect(_figure(page, "Live workers")).to_have_text(re.compile(r"Live workers\s*[1-9]"))
    expect(page.get_by_role("table", name="Live workers")).to_contain_text("s ago")
    screenshot(page, "admin")
    _see_this_host_up(page)

    page.get_by_role("tab", name=re.compile(r"Failed jobs \(\d+\)")).click()
    failed = page.locator(".failed-row", has_text=error)
    expect(failed).to_contain_text(owner)
    expect(failed).to_contain_text(request_id)  # to find its log lines
    failed.get_by_role("button", name=re.compile("Re-run")).click()
    expect(page.get_by_role("status")).to_have_text("Queued again.")
    expect(failed).to_have_count(0)

    _set_and_remove_a_users_limit(page, owner)

    page.get_by_role("tab", name="Cache").click()
    expect(_figure(page, "Cached results")).not_to_have_text(re.compile(r"results\s*0$"))
    page.get_by_role("button", name="Purge cache").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Purge").click()
    for label in ("Cached results", "Cache hits", "Hot in Redis"):
        expect(_figure(page, label)).to_have_text(re.compile(rf"{label}\s*0$"))
    expect(page.get_by_role("status")).to_contain_text("Cache purged")

    rows = _audit_rows(page, admin)
    expect(rows.nth(0)).to_contain_text("cache.purge")
    expect(rows.nth(1)).to_contain_text("limit.remove")
    expect(rows.nth(2)).to_contain_text("limit.set")
    expect(rows.nth(2)).to_contain_text(f"submit for {owner}")
    expect(rows.nth(3)).to_contain_text("review.rerun")
    expect(rows.nth(3)).to_contain_text(str(review_id))
    page.get_by_role("combobox", name="Action").click()
    page.get_by_role("option", name="login", exact=True).click()
    expect(rows).to_have_count(1)
    screenshot(page, "admin-audit")
    assert errors == []


def _see_this_host_up(page: Page) -> None:
    """The Hosts tab: this machine runs the web app and a worker, both up; the database, Redis
    and the broker answer."""
    page.get_by_role("tab", name="Hosts").click()
    hosts = page.get_by_role("table", name="Hosts")
    for role in ("web", "worker"):
        row = hosts.get_by_role("row").filter(has=page.get_by_role("cell", name=role, exact=True))
        expect(row).to_have_count(1)
        expect(row).to_contain_text(socket.gethostname())
        expect(row.get_by_text("up", exact=True)).to_be_visible()
    for service in ("Database", "Redis", "Broker"):
        expect(_figure(page, service)).to_contain_text(re.compile(r"answers in [\d.]+ ms"))


def _set_and_remove_a_users_limit(page: Page, email: str) -> None:
    """The limits in force for everyone and for one user, whose submit rate the admin sets,
    sees in force for them, and removes."""
    page.get_by_role("tab", name="Rate limits").click()
    limits = page.get_by_role("table", name="Rate limits in force")
    login = limits.get_by_role("row", name=re.compile(r"^login\s"))
    expect(login).to_contain_text("40/minute")
    expect(login).to_contain_text("from the settings")

    page.get_by_role("combobox", name="For", exact=True).click()
    page.get_by_role("option", name="A user (email)").click()
    page.get_by_label("Team or user").fill(email)
    page.get_by_label("Rate", exact=True).fill("3/minute")
    page.get_by_role("button", name="Set limit").click()
    expect(page.get_by_role("status")).to_have_text(f"submit is now 3/minute for {email}.")
    expect(page.locator(".override-row")).to_have_count(1)
    expect(page.locator(".override-row")).to_contain_text(email)

    page.get_by_label("Limits in force for").fill(email)
    page.get_by_role("button", name="Show").click()
    expect(page.locator("#limits-for")).to_have_text(f"In force for {email}")
    submit = limits.get_by_role("row", name=re.compile(r"^submit\s"))
    expect(submit).to_contain_text("3/minute")
    expect(submit).to_contain_text("set for this user")

    page.get_by_role("button", name=f"Remove the submit rate for {email}").click()
    expect(page.locator(".override-row")).to_have_count(0)
    expect(submit).to_contain_text("from the settings")


def test_integrations_show_each_repository_and_what_its_host_last_said(
    platform_settings: RunningPlatform, page: Page
) -> None:
    admin_id, email = add_user(Role.ADMIN)
    admin = ADMIN_ACTOR.model_copy(update={"id": admin_id})
    request = ConnectionRequest(
        host="github",
        repository=f"octo-shop/{uuid.uuid4().hex[:8]}",
        token="github_pat_TESTONLY_abcd1234",
        webhook_secret="a-webhook-secret-for-tests",
    )
    view = connections.connect(actor=admin, request=request)
    connections.record_host_error(view.id, "GitHub answered 401 to GET /repos/x/y/pulls/1")

    _open_admin(page, platform_settings.url, email)
    page.get_by_role("tab", name="Integrations").click()
    row = page.locator(".connection-row").filter(has_text=request.repository)
    expect(row).to_contain_text("…1234")
    expect(row).to_contain_text("GitHub answered 401")
    expect(page.get_by_text("github_pat_TESTONLY")).to_have_count(0)
