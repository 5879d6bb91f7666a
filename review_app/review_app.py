"""The Reflex app: its pages and the REST API mounted in front of them."""

import reflex as rx

from review_app import routes
from review_app.api.app import create_api
from review_app.components.layout import PROTECTED_ON_LOAD
from review_app.pages.admin import admin_page
from review_app.pages.dashboard import dashboard_page
from review_app.pages.editor import editor_page
from review_app.pages.history import history_page
from review_app.pages.home import home
from review_app.pages.login import login_page
from review_app.pages.register import register_page

app = rx.App(api_transformer=create_api(), theme=rx.theme(accent_color="indigo"))
app.add_page(home, route=routes.HOME, title="review_app")
app.add_page(login_page, route=routes.LOGIN, title="Sign in · review_app")
app.add_page(register_page, route=routes.REGISTER, title="Create an account · review_app")
for page, route, title in [
    (editor_page, routes.EDITOR, "Editor"),
    (history_page, routes.HISTORY, "History"),
    (dashboard_page, routes.DASHBOARD, "Dashboard"),
    (admin_page, routes.ADMIN, "Admin"),
]:
    app.add_page(page, route=route, title=f"{title} · review_app", on_load=PROTECTED_ON_LOAD)
