from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CreditsConfig(AppConfig):
    name = "livinglab.credits"
    label = "credits"
    verbose_name = _("Compute credits")

    def ready(self):
        from livinglab.credits import policies  # noqa: F401  registers the access rules
