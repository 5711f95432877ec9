"""The address a sign-in comes from, as the lock-out counts it.

Behind the TLS proxy the README describes, every request arrives from the proxy; the
client's own address is the last one the proxy appended to X-Forwarded-For. Addresses a
client wrote into that header itself come earlier and are never believed.
"""

from django.conf import settings


def client_address(request) -> str:
    proxies = settings.LIVINGLAB_TRUSTED_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")
