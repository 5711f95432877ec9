from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "livinglab.proposals"
    label = "proposals"
    verbose_name = _("Proposals")

    def ready(self):
        from . import policies  # noqa: F401  registers the access rules
