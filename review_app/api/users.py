"""`/api/users/*`: the signed-in user's own account."""

from fastapi import APIRouter

from review_app.api.deps import SignedInUser
from review_app.services.accounts.users import PublicUser

router = APIRouter(prefix="/api/users", tags=["users"])


@router.get("/me")
async def me(user: SignedInUser) -> PublicUser:
    """Who am I?"""
    return PublicUser.model_validate(user)
