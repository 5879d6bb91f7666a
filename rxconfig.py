"""Reflex configuration, derived from review_app.settings."""

import reflex as rx
from reflex_base.utils.log import is_managed_mode

from review_app.logging_setup import configure_logging
from review_app.settings import get_settings

settings = get_settings()
if is_managed_mode():  # a process the reflex CLI runs (the web app), not a test importing pages
    configure_logging(settings)

config = rx.Config(
    app_name="review_app",
    telemetry_enabled=False,
    redis_url=settings.effective_redis_url,
    cors_allowed_origins=settings.effective_origins,
    show_built_with_reflex=False,
    plugins=[rx.plugins.RadixThemesPlugin(theme=rx.theme(accent_color="indigo"))],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
