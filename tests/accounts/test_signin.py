import pytest
from axes.models import AccessAttempt

from tests.conftest import PASSWORD


def sign_in(client, username, password):
    return client.post("/accounts/signin/", {"username": username, "password": password})


def test_right_password_signs_in(client, world):
    response = sign_in(client, "secretary", PASSWORD)
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(world.secretary.pk)


def test_wrong_password_gives_clear_message(client, world):
    client.cookies["django_language"] = "en"
    response = sign_in(client, "secretary", "wrong password")
    assert response.status_code == 200
    assert "user name or password is not correct" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "language,expected", [("en", "paused for 15 minutes"), ("zh-hant", "15 分鐘")]
)
def test_repeated_failures_lock_out_with_duration(client, world, settings, language, expected):
    client.cookies["django_language"] = language
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "officer", "nope").status_code == 200
    response = sign_in(client, "officer", "nope")
    assert response.status_code == 429
    assert expected in response.content.decode()
    # Even the right password is refused while locked out.
    assert sign_in(client, "officer", PASSWORD).status_code == 429
    assert AccessAttempt.objects.filter(username="officer").exists()


def test_session_and_csrf_cookies_are_http_only_and_secure_behind_https(settings):
    from livinglab import settings as site_settings

    assert site_settings.SESSION_COOKIE_HTTPONLY is True
    assert site_settings.SESSION_COOKIE_SAMESITE == "Lax"


def test_password_rules_refuse_a_short_password(world):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("12345678", world.officer)
