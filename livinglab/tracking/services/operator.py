"""The account that commands act as, so that every change names someone."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

COMMAND_USERNAME = "command-line"


def command_user(username: str | None = None):
    """The named user, or an account for the command line that cannot sign in.

    Whoever runs a management command already controls the server; the account makes
    their changes attributable in each case's history.
    """
    User = get_user_model()
    if username:
        try:
            return User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(f"No user named {username}") from None
    user, created = User.objects.get_or_create(
        username=COMMAND_USERNAME,
        defaults={"first_name": "command line", "is_staff": True, "is_superuser": True},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user
