"""Reflex configuration, derived from review_app.settings."""

import reflex as rx

from review_app.settings import get_settings

settings = get_settings()

config = rx.Config(
    app_name="review_app",
    telemetry_enabled=False,
    redis_url=settings.effective_redis_url,
    cors_allowed_origins=settings.effective_origins,
    show_built_with_reflex=False,
    plugins=[rx.plugins.RadixThemesPlugin(theme=rx.theme(accent_color="indigo"))],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
