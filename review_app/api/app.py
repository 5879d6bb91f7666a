"""Build the FastAPI app that Reflex mounts in front of its own routes."""

from fastapi import FastAPI

from review_app.api import health


def create_api() -> FastAPI:
    """The REST API with its OpenAPI document at /openapi.json."""
    api = FastAPI(title="review_app API", version="0.1.0", docs_url="/api/docs", redoc_url=None)
    api.include_router(health.router)
    return api
