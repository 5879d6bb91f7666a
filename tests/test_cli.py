"""`python -m review_app create-admin EMAIL` makes or promotes an admin."""

import os
import subprocess
import sys

from sqlmodel import select

from review_app.db import session_scope
from review_app.models import Role, User
from review_app.services.accounts import users as accounts


def _create_admin(email: str, stdin: str = "") -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "review_app", "create-admin", email, "--password-stdin"]
    return subprocess.run(
        command, input=stdin, capture_output=True, text=True, env=dict(os.environ), timeout=60
    )


def _role_of(email: str) -> Role | None:
    with session_scope() as session:
        return session.exec(select(User.role).where(User.email == email)).first()


def test_it_creates_a_new_admin_with_a_password_from_stdin(database_url: str) -> None:
    result = _create_admin("Root@Example.com", "a long admin passphrase\n")
    assert result.returncode == 0, result.stderr
    assert "created admin root@example.com" in result.stdout
    assert _role_of("root@example.com") == Role.ADMIN


def test_it_promotes_an_existing_user_without_asking(database_url: str) -> None:
    with session_scope() as session:
        accounts.create_user(session=session, email="ada@example.com", password="ada's passphrase")
    result = _create_admin("ada@example.com")
    assert result.returncode == 0, result.stderr
    assert "promoted admin ada@example.com" in result.stdout
    assert _role_of("ada@example.com") == Role.ADMIN


def test_it_refuses_a_bad_email_or_a_weak_password(database_url: str) -> None:
    bad_email = _create_admin("not-an-email", "a long admin passphrase\n")
    assert bad_email.returncode == 1
    assert "not a valid email" in bad_email.stderr
    weak = _create_admin("weak@example.com", "password\n")
    assert weak.returncode == 1
    assert "too weak" in weak.stderr
    assert _role_of("weak@example.com") is None
