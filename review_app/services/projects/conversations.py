"""Conversations about a project's findings: threaded comments, an assignee, open or resolved.

A thread names its finding by fingerprint, as decisions do, so it follows the finding wherever
its line moves; a resolved finding that a later review finds again is reopened (see
services/reviews/reopening.py). A finding of a change review is discussed on the change's base
project (see finding_home). Members and above comment, assign and resolve; viewers read.
Every change is pushed to the open tabs of the project's people (a ConversationEvent).
"""

import uuid
from datetime import datetime

from pydantic import BaseModel, Field
from sqlmodel import Session, col, select

from review_app.db import session_scope
from review_app.models import (
    FindingComment,
    FindingThread,
    Membership,
    Project,
    TeamRole,
    ThreadStatus,
    User,
    utcnow,
)
from review_app.services.errors import InvalidQueryError, NotFoundError
from review_app.services.live_channel import ConversationEvent, publish
from review_app.services.projects.finding_home import homed_finding
from review_app.services.teams.access import audience, project_for

MAX_COMMENT_LENGTH = 5000
_DOING = "take part in conversations"


class CommentView(BaseModel):
    """A comment as its thread lists it."""

    id: int
    reply_to: int | None = Field(description="The comment it answers, if any.")
    author: str | None = Field(description="Its author's email; null: the platform's own note.")
    body: str
    created_at: datetime


class ThreadView(BaseModel):
    """A conversation about one finding, with its comments oldest first."""

    id: int
    project_id: uuid.UUID = Field(
        description="The project it is on: for a finding of a change, the change's base."
    )
    path: str
    fingerprint: str
    rule: str | None
    title: str
    status: ThreadStatus
    assignee: str | None = Field(description="The assignee's email.")
    created_at: datetime
    resolved_at: datetime | None
    reopened_at: datetime | None = Field(description="When a later review found it again.")
    comments: list[CommentView]


def start(
    *,
    user_id: uuid.UUID,
    project_id: uuid.UUID,
    review_id: uuid.UUID,
    finding: int,
    body: str,
) -> ThreadView:
    """Comment on finding number `finding` of a file review of the project (or of a change
    review against it, or of the change's own project's: the thread is the base's): its
    thread, started now if it has none.

    Raises:
        NotFoundError: no such project of the user's, file review of it, or finding; or the
            change's base is not the user's.
        PermissionDeniedError: a viewer of the team of the project it is on.
        InvalidQueryError: an empty comment.
    """
    text = _checked(body)
    with session_scope() as session:
        project, path, located = homed_finding(
            session, user_id, project_id, review_id, finding, TeamRole.MEMBER, _DOING
        )
        fingerprint = located.fingerprint()
        thread = _thread_at(session, project.id, path, fingerprint)
        if thread is None:
            thread = FindingThread(
                project_id=project.id,
                path=path,
                fingerprint=fingerprint,
                rule=located.finding.rule,
                title=located.finding.title[:300],
                created_by=user_id,
            )
            session.add(thread)
            session.flush()
        session.add(FindingComment(thread_id=thread.id or 0, author_id=user_id, body=text))
        return _told(session, project, thread)


def thread_of(
    *, user_id: uuid.UUID, project_id: uuid.UUID, review_id: uuid.UUID, finding: int
) -> ThreadView | None:
    """The conversation about finding number `finding` of a file review of the project (or of a
    change review: on the change's base), if any.

    Raises:
        NotFoundError: no such project of the user's, file review of it, or finding.
    """
    with session_scope() as session:
        project, path, located = homed_finding(session, user_id, project_id, review_id, finding)
        thread = _thread_at(session, project.id, path, located.fingerprint())
        return _view(session, thread) if thread is not None else None


def assignees(*, user_id: uuid.UUID, project_id: uuid.UUID) -> list[str]:
    """The emails a conversation of the project may be assigned to: its owner, or the members
    of its team who may change its files.

    Raises:
        NotFoundError: no such project of the user's.
    """
    with session_scope() as session:
        project = project_for(session, user_id, project_id)
        if project.team_id is None:
            return [email] if (email := _email(session, project.user_id)) else []
        rows = session.exec(
            select(User.email, Membership.role)
            .join(Membership, col(Membership.user_id) == User.id)
            .where(Membership.team_id == project.team_id)
        ).all()
        return sorted(email for email, role in rows if TeamRole(role).at_least(TeamRole.MEMBER))


def reply(
    *,
    user_id: uuid.UUID,
    project_id: uuid.UUID,
    thread_id: int,
    body: str,
    reply_to: int | None = None,
) -> ThreadView:
    """Add a comment to a thread, maybe answering one of its comments.

    Raises:
        NotFoundError: no such project of the user's, thread on it, or comment in the thread.
        PermissionDeniedError: a viewer of the project's team.
        InvalidQueryError: an empty comment.
    """
    text = _checked(body)
    with session_scope() as session:
        project, thread = _thread(session, user_id, project_id, thread_id, TeamRole.MEMBER)
        answered = session.get(FindingComment, reply_to) if reply_to is not None else None
        if reply_to is not None and (answered is None or answered.thread_id != thread.id):
            raise NotFoundError("No such comment in this conversation.")
        session.add(
            FindingComment(thread_id=thread_id, author_id=user_id, body=text, reply_to=reply_to)
        )
        return _told(session, project, thread)


def assign(
    *, user_id: uuid.UUID, project_id: uuid.UUID, thread_id: int, assignee: str | None
) -> ThreadView:
    """Give the thread to `assignee` (an email; None: nobody): the project's owner, or a member
    of its team who may change its files.

    Raises:
        NotFoundError: no such project of the user's, or thread on it; no such assignee.
        PermissionDeniedError: a viewer of the project's team.
    """
    with session_scope() as session:
        project, thread = _thread(session, user_id, project_id, thread_id, TeamRole.MEMBER)
        thread.assignee_id = _assignable(session, project, assignee) if assignee else None
        session.add(thread)
        return _told(session, project, thread)


def set_status(
    *, user_id: uuid.UUID, project_id: uuid.UUID, thread_id: int, status: ThreadStatus
) -> ThreadView:
    """Resolve the thread, or open it again.

    Raises:
        NotFoundError: no such project of the user's, or thread on it.
        PermissionDeniedError: a viewer of the project's team.
    """
    with session_scope() as session:
        project, thread = _thread(session, user_id, project_id, thread_id, TeamRole.MEMBER)
        if thread.status == status:
            return _view(session, thread)
        thread.status = status
        thread.resolved_at = utcnow() if status == ThreadStatus.RESOLVED else None
        session.add(thread)
        return _told(session, project, thread)


def list_threads(
    *,
    user_id: uuid.UUID,
    project_id: uuid.UUID,
    status: ThreadStatus | None = None,
    assigned_to_me: bool = False,
) -> list[ThreadView]:
    """The project's conversations (only those of `status`, and assigned to the user, if
    asked), newest first.

    Raises:
        NotFoundError: no such project of the user's.
    """
    with session_scope() as session:
        project_for(session, user_id, project_id)
        query = select(FindingThread).where(FindingThread.project_id == project_id)
        if status is not None:
            query = query.where(FindingThread.status == status)
        if assigned_to_me:
            query = query.where(FindingThread.assignee_id == user_id)
        threads = session.exec(query.order_by(col(FindingThread.created_at).desc())).all()
        return [_view(session, thread) for thread in threads]


def get_thread(*, user_id: uuid.UUID, project_id: uuid.UUID, thread_id: int) -> ThreadView:
    """One conversation with its comments.

    Raises:
        NotFoundError: no such project of the user's, or thread on it.
    """
    with session_scope() as session:
        return _view(session, _thread(session, user_id, project_id, thread_id)[1])


def _checked(body: str) -> str:
    text = body.strip()
    if not text:
        raise InvalidQueryError("A comment needs some text.")
    if len(text) > MAX_COMMENT_LENGTH:
        raise InvalidQueryError(f"A comment holds at most {MAX_COMMENT_LENGTH} characters.")
    return text


def _thread(
    session: Session,
    user_id: uuid.UUID,
    project_id: uuid.UUID,
    thread_id: int,
    needed: TeamRole = TeamRole.VIEWER,
) -> tuple[Project, FindingThread]:
    project = project_for(session, user_id, project_id, needed, _DOING)
    thread = session.get(FindingThread, thread_id)
    if thread is None or thread.project_id != project_id:
        raise NotFoundError("No such conversation on this project.")
    return project, thread


def _thread_at(
    session: Session, project_id: uuid.UUID, path: str, fingerprint: str
) -> FindingThread | None:
    """The conversation about the finding of `fingerprint` in the project's file `path`."""
    return session.exec(
        select(FindingThread).where(
            FindingThread.project_id == project_id,
            FindingThread.path == path,
            FindingThread.fingerprint == fingerprint,
        )
    ).first()


def _told(session: Session, project: Project, thread: FindingThread) -> ThreadView:
    """The thread as it now is, committed, and pushed to the open tabs of the project's people
    (after the commit: a tab that reloads at once must find the change)."""
    session.flush()
    view, people = _view(session, thread), audience(session, project)
    session.commit()
    publish(ConversationEvent(project_id=project.id, thread_id=view.id), *people)
    return view


def _assignable(session: Session, project: Project, email: str) -> uuid.UUID:
    """The id of the user of `email` if they may work on the project's findings."""
    user = session.exec(select(User).where(User.email == email.strip().lower())).first()
    if user is not None and project.team_id is None and user.id == project.user_id:
        return user.id
    membership = (
        session.get(Membership, (project.team_id, user.id))
        if user is not None and project.team_id is not None
        else None
    )
    if membership is None or not TeamRole(membership.role).at_least(TeamRole.MEMBER):
        raise NotFoundError("Nobody with this email may work on this project's findings.")
    return membership.user_id


def _email(session: Session, user_id: uuid.UUID | None) -> str | None:
    user = session.get(User, user_id) if user_id else None
    return user.email if user else None


def _view(session: Session, thread: FindingThread) -> ThreadView:
    comments = session.exec(
        select(FindingComment)
        .where(FindingComment.thread_id == thread.id)
        .order_by(col(FindingComment.created_at), col(FindingComment.id))
    ).all()
    return ThreadView(
        id=thread.id or 0,
        project_id=thread.project_id,
        path=thread.path,
        fingerprint=thread.fingerprint,
        rule=thread.rule,
        title=thread.title,
        status=thread.status,
        assignee=_email(session, thread.assignee_id),
        created_at=thread.created_at,
        resolved_at=thread.resolved_at,
        reopened_at=thread.reopened_at,
        comments=[
            CommentView(
                id=comment.id or 0,
                reply_to=comment.reply_to,
                author=_email(session, comment.author_id),
                body=comment.body,
                created_at=comment.created_at,
            )
            for comment in comments
        ],
    )
