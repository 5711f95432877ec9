import pytest


@pytest.fixture
def en_client(client):
    """Pages answer in English, so that tests can read their words."""
    client.cookies["django_language"] = "en"
    return client
