"""The Reflex app: its pages and the REST API mounted in front of them."""

import reflex as rx

from review_app import routes
from review_app.api.app import create_api
from review_app.components.layout import PROTECTED_ON_LOAD, connection_status
from review_app.pages.admin import AdminState, admin_page
from review_app.pages.dashboard import DashboardState, dashboard_page
from review_app.pages.editor import editor_page
from review_app.pages.history import HistoryState, history_page
from review_app.pages.home import home
from review_app.pages.login import login_page
from review_app.pages.register import register_page
from review_app.pages.review import review_page
from review_app.state.jobs import JobsState
from review_app.state.review_view import ReviewViewState

app = rx.App(api_transformer=create_api())
# Our own "server unreachable" banner instead of Reflex's developer-facing toast.
app.app_wraps[(5, "Overlay")] = lambda stateful: connection_status() if stateful else None
app.add_page(home, route=routes.HOME, title="review_app")
app.add_page(login_page, route=routes.LOGIN, title="Sign in · review_app")
app.add_page(register_page, route=routes.REGISTER, title="Create an account · review_app")
for page, route, title, on_load in [
    (editor_page, routes.EDITOR, "Editor", [JobsState.load]),
    (history_page, routes.HISTORY, "History", [HistoryState.load]),
    (review_page, f"{routes.REVIEW}/[review_id]", "Review", [ReviewViewState.open_from_route]),
    (dashboard_page, routes.DASHBOARD, "Dashboard", [DashboardState.load]),
    (admin_page, routes.ADMIN, "Admin", [AdminState.load]),
]:
    app.add_page(
        page, route=route, title=f"{title} · review_app", on_load=[*PROTECTED_ON_LOAD, *on_load]
    )
