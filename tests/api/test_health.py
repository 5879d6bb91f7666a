"""`/healthz` says ok only when the database, Redis, the broker and a worker all answer."""

import pytest
from fastapi.testclient import TestClient

from review_app.api.app import create_api
from tests.conftest import use_broker


def test_all_up_with_one_worker(database_url: str, celery_worker: str, api: TestClient) -> None:
    response = api.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "redis": "ok",
        "broker": "ok",
        "workers": 1,
    }


def test_no_worker_is_a_503_with_zero_workers(api: TestClient) -> None:
    response = api.get("/healthz")
    assert response.status_code == 503
    assert response.json()["workers"] == 0
    assert response.json()["database"] == response.json()["redis"] == "ok"


def test_database_down_is_named(set_env, redis_client) -> None:
    set_env(DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:1/none")
    response = TestClient(create_api()).get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"
    assert response.json()["redis"] == "ok"


def test_redis_down_is_named(database_url: str, set_env, monkeypatch: pytest.MonkeyPatch) -> None:
    set_env(REDIS_URL="redis://127.0.0.1:1/0")
    with use_broker(monkeypatch, "redis://127.0.0.1:1/0", empty_after=False):
        response = TestClient(create_api()).get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "down",
        "database": "ok",
        "redis": "down",
        "broker": "down",
        "workers": 0,
    }


def test_openapi_documents_the_api(api: TestClient) -> None:
    document = api.get("/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert "/healthz" in document["paths"]
    answers = document["paths"]["/api/reviews"]["post"]["responses"]
    message = {"$ref": "#/components/schemas/ErrorMessage"}  # {"detail": "..."}: was undocumented
    assert answers["413"]["content"]["application/json"]["schema"] == message
    assert answers["422"]["content"]["application/json"]["schema"]["anyOf"][1] == message
