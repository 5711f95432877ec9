import pytest
from django.test import Client


@pytest.fixture
def production_client(settings):
    settings.DEBUG = False
    return Client(raise_request_exception=False)


def test_unknown_url_gives_404_page_in_chinese(production_client, db):
    response = production_client.get("/no-such-page/")
    assert response.status_code == 404
    assert "找不到" in response.content.decode()


def test_unknown_url_gives_404_page_in_english(production_client, db):
    production_client.cookies["django_language"] = "en"
    response = production_client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_server_error_gives_500_page_not_traceback(production_client, db, settings):
    settings.ROOT_URLCONF = "tests.core.boom_urls"
    response = production_client.get("/boom/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Traceback" not in body
    assert "secret detail" not in body
    assert "出了點問題" in body or "Something went wrong" in body


def test_missing_permission_gives_403_page_in_the_users_language(production_client, db, settings):
    settings.ROOT_URLCONF = "tests.core.boom_urls"
    response = production_client.get("/forbidden/")
    assert response.status_code == 403
    assert "沒有權限" in response.content.decode()
    production_client.cookies["django_language"] = "en"
    assert "Not allowed" in production_client.get("/forbidden/").content.decode()


def test_database_away_gives_503_with_retry_after(production_client, db):
    from unittest import mock

    from django.db.utils import OperationalError

    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute",
        side_effect=OperationalError("connection refused"),
    ):
        response = production_client.get("/organisations/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    body = response.content.decode()
    assert "請稍候再試" in body and "connection refused" not in body
