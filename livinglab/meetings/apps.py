from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "livinglab.meetings"
    label = "meetings"
    verbose_name = _("Bodies and meetings")

    def ready(self):
        from . import policies  # noqa: F401  registers the access rules
