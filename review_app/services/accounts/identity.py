"""Who is acting: the signed-in user as every service call receives it."""

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict

from review_app.models import Role


class CurrentUser(BaseModel):
    """The signed-in user as every request sees it (cached in Redis); read from a `User` row."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    role: Role
    disabled: bool
    created_at: datetime

    @property
    def is_admin(self) -> bool:
        """Whether the user may use the admin pages and API."""
        return self.role == Role.ADMIN
