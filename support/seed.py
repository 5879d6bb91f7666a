"""Reviews and findings written straight into the database, at the times a test picks."""

import hashlib
import uuid
from datetime import UTC, datetime

from review_app.db import session_scope
from review_app.models import Review, ReviewFinding, ReviewStatus, Role
from review_app.services.accounts import users as accounts
from review_app.services.accounts.identity import CurrentUser
from review_app.services.projects.store import store_project
from review_app.services.projects.unpacking import UnpackedFile, UnpackedProject

PASSWORD = "correct horse battery"  # every test account's

# An admin acting from a test, to read what admin services show (it need not exist in the db).
ADMIN_ACTOR = CurrentUser(
    id=uuid.uuid4(),
    email="root@example.com",
    role=Role.ADMIN,
    disabled=False,
    created_at=datetime.now(UTC),
)

# (severity, category, rule, title)
FindingSpec = tuple[str, str, str | None, str]


def add_review(
    user_id: uuid.UUID,
    created_at: datetime,
    *,
    language: str = "python",
    status: ReviewStatus = ReviewStatus.COMPLETED,
    score: int | None = None,
    cached: bool = False,
    tokens: tuple[int, int] = (0, 0),
    findings: tuple[FindingSpec, ...] = (),
    error: str | None = None,
    request_id: str | None = None,
) -> uuid.UUID:
    """One review of `user_id` made at `created_at`, with its finding rows; returns its id."""
    prompt, completion = tokens
    code = f"# review made at {created_at.isoformat()}\n"
    review = Review(
        user_id=user_id,
        language=language,
        code=code,
        cache_key=hashlib.sha256(code.encode()).hexdigest(),
        status=status,
        score=score,
        cached=cached,
        error=error,
        request_id=request_id,
        prompt_tokens=prompt,
        completion_tokens=completion,
        total_tokens=prompt + completion,
        created_at=created_at,
        queued_at=created_at,
    )
    with session_scope() as session:
        session.add(review)
        session.flush()
        session.add_all(
            ReviewFinding(
                review_id=review.id,
                user_id=user_id,
                created_at=created_at,
                language=language,
                severity=severity,
                category=category,
                rule=rule,
                title=title,
                source="ruff",
                sources="ruff",
                line=1,
            )
            for severity, category, rule, title in findings
        )
    return review.id


def add_user(role: Role = Role.USER) -> tuple[uuid.UUID, str]:
    """A new account with a unique email and the browser tests' password; its id and email."""
    email = f"{role}-{uuid.uuid4().hex[:8]}@example.com"
    with session_scope() as session:
        user = accounts.create_user(session=session, email=email, password=PASSWORD, role=role)
        return user.id, email


def add_project(user_id: uuid.UUID, files: dict[str, str], name: str = "shop") -> uuid.UUID:
    """A project of the user's holding `files` (path -> text), as an upload would store it."""
    unpacked = UnpackedProject(files=[UnpackedFile.of(path, text) for path, text in files.items()])
    unpacked.total_bytes = sum(file.size for file in unpacked.files)
    return store_project(user_id=user_id, name=name, unpacked=unpacked).id
