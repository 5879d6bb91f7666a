"""`/api/sso/*`: single sign-on through an OpenID Connect provider (code flow with PKCE).

authlib runs the flow: `start` sends the browser to the provider with a fresh state, nonce and
PKCE verifier (kept in Redis, bound to this browser by a signed, short-lived cookie), and
`callback` trades the code for tokens and checks the ID token (signature, issuer, audience,
expiry, nonce). The account is then signed in as a password sign-in would be: the HttpOnly
session cookie is set, and the browser goes where it was headed. Any failure sends it back to
the sign-in page, which says why. These are browser routes, not public API.
"""

from functools import cache
from typing import Annotated
from urllib.parse import urlencode, urlsplit

import httpx
from authlib.integrations.starlette_client import OAuth, OAuthError
from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import RedirectResponse
from joserfc.errors import JoseError
from starlette.concurrency import run_in_threadpool
from starlette.middleware.sessions import SessionMiddleware

from review_app import routes
from review_app.api.deps import ClientIp, default_rate_limit
from review_app.api.errors import install_error_handlers
from review_app.api.session import set_session_cookie
from review_app.redis_client import KEY_PREFIX, get_redis
from review_app.services.accounts import browser_sessions, sso
from review_app.services.accounts.sso import SsoRefusedError
from review_app.services.errors import NotFoundError, RateLimitedError, ServiceError
from review_app.settings import get_settings

PREFIX = "/api/sso"
FLOW_SECONDS = 600  # from leaving for the provider to coming back
PROVIDER = "sso"


class _FlowStore:
    """authlib's store of a flow's state, nonce and verifier: Redis, so any web host ends it."""

    async def get(self, key: str) -> str | None:
        """The flow's data, if it has not expired."""
        return await run_in_threadpool(get_redis().get, KEY_PREFIX + key)

    async def set(self, key: str, value: str, expires_in: int) -> None:
        """Keep the flow's data (no longer than a flow may take)."""
        ttl = min(expires_in, FLOW_SECONDS)
        await run_in_threadpool(get_redis().set, KEY_PREFIX + key, value, ex=ttl)

    async def delete(self, key: str) -> None:
        """Forget the flow: its state works once."""
        await run_in_threadpool(get_redis().delete, KEY_PREFIX + key)


def _provider():
    """The configured provider's client (its discovery document is read on first use)."""
    settings = get_settings()
    secret = settings.oidc_client_secret.get_secret_value()
    return _client_of(settings.oidc_issuer.rstrip("/"), settings.oidc_client_id, secret)


@cache
def _client_of(issuer: str, client_id: str, client_secret: str):
    oauth = OAuth(cache=_FlowStore())
    return oauth.register(
        PROVIDER,
        client_id=client_id,
        client_secret=client_secret or None,
        server_metadata_url=f"{issuer}/.well-known/openid-configuration",
        client_kwargs={"scope": "openid email", "code_challenge_method": "S256"},
    )


def create_sso_app() -> FastAPI:
    """The SSO routes, with the signed cookie that binds a flow to the browser that began it."""
    app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)
    app.add_api_route("/start", start, methods=["GET"], dependencies=[Depends(default_rate_limit)])
    app.add_api_route(
        "/callback",
        callback,
        methods=["GET"],
        name="sso_callback",
        dependencies=[Depends(default_rate_limit)],
    )
    install_error_handlers(app)
    settings = get_settings()
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.jwt_key().decode(),
        session_cookie="review_app_sso",
        max_age=FLOW_SECONDS,
        path=PREFIX,
        same_site="lax",  # it must come back with the provider's redirect
        https_only=settings.serves_https,
    )
    return app


NextPath = Annotated[str, Query(alias="next", max_length=2048)]


async def start(request: Request, next_path: NextPath = routes.EDITOR) -> RedirectResponse:
    """Send the browser to the provider; it comes back to `callback`."""
    if not get_settings().sso_enabled:
        raise NotFoundError("Single sign-on is not set up on this server.")
    request.session["next"] = routes.local_path(next_path)
    try:
        return await _provider().authorize_redirect(request, _callback_url(request))
    except httpx.HTTPError:
        return _back_to_sign_in(sso.UNAVAILABLE)


async def callback(request: Request, ip: ClientIp) -> RedirectResponse:
    """Finish the flow: sign the account in, or send the browser back to say why not."""
    if not get_settings().sso_enabled:
        raise NotFoundError("Single sign-on is not set up on this server.")
    try:
        identity = await _identity_of(await _provider().authorize_access_token(request))
        pair = await run_in_threadpool(sso.sign_in, identity, ip)
    except (OAuthError, JoseError, KeyError) as error:
        mismatch = getattr(error, "error", "") == "mismatching_state"
        return _back_to_sign_in(sso.STALE if mismatch else sso.DENIED)
    except httpx.HTTPError:
        return _back_to_sign_in(sso.UNAVAILABLE)
    except RateLimitedError:
        return _back_to_sign_in(sso.LIMITED)
    except SsoRefusedError as refusal:
        return _back_to_sign_in(refusal.reason)
    except ServiceError:  # e.g. Redis or the database down
        return _back_to_sign_in(sso.UNAVAILABLE)
    response = RedirectResponse(request.session.pop("next", routes.EDITOR), status_code=303)
    set_session_cookie(response, request, browser_sessions.cookie_of(pair.refresh_token))
    return response


async def _identity_of(tokens: dict) -> sso.ProviderIdentity:
    """Who the checked ID token names, with the email from the userinfo endpoint when the
    token leaves it out (the provider's answer must name the same subject)."""
    claims = dict(tokens["userinfo"])
    if "email" not in claims:
        told = await _provider().userinfo(token=tokens)
        if told.get("sub") != claims["sub"]:
            raise KeyError("the userinfo endpoint named another subject")
        claims.update({name: told[name] for name in ("email", "email_verified") if name in told})
    return sso.ProviderIdentity.model_validate(claims)


def _callback_url(request: Request) -> str:
    """Where the provider sends the browser back: this site as the browser reached it, if
    that is an allowed origin (a forged Host header gets the first allowed one)."""
    origins = get_settings().effective_origins
    reached = "{0.scheme}://{0.netloc}".format(urlsplit(str(request.base_url)))
    origin = reached if reached in origins else origins[0]
    return f"{origin}{PREFIX}/callback"


def _back_to_sign_in(reason: str) -> RedirectResponse:
    return RedirectResponse(f"{routes.LOGIN}?{urlencode({'sso': reason})}", status_code=303)
