"""Who is acting: the signed-in user as every service call receives it."""

import uuid

from pydantic import BaseModel

from review_app.models import Role


class CurrentUser(BaseModel):
    """The signed-in user as every request sees it (cached in Redis)."""

    id: uuid.UUID
    email: str
    role: Role
    disabled: bool
    created_at: str

    @property
    def is_admin(self) -> bool:
        """Whether the user may use the admin pages and API."""
        return self.role == Role.ADMIN
