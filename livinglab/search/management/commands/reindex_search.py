from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from livinglab.search.index import reindex_all
from livinglab.tracking.models import Case


class Command(BaseCommand):
    help = _("Rebuild the Chinese search index of every case (or of one body's cases).")

    def add_arguments(self, parser):
        parser.add_argument("--body", type=int, help=_("Only the cases of this body (id)."))

    def handle(self, *args, body=None, **options):
        cases = Case.objects.all()
        if body:
            cases = cases.filter(body_id=body)
        count = reindex_all(cases)
        self.stdout.write(_("Reindexed %(count)d cases.") % {"count": count})
