"""The demo's three trials load on top of the demo accounts, and loading twice changes nothing."""

import os

from django.utils import timezone

from livinglab.demo.people import load_people
from livinglab.demo.trials import load_trials
from livinglab.orgs.services import load_agency_directory
from livinglab.tracking.models import Case
from livinglab.trials.models import Measurement, Trial


def test_three_trials_one_of_each_ending_with_kpi_series(db):
    load_agency_directory()
    load_people()
    load_trials()
    statuses = dict(Trial.objects.values_list("title", "status"))
    assert sorted(statuses.values()) == ["adopted", "closed", "running"]
    adopted = Trial.objects.get(status="adopted")
    closed = Trial.objects.get(status="closed")
    assert adopted.outcome == "procurement" and adopted.outcome_note
    assert closed.lessons
    for trial in Trial.objects.all():
        assert trial.kpis.count() == 2
        assert Measurement.objects.filter(trial_kpi__trial=trial).count() >= 6
        assert trial.case.body.name == "臺北市智慧城市推動委員會"
    running = Trial.objects.get(status="running")
    assert running.case.state == Case.State.TRACKED
    call = running.proposal.call  # opened and closed in office hours, as the office's calls do
    opens, closes = timezone.localtime(call.opens_at), timezone.localtime(call.closes_at)
    assert (opens.hour, opens.minute, closes.hour, closes.minute) == (9, 0, 17, 0)
    assert running.proposal.organisation.memberships.filter(user__username="proposer").exists()


def test_loading_twice_changes_nothing(db):
    load_agency_directory()
    load_people()
    load_trials()
    counts = (Trial.objects.count(), Measurement.objects.count(), Case.objects.count())
    load_trials()
    assert (Trial.objects.count(), Measurement.objects.count(), Case.objects.count()) == counts


def test_load_demo_loads_the_trials_after_the_pipeline_and_sites(db):
    from django.core.management import call_command

    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: PTH123, SIM115
    assert Trial.objects.count() == 3
    adopted = Trial.objects.get(status="adopted")
    assert adopted.site.name == "內湖科技園區智慧園區場域"
    assert adopted.site.capabilities.exists()  # the sites demo's own site, not a stand-in
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: PTH123, SIM115
    assert Trial.objects.count() == 3
