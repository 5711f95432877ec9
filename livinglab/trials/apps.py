from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class TrialsConfig(AppConfig):
    name = "livinglab.trials"
    label = "trials"
    verbose_name = pgettext_lazy("trial", "Trials")

    def ready(self):
        from livinglab.proposals.models import name_event_kinds
        from livinglab.trials import policies  # noqa: F401  registers the access rules
        from livinglab.trials.models import Event

        name_event_kinds(Event)
