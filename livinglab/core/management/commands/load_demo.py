from django.core.management.base import BaseCommand

from livinglab.demo.credits import load_credits
from livinglab.demo.kpis import load_kpis
from livinglab.demo.people import DEMO_PASSWORD, load_people
from livinglab.demo.pipeline import load_pipeline
from livinglab.demo.progress import load_progress
from livinglab.demo.records import load_records
from livinglab.demo.reviews import load_reviews
from livinglab.demo.sandbox import load_sandbox
from livinglab.demo.sites import link_demo_needs, load_sites
from livinglab.demo.trials import load_trials
from livinglab.orgs.services import load_agency_directory


class Command(BaseCommand):
    help = "Load demo data: the agency directory, one account per role and sample records."

    def handle(self, *args, **options):
        result = load_agency_directory()
        self.stdout.write(f"Agency directory: {result.created} organisations created.")
        users = load_people()
        self.stdout.write(f"Demo accounts (password “{DEMO_PASSWORD}”): {', '.join(users)}")
        for body, cases in load_records().items():
            self.stdout.write(f"{body}: {cases} cases")
        # After the records: the agencies' assignments come from their decisions.
        self.stdout.write(f"Progress reports: {load_progress()}")
        self.stdout.write(f"Field sites: {load_sites()}")
        pipeline = load_pipeline()
        self.stdout.write(
            f"Living lab: {pipeline['needs']} needs, {pipeline['proposals']} proposals"
        )
        self.stdout.write(f"Needs offering field sites: {link_demo_needs()} links")
        # After the pipeline's needs, calls and proposals: reviews of the submitted ones.
        reviewed = load_reviews()
        self.stdout.write(f"Demo reviews: {reviewed} proposals given reviewers.")
        # The city scopes first: running trials' figures are counted under them.
        self.stdout.write(f"KPI values: {load_kpis()}")
        self.stdout.write(f"Trials: {len(load_trials())}")
        # After the trials: their proposals apply for compute credits.
        self.stdout.write(f"Compute credits: {load_credits()}")
        # After the trials: the running one applies for a sandbox permit.
        self.stdout.write(f"Regulatory sandbox: {load_sandbox()}")
