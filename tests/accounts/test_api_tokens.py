from livinglab.accounts import tokens
from livinglab.accounts.models import ApiToken


def test_token_is_stored_only_as_a_hash(world):
    token, secret = tokens.create_token(world.officer, "nightly sync")
    stored = ApiToken.objects.get(pk=token.pk)
    assert secret not in (stored.key_hash, stored.prefix)
    assert secret.startswith(stored.prefix)
    assert tokens.user_for_secret(secret) == world.officer


def test_api_accepts_a_token_and_refuses_a_wrong_one(client, world):
    _, secret = tokens.create_token(world.officer, "script")
    ok = client.get("/api/organisations", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert ok.status_code == 200
    bad = client.get("/api/organisations", HTTP_AUTHORIZATION="Bearer ll_wrong")
    assert bad.status_code == 401


def test_revoked_token_no_longer_works(client, world):
    token, secret = tokens.create_token(world.officer, "script")
    client.force_login(world.officer)
    response = client.post(f"/accounts/tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    assert tokens.user_for_secret(secret) is None


def test_user_cannot_revoke_another_users_token(client, world):
    token, secret = tokens.create_token(world.officer, "script")
    client.force_login(world.other_officer)
    response = client.post(f"/accounts/tokens/{token.pk}/revoke/")
    assert response.status_code == 404
    assert tokens.user_for_secret(secret) == world.officer


def test_token_page_shows_the_secret_once(client, world):
    client.force_login(world.officer)
    created = client.post("/accounts/tokens/", {"name": "報表同步"})
    html = created.content.decode()
    secret = html.split('id="new-token">')[1].split("<")[0]
    assert tokens.user_for_secret(secret) == world.officer
    again = client.get("/accounts/tokens/").content.decode()
    assert secret not in again
    assert "報表同步" in again


def test_expired_token_is_refused(world):
    token, secret = tokens.create_token(world.officer, "short", expires_in_days=1)
    ApiToken.objects.filter(pk=token.pk).update(expires_at="2020-01-01T00:00:00Z")
    assert tokens.user_for_secret(secret) is None


def test_token_page_needs_sign_in(client, db):
    response = client.get("/accounts/tokens/")
    assert response.status_code == 302
    assert "/accounts/signin/" in response["Location"]


def test_token_page_is_never_cached(client, world):
    client.force_login(world.secretary)
    response = client.get("/accounts/tokens/")
    assert "no-store" in response["Cache-Control"]
