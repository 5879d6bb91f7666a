"""Single sign-on: a verified identity at the OpenID Connect provider becomes a login here.

The HTTP routes (api/sso.py) run the authorization code flow with PKCE through authlib and
hand over the ID token's claims once authlib has checked its signature, issuer, audience,
expiry and nonce. An identity is linked to the account of its email once the provider says
that email is verified (a new account is made if there is none); later sign-ins find the
account by the provider's subject.
"""

from pydantic import BaseModel, ConfigDict

from review_app.db import session_scope
from review_app.models import SsoIdentity, User
from review_app.services import audit, rate_limits
from review_app.services.accounts import auth
from review_app.services.accounts import users as accounts
from review_app.services.audit import AuditAction
from review_app.services.errors import AuthenticationError, EmailTakenError, InvalidEmailError
from review_app.settings import get_settings

STALE, DENIED, UNVERIFIED, LOOK_ALIKE = "stale", "denied", "unverified", "look-alike"
DISABLED, LIMITED, UNAVAILABLE = "disabled", "limited", "unavailable"
NOTICES = {  # what the sign-in page says when single sign-on sent the browser back
    STALE: "This sign-in was not started in this browser, or took too long: start it again.",
    DENIED: "The identity provider did not sign you in (it refused, or this sign-in was used "
    "already): start it again.",
    UNVERIFIED: "Your identity provider has not verified your email address, so no account "
    "here can be linked to it. Verify it there, then sign in again.",
    LOOK_ALIKE: "An account with an address that looks like yours exists here: ask an admin.",
    DISABLED: "This account is disabled.",
    LIMITED: "Too many sign-ins from this address: wait a few minutes and try again.",
    UNAVAILABLE: "The identity provider cannot be reached: try again later.",
}


class SsoRefusedError(AuthenticationError):
    """Single sign-on did not sign anyone in; `reason` names the notice to show."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(NOTICES[reason])


class ProviderIdentity(BaseModel):
    """What the provider's checked ID token says of the person signing in."""

    model_config = ConfigDict(extra="ignore")

    iss: str
    sub: str
    email: str | None = None
    email_verified: bool = False


def offered(ip: str | None) -> str:
    """The provider the sign-in page offers ("" without single sign-on); counted per IP.

    Raises:
        RateLimitedError: too many requests from this address.
    """
    rate_limits.count_request(rate_limits.per_ip(ip), writes=False)
    settings = get_settings()
    return settings.oidc_provider_name if settings.sso_enabled else ""


def sign_in(identity: ProviderIdentity, ip: str | None) -> auth.TokenPair:
    """Start a login for the account linked to `identity` (linking or making it first).

    Raises:
        SsoRefusedError: the email is not verified, or the account is disabled.
        RateLimitedError: too many sign-ins, or accounts made, from this address.
    """
    rate_limits.enforce(rate_limits.Rule.LOGIN, rate_limits.per_ip(ip))
    with session_scope() as session:
        linked = session.get(SsoIdentity, (identity.iss, identity.sub))
        user = session.get(User, linked.user_id) if linked else _link(session, identity, ip)
        if user is None or user.disabled:
            audit.record(session=session, action=AuditAction.LOGIN_REFUSED, actor=user, ip=ip)
            refusal = SsoRefusedError(DISABLED)
        else:
            audit.record(session=session, action=AuditAction.LOGIN, actor=user, ip=ip, detail="SSO")
            return auth.start_login(session, user.id)
    raise refusal


def _link(session, identity: ProviderIdentity, ip: str | None) -> User:
    """The account of the identity's verified email (made if there is none), now linked."""
    if not (identity.email and identity.email_verified):
        raise SsoRefusedError(UNVERIFIED)
    try:
        email = accounts.normalize_email(identity.email)
    except InvalidEmailError as error:
        raise SsoRefusedError(UNVERIFIED) from error
    user = accounts.get_user_by_email(session=session, email=email)
    if user is None:
        rate_limits.enforce(rate_limits.Rule.REGISTER, rate_limits.per_ip(ip))
        try:
            user = accounts.create_user(session=session, email=email, password=None)
        except EmailTakenError as error:
            raise SsoRefusedError(LOOK_ALIKE) from error
    session.add(SsoIdentity(issuer=identity.iss, subject=identity.sub, user_id=user.id))
    audit.record(
        session=session, action=AuditAction.SSO_LINK, actor=user, target=identity.iss, ip=ip
    )
    return user
