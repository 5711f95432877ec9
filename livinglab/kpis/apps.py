from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KpisConfig(AppConfig):
    name = "livinglab.kpis"
    label = "kpis"
    verbose_name = _("KPI catalogue")

    def ready(self):
        from livinglab.kpis import policies  # noqa: F401  registers the access rules
