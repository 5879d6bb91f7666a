"""Request and response models for the accounts API."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

RESERVED_HANDLES = {"admin", "support", "root", "help"}


class AccountCreate(BaseModel):
    email: EmailStr
    handle: str = Field(min_length=3, max_length=30, pattern=r"^[a-z0-9_]+$")
    display_name: str = Field(min_length=1, max_length=80)
    password: str = Field(min_length=12, max_length=128)

    @field_validator("handle")
    @classmethod
    def handle_not_reserved(cls, handle: str) -> str:
        if handle in RESERVED_HANDLES:
            raise ValueError("this handle is reserved")
        return handle


class AccountUpdate(BaseModel):
    display_name: str | None = Field(default=None, min_length=1, max_length=80)
    bio: str | None = Field(default=None, max_length=500)


class AccountPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    handle: str
    display_name: str
    bio: str | None = None
    created_at: datetime
