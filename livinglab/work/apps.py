from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkConfig(AppConfig):
    name = "livinglab.work"
    label = "work"
    verbose_name = _("Agency work")

    def ready(self):
        from . import policies  # noqa: F401  registers the access rules
