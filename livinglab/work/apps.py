from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkConfig(AppConfig):
    name = "livinglab.work"
    label = "work"
    verbose_name = _("Agency work")

    def ready(self):
        from livinglab.tracking.services import changes

        from . import policies  # noqa: F401  registers the access rules
        from .services import follow_cases

        changes.listen(follow_cases)  # assignments follow the cases, when they change
