"""A workspace's rule configuration: a team's (its maintainers and owner edit it) or a user's
own for their personal work.

It is written in review_app.toml's format and checked before it is kept: rules off, severities,
analyzers off, ignored paths, per-language rules and the gate. A project's own review_app.toml
is laid over it (`ReviewConfig.under`); an editor review of one file takes the user's rules.
"""

import uuid
from datetime import datetime

from pydantic import BaseModel, Field
from sqlmodel import Session, select

from review_app.db import session_scope
from review_app.models import TeamRole, User, WorkspaceConfig, utcnow
from review_app.review.custom_rules import example_problems
from review_app.review.errors import InvalidSubmissionError
from review_app.review.review_config import InvalidConfigError, ReviewConfig, parse_config
from review_app.services import audit
from review_app.services.accounts.identity import CurrentUser
from review_app.services.teams.access import require_role

MAX_CONFIG_CHARACTERS = 64_000
TEAM_SOURCE = "the team's settings"
PERSONAL_SOURCE = "your settings"
_CHANGE = "change its rules"


class WorkspaceConfigView(BaseModel):
    """A workspace's configuration as its settings page shows it."""

    text: str = Field(description="review_app.toml's format; empty: nothing configured.")
    updated_at: datetime | None = None
    updated_by: str | None = Field(default=None, description="Who saved it last (email).")
    may_edit: bool


def read_config(*, actor: CurrentUser, team_id: uuid.UUID | None = None) -> WorkspaceConfigView:
    """The team's configuration (any member reads it), or the user's own.

    Raises:
        NotFoundError: no such team of the user's.
    """
    with session_scope() as session:
        may_edit = True
        if team_id is not None:
            role = require_role(session, team_id, actor.id, TeamRole.VIEWER, "read its rules")
            may_edit = role.at_least(TeamRole.MAINTAINER)
        return _view(session, _row(session, team_id, actor.id), may_edit)


def save_config(
    *, actor: CurrentUser, text: str, team_id: uuid.UUID | None = None
) -> WorkspaceConfigView:
    """Check and keep the team's configuration (a maintainer or the owner), or the user's own.

    Raises:
        NotFoundError: no such team of the user's.
        PermissionDeniedError: a member or viewer of the team.
        InvalidSubmissionError: too long, not TOML, something review_app does not know, or a
            custom rule its own examples prove wrong; the message says what and where.
            Nothing is kept then.
    """
    source = PERSONAL_SOURCE if team_id is None else TEAM_SOURCE
    if len(text) > MAX_CONFIG_CHARACTERS:
        raise InvalidSubmissionError(f"The settings are longer than {MAX_CONFIG_CHARACTERS:,}.")
    try:
        config = parse_config(text, source=source)
    except InvalidConfigError as error:
        raise InvalidSubmissionError(str(error)) from None
    if team_id is not None:  # before running the rules' examples: only a maintainer's
        _may_change(team_id, actor)
    if problems := example_problems(config.custom_rules):
        raise InvalidSubmissionError(
            f"{source} were not kept: a custom rule fails its examples: " + "; ".join(problems[:5])
        )
    with session_scope() as session:
        if team_id is not None:
            require_role(session, team_id, actor.id, TeamRole.MAINTAINER, _CHANGE)
        row = _row(session, team_id, actor.id) or WorkspaceConfig(
            team_id=team_id, user_id=None if team_id else actor.id, text=""
        )
        row.text, row.updated_at, row.updated_by = text, utcnow(), actor.id
        session.add(row)
        if team_id is not None:
            audit.record(
                session=session,
                action=audit.AuditAction.TEAM_RULES,
                actor=actor,
                target=f"team {team_id}",
            )
        session.flush()
        return _view(session, row, may_edit=True)


def _may_change(team_id: uuid.UUID, actor: CurrentUser) -> None:
    with session_scope() as session:
        require_role(session, team_id, actor.id, TeamRole.MAINTAINER, _CHANGE)


def config_of(
    session: Session, *, team_id: uuid.UUID | None, user_id: uuid.UUID
) -> tuple[ReviewConfig, str] | None:
    """The configuration that applies to a team's work (`team_id`) or to a user's personal
    work, and its source's name; None when there is none (or, kept before a change of
    format, it no longer reads)."""
    row = _row(session, team_id, user_id)
    if row is None or not row.text.strip():
        return None
    source = PERSONAL_SOURCE if team_id is None else TEAM_SOURCE
    try:
        return parse_config(row.text, source=source), source
    except InvalidConfigError:
        return None


def _row(session: Session, team_id: uuid.UUID | None, user_id: uuid.UUID) -> WorkspaceConfig | None:
    owner = (
        WorkspaceConfig.team_id == team_id
        if team_id is not None
        else WorkspaceConfig.user_id == user_id
    )
    return session.exec(select(WorkspaceConfig).where(owner)).first()


def _view(session: Session, row: WorkspaceConfig | None, may_edit: bool) -> WorkspaceConfigView:
    if row is None:
        return WorkspaceConfigView(text="", may_edit=may_edit)
    editor = session.get(User, row.updated_by) if row.updated_by else None
    return WorkspaceConfigView(
        text=row.text,
        updated_at=row.updated_at,
        updated_by=editor.email if editor else None,
        may_edit=may_edit,
    )
