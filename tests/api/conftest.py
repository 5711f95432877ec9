"""Helpers of the API tests: call the API with a personal token, as a script would."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from livinglab.accounts.tokens import create_token
from tests.imports.records import INDUSTRY_MEETING


class TokenClient:
    """A Django test client that sends one user's API token with every request."""

    def __init__(self, client, user) -> None:
        self.client = client
        _token, secret = create_token(user, "tests")
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}", "HTTP_ACCEPT_LANGUAGE": "en"}

    def get(self, path, data=None):
        return self.client.get(path, data, **self.headers)

    def post(self, path, data=None, **extra):
        if extra.pop("multipart", False):
            return self.client.post(path, data or {}, **self.headers, **extra)
        return self.client.post(path, data or {}, content_type="application/json", **self.headers)


@pytest.fixture
def api_as(client, world):
    """`api_as("secretary")`: a client calling the API with that person's token."""

    def make(name: str) -> TokenClient:
        return TokenClient(client, getattr(world, name))

    return make


@pytest.fixture
def script_client(world):
    """A client that, like a script, has no CSRF cookie: writes must pass on the token."""
    from django.test import Client

    return Client(enforce_csrf_checks=True)


def draft_of(api, body) -> int:
    """Upload one record of minutes to `body` through the API; the id of its draft."""
    record = SimpleUploadedFile("第3次會議紀錄.txt", INDUSTRY_MEETING.encode(), "text/plain")
    answer = api.post(f"/api/bodies/{body.pk}/imports", {"files": [record]}, multipart=True)
    assert answer.status_code == 201, answer.content
    return answer.json()[0]["id"]


@pytest.fixture
def draft(world, api_as) -> int:
    """A draft of the body's minutes, uploaded by its secretary."""
    return draft_of(api_as("secretary"), world.body)
