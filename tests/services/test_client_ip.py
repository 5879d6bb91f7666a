"""The client address: the socket's, unless a trusted proxy forwarded the request."""

from review_app.services.accounts.client_ip import resolve_client_ip


def test_forwarded_for_is_ignored_from_an_untrusted_peer() -> None:
    assert resolve_client_ip("203.0.113.5", "10.9.9.9", []) == "203.0.113.5"
    assert resolve_client_ip("203.0.113.5", "10.9.9.9", ["198.51.100.1"]) == "203.0.113.5"


def test_a_trusted_proxy_names_the_client() -> None:
    assert resolve_client_ip("198.51.100.1", "192.0.2.7", ["198.51.100.1"]) == "192.0.2.7"


def test_a_chain_of_trusted_proxies_is_walked_from_the_right() -> None:
    forwarded = "6.6.6.6, 192.0.2.7, 10.0.0.2"
    trusted = ["10.0.0.0/8", "198.51.100.1"]
    assert resolve_client_ip("198.51.100.1", forwarded, trusted) == "192.0.2.7"


def test_a_spoofed_leftmost_entry_does_not_win() -> None:
    assert resolve_client_ip("198.51.100.1", "1.1.1.1, 192.0.2.7", ["198.51.100.1"]) == "192.0.2.7"


def test_no_peer_is_reported_as_unknown() -> None:
    assert resolve_client_ip(None, None, []) == "unknown"
