"""The workspace in detail: errors in words, upload, several tabs, filters, theme, reconnect."""

import re
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, expect

from review_app.db import session_scope
from review_app.pages.history import COLUMNS
from review_app.pages.history import PAGE_SIZE as HISTORY_PAGE
from review_app.services import rate_limits
from review_app.services.accounts import users as accounts
from review_app.services.reviews import runs as review_runs
from support.browser import PASSWORD, alert, paste_code, sign_in
from support.limits import exhaust
from support.llm_server import FakeLLMServer, HTTPError, Stall
from support.platform import RunningPlatform
from support.seed import add_review, add_user

FIXTURES = Path(__file__).parents[1] / "fixtures" / "review"
SHOP = (FIXTURES / "python_defects.py").read_text()


def _signed_in_editor(page: Page, base_url: str) -> uuid.UUID:
    """A new user, signed in on the editor; returns the user's id."""
    email = f"user-{uuid.uuid4().hex[:8]}@example.com"
    with session_scope() as session:
        user_id = accounts.create_user(session=session, email=email, password=PASSWORD).id
    page.goto(f"{base_url}/editor")
    sign_in(page, email)
    expect(page.locator(".monaco-editor")).to_be_visible(timeout=30_000)
    return user_id


def test_errors_are_said_in_words(platform_settings: RunningPlatform, page: Page) -> None:
    user_id = _signed_in_editor(page, platform_settings.url)

    paste_code(page, "x = 1\n" * 40_000)
    expect(page.get_by_label("Code size")).to_contain_text("240.0 KB of 200.0 KB")
    expect(page.get_by_role("button", name=re.compile("Submit for review"))).to_be_disabled()
    page.keyboard.press("Control+Enter")
    expect(alert(page, "the limit is 200,000 bytes")).to_be_visible()

    page.locator("input[type=file]").set_input_files(
        files=[{"name": "script.rb", "mimeType": "text/plain", "buffer": b"puts 1\n"}]
    )
    expect(alert(page, "script.rb: this kind of file is not supported")).to_be_visible()

    exhaust(rate_limits.Rule.SUBMIT, rate_limits.per_user(user_id))
    paste_code(page, "print('hello')\n")
    expect(page.get_by_label("Code size")).to_have_text("15 bytes of 200.0 KB")
    page.keyboard.press("Control+Enter")
    submits = re.compile(r"Too many reviews queued \(the limit is \d+ per hour\)\. Try again")
    expect(alert(page, submits)).to_be_visible()

    exhaust(rate_limits.Rule.DEFAULT, rate_limits.per_user(user_id))
    page.get_by_role("link", name="History").click()
    limited = re.compile(r"Too many requests \(the limit is \d+ per minute\)\. Try again in")
    expect(alert(page, limited)).to_be_visible()
    rate_limits.reset(rate_limits.Rule.DEFAULT, rate_limits.per_user(user_id))


def test_an_uploaded_file_fills_the_editor(platform_settings: RunningPlatform, page: Page) -> None:
    _signed_in_editor(page, platform_settings.url)
    page.locator("input[type=file]").set_input_files(FIXTURES / "go_syntax_error.go")
    expect(page.get_by_label("File name")).to_have_value("go_syntax_error.go")
    expect(page.get_by_label("Language")).to_contain_text("go")
    expect(page.locator(".monaco-editor")).to_contain_text("package")


def test_jobs_from_another_tab_show_up_live(
    platform_settings: RunningPlatform, context: BrowserContext, page: Page
) -> None:
    _signed_in_editor(page, platform_settings.url)
    other = context.new_page()
    other.goto(f"{platform_settings.url}/editor")
    expect(other.locator(".monaco-editor")).to_be_visible(timeout=30_000)
    expect(other.get_by_text("Submitted reviews show up here.")).to_be_visible()

    page.get_by_label("File name").fill("from-tab-one.py")
    paste_code(page, SHOP + "# tab one\n")
    page.keyboard.press("Control+Enter")

    job = other.locator(".job-card", has_text="from-tab-one.py")
    expect(job).to_be_visible(timeout=15_000)
    expect(job).to_contain_text("Done", timeout=60_000)
    expect(job.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "100")


def test_findings_filter_by_severity_and_jump_to_their_line(
    platform_settings: RunningPlatform, page: Page
) -> None:
    _signed_in_editor(page, platform_settings.url)
    paste_code(page, SHOP)
    page.keyboard.press("Control+Enter")
    expect(page.get_by_label("Overall score")).to_be_visible(timeout=60_000)
    rows = page.locator(".finding-row")
    expect(rows.first).to_be_visible()
    everything = rows.count()

    page.get_by_role("combobox", name="Severity", exact=True).click()
    page.get_by_role("option", name="high", exact=True).click()

    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("SQL query built from request data")
    assert everything > 1
    rows.first.get_by_role("button", name="Go to line 8").click()
    page.wait_for_function("() => window.reviewAppEditor.getPosition().lineNumber === 8")


def test_the_theme_choice_is_remembered(platform: RunningPlatform, page: Page) -> None:
    page.goto(platform.url)
    html = page.locator("html")
    expect(html).to_have_class(re.compile("light"))
    page.get_by_role("button", name="Toggle dark mode").click()
    expect(html).to_have_class(re.compile("dark"))
    page.reload()
    expect(html).to_have_class(re.compile("dark"))


def test_an_unreachable_server_shows_a_banner_that_goes_away(
    platform: RunningPlatform, page: Page
) -> None:
    refuse = {"on": False}
    sockets = []

    def route(socket) -> None:
        if refuse["on"]:
            socket.close()
            return
        socket.connect_to_server()
        sockets.append(socket)

    page.route_web_socket(re.compile(r"/_event"), route)
    page.goto(platform.url)
    expect(page.get_by_role("link", name="Open the editor")).to_be_visible()
    refuse["on"] = True
    for socket in sockets:
        socket.close()

    banner = page.get_by_text("The server is unreachable. Reconnecting…")
    expect(banner).to_be_visible(timeout=45_000)
    refuse["on"] = False
    expect(banner).to_have_count(0, timeout=45_000)


def test_an_unavailable_llm_is_said_plainly(
    platform_settings: RunningPlatform, platform_llm: FakeLLMServer, page: Page
) -> None:
    _signed_in_editor(page, platform_settings.url)
    platform_llm.default = HTTPError(500)  # every try and retry, whoever asks
    try:
        paste_code(page, SHOP + "# the LLM is down\n")
        page.keyboard.press("Control+Enter")
        expect(page.get_by_label("Overall score")).to_be_visible(timeout=60_000)
    finally:
        platform_llm.reset()
    expect(
        page.get_by_text(re.compile(r"LLM unavailable: .+ Static analysis only\."))
    ).to_be_visible()
    expect(page.get_by_label("Findings", exact=True)).to_contain_text("SQL query built")


def test_a_failed_job_says_why(
    platform_settings: RunningPlatform, platform_llm: FakeLLMServer, page: Page
) -> None:
    _signed_in_editor(page, platform_settings.url)
    platform_llm.script(Stall(20))  # keeps the job running while it fails under it
    try:
        page.get_by_label("File name").fill("doomed.py")
        paste_code(page, SHOP + "# doomed\n")
        page.keyboard.press("Control+Enter")
        job = page.locator(".job-card", has_text="doomed.py")
        expect(job).to_contain_text("LLM review", timeout=30_000)
        review_id = uuid.UUID(job.get_attribute("data-review-id"))
        assert review_runs.fail_review(review_id, "The worker ran out of memory.")
    finally:
        platform_llm.reset()
    expect(job).to_contain_text("Failed: The worker ran out of memory.")
    expect(alert(page, "The review failed: The worker ran out of memory.")).to_be_visible()


def test_history_pages_through_many_reviews(platform_settings: RunningPlatform, page: Page) -> None:
    user_id, email = add_user()
    start = datetime.now(UTC) - timedelta(hours=1)
    for minute in range(HISTORY_PAGE + 5):
        add_review(user_id, start + timedelta(minutes=minute), score=minute)
    page.goto(f"{platform_settings.url}/history")
    sign_in(page, email)

    rows = page.locator(".history-row")
    expect(rows).to_have_count(HISTORY_PAGE)
    expect(page.get_by_text(f"1-{HISTORY_PAGE} of {HISTORY_PAGE + 5}")).to_be_visible()
    score_column = COLUMNS.index("Score")
    newest_score = rows.first.locator("td").nth(score_column)
    expect(newest_score).to_have_text(str(HISTORY_PAGE + 4))  # newest first
    expect(page.get_by_role("button", name="Previous")).to_be_disabled()

    page.get_by_role("button", name="Next").click()
    expect(rows).to_have_count(5)
    expect(page.get_by_text(f"{HISTORY_PAGE + 1}-{HISTORY_PAGE + 5} of")).to_be_visible()
    expect(rows.last).to_contain_text("untitled python")
    expect(page.get_by_role("button", name="Next")).to_be_disabled()

    page.get_by_role("button", name="Previous").click()
    expect(rows).to_have_count(HISTORY_PAGE)
