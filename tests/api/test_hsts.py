"""HSTS is promised only when the platform is served over https alone (issue 14)."""

import pytest
from fastapi.testclient import TestClient

from review_app.api.app import create_api
from review_app.api.security_headers import with_security_headers

HTTPS_ONLY = '["https://review.example.org"]'
HTTPS_AND_HTTP = '["https://review.example.org", "http://localhost:8000"]'
A_YEAR_WITH_SUBDOMAINS = "max-age=31536000; includeSubDomains"


@pytest.mark.parametrize(
    ("origins", "promise"), [(HTTPS_ONLY, A_YEAR_WITH_SUBDOMAINS), (HTTPS_AND_HTTP, None)]
)
def test_browsers_are_told_to_keep_to_https_only_when_every_origin_is_https(
    set_env, redis_client, origins: str, promise: str | None
) -> None:
    set_env(ALLOWED_ORIGINS=origins)
    client = TestClient(with_security_headers(create_api()), base_url="https://review.example.org")

    response = client.get("/api/no-such-route")

    assert response.status_code == 404
    assert response.headers.get("strict-transport-security") == promise
