"""The Reflex app: the REST API mounted in front, and one import line per page module.

Each page module registers itself with the page template (`components.page.page`): importing
it is its registration.
"""

import reflex as rx

import review_app.pages.admin.page
import review_app.pages.dashboard
import review_app.pages.editor
import review_app.pages.history
import review_app.pages.home
import review_app.pages.invitation
import review_app.pages.login
import review_app.pages.project
import review_app.pages.projects
import review_app.pages.register
import review_app.pages.review
import review_app.pages.rule
import review_app.pages.settings
import review_app.pages.team
import review_app.pages.teams  # noqa: F401  (importing a page module registers the page)
from review_app.api.app import create_api
from review_app.api.forwarded import with_forwarded_scheme
from review_app.api.host_beat import announce_while_serving
from review_app.api.reflex_routes import refuse_bad_reflex_requests
from review_app.api.security_headers import with_security_headers
from review_app.api.store_outage import StoreOutageGuard
from review_app.components.layout import connection_status
from review_app.state.live_updates import use_connection_check
from review_app.state.state_lock import take_state_locks_safely

take_state_locks_safely()
stores = StoreOutageGuard()

# The API in front of Reflex's routes; the tabs' websocket closed while a store is away;
# security headers around all that (pages, assets, API); the scheme a trusted proxy forwarded
# around all. assets/leave_guard.js runs first in every page (see there why).
app = rx.App(
    api_transformer=[
        refuse_bad_reflex_requests,
        create_api(),
        stores.around,
        with_security_headers,
        with_forwarded_scheme,
    ],
    head_components=[rx.el.script(src="/leave_guard.js")],
)
app.register_lifespan_task(announce_while_serving)
app.register_lifespan_task(stores.watch)
# Our own "server unreachable" banner instead of Reflex's developer-facing toast.
app.app_wraps[(5, "Overlay")] = lambda stateful: connection_status() if stateful else None


async def _tab_connected(client_token: str) -> bool:
    """Whether a tab is connected to any backend process (as reflex.istate.shared asks it)."""
    if app.event_namespace is None:
        return False
    return await app.event_namespace._token_manager.is_token_connected(client_token)


use_connection_check(_tab_connected)
