from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SandboxConfig(AppConfig):
    name = "livinglab.sandbox"
    label = "sandbox"
    verbose_name = _("Regulatory sandbox")

    def ready(self):
        from livinglab.sandbox import policies  # noqa: F401  registers the access rules
