"""Teams in the browser: an owner invites by link, a member joins and shares a project, every
member's tab follows its review live, and another team sees none of it."""

import re

from playwright.sync_api import Browser, Page, expect

from review_app.models import Role
from support.browser import alert, sign_in
from support.platform import RunningPlatform
from support.seed import add_user
from tests.api.test_project_reviews import PROJECT
from tests.project_archives import zip_of
from tests.review.test_custom_rules import DEBUG_PRINT


def _make_team(page: Page, base_url: str, email: str, name: str) -> None:
    page.goto(f"{base_url}/teams")
    sign_in(page, email)
    page.get_by_label("Team name").fill(name)
    page.get_by_role("button", name="Create team").click()
    expect(page).to_have_url(re.compile(r"/teams/[0-9a-f-]{36}$"))
    expect(page.get_by_role("heading", name=name)).to_be_visible()


def _invite(page: Page, email: str, role: str) -> str:
    """Invite `email` as `role` from the open team page; the link shown to copy."""
    page.get_by_label("Email").fill(email)
    page.get_by_role("combobox", name="Role", exact=True).click()
    page.get_by_role("option", name=role, exact=True).click()
    page.get_by_role("button", name="Invite").click()
    link = page.locator("#invite-link")
    expect(link).to_contain_text("/invitations/")
    expect(page.locator(".invitation-row").filter(has_text=email)).to_contain_text(role)
    return link.inner_text()


def _join(page: Page, link: str, email: str, team: str, role: str) -> None:
    page.goto(link)
    sign_in(page, email)
    expect(page.get_by_text(f"You are invited to join {team} as a {role}")).to_be_visible()
    page.get_by_role("button", name="Join team").click()
    expect(page.get_by_role("heading", name=team)).to_be_visible()


def test_two_teams_work_side_by_side_and_members_follow_reviews_live(
    platform_settings: RunningPlatform, browser: Browser, page: Page, screenshot
) -> None:
    url = platform_settings.url
    (_, ada), (_, bob), (_, cyd), (_, eve) = add_user(), add_user(), add_user(), add_user()
    bob_page, cyd_page, eve_page = (browser.new_context().new_page() for _ in range(3))

    _make_team(page, url, ada, "Payments")
    team_url = page.url
    _join(bob_page, _invite(page, bob, "member"), bob, "Payments", "member")
    _join(cyd_page, _invite(page, cyd, "viewer"), cyd, "Payments", "viewer")
    page.reload()
    expect(page.locator(".member-row")).to_have_count(3)
    expect(page.locator(".invitation-row")).to_have_count(0)
    _make_team(eve_page, url, eve, "Search")

    # The member makes a project in the team's workspace.
    bob_page.goto(f"{url}/projects")
    bob_page.get_by_role("combobox", name="Workspace").click()
    bob_page.get_by_role("option", name="Team: Payments").click()
    bob_page.get_by_label("Project name").fill("ledger")
    bob_page.locator("input[type=file]").set_input_files(
        files=[{"name": "ledger.zip", "mimeType": "application/zip", "buffer": zip_of(PROJECT)}]
    )
    expect(bob_page).to_have_url(re.compile(r"/projects/[0-9a-f-]{36}$"), timeout=20_000)
    project_url = bob_page.url

    # The owner and the viewer have it open; the member's review reaches their tabs live.
    page.reload()
    page.get_by_role("link", name="ledger").click()
    expect(page.get_by_role("heading", name="ledger")).to_be_visible()
    cyd_page.goto(project_url)
    expect(cyd_page.locator(".project-file-row")).to_have_count(4)
    expect(cyd_page.locator("#project-team")).to_have_text("Team Payments · viewer")
    expect(cyd_page.get_by_role("button", name="Review project")).to_have_count(0)
    team_tab = page.context.new_page()  # the owner also has the team's page open
    team_tab.goto(team_url)
    expect(team_tab.get_by_text("No reviews of the team's projects yet.")).to_be_visible()
    bob_page.get_by_role("button", name="Review project").click()
    for tab in (page, cyd_page, bob_page):
        expect(tab.locator("#project-score")).to_contain_text("findings in 4 files", timeout=60_000)
    activity = team_tab.locator(".team-activity-row")
    expect(activity).to_have_count(1)
    expect(activity).to_contain_text(re.compile(r"ledger\s*completed\s*score \d+/100"))
    team_tab.close()
    screenshot(page, "team-project-followed-live")
    # Members decide on findings, maintainers and owners also set the baseline, viewers read.
    expect(cyd_page.locator("#project-findings .finding-row").first).to_be_visible()
    expect(cyd_page.get_by_role("button", name="Decide on this finding")).to_have_count(0)
    expect(bob_page.get_by_role("button", name="Decide on this finding").first).to_be_visible()
    expect(page.get_by_role("button", name="Accept as baseline")).to_be_visible()
    for tab in (cyd_page, bob_page):
        expect(tab.get_by_role("button", name="Accept as baseline")).to_have_count(0)
    _talk_about_a_finding(page, bob_page, cyd_page, bob)
    screenshot(bob_page, "team-conversation")

    # The owner's dashboard counts the team's reviews, which the member ran.
    page.goto(f"{url}/dashboard")
    page.get_by_role("combobox", name="Workspace").click()
    page.get_by_role("option", name="Team: Payments").click()
    expect(page.get_by_label("Scope")).to_have_text("Reviews of the projects of Payments")
    expect(page.get_by_role("group", name="Reviews", exact=True)).to_contain_text("4")
    page.goto(f"{url}/history")  # and the history lists the team's project review
    expect(page.locator(".project-history-row")).to_contain_text("ledger")

    # The other team sees none of it.
    eve_page.goto(f"{url}/projects")
    expect(eve_page.locator(".project-row")).to_have_count(0)
    eve_page.goto(project_url)
    expect(eve_page.get_by_role("heading", name="Project not found")).to_be_visible()
    eve_page.goto(team_url)
    expect(eve_page.get_by_role("heading", name="No such team")).to_be_visible()
    eve_page.goto(f"{url}/teams")
    expect(eve_page.locator(".team-row")).to_have_count(1)
    expect(eve_page.locator(".team-row")).to_contain_text("Search")


def _talk_about_a_finding(owner: Page, member: Page, viewer: Page, member_email: str) -> None:
    """The member starts a conversation on a finding; the team's tabs list it live, the owner
    assigns it to the member, who finds it under "Assigned to me" and resolves it; the viewer
    reads it."""
    member.get_by_role("button", name="Discuss this finding").first.click()
    talk = member.get_by_role("dialog")
    expect(talk).to_contain_text("New conversation")
    talk.get_by_label("Comment").fill("Can a user reach this query?")
    talk.get_by_role("button", name="Comment", exact=True).click()
    expect(talk.locator(".comment")).to_contain_text("Can a user reach this query?")
    for tab in (owner, viewer):
        expect(tab.locator(".thread-row")).to_have_count(1)
        expect(tab.locator(".thread-row")).to_contain_text("unassigned")
        expect(tab.locator(".finding-thread")).to_have_text("1 comment · open")  # on its finding

    owner.locator(".thread-row").get_by_role("button").click()
    owners_talk = owner.get_by_role("dialog")
    expect(owners_talk.locator(".comment")).to_contain_text(member_email)
    owners_talk.get_by_label("Comment").fill("Yes, from /user. Yours?")
    owners_talk.get_by_role("button", name="Comment", exact=True).click()
    owners_talk.get_by_role("combobox", name="Assignee").click()
    owner.get_by_role("option", name=member_email, exact=True).click()
    expect(talk.locator(".comment")).to_have_count(2)  # the member's open dialog follows
    expect(talk.get_by_role("combobox", name="Assignee")).to_have_text(member_email)
    owner.keyboard.press("Escape")

    viewer.locator(".thread-row").get_by_role("button").click()
    expect(viewer.get_by_role("dialog").locator(".comment")).to_have_count(2)
    expect(viewer.get_by_role("dialog").get_by_label("Comment")).to_have_count(0)
    viewer.keyboard.press("Escape")

    member.keyboard.press("Escape")
    for tab, count in ((member, 1), (owner, 0)):
        tab.get_by_role("combobox", name="Show conversations").click()
        tab.get_by_role("option", name="Assigned to me").click()
        expect(tab.locator(".thread-row")).to_have_count(count)
    member.locator(".thread-row").get_by_role("button").click()
    member.get_by_role("dialog").get_by_role("button", name="Resolve").click()
    expect(member.get_by_role("dialog")).to_contain_text("resolved")
    expect(viewer.locator(".thread-row")).to_have_count(0)  # it lists open ones
    expect(viewer.locator(".finding-thread")).to_have_text("2 comments · resolved")


def _try(page: Page, code: str) -> None:
    page.get_by_label("Code to try the rules on").fill(code)
    page.get_by_role("button", name="Try the rules").click()


def _write_and_try_a_custom_rule(page: Page) -> None:
    """A maintainer writes a custom rule whose example is wrong: saving says so; trying it on
    some code shows what it finds; with the example right, it is saved."""
    rules = page.get_by_label("Rule configuration")
    wrong = '[rules]\ndisable = ["F401"]\n' + DEBUG_PRINT.replace("findings = 0", "findings = 1")
    rules.fill(wrong)
    page.get_by_role("button", name="Save rules").click()
    expect(alert(page, "rule no-debug-print, example 2: gives 0 findings, not 1")).to_be_visible()
    _try(page, "x = 1\nprint(x)\nlog(x)\n")
    expect(page.locator(".trial-finding")).to_have_text(
        "Line 2 · medium · Debug print left in the code (custom-no-debug-print)"
    )
    _try(page, "log(1)\n")
    expect(page.locator("#trial-nothing")).to_be_visible()
    rules.fill('[rules]\ndisable = ["F401"]\n' + DEBUG_PRINT)
    page.get_by_role("button", name="Save rules").click()
    expect(page.get_by_role("status")).to_have_text("Rules saved.")


def test_a_teams_rules_are_kept_by_its_maintainers_and_read_by_its_members(
    platform_settings: RunningPlatform, browser: Browser, page: Page
) -> None:
    url = platform_settings.url
    (_, ada), (_, bob) = add_user(), add_user()
    bob_page = browser.new_context().new_page()
    _make_team(page, url, ada, "Checkout")
    _join(bob_page, _invite(page, bob, "member"), bob, "Checkout", "member")

    rules = page.get_by_label("Rule configuration")
    rules.fill('[rules\ndisable = ["F401"]\n')
    page.get_by_role("button", name="Save rules").click()
    expect(alert(page, "the team's settings is not valid TOML")).to_be_visible()
    rules.fill('[rules]\ndisable = ["F401"]\n')
    page.get_by_role("button", name="Save rules").click()
    expect(page.get_by_role("status")).to_have_text("Rules saved.")
    expect(page.get_by_text(f"Saved by {ada}")).to_be_visible()

    _write_and_try_a_custom_rule(page)

    bob_page.reload()
    expect(bob_page.get_by_label("Rule configuration")).to_have_value(
        '[rules]\ndisable = ["F401"]\n' + DEBUG_PRINT
    )
    expect(bob_page.get_by_label("Rule configuration")).not_to_be_editable()
    expect(bob_page.get_by_role("button", name="Save rules")).to_have_count(0)
    _try(bob_page, "print('hi')\n")  # a member tries the team's saved rules
    expect(bob_page.locator(".trial-finding")).to_have_count(1)

    bob_page.goto(f"{url}/settings")  # their own rules, for their personal work
    bob_page.get_by_label("Rule configuration").fill('[gate]\nfail_on = "low"\n')
    bob_page.get_by_role("button", name="Save rules").click()
    expect(bob_page.get_by_role("status")).to_contain_text("Rules saved")
    bob_page.reload()
    expect(bob_page.get_by_label("Rule configuration")).to_have_value('[gate]\nfail_on = "low"\n')

    # The site admin sees every team.
    _, admin = add_user(Role.ADMIN)
    admin_page = browser.new_context().new_page()
    admin_page.goto(f"{url}/admin")
    sign_in(admin_page, admin)
    admin_page.get_by_role("tab", name="Teams").click()
    row = admin_page.locator(".admin-team-row").filter(has_text="Checkout")
    expect(row).to_contain_text(re.compile(rf"Checkout\s*{re.escape(ada)}\s*2\s*0"))

    # A member leaves: the team is gone from their list and the owner's page counts one member.
    bob_page.goto(f"{url}/teams")
    bob_page.get_by_role("link", name="Checkout").click()
    bob_page.get_by_role("button", name="Leave team").click()
    expect(bob_page).to_have_url(f"{url}/teams")
    expect(bob_page.locator(".team-row")).to_have_count(0)
    page.reload()
    expect(page.locator(".member-row")).to_have_count(1)
