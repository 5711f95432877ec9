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


def test_failures_under_many_names_do_not_lock_out_another_account(client, world, settings):
    for number in range(settings.AXES_FAILURE_LIMIT * 2):
        sign_in(client, f"guess{number}", "nope")
    assert sign_in(client, "secretary", PASSWORD).status_code == 302


def test_behind_the_proxy_clients_are_told_apart_by_the_forwarded_address(client, world, settings):
    settings.LIVINGLAB_TRUSTED_PROXIES = 1

    def attempt(address, password="nope"):  # noqa: S107 (a wrong password on purpose)
        return client.post(
            "/accounts/signin/",
            {"username": "officer", "password": password},
            REMOTE_ADDR="10.0.0.1",  # the proxy
            HTTP_X_FORWARDED_FOR=address,
        )

    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt("203.0.113.9")
    assert attempt("203.0.113.9", PASSWORD).status_code == 429
    # A forged first hop does not escape the lock-out: the proxy's last hop counts.
    assert attempt("198.51.100.1, 203.0.113.9", PASSWORD).status_code == 429
    # The officer on another network signs in.
    assert attempt("192.0.2.44", PASSWORD).status_code == 302


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(client, world, settings):
    settings.LIVINGLAB_TRUSTED_PROXIES = 0
    for number in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/accounts/signin/",
            {"username": "officer", "password": "nope"},
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}",
        )
    assert sign_in(client, "officer", PASSWORD).status_code == 429


def test_an_administrator_lifts_a_lock_out_at_once(client, world, settings):
    from django.core.management import call_command

    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "officer", "nope")
    assert sign_in(client, "officer", PASSWORD).status_code == 429
    call_command("axes_reset_username", "officer", verbosity=0)
    assert sign_in(client, "officer", PASSWORD).status_code == 302
