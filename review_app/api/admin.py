"""`/api/admin/*`: users, teams, queue, failed jobs, rate limits, cache and audit log (admins
only)."""

import uuid

from fastapi import APIRouter
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from review_app.api.deps import ClientIp, SignedInUser
from review_app.api.queries import PageLimit, PageOffset, SearchText
from review_app.models import Role
from review_app.services.admin import audit_history
from review_app.services.admin import cache as admin_cache
from review_app.services.admin import hosts as admin_hosts
from review_app.services.admin import jobs as admin_jobs
from review_app.services.admin import teams as admin_teams
from review_app.services.admin import users as admin_users
from review_app.services.paging import DEFAULT_PAGE_SIZE

router = APIRouter(
    prefix="/api/admin",
    tags=["admin"],
    responses={403: {"description": "Not an admin (or, on your own account, not allowed)."}},
)
NO_USER = {404: {"description": "No such user."}}


@router.get("/users")
async def users(
    admin: SignedInUser,
    q: SearchText = "",
    limit: PageLimit = DEFAULT_PAGE_SIZE,
    offset: PageOffset = 0,
) -> admin_users.UserPage:
    """Users whose email contains `q`, by email, with how many reviews each has."""
    return await run_in_threadpool(
        admin_users.search_users, actor=admin, query=q, limit=limit, offset=offset
    )


@router.get("/teams")
async def teams(
    admin: SignedInUser, limit: PageLimit = DEFAULT_PAGE_SIZE, offset: PageOffset = 0
) -> admin_teams.AdminTeamPage:
    """Every team by name: its owner, members, projects and LLM tokens spent."""
    return await run_in_threadpool(
        admin_teams.list_all_teams, actor=admin, limit=limit, offset=offset
    )


class SsoRequirement(BaseModel):
    """Whether a team's members must sign in through single sign-on."""

    required: bool


@router.put(
    "/teams/{team_id}/sso",
    responses={
        404: {"description": "No such team."},
        409: {"description": "Single sign-on is not set up on this server."},
    },
)
async def require_sso(
    team_id: uuid.UUID, body: SsoRequirement, admin: SignedInUser, ip: ClientIp
) -> SsoRequirement:
    """Require single sign-on of a team's members (their open logins end), or stop."""
    required = await run_in_threadpool(
        admin_teams.require_sso, actor=admin, team_id=team_id, required=body.required, ip=ip
    )
    return SsoRequirement(required=required)


async def _set_disabled(
    admin: SignedInUser, ip: ClientIp, user_id: uuid.UUID, disabled: bool
) -> admin_users.ManagedUser:
    return await run_in_threadpool(
        admin_users.set_disabled, actor=admin, user_id=user_id, disabled=disabled, ip=ip
    )


async def _set_role(
    admin: SignedInUser, ip: ClientIp, user_id: uuid.UUID, role: Role
) -> admin_users.ManagedUser:
    return await run_in_threadpool(
        admin_users.set_role, actor=admin, user_id=user_id, role=role, ip=ip
    )


@router.post("/users/{user_id}/disable", responses=NO_USER)
async def disable(user_id: uuid.UUID, admin: SignedInUser, ip: ClientIp) -> admin_users.ManagedUser:
    """Disable an account: its tokens stop working at once and it cannot sign in."""
    return await _set_disabled(admin, ip, user_id, disabled=True)


@router.post("/users/{user_id}/enable", responses=NO_USER)
async def enable(user_id: uuid.UUID, admin: SignedInUser, ip: ClientIp) -> admin_users.ManagedUser:
    """Let a disabled account sign in again."""
    return await _set_disabled(admin, ip, user_id, disabled=False)


@router.post("/users/{user_id}/promote", responses=NO_USER)
async def promote(user_id: uuid.UUID, admin: SignedInUser, ip: ClientIp) -> admin_users.ManagedUser:
    """Make a user an admin."""
    return await _set_role(admin, ip, user_id, Role.ADMIN)


@router.post("/users/{user_id}/demote", responses=NO_USER)
async def demote(user_id: uuid.UUID, admin: SignedInUser, ip: ClientIp) -> admin_users.ManagedUser:
    """Make an admin a plain user again."""
    return await _set_role(admin, ip, user_id, Role.USER)


@router.get("/queue")
async def queue(admin: SignedInUser) -> admin_jobs.QueueHealth:
    """Messages waiting, reviews by status, and the workers whose heartbeat is fresh."""
    return await run_in_threadpool(admin_jobs.queue_health, actor=admin)


@router.get("/hosts")
async def hosts(admin: SignedInUser) -> admin_hosts.HostHealth:
    """Each host's roles (web, worker), up or silent since when, and whether the database and
    Redis answer."""
    return await run_in_threadpool(admin_hosts.host_health, actor=admin)


@router.get("/jobs/failed")
async def failed_jobs(
    admin: SignedInUser, limit: PageLimit = DEFAULT_PAGE_SIZE, offset: PageOffset = 0
) -> admin_jobs.FailedJobPage:
    """Failed reviews of every user, with their error, the most recent first."""
    return await run_in_threadpool(admin_jobs.failed_jobs, actor=admin, limit=limit, offset=offset)


@router.post("/jobs/{review_id}/rerun", responses={404: {"description": "No such review."}})
async def rerun(review_id: uuid.UUID, admin: SignedInUser, ip: ClientIp) -> admin_jobs.Rerun:
    """Queue a failed review again with fresh attempts; other reviews are left alone."""
    return await run_in_threadpool(admin_jobs.rerun_review, actor=admin, review_id=review_id, ip=ip)


@router.get("/cache")
async def cache(admin: SignedInUser) -> admin_cache.CacheStats:
    """How many results are cached and how often they were reused."""
    return await run_in_threadpool(admin_cache.cache_stats, actor=admin)


@router.post("/cache/purge")
async def purge_cache(admin: SignedInUser, ip: ClientIp) -> admin_cache.CachePurge:
    """Delete every cached result (database and Redis); returns how many."""
    return await run_in_threadpool(admin_cache.purge_cache, actor=admin, ip=ip)


@router.get("/audit")
async def audit_events(
    admin: SignedInUser,
    action: SearchText = "",
    actor: SearchText = "",
    limit: PageLimit = DEFAULT_PAGE_SIZE,
    offset: PageOffset = 0,
) -> audit_history.AuditPage:
    """Who did what, when: newest first, optionally one action and/or actor email substring."""
    return await run_in_threadpool(
        audit_history.list_events,
        actor=admin,
        action=action,
        actor_email=actor,
        limit=limit,
        offset=offset,
    )
