from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "livinglab.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import policies  # noqa: F401  registers the access rules
