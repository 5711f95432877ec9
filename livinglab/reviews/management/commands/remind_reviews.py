from django.core.management.base import BaseCommand

from livinglab.reviews.services import remind_due


class Command(BaseCommand):
    help = "Notify reviewers once of reviews due within --days that they have not submitted."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=3)

    def handle(self, *args, **options):
        count = remind_due(days=options["days"])
        self.stdout.write(f"{count} reviewers reminded.")
