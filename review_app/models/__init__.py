"""SQLModel tables: the durable state of the platform, one module per part of it."""

from review_app.models.accounts import AuditEvent, RefreshToken, Role, SsoIdentity, User
from review_app.models.columns import UTCDateTime, utcnow
from review_app.models.integrations import (
    CodeHost,
    PostedComment,
    PullRequestRun,
    PullRequestRunStatus,
    RepositoryConnection,
    WebhookDelivery,
)
from review_app.models.limits import LimitOverride
from review_app.models.reviews import (
    CachedResult,
    Project,
    ProjectFile,
    ProjectReview,
    Review,
    ReviewFinding,
    ReviewStatus,
)
from review_app.models.teams import Invitation, Membership, Team, TeamRole, WorkspaceConfig
from review_app.models.triage import (
    BaselineFinding,
    DecisionKind,
    FindingComment,
    FindingDecision,
    FindingThread,
    ProjectBaseline,
    ThreadStatus,
)

__all__ = [
    "AuditEvent",
    "BaselineFinding",
    "CachedResult",
    "CodeHost",
    "DecisionKind",
    "FindingComment",
    "FindingDecision",
    "FindingThread",
    "Invitation",
    "LimitOverride",
    "Membership",
    "PostedComment",
    "Project",
    "ProjectBaseline",
    "ProjectFile",
    "ProjectReview",
    "PullRequestRun",
    "PullRequestRunStatus",
    "RefreshToken",
    "RepositoryConnection",
    "Review",
    "ReviewFinding",
    "ReviewStatus",
    "Role",
    "SsoIdentity",
    "Team",
    "TeamRole",
    "ThreadStatus",
    "UTCDateTime",
    "User",
    "WebhookDelivery",
    "WorkspaceConfig",
    "utcnow",
]
