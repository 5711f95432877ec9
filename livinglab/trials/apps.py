from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrialsConfig(AppConfig):
    name = "livinglab.trials"
    label = "trials"
    verbose_name = _("Trials")

    def ready(self):
        from livinglab.trials import policies  # noqa: F401  registers the access rules
