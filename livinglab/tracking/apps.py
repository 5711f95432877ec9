from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrackingConfig(AppConfig):
    name = "livinglab.tracking"
    verbose_name = _("tracking")

    def ready(self):
        from livinglab.tracking import policies  # noqa: F401  registers the access rules
