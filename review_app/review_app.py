"""The Reflex app: its pages and the REST API mounted in front of them."""

import reflex as rx

from review_app import routes
from review_app.api.app import create_api
from review_app.pages.home import home

app = rx.App(api_transformer=create_api(), theme=rx.theme(accent_color="indigo"))
app.add_page(home, route=routes.HOME, title="review_app")
