"""Rates an administrator set on the admin page (models.LimitOverride), as the rate limiter
reads them on every request: one snapshot of them all per process, read again from the
database at most every few seconds (a change reaches every process within that time; the
process that made it sees it at once)."""

import logging
import threading
import time
import uuid
from dataclasses import dataclass, field

from limits import RateLimitItem, parse
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import select

from review_app.db import session_scope
from review_app.models import LimitOverride, Membership
from review_app.settings import get_settings

logger = logging.getLogger(__name__)
REFRESH_SECONDS = 5.0


@dataclass(frozen=True)
class Override:
    """A rate an administrator set, and whom it is for in words ("you", "your team"...)."""

    rate: str
    source: str


@dataclass
class _Snapshot:
    everyone: dict[str, str] = field(default_factory=dict)  # rule -> rate
    users: dict[tuple[str, str], str] = field(default_factory=dict)  # (rule, user id) -> rate
    members: dict[tuple[str, str], str] = field(default_factory=dict)  # the teams' best rate
    read_at: float = float("-inf")
    database: str = ""  # the database it was read from


_lock = threading.Lock()
_snapshot = _Snapshot()


def override_for(rule: str, user_id: str | None) -> Override | None:
    """The rate set for `rule` and this user (None: a request counted per address): the
    user's own, else the most generous of their teams', else everyone's; None if none."""
    snapshot = _current()
    if user_id is not None:
        if (rate := snapshot.users.get((rule, user_id))) is not None:
            return Override(rate, "set for this user")
        if (rate := snapshot.members.get((rule, user_id))) is not None:
            return Override(rate, "set for a team of this user")
    if (rate := snapshot.everyone.get(rule)) is not None:
        return Override(rate, "set for everyone")
    return None


def forget() -> None:
    """Read the overrides again on the next request (this process changed them)."""
    with _lock:
        _snapshot.read_at = float("-inf")


def per_second(rate: str) -> float:
    """How many requests a second a rate allows, to compare rates of different windows."""
    item: RateLimitItem = parse(rate)
    return item.amount / item.get_expiry()


def _current() -> _Snapshot:
    global _snapshot
    database = get_settings().effective_database_url
    with _lock:
        fresh = time.monotonic() - _snapshot.read_at < REFRESH_SECONDS
        if fresh and _snapshot.database == database:
            return _snapshot
        try:
            _snapshot = _read(database)
        except SQLAlchemyError as error:  # the limiter must not fail with the database
            logger.warning("limit overrides not read, keeping the last ones: %s", error)
            _snapshot.read_at, _snapshot.database = time.monotonic(), database
        return _snapshot


def _read(database: str) -> _Snapshot:
    snapshot = _Snapshot(read_at=time.monotonic(), database=database)
    with session_scope() as session:
        overrides = session.exec(select(LimitOverride)).all()
        team_ids = {row.team_id for row in overrides if row.team_id is not None}
        members: dict[uuid.UUID, list[uuid.UUID]] = {}
        if team_ids:
            for team_id, user_id in session.exec(
                select(Membership.team_id, Membership.user_id).where(
                    Membership.team_id.in_(team_ids)  # type: ignore[union-attr]
                )
            ):
                members.setdefault(team_id, []).append(user_id)
    for row in overrides:
        if row.user_id is not None:
            snapshot.users[(row.rule, str(row.user_id))] = row.rate
        elif row.team_id is not None:
            for user_id in members.get(row.team_id, []):
                key = (row.rule, str(user_id))
                best = snapshot.members.get(key)
                if best is None or per_second(row.rate) > per_second(best):
                    snapshot.members[key] = row.rate
        else:
            snapshot.everyone[row.rule] = row.rate
    return snapshot
