"""The signed-in user of a browser tab.

The browser's login is an HttpOnly cookie (services/accounts/browser_sessions.py) that only
HTTP routes set; no script and no state update ever carries it. A tab's session is bound to
the connection it signed in or was restored on: an event from another connection (a reload,
a reconnect) counts only if that connection's handshake brought a cookie of the same login,
so a tab's client token alone restores nothing; every page, public ones too, checks this on
mount. The page's cookie steps are named by a ticket, so a late report of a step replaced
since (a reload, a rebind) changes nothing. Each tab keeps its own short-lived access
token, renewed while the login lasts. Handlers of other states get the user with
`await session._current_user()`.
"""

import contextlib
import secrets
import time
import uuid
from functools import partial
from http import HTTPStatus

import reflex as rx

from review_app import routes
from review_app.services.accounts import auth, browser_sessions
from review_app.services.accounts.client_ip import resolve_client_ip
from review_app.services.accounts.identity import CurrentUser
from review_app.services.accounts.tokens import TokenType, decode_token
from review_app.services.errors import AuthenticationError, RateLimitedError, ServiceError
from review_app.settings import get_settings

RENEW_SECONDS_BEFORE_EXPIRY = 60  # or a quarter of the lifetime, when that is shorter


class CookieStep:
    """What the page is to ask of the session cookie's HTTP routes (components/session_cookie)."""

    NONE = ""
    START = "start"  # trade the sign-in ticket for the cookie
    ROTATE = "rotate"  # the cookie was used: replace its refresh token
    END = "end"  # sign-out: clear it


class SessionState(rx.State):
    """Who is signed in to this tab."""

    email: str = ""
    role: str = ""
    cookie_step: str = CookieStep.NONE
    # Names the step, so a late report of an earlier one is told apart (START: the one-use,
    # short-lived sign-in ticket; other steps: a random nonce).
    cookie_ticket: str = ""

    _access_token: str = ""
    _renew_at: float = 0.0
    _user_id: str = ""
    _family: str = ""
    _connection: str = ""  # the socket id this tab's session is bound to
    _destination: str = ""  # where to go once the sign-in's cookie is set

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
        try:
            self._show(await self._current_user())
        except AuthenticationError:
            self._end()
            return rx.redirect(routes.login_url(self.router.url.path, self.router.url.query))
        except RateLimitedError:
            pass  # still signed in; the page's own loads say how long to wait
        return None

    @rx.event
    async def check_session(self):
        """On mount of any page: restore or drop the session of a tab on a new connection.

        Public pages show who is signed in too: from the cookie this connection brought, never
        from what the tab's state held before (a reload, or another browser's copy of it).
        """
        if self.cookie_step == CookieStep.START or self._connection == self._socket_id():
            return  # a sign-in underway, or nothing new since the last check
        if not (self._family or browser_sessions.cookie_in(self.router.headers.cookie)):
            return
        try:
            self._show(await self._current_user())
        except AuthenticationError:
            self._end()
        except RateLimitedError:
            pass  # the next page load checks again

    @rx.event
    async def cookie_stepped(self, ticket: str, status: int):
        """The page carried out the step named `ticket`; `status`: the route's (0: no answer)."""
        if not ticket or ticket != self.cookie_ticket:
            return None  # a late report of a step already done or replaced (reload, rebind)
        step, self.cookie_step, self.cookie_ticket = self.cookie_step, CookieStep.NONE, ""
        try:
            if step == CookieStep.START:
                if not 200 <= status < 300:  # e.g. spent before a reload: the cookie must
                    self._connection = ""  # come with this connection, then
                self._show(await self._current_user())
                return rx.redirect(self._destination)
            if step == CookieStep.ROTATE and status == HTTPStatus.UNAUTHORIZED:
                raise AuthenticationError(browser_sessions.ENDED)  # e.g. a rotated token reused
        except AuthenticationError:
            self._end()
            return rx.redirect(routes.LOGIN)
        return None

    @rx.event
    async def logout(self):
        """Sign out: this login ends in every tab, and the page clears the cookie."""
        if self._access_token:
            logout = partial(auth.logout, access_token=self._access_token, ip=self._client_ip())
            with contextlib.suppress(ServiceError):  # already ended elsewhere: just forget it
                await rx.run_in_thread(logout)
        self._end()
        self._ask(CookieStep.END)
        return rx.redirect(routes.LOGIN)

    async def _current_user(self) -> CurrentUser:
        """The user of this tab (renewing its access token if due), or AuthenticationError.

        Each call counts against the user's default rate limit, shared with the REST API.
        """
        if self._connection != self._socket_id():
            await self._bind_to_this_connection()
        elif time.time() >= self._renew_at and not await self._renew():
            raise AuthenticationError(browser_sessions.ENDED)
        return await rx.run_in_thread(partial(auth.current_user, self._access_token))

    async def _sign_in(self, pair: auth.TokenPair, destination: str) -> None:
        """Start this tab's session from a fresh login; the page then stores the cookie."""
        user = await rx.run_in_thread(partial(auth.authenticate, pair.access_token))
        issue = partial(browser_sessions.issue_ticket, pair.refresh_token, self._client_ip())
        self._ask(CookieStep.START, await rx.run_in_thread(issue))
        self._destination = destination
        self._connection = self._socket_id()
        family = browser_sessions.family_of(pair.refresh_token)
        self._use_access_token(pair.access_token, user.id, family)

    async def _bind_to_this_connection(self) -> None:
        """Restore the session on a new connection from the cookie its handshake brought.

        A cookie of another login, or none, ends the tab's session: the client token of a
        closed tab is no way in.
        """
        cookie = browser_sessions.cookie_in(self.router.headers.cookie)
        try:
            if not cookie:
                raise AuthenticationError(browser_sessions.ENDED)
            login = await rx.run_in_thread(partial(browser_sessions.restore, cookie))
            if self._family and self._family != str(login.family):
                raise AuthenticationError(browser_sessions.ENDED)
            renew = partial(browser_sessions.renew_access_token, login.user.id, login.family)
            token = await rx.run_in_thread(renew)
        except AuthenticationError:
            self._end()
            raise
        self._connection = self._socket_id()
        self._use_access_token(token, login.user.id, login.family)
        self._ask(CookieStep.ROTATE)

    async def _renew(self) -> bool:
        """A new access token for this tab, while its login lasts."""
        if not self._user_id:
            return False
        user_id, family = uuid.UUID(self._user_id), uuid.UUID(self._family)
        try:
            token = await rx.run_in_thread(
                partial(browser_sessions.renew_access_token, user_id, family)
            )
        except AuthenticationError:
            self._end()
            return False
        self._use_access_token(token, user_id, family)
        return True

    def _ask(self, step: str, ticket: str = "") -> None:
        """Have the page carry out `step` (a new ticket or nonce: a new request)."""
        self.cookie_step = step
        self.cookie_ticket = ticket or secrets.token_urlsafe(12)

    def _use_access_token(self, token: str, user_id: uuid.UUID, family: uuid.UUID) -> None:
        claims = decode_token(token, TokenType.ACCESS)
        margin = min(RENEW_SECONDS_BEFORE_EXPIRY, (claims.exp - claims.iat) / 4)
        self._access_token = token
        self._renew_at = claims.exp - margin
        self._user_id = str(user_id)
        self._family = str(family)

    def _show(self, user: CurrentUser) -> None:
        self.email = user.email
        self.role = user.role

    def _end(self) -> None:
        """Forget the session in this tab (a pending sign-in too; the cookie stays)."""
        self.email = self.role = ""
        self._access_token = self._user_id = self._family = self._connection = ""
        self._renew_at = 0.0
        if self.cookie_step != CookieStep.END:
            self.cookie_step, self.cookie_ticket = CookieStep.NONE, ""

    def _socket_id(self) -> str:
        return self.router.session.session_id

    def _client_ip(self) -> str:
        return client_ip_of(self.router)


def client_ip_of(router) -> str:
    """The tab's client address; X-Forwarded-For counts only from a trusted proxy."""
    forwarded = router.headers.raw_headers.get("x-forwarded-for")
    return resolve_client_ip(router.session.client_ip, forwarded, get_settings().trusted_proxies)
