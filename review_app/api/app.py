"""Build the FastAPI app that Reflex mounts in front of its own routes."""

from fastapi import Depends, FastAPI

from review_app.api import (
    admin,
    admin_limits,
    auth,
    conversations,
    exports,
    fallback,
    health,
    integrations,
    project_files,
    project_reviews,
    request_metrics,
    reviews,
    rules,
    sso,
    stats,
    teams,
    triage,
    users,
    workspace_settings,
)
from review_app.api import session as browser_session
from review_app.api.body_limits import BodySizeLimit
from review_app.api.deps import default_rate_limit
from review_app.api.errors import install_error_handlers
from review_app.api.openapi import document_error_answers
from review_app.api.projects import router as projects_router
from review_app.api.request_context import RequestContext
from review_app.api.request_metrics import RequestMetrics
from review_app.api.sso import create_sso_app

ROUTERS = [health.router, auth.router, users.router, reviews.router, exports.router]
ROUTERS += [stats.router, admin.router, admin_limits.router, rules.router]
ROUTERS += [browser_session.router]
ROUTERS += [projects_router, project_reviews.router, project_reviews.changes_router]
ROUTERS += [project_files.router, integrations.router, triage.router, triage.baseline_router]
ROUTERS += [teams.router, teams.invitations_router, workspace_settings.router]
ROUTERS += [conversations.router, request_metrics.router]


def create_api() -> FastAPI:
    """The REST API; every route, /openapi.json included, is rate limited."""
    api = FastAPI(
        title="review_app API",
        version="0.1.0",
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
        dependencies=[Depends(default_rate_limit)],
    )
    for router in ROUTERS:
        api.include_router(router)
    api.mount(sso.PREFIX, create_sso_app())
    api.include_router(fallback.router)  # last: it answers the /api/ requests others leave
    install_error_handlers(api)
    api.add_middleware(BodySizeLimit)  # Reflex's routes, mounted in this app later, included
    api.add_middleware(RequestMetrics)
    api.add_middleware(RequestContext)  # outermost: even a refused body's answer has an id

    @api.get("/openapi.json", include_in_schema=False)
    async def openapi() -> dict:
        """The OpenAPI document of this API."""
        return document_error_answers(api.openapi())

    return api
