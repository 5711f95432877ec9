"""Walking every page and API operation, and asking each as one role."""

import copy
import json
import re
from dataclasses import dataclass

from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.permissions.world import ROLES

TEXT_TYPES = ("text/", "application/json", "application/atom", "image/svg", "application/ld")


@dataclass
class Answer:
    status: int
    text: str  # the body when it is text (pages, JSON, feeds, SVG); empty otherwise


def page_patterns() -> dict[str, str]:
    """Every URL pattern, by name (or by its pattern when unnamed)."""

    def walk(patterns, prefix="", namespace=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
                yield from walk(p.url_patterns, prefix + str(p.pattern), ns)
            elif isinstance(p, URLPattern):
                route = prefix + str(p.pattern)
                yield (f"{namespace}{p.name}" if p.name else route), route

    return dict(walk(get_resolver().url_patterns))


def api_operations() -> list[str]:
    """Every operation of the API as "METHOD /api/path/{param}", from its OpenAPI schema."""
    from livinglab.api import api

    schema = api.get_openapi_schema()
    return sorted(
        f"{method.upper()} {path}"
        for path, methods in schema["paths"].items()
        for method in methods
    )


def client_for(world, role: str) -> Client:
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="en")
    if role != "anonymous":
        client.force_login(world.users[role])
    return client


def ask(client, method: str, url: str, data=None, *, as_json: bool = False) -> Answer:
    """What `method url` answers, with whatever it changed rolled back (signing out
    included: the session's cookie is put back with the database)."""
    cookies = copy.deepcopy(client.cookies)
    with transaction.atomic():
        if method == "GET":
            response = client.get(url)
        elif as_json:
            response = client.generic(
                method, url, json.dumps(data or {}), content_type="application/json"
            )
        else:
            response = client.post(url, data=data or {})
        transaction.set_rollback(True)
    client.cookies = cookies
    kind = response.get("Content-Type", "")
    streamed = getattr(response, "streaming", False)
    text = ""
    if not streamed and kind.startswith(TEXT_TYPES):
        text = response.content.decode("utf-8", "replace")
        if "json" in kind:  # read \uXXXX escapes back into the words they stand for
            text = json.dumps(json.loads(text), ensure_ascii=False)
    return Answer(response.status_code, text)


def fill(path: str, values: dict) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]), path)


def page_url(name: str, route: str, kwargs: dict) -> str:
    if ":" not in name and name == route:  # an unnamed pattern without parameters
        return "/" + route
    return reverse(name, kwargs=kwargs)


def row(codes: dict[str, int]) -> str:
    return " ".join(str(codes[r]) for r in ROLES)


def header() -> str:
    return " ".join(r[:3] for r in ROLES)
