from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "livinglab.reviews"
    label = "reviews"
    verbose_name = _("Reviews")

    def ready(self):
        from livinglab.proposals.models import name_event_kinds
        from livinglab.reviews import policies  # noqa: F401  registers the access policies
        from livinglab.reviews.models import Event

        name_event_kinds(Event)
