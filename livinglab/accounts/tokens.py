"""Personal API tokens: created by a user for themselves, hashed at rest, revocable."""

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from livinglab.accounts.models import ApiToken
from livinglab.core.access import require

TOKEN_PREFIX = "ll_"  # noqa: S105  a public marker, not a secret
_USE_RECORD_INTERVAL = timedelta(minutes=5)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(user, name: str, *, expires_in_days: int | None = None) -> tuple[ApiToken, str]:
    """Return the token and its secret; the secret is shown once and never stored."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    expires_at = timezone.now() + timedelta(days=expires_in_days) if expires_in_days else None
    token = ApiToken.objects.create(
        user=user,
        name=name.strip() or "token",
        prefix=secret[: len(TOKEN_PREFIX) + 6],
        key_hash=_hash(secret),
        expires_at=expires_at,
    )
    return token, secret


def revoke_token(user, token: ApiToken) -> ApiToken:
    require(user, "revoke", token)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def user_for_secret(secret: str):
    """The active user a token secret belongs to, or None."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.active()
        .select_related("user")
        .filter(key_hash=_hash(secret), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # Record use coarsely, so a busy client does not write on every request.
    if token.last_used_at is None or now - token.last_used_at > _USE_RECORD_INTERVAL:
        with transaction.atomic():
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
