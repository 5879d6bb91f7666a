"""The running platform's logs: every line of the web app's and the worker's is a JSON object,
and one request id finds a review's POST, its run in the worker and its push to the tab."""

import re
import uuid
from pathlib import Path

import httpx
from playwright.sync_api import Page, expect
from sqlmodel import select

from review_app.db import session_scope
from review_app.models import Review
from review_app.processes import wait_for
from support.browser import paste_code, sign_in
from support.json_logs import messages, of_request
from support.platform import RunningPlatform
from support.seed import PASSWORD, add_user

REVIEW_SECONDS = 90


def _followed_to_the_end(logs: Path, request_id: str) -> bool:
    """Whether the web app has pushed the review's end to a tab and the worker ended its task:
    the last lines either writes of it (they race)."""
    pushed = any(
        record["message"] == "review progress pushed to a tab" and record["status"] == "completed"
        for record in of_request(logs / "web.log", request_id)
    )
    return pushed and "task ended" in messages(of_request(logs / "worker.log", request_id))


def _open_editor(page: Page, url: str) -> tuple[uuid.UUID, str]:
    """A new account signed in on /editor with Monaco ready; the user's id and email."""
    user_id, email = add_user()
    page.goto(f"{url}/editor")
    sign_in(page, email)
    expect(page.locator(".monaco-editor")).to_be_visible(timeout=30_000)
    return user_id, email


def test_one_request_id_follows_an_api_review_to_the_worker_and_the_tab(
    platform_settings: RunningPlatform, page: Page
) -> None:
    _, email = _open_editor(page, platform_settings.url)  # a tab that hears the push
    url, logs = platform_settings.url, platform_settings.data_dir / "logs"
    login = httpx.post(f"{url}/api/auth/login", json={"email": email, "password": PASSWORD})
    request_id = f"e2e-{uuid.uuid4().hex[:12]}"
    headers = {
        "Authorization": f"Bearer {login.json()['access_token']}",
        "X-Request-ID": request_id,
    }
    code = f"import os\nos.system(input())  # {uuid.uuid4()}\n"  # never seen: not cached

    answer = httpx.post(
        f"{url}/api/reviews", json={"code": code, "language": "python"}, headers=headers
    )
    wait_for(lambda: _followed_to_the_end(logs, request_id), REVIEW_SECONDS, "the last lines")

    assert answer.status_code == 202, answer.text
    assert answer.headers["X-Request-ID"] == request_id
    review_id = answer.json()["id"]
    web, worker = (
        of_request(logs / "web.log", request_id),
        of_request(logs / "worker.log", request_id),
    )
    answered = next(record for record in web if record["message"] == "request answered")
    assert (answered["method"], answered["route"], answered["status"]) == (
        "POST",
        "/api/reviews",
        202,
    )
    assert {"review submitted", "review progress pushed to a tab"} <= messages(web)
    assert {"task received", "task started", "live event published", "task ended"} <= messages(
        worker
    )
    assert {record.get("task_id") for record in worker} >= {review_id}
    stages = {
        record.get("stage") for record in worker if record["message"] == "live event published"
    }
    assert {"static_analysis", "done"} <= stages
    assert email not in (logs / "web.log").read_text() + (logs / "worker.log").read_text()
    assert code.splitlines()[1] not in (logs / "worker.log").read_text()  # no code under review


def test_a_review_submitted_in_the_browser_gets_an_id_the_worker_names_too(
    platform_settings: RunningPlatform, page: Page
) -> None:
    user_id, _ = _open_editor(page, platform_settings.url)
    logs = platform_settings.data_dir / "logs"
    page.get_by_label("File name").fill("browser.py")
    paste_code(page, f"import pickle  # {uuid.uuid4()}\n")

    page.keyboard.press("Control+Enter")
    expect(page.get_by_label("Overall score")).to_be_visible(timeout=REVIEW_SECONDS * 1000)

    with session_scope() as session:
        review = session.exec(select(Review).where(Review.user_id == user_id)).one()
    assert re.fullmatch(r"[0-9a-f]{32}", review.request_id)
    wait_for(lambda: _followed_to_the_end(logs, review.request_id), 30, "the last lines")
    web = of_request(logs / "web.log", review.request_id)
    worker = of_request(logs / "worker.log", review.request_id)
    assert "review submitted" in messages(web)
    assert {"task started", "task ended"} <= messages(worker)
    assert {record.get("task_id") for record in worker} >= {str(review.id)}
