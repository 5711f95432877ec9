from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class TrialsConfig(AppConfig):
    name = "livinglab.trials"
    label = "trials"
    verbose_name = pgettext_lazy("trial", "Trials")

    def ready(self):
        from livinglab.trials import policies  # noqa: F401  registers the access rules
