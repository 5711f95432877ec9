import json

from django.core.management.base import BaseCommand, CommandError

from livinglab.meetings.models import Body
from livinglab.tracking.models import Case
from livinglab.tracking.serializers import case_to_dict, with_export_data


class Command(BaseCommand):
    help = 'Print a body\'s cases as {"cases": [...]}, the objects of GET /api/cases.'

    def add_arguments(self, parser):
        parser.add_argument("--body", required=True)
        parser.add_argument("--json", action="store_true", help="JSON (the only format now).")

    def handle(self, *args, **options):
        name = options["body"]
        body = (
            Body.objects.filter(name=name).first() or Body.objects.filter(short_name=name).first()
        )
        if body is None:
            raise CommandError(f"No body named {name}")
        cases = with_export_data(Case.objects.filter(body=body).order_by("pk"))
        data = {"cases": [case_to_dict(case) for case in cases]}
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
