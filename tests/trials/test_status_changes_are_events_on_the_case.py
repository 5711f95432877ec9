"""planned → running → adopted / closed: each change an event on the trial's case and a
notification; the endings are public with their outcome and lessons."""

import pytest
from django.core.exceptions import PermissionDenied

from livinglab.tracking.models import Case, CaseEvent
from livinglab.trials.models import Trial
from livinglab.trials.services import TrialRefused, change_status
from livinglab.work.models import Notification


def _kinds(trial):
    return list(trial.case.events.order_by("pk").values_list("kind", flat=True))


def test_running_is_noted_on_the_case_and_the_case_stays_tracked(world, trial):
    change_status(world.secretary, trial, "running")
    trial.refresh_from_db()
    assert trial.status == Trial.Status.RUNNING
    assert _kinds(trial) == [CaseEvent.Kind.TRACKED, CaseEvent.Kind.NOTED]
    assert trial.case.state == Case.State.TRACKED
    event = trial.case.events.last()
    assert event.payload["trial_status"] == "running" and event.actor == world.secretary


def test_adopted_trial_turns_its_case_into_regular_work(world, trial):
    change_status(world.secretary, trial, "running")
    change_status(
        world.secretary, trial, "adopted", outcome="procurement", outcome_note="納入明年度採購"
    )
    trial.refresh_from_db()
    trial.case.refresh_from_db()
    assert (trial.status, trial.outcome, trial.outcome_note) == (
        "adopted",
        "procurement",
        "納入明年度採購",
    )
    assert trial.ended_on is not None
    assert trial.case.state == Case.State.CLOSED
    assert trial.case.closure == Case.Closure.REGULAR
    assert "納入明年度採購" in trial.case.events.last().note


def test_closed_trial_needs_lessons_and_is_delisted(world, trial):
    change_status(world.secretary, trial, "running")
    with pytest.raises(TrialRefused):
        change_status(world.secretary, trial, "closed", lessons="  ")
    change_status(world.secretary, trial, "closed", lessons="夜間感測器誤判率過高。")
    trial.refresh_from_db()
    trial.case.refresh_from_db()
    assert trial.lessons == "夜間感測器誤判率過高。"
    assert trial.case.closure == Case.Closure.DELISTED


def test_adoption_needs_an_outcome(world, trial):
    change_status(world.secretary, trial, "running")
    with pytest.raises(TrialRefused):
        change_status(world.secretary, trial, "adopted", outcome="")
    trial.refresh_from_db()
    assert trial.status == "running" and len(_kinds(trial)) == 2


@pytest.mark.parametrize(
    ("steps", "refused"),
    [((), "adopted"), (("running",), "planned"), (("running", "closed"), "running")],
)
def test_status_moves_only_forward(world, trial, steps, refused):
    for step in steps:
        change_status(world.secretary, trial, step, lessons="已記錄")
    events = trial.case.events.count()
    with pytest.raises(TrialRefused):
        change_status(world.secretary, trial, refused, outcome="export", lessons="x")
    assert trial.case.events.count() == events


def test_each_change_notifies_the_proposer(world, trial):
    Notification.objects.all().delete()
    change_status(world.secretary, trial, "running")
    note = Notification.objects.get(user=world.proposer)
    assert note.kind == Notification.Kind.TRIAL_STATUS
    assert note.url == trial.get_absolute_url()
    assert not Notification.objects.filter(user=world.secretary).exists()


@pytest.mark.parametrize("who", ["proposer", "officer", "reviewer", "other_officer"])
def test_only_the_secretariat_changes_the_status(world, trial, who):
    with pytest.raises(PermissionDenied):
        change_status(getattr(world, who), trial, "running")
    trial.refresh_from_db()
    assert trial.status == "planned"


def test_the_proposals_history_follows_the_trial(world, trial):
    change_status(world.secretary, trial, "running")
    kinds = list(trial.proposal.events.order_by("pk").values_list("kind", flat=True))
    assert kinds[-2:] == ["trial_started", "trial_status"]
    assert trial.proposal.events.last().payload["trial_status"] == "running"
