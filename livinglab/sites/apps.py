from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitesConfig(AppConfig):
    name = "livinglab.sites"
    label = "sites"
    verbose_name = _("Field sites")

    def ready(self):
        from . import policies  # noqa: F401  registers the access rules
