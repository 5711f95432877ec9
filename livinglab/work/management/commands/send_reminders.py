"""`livinglab send-reminders [--days N] [--dry-run]`: e-mail today's deadline digests.

Safe to run from cron every day: each reminder is sent once (see `work.reminders`).
"""

from django.core.management.base import BaseCommand

from livinglab.work.reminders import send_reminders


class Command(BaseCommand):
    help = "E-mail each agency's responsible people a digest of deadlines due soon and overdue."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=7,
            help="Remind of deadlines this many days ahead (for people without a preference).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would be sent; send nothing."
        )

    def handle(self, *args, days: int, dry_run: bool, **options):
        digests = send_reminders(days=days, dry_run=dry_run)
        for digest in digests:
            self.stdout.write(
                f"{digest.recipient.email}\t{digest.agency.name}\t"
                f"overdue={len(digest.overdue)}\tdue={len(digest.due)}"
            )
        verb = "would send" if dry_run else "sent"
        self.stdout.write(self.style.SUCCESS(f"{verb} {len(digests)} digest(s)"))
