"""The demo's compute-credit programme: applied for by the demo trials, allocated and used."""

from livinglab.credits import ledger
from livinglab.credits.models import Application, LedgerEntry, Programme, Statement
from livinglab.demo.credits import load_credits
from livinglab.demo.people import load_people
from livinglab.demo.trials import load_trials
from livinglab.orgs.services import load_agency_directory


def test_the_demo_programme_is_allocated_used_and_loaded_once(db):
    load_agency_directory()
    load_people()
    load_trials()
    load_credits()
    programme = Programme.objects.get()
    assert programme.priority_domains.count() == 4 and programme.rates.count() == 3
    assert programme.applications.filter(status="accepted").count() == 3
    assert programme.allocation_runs.count() == 1
    assert Statement.objects.get(programme=programme).applied_at is not None
    used = ledger.usage_account(programme).balance
    assert used > 0
    teams = programme.accounts.filter(kind="team")
    assert teams.count() == 3 and all(0 < t.balance <= programme.team_cap for t in teams)
    assert ledger.balances_agree(programme)
    counts = (LedgerEntry.objects.count(), Application.objects.count())
    assert load_credits() == "loaded before"
    assert (LedgerEntry.objects.count(), Application.objects.count()) == counts
