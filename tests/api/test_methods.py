"""A method a route does not take is the API's 405, with the methods it does take in `Allow`."""

from fastapi.testclient import TestClient


def test_a_method_the_route_does_not_take_is_405_naming_those_it_does(api: TestClient) -> None:
    for method, path, allowed in (
        ("GET", "/api/admin/cache/purge", "POST"),
        ("OPTIONS", "/api/auth/login", "POST"),
        ("PUT", "/api/admin/users/some-id/disable", "POST"),
        ("DELETE", "/api/reviews", "GET, POST"),
    ):
        response = api.request(method, path)
        assert response.status_code == 405, (method, path)
        assert response.headers["allow"] == allowed
        assert response.json() == {
            "detail": f"{method} is not allowed here; use {allowed.replace(', ', ' or ')}."
        }


def test_an_api_path_no_route_has_is_a_json_404(api: TestClient) -> None:
    for method in ("GET", "POST"):
        response = api.request(method, "/api/no/such/route")
        assert response.status_code == 404
        assert response.json() == {"detail": "No API route has this path; see /openapi.json."}
