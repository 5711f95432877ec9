"""`livinglab send-permit-reminders [--days N] [--dry-run]`: remind of permits' expiry
and conditions. Safe to run from cron every day: each reminder is sent once."""

from django.core.management.base import BaseCommand

from livinglab.sandbox.reminders import send_permit_reminders


class Command(BaseCommand):
    help = (
        "Remind teams, agencies and the secretariat of sandbox permits expiring and conditions due."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=14, help="Remind this many days ahead.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would be sent; send nothing."
        )

    def handle(self, *args, days: int, dry_run: bool, **options):
        reminders = send_permit_reminders(days=days, dry_run=dry_run)
        for reminder in reminders:
            self.stdout.write(
                f"{reminder.recipient.username}\t{reminder.permit.number}\tlines={len(reminder.lines)}"
            )
        verb = "would send" if dry_run else "sent"
        self.stdout.write(self.style.SUCCESS(f"{verb} {len(reminders)} reminder(s)"))
