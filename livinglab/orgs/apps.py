from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "livinglab.orgs"
    label = "orgs"
    verbose_name = _("Organisations")

    def ready(self):
        from . import policies  # noqa: F401  registers the access rules
