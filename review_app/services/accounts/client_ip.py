"""Which address a request comes from: the socket's, unless a trusted proxy speaks for it."""

import ipaddress


def is_trusted_proxy(address: str, trusted: list[str]) -> bool:
    """Whether `address` is one of the trusted proxies (IPs or networks)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(entry, strict=False) for entry in trusted)


def resolve_client_ip(peer: str | None, forwarded_for: str | None, trusted: list[str]) -> str:
    """The client's address: X-Forwarded-For only counts when the peer is a trusted proxy.

    Walks the header from the right (the hop nearest to us) past trusted proxies.
    """
    address = peer or "unknown"
    if not forwarded_for or not is_trusted_proxy(address, trusted):
        return address
    for hop in reversed([part.strip() for part in forwarded_for.split(",") if part.strip()]):
        if not is_trusted_proxy(hop, trusted):
            return hop
        address = hop
    return address
