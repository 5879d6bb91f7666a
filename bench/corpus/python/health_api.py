"""Liveness and readiness probes for the orchestrator."""

import time

from fastapi import APIRouter, Response, status
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

router = APIRouter(tags=["health"])
STARTED_AT = time.monotonic()


def readiness_router(engine: AsyncEngine) -> APIRouter:
    ready = APIRouter(tags=["health"])

    @ready.get("/readyz")
    async def readiness(response: Response) -> dict:
        try:
            async with engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except OSError:
            response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
            return {"database": "unreachable"}
        return {"database": "ok"}

    return ready


@router.get("/healthz")
async def liveness() -> dict:
    return {"status": "ok", "uptime_seconds": round(time.monotonic() - STARTED_AT)}
