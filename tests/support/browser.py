"""What a person does in the browser, as steps the end-to-end tests share."""

import re

from playwright.sync_api import Page, expect

PASSWORD = "correct horse battery"


def register(page: Page, base_url: str, email: str, password: str = PASSWORD) -> None:
    """Create an account through /register; lands on the editor."""
    page.goto(f"{base_url}/register")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password (at least 8 characters)").fill(password)
    page.get_by_label("Repeat the password").fill(password)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text(f"Signed in as {email}")).to_be_visible()


def sign_in(page: Page, email: str, password: str = PASSWORD) -> None:
    """Fill in and send the login form the page shows (after a redirect, wait for it)."""
    expect(page).to_have_url(re.compile("/login"))
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
