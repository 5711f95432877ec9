"""Who may do what with trials.

- The sponsoring body's secretariat (and admins) start trials, change their status and
  set their KPIs and milestones.
- The proposing organisation's proposers enter KPI values while the trial has not ended.
- Everyone sees what `Trial.objects.visible_to` lets them reach (running and ended
  trials are public).
"""

from livinglab.core.access import policy
from livinglab.orgs.roles import roles_of
from livinglab.trials.models import Measurement, Milestone, Trial, TrialKpi

MANAGE = {"manage", "change_status", "set_kpis", "set_milestones"}


def may_start_in(user, body) -> bool:
    """Whether `user` may start a trial that `body` sponsors (its secretariat, or an admin)."""
    roles = roles_of(user)
    return roles.is_admin or body.pk in roles.secretariat_body_ids


def manages(user, trial: Trial) -> bool:
    roles = roles_of(user)
    return roles.is_admin or trial.body_id in roles.secretariat_body_ids


def proposes(user, trial: Trial) -> bool:
    return trial.proposal.organisation_id in roles_of(user).proposer_org_ids


@policy(Trial)
def trial_policy(user, action: str, trial: Trial) -> bool:
    if action == "view":
        return True  # reaching the object already went through Trial.objects.visible_to
    if action == "report":  # enter KPI values
        return not trial.has_ended and (proposes(user, trial) or roles_of(user).is_admin)
    if action == "complete_milestone":
        return not trial.has_ended and (manages(user, trial) or proposes(user, trial))
    return action in MANAGE and manages(user, trial)


@policy(TrialKpi)
def trial_kpi_policy(user, action: str, kpi: TrialKpi) -> bool:
    return trial_policy(user, action, kpi.trial)


@policy(Milestone)
def milestone_policy(user, action: str, milestone: Milestone) -> bool:
    return trial_policy(user, action, milestone.trial)


@policy(Measurement)
def measurement_policy(user, action: str, measurement: Measurement) -> bool:
    return action == "view"
