"""The client's address, also behind the reverse proxies the operator trusts.

Behind a reverse proxy every request reaches Django from the proxy's address, so a limit
keyed on ``REMOTE_ADDR`` is one limit for all citizens together. Each proxy appends the
address it received the request from to ``X-Forwarded-For``; a client can write anything
to the left of that. So the header is read only when the peer is a trusted proxy
(``GONGKAI_TRUSTED_PROXIES``), from the right, skipping trusted proxies: the first
address not trusted is the client, as the nearest trusted proxy saw it. Anything a client
wrote further left is ignored, so forging the header gains nothing.

Used by the tracking-page limit (``foi.services.tracking``) and django-axes
(``AXES_CLIENT_IP_CALLABLE``).
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def parse_networks(value: str) -> tuple[str, ...]:
    """Comma-separated addresses or networks (``10.0.0.0/8``), normalised; ValueError if bad."""
    return tuple(
        str(ipaddress.ip_network(part.strip(), strict=False))
        for part in value.split(",")
        if part.strip()
    )


@lru_cache(maxsize=8)
def _networks(configured: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(n, strict=False) for n in configured)


def _address(text: str) -> Address | None:
    """An address from a header entry: ``203.0.113.7``, ``203.0.113.7:4711``, ``[2001:db8::1]``."""
    text = text.strip().strip('"')
    if text.startswith("["):  # [v6] or [v6]:port
        text = text[1 : text.find("]")] if "]" in text else ""
    elif text.count(":") == 1:  # v4:port
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    mapped = getattr(address, "ipv4_mapped", None)
    return mapped or address


def _trusted(address: Address, networks: tuple[Network, ...]) -> bool:
    return any(address in network for network in networks)


def client_address(request: HttpRequest) -> str:
    """The client's IP address as text (``REMOTE_ADDR`` unless a trusted proxy says more)."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    peer = _address(remote)
    networks = _networks(tuple(getattr(settings, "GONGKAI_TRUSTED_PROXIES", ())))
    if peer is None or not networks or not _trusted(peer, networks):
        return str(peer) if peer else remote
    hops = [h for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    client = peer
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            break  # garbage where a trusted proxy should have written an address: stop here
        client = address
        if not _trusted(address, networks):
            break
    return str(client)
