from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NeedsConfig(AppConfig):
    name = "livinglab.needs"
    label = "needs"
    verbose_name = _("Needs and calls")

    def ready(self):
        from . import policies  # noqa: F401  registers the access rules
