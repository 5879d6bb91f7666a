"""`GET /healthz`: 200 when everything answers, 503 naming what is down."""

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from review_app.services.health import HealthReport, check_health

router = APIRouter(tags=["health"])


@router.get(
    "/healthz",
    response_model=HealthReport,
    responses={503: {"model": HealthReport, "description": "Some part is down."}},
)
async def healthz() -> JSONResponse:
    """Report the database, Redis and the number of live workers."""
    report = await run_in_threadpool(check_health)
    status_code = 200 if report.status == "ok" else 503
    return JSONResponse(report.model_dump(), status_code=status_code)
