from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "livinglab.core"
    label = "core"
    verbose_name = _("Site")

    def ready(self):
        from django.db.backends.signals import connection_created

        from livinglab.core.timeouts import on_connection_created

        connection_created.connect(on_connection_created, dispatch_uid="statement_time_limit")
