from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from livinglab.meetings.models import Body
from livinglab.tracking.services.importing import ImportFailed, import_minutes
from livinglab.tracking.services.operator import command_user


class Command(BaseCommand):
    help = "Import meeting records into a body: a draft, or confirmed with --confirm."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--body", required=True, help="Name (or short name) of the body.")
        parser.add_argument("--create-body", action="store_true", help="Create it if missing.")
        parser.add_argument("--confirm", action="store_true", help="Accept the proposal as is.")
        parser.add_argument("--user", help="Act as this user (default: the command-line account).")

    def handle(self, *args, **options):
        body = _body(options["body"], create=options["create_body"])
        user = command_user(options["user"])
        try:
            documents = import_minutes(user, body, options["files"], confirm=options["confirm"])
        except ImportFailed as exc:
            raise CommandError(str(exc)) from exc
        for document in documents:
            document.refresh_from_db()  # a small file's background reading may be done
            meetings = document.meetings.count()
            self.stdout.write(f"{document.filename}: {document.get_status_display()} ({meetings})")


def _body(name: str, *, create: bool) -> Body:
    body = Body.objects.filter(name=name).first() or Body.objects.filter(short_name=name).first()
    if body is None and create:
        body = Body.objects.create(name=name)
    if body is None:
        raise CommandError(_("No body named %(name)s (use --create-body).") % {"name": name})
    return body
