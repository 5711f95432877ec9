from pathlib import Path

from django.core.management.base import BaseCommand

from livinglab.orgs.services import DIRECTORY_FILE, load_agency_directory


class Command(BaseCommand):
    help = "Load cities, agencies, units and their short names from the agency directory file."

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=DIRECTORY_FILE)

    def handle(self, *args, file, **options):
        result = load_agency_directory(file)
        self.stdout.write(
            f"{result.created} organisations created, {result.updated} updated, "
            f"{result.aliases} aliases added from {file}"
        )
