from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils.translation import gettext as _

from livinglab.meetings.models import Body
from livinglab.reports.exports import FORMATS
from livinglab.reports.services import export_table


class Command(BaseCommand):
    help = "Write a body's tracking table for its next meeting (or a past one) to a file."

    def add_arguments(self, parser):
        parser.add_argument("--body", required=True, help="Name (or short name) of the body.")
        parser.add_argument("--format", choices=FORMATS, help="Default: the file's extension.")
        parser.add_argument("-o", "--output", required=True, metavar="FILE")
        parser.add_argument("--meeting", type=int, help="Id of a past meeting (default: next).")

    def handle(self, *args, **options):
        name = options["body"]
        body = Body.objects.filter(Q(name=name) | Q(short_name=name)).first()
        if body is None:
            raise CommandError(_("No body named %(name)s.") % {"name": name})
        output = Path(options["output"])
        fmt = options["format"] or output.suffix.lstrip(".").lower()
        if fmt not in FORMATS:
            raise CommandError(_("Choose a format: %(formats)s.") % {"formats": ", ".join(FORMATS)})
        meeting = None
        if options["meeting"]:
            meeting = body.meetings.filter(pk=options["meeting"]).first()
            if meeting is None:
                raise CommandError(_("No such meeting in this body."))
        data, count = export_table(body, fmt, meeting)
        output.write_bytes(data)
        self.stdout.write(f"{output}: {count}")
