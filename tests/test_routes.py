"""After signing in, `?next=` leads only to a page of this site."""

import pytest

from review_app import routes


@pytest.mark.parametrize(
    "target",
    [
        "/\t/evil.example",
        "/\n/evil.example",
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
        " /editor",
        "/editor\x7f",
        "",
        None,
    ],
)
def test_another_site_or_a_mangled_path_goes_to_the_editor(target: str | None) -> None:
    assert routes.local_path(target) == routes.EDITOR


@pytest.mark.parametrize("target", ["/history?language=go", "/reviews/42#L3", "/dashboard"])
def test_a_path_of_this_site_is_kept(target: str) -> None:
    assert routes.local_path(target) == target
