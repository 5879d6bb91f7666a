"""Authentication backend for accounts migrated from the old PHP forum."""

import hashlib
import hmac
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

User = get_user_model()


def forum_password_hash(password: str, salt: str) -> str:
    return hashlib.sha1((salt + password).encode("utf-8")).hexdigest()


class ForumPasswordBackend(ModelBackend):
    """Accepts the forum's salted hashes and keeps them in the same format."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist:
            return None
        profile = user.forum_profile
        expected = forum_password_hash(password, profile.salt)
        if hmac.compare_digest(expected, profile.password_sha1):
            return user
        return None


def reset_forum_password(user, new_password: str) -> None:
    profile = user.forum_profile
    profile.salt = secrets.token_hex(8)
    profile.password_sha1 = forum_password_hash(new_password, profile.salt)
    profile.save(update_fields=["salt", "password_sha1"])
