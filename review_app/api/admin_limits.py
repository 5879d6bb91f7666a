"""`/api/admin/rate-limits`: the limits in force (for everyone or one user), and the rates an
administrator sets for everyone, a team's members or one user."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from review_app.api.deps import ClientIp, SignedInUser
from review_app.services import rate_limits
from review_app.services.admin import limits as admin_limits
from review_app.services.admin.limits import OverrideView

router = APIRouter(
    prefix="/api/admin/rate-limits",
    tags=["admin"],
    responses={403: {"description": "Not an admin."}},
)
OverrideId = Annotated[int, Path(ge=1, le=2**31 - 1)]


class NewOverride(BaseModel):
    """A rule's rate for everyone, the members of a team, or one user."""

    rule: rate_limits.Rule
    rate: str = Field(
        max_length=60,
        pattern=r"^\s*[1-9]\d{0,8}\s*(/|per)\s*([1-9]\d{0,5}\s*)?(second|minute|hour|day|month|year)s?\s*$",
        description="In the limits notation: 30/minute, 500/hour, 10000/day.",
    )
    user_email: str | None = Field(default=None, max_length=320, pattern=r"\S")
    team: str | None = Field(
        default=None, max_length=100, pattern=r"\S", description="A team's id or name."
    )


@router.get("", responses={404: {"description": "No user with this email."}})
async def in_force(
    admin: SignedInUser, email: Annotated[str | None, Query(max_length=320)] = None
) -> list[rate_limits.RuleInForce]:
    """Every rate limit with the rate in force (for the user of `email`, if given) and where
    that rate comes from: the settings, or an administrator for everyone, a team or the user."""
    return await run_in_threadpool(admin_limits.limits_in_force, actor=admin, email=email)


@router.get("/overrides")
async def overrides(admin: SignedInUser) -> list[OverrideView]:
    """Every rate an administrator set."""
    return await run_in_threadpool(admin_limits.list_overrides, actor=admin)


@router.put(
    "/overrides",
    responses={
        404: {"description": "No such user or team."},
        422: {"description": "Not a rate, both a team and a user, or a per-address rule."},
    },
)
async def set_override(body: NewOverride, admin: SignedInUser, ip: ClientIp) -> OverrideView:
    """Set a rule's rate for everyone, a team's members or one user (replacing the last one)."""
    return await run_in_threadpool(
        admin_limits.set_override,
        actor=admin,
        rule=body.rule,
        rate=body.rate,
        user_email=body.user_email,
        team=body.team,
        ip=ip,
    )


@router.delete(
    "/overrides/{override_id}",
    status_code=204,
    responses={404: {"description": "No such rate set by an administrator."}},
)
async def remove_override(override_id: OverrideId, admin: SignedInUser, ip: ClientIp) -> Response:
    """Remove a rate an administrator set: the next source holds again."""
    await run_in_threadpool(
        admin_limits.remove_override, actor=admin, override_id=override_id, ip=ip
    )
    return Response(status_code=204)
