"""The signed-in user of a browser tab.

The login's refresh token lives in a SameSite=Strict cookie shared by every tab; each tab
validates it (without using it up) and keeps its own short-lived access token, renewed before
it expires. Handlers of other states get the user with `await session._current_user()`.
"""

import contextlib
import time
import uuid
from functools import partial

import reflex as rx

from review_app import routes
from review_app.services.accounts import auth
from review_app.services.accounts.client_ip import resolve_client_ip
from review_app.services.accounts.identity import CurrentUser
from review_app.services.accounts.tokens import TokenType, decode_token
from review_app.services.errors import AuthenticationError, RateLimitedError, ServiceError
from review_app.settings import get_settings

SESSION_COOKIE = "review_app_session"
RENEW_SECONDS_BEFORE_EXPIRY = 60  # or a quarter of the lifetime, when that is shorter

_settings = get_settings()


class SessionState(rx.State):
    """Who is signed in to this tab."""

    session_cookie: str = rx.Cookie(
        "",
        name=SESSION_COOKIE,
        path="/",
        same_site="strict",
        secure=_settings.serves_https,
        max_age=_settings.refresh_token_days * 24 * 3600,
    )
    email: str = ""
    role: str = ""

    _access_token: str = ""
    _renew_at: float = 0.0
    _user_id: str = ""
    _family: str = ""

    @rx.var
    def signed_in(self) -> bool:
        """Whether a user is signed in to this tab."""
        return self.email != ""

    @rx.var
    def is_admin(self) -> bool:
        """Whether the signed-in user is an admin."""
        return self.role == "admin"

    @rx.event
    async def require_session(self):
        """On load of a protected page: carry on signed in, or go to the login page."""
        if not await self._restore():
            return rx.redirect(routes.login_url(self.router.url.path, self.router.url.query))
        return None

    @rx.event
    async def logout(self):
        """Sign out: this login ends in every tab."""
        if self._access_token:
            logout = partial(auth.logout, access_token=self._access_token, ip=self._client_ip())
            with contextlib.suppress(ServiceError):  # already ended elsewhere: just forget it
                await rx.run_in_thread(logout)
        self._end()
        return rx.redirect(routes.LOGIN)

    async def _current_user(self) -> CurrentUser:
        """The user of this tab (renewing its access token if due), or AuthenticationError.

        Each call counts against the user's default rate limit, shared with the REST API.
        """
        if time.time() >= self._renew_at and not await self._renew():
            raise AuthenticationError("Your session has ended; please sign in again.")
        return await rx.run_in_thread(partial(auth.current_user, self._access_token))

    async def _sign_in(self, pair: auth.TokenPair) -> None:
        """Start this browser's session from a fresh login."""
        user = await rx.run_in_thread(partial(auth.authenticate, pair.access_token))
        self.session_cookie = pair.refresh_token
        family = decode_token(pair.refresh_token, TokenType.REFRESH).fam
        self._use_access_token(pair.access_token, user, family)

    async def _restore(self) -> bool:
        """Make sure this tab holds a valid access token, from the cookie if need be."""
        try:
            self._show(await self._current_user())
        except AuthenticationError:
            self._end()
            return False
        except RateLimitedError:
            pass  # still signed in; the page's own loads say how long to wait
        return True

    async def _renew(self) -> bool:
        """A new access token for this tab, if the cookie's login is still valid."""
        if not self.session_cookie:
            self._end()
            return False
        try:
            user, claims = await rx.run_in_thread(
                partial(auth.validate_refresh_token, self.session_cookie)
            )
        except AuthenticationError:
            self._end()
            return False
        token, _ = auth.issue_access_token(user.id, claims.fam)
        self._use_access_token(token, user, claims.fam)
        return True

    def _use_access_token(self, token: str, user: CurrentUser, family: uuid.UUID) -> None:
        claims = decode_token(token, TokenType.ACCESS)
        margin = min(RENEW_SECONDS_BEFORE_EXPIRY, (claims.exp - claims.iat) / 4)
        self._access_token = token
        self._renew_at = claims.exp - margin
        self._user_id = str(user.id)
        self._family = str(family)
        self._show(user)

    def _show(self, user: CurrentUser) -> None:
        self.email = user.email
        self.role = user.role

    def _end(self) -> None:
        """Forget the session in this tab and drop the cookie."""
        self.session_cookie = ""
        self.email = self.role = ""
        self._access_token = self._user_id = self._family = ""
        self._renew_at = 0.0

    def _client_ip(self) -> str:
        return client_ip_of(self.router)


def client_ip_of(router) -> str:
    """The tab's client address; X-Forwarded-For counts only from a trusted proxy."""
    forwarded = router.headers.raw_headers.get("x-forwarded-for")
    return resolve_client_ip(router.session.client_ip, forwarded, get_settings().trusted_proxies)
