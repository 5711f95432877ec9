"""What people do with trials: start one, change its status, set its KPIs and report values.

Every function checks permission first (`livinglab.core.access.require`), opens its own
transaction, and leaves nothing behind when it refuses. A trial is a tracked case of its
sponsoring body: starting it creates the case through tracking's `lifecycle.record`, and
each status change is an event on that case, recorded in the same transaction as the new
status, so the trial and its case never disagree.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from livinglab.core.access import require
from livinglab.kpis.services import trial_values
from livinglab.orgs.models import Membership
from livinglab.proposals import services as proposals
from livinglab.proposals.models import Proposal
from livinglab.sites import services as sites
from livinglab.tracking.models import Case, CaseAgency, CaseEvent, DecisionAgency
from livinglab.tracking.services import lifecycle
from livinglab.trials import measurement_csv
from livinglab.trials.models import (
    Event,
    KpiDefinition,
    Measurement,
    Milestone,
    Trial,
    TrialKpi,
)
from livinglab.trials.policies import may_start_in
from livinglab.work.models import Notification
from livinglab.work.notifications import notify, secretaries_of


class TrialRefused(Exception):
    """A change that cannot be made, with a message for the person who asked."""


# --- Starting a trial ------------------------------------------------------------------


@dataclass
class NewTrial:
    proposal: object
    site: object
    agency: object
    body: object
    starts_on: dt.date
    ends_on: dt.date
    title: str = ""
    summary: str = ""
    milestones: list[tuple[str, dt.date]] = field(default_factory=list)


def start_trial(user, new: NewTrial) -> Trial:
    """The secretariat of the sponsoring body starts a trial of an accepted proposal.

    Books the site for the trial's period (refused when the site is full), creates the
    body's tracked case with its first event, and tells the proposer and the agency.
    """
    if not may_start_in(user, new.body):
        raise PermissionDenied(f"start a trial in body {new.body.pk} is not allowed")
    _check_new(new)
    title = (new.title or new.proposal.title).strip()[:300]
    try:
        with transaction.atomic():
            trial = _create(user, new, title)
    except IntegrityError:  # another request made this proposal a trial meanwhile
        raise TrialRefused(_("This proposal is already a trial.")) from None
    return trial


def _check_new(new: NewTrial) -> None:
    if new.proposal.status != Proposal.Status.ACCEPTED:
        raise TrialRefused(_("Only an accepted proposal can become a trial."))
    if Trial.objects.filter(proposal=new.proposal).exists():
        raise TrialRefused(_("This proposal is already a trial."))
    if new.ends_on < new.starts_on:
        raise TrialRefused(_("The trial cannot end before it starts."))
    for name, due_on in new.milestones:
        if not (new.starts_on <= due_on <= new.ends_on):
            raise TrialRefused(
                _("The milestone “%(name)s” is due outside the trial's period.") % {"name": name}
            )


def _create(user, new: NewTrial, title: str) -> Trial:
    case = Case.objects.create(body=new.body, title=title, deadline=new.ends_on)
    CaseAgency.objects.create(case=case, organisation=new.agency, role=DecisionAgency.Role.LEAD)
    trial = Trial.objects.create(
        proposal=new.proposal,
        site=new.site,
        agency=new.agency,
        body=new.body,
        case=case,
        title=title,
        summary=new.summary,
        starts_on=new.starts_on,
        ends_on=new.ends_on,
        started_by=user,
    )
    Milestone.objects.bulk_create(
        Milestone(trial=trial, title=name[:200], due_on=due_on) for name, due_on in new.milestones
    )
    try:
        trial.booking = sites.book(
            user, new.site, new.starts_on, new.ends_on, title[:200], f"trial:{trial.pk}"
        )
    except ValidationError as exc:
        raise TrialRefused(" ".join(exc.messages)) from None
    trial.save(update_fields=["booking"])
    with translation.override(settings.LANGUAGE_CODE):
        note = _("Trial of “%(proposal)s” at %(site)s, %(start)s to %(end)s.") % {
            "proposal": new.proposal.title,
            "site": new.site.name,
            "start": new.starts_on.isoformat(),
            "end": new.ends_on.isoformat(),
        }
    payload = {"trial": trial.pk, "trial_status": Trial.Status.PLANNED}
    lifecycle.record(case, CaseEvent.Kind.TRACKED, actor=user, payload=payload, note=note)
    proposals.record(new.proposal, Event.STARTED, user, reason=note, payload=payload)
    _tell(trial, user)
    return trial


# --- Status ----------------------------------------------------------------------------

# The event each new status makes on the trial's case: adopted work carries on as the
# agency's routine (regular exchange); a closed trial is delisted.
_CASE_EVENTS = {
    Trial.Status.RUNNING: CaseEvent.Kind.NOTED,
    Trial.Status.ADOPTED: CaseEvent.Kind.REGULAR,
    Trial.Status.CLOSED: CaseEvent.Kind.DELISTED,
}


def change_status(
    user, trial: Trial, status: str, *, outcome: str = "", outcome_note: str = "", lessons: str = ""
) -> Trial:
    """planned → running → adopted (with an outcome) or closed (with lessons learned)."""
    require(user, "change_status", trial)
    outcome_note, lessons = outcome_note.strip(), lessons.strip()
    if status not in Trial.Status.values or not trial.can_become(status):
        raise TrialRefused(
            _("A %(from)s trial cannot become %(to)s.")
            % {"from": trial.get_status_display(), "to": _status_label(status)}
        )
    if status == Trial.Status.ADOPTED and outcome not in Trial.Outcome.values:
        raise TrialRefused(_("Say how the trial is adopted: procurement, scale-up or export."))
    if status == Trial.Status.CLOSED and not lessons:
        raise TrialRefused(_("A closed trial needs its lessons learned."))
    with transaction.atomic():
        locked = Trial.objects.select_for_update().filter(pk=trial.pk)
        trial.status = locked.values_list("status", flat=True).get()
        if not trial.can_become(status):  # changed by someone else meanwhile
            raise TrialRefused(_("The trial's status has changed meanwhile; reload the page."))
        trial.status = status
        if status == Trial.Status.ADOPTED:
            trial.outcome, trial.outcome_note = outcome, outcome_note
        if status in (Trial.Status.ADOPTED, Trial.Status.CLOSED):
            trial.lessons, trial.ended_on = lessons, timezone.localdate()
        trial.save()
        _record_status(user, trial)
        _tell(trial, user)
        if status == Trial.Status.RUNNING:
            # Figures measured while it was planned now count in the catalogue.
            trial_values.count_trial(trial)
    return trial


def _status_label(status: str) -> str:
    try:
        return str(Trial.Status(status).label)
    except ValueError:
        return status


def _record_status(user, trial: Trial) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        note = _("Trial status: %(status)s.") % {"status": trial.get_status_display()}
        if trial.outcome:
            note += " " + str(trial.get_outcome_display())
        for text in (trial.outcome_note, trial.lessons):
            if text:
                note += "\n" + text
    payload = {"trial": trial.pk, "trial_status": trial.status, "outcome": trial.outcome}
    lifecycle.record(trial.case, _CASE_EVENTS[trial.status], actor=user, payload=payload, note=note)
    # The proposal's history tells the proposer how their trial goes on.
    proposals.record(trial.proposal, Event.STATUS, user, reason=note, payload=payload)


def _tell(trial: Trial, actor) -> None:
    """Notify the proposer's organisation, the agency's officers and the body's secretariat."""
    User = get_user_model()
    proposal = trial.proposal
    people = User.objects.filter(
        Q(pk=proposal.submitted_by_id)
        | Q(
            memberships__role=Membership.Role.PROPOSER,
            memberships__organisation_id=proposal.organisation_id,
        )
        | Q(
            memberships__role=Membership.Role.OFFICER,
            memberships__organisation_id=trial.agency_id,
        )
        | Q(pk__in=secretaries_of(trial.body_id).values("pk"))
    )
    people = people.exclude(pk=getattr(actor, "pk", None)).distinct()
    # The subject is the trial's title, as the notification kinds of the pipeline expect.
    notify(list(people), Notification.Kind.TRIAL_STATUS, trial.title, trial.get_absolute_url())


# --- KPIs and milestones ---------------------------------------------------------------


@dataclass
class NewKpi:
    name: str
    unit: str = ""
    direction: str = KpiDefinition.Direction.UP
    description: str = ""
    baseline: Decimal | None = None
    target: Decimal | None = None


def definition_for(user, name: str, unit: str, direction: str, description: str = ""):
    """The shared definition of a KPI named so (whatever the case), made when new."""
    name, unit = name.strip(), unit.strip()
    found = KpiDefinition.objects.filter(unit=unit).annotate(folded=Lower("name"))
    definition = found.filter(folded=name.lower()).first()
    if definition is None:
        definition = KpiDefinition.objects.create(
            name=name,
            unit=unit,
            direction=direction,
            description=description,
            created_by=user,
            catalogue=catalogue_definition(name),
        )
    return definition


def catalogue_definition(name: str):
    """The latest catalogue definition named so in Chinese or English, if any."""
    from django.db.models import Q

    from livinglab.kpis.models import Definition

    named = Q(name_zh__iexact=name) | Q(name_en__iexact=name)
    return Definition.objects.filter(named).order_by("-version").first()


def add_kpi(user, trial: Trial, new: NewKpi) -> TrialKpi:
    require(user, "set_kpis", trial)
    if not new.name.strip():
        raise TrialRefused(_("A KPI needs a name."))
    with transaction.atomic():
        definition = definition_for(user, new.name, new.unit, new.direction, new.description)
        if trial.kpis.filter(definition=definition).exists():
            raise TrialRefused(_("This trial already measures %(kpi)s.") % {"kpi": str(definition)})
        return TrialKpi.objects.create(
            trial=trial,
            definition=definition,
            baseline=new.baseline,
            target=new.target,
            order=trial.kpis.count(),
        )


def add_milestone(user, trial: Trial, title: str, due_on: dt.date) -> Milestone:
    require(user, "set_milestones", trial)
    if not (trial.starts_on <= due_on <= trial.ends_on):
        raise TrialRefused(
            _("The milestone “%(name)s” is due outside the trial's period.") % {"name": title}
        )
    return Milestone.objects.create(trial=trial, title=title.strip()[:200], due_on=due_on)


def complete_milestone(user, milestone: Milestone, done_on: dt.date | None = None) -> Milestone:
    require(user, "complete_milestone", milestone)
    done_on = done_on or timezone.localdate()
    if done_on > timezone.localdate():
        raise TrialRefused(_("A milestone cannot be done in the future."))
    milestone.done_on = done_on
    milestone.save(update_fields=["done_on"])
    return milestone


# --- Measurements ----------------------------------------------------------------------


@dataclass
class Recorded:
    """What entering or uploading values changed."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> int:
        return self.created + self.updated


def record_measurement(
    user,
    kpi: TrialKpi,
    on: dt.date,
    value: Decimal,
    note: str = "",
    source: str = Measurement.Source.MANUAL,
) -> Recorded:
    """The proposer enters one value; a second value for the same day corrects the first."""
    require(user, "report", kpi)
    if on > timezone.localdate():
        raise TrialRefused(_("A value cannot be measured in the future."))
    with transaction.atomic():
        return _save([(kpi, on, Decimal(value), note)], user, source)


def import_measurements(user, trial: Trial, data: bytes) -> Recorded:
    """Every line of a CSV upload, or none: `CsvRejected` names each bad line.

    Uploading the same file again changes nothing."""
    require(user, "report", trial)
    kpis = {str(k.definition.name): k for k in trial.kpis.select_related("definition")}
    rows = measurement_csv.parse(data, kpis, today=timezone.localdate())
    values = [(kpis[row.kpi], row.on, row.value, row.note) for row in rows]
    with transaction.atomic():
        return _save(values, user, Measurement.Source.CSV)


def _save(values, user, source: str) -> Recorded:
    result = Recorded()
    kpi_ids = {kpi.pk for kpi, *_rest in values}
    existing = {
        (m.trial_kpi_id, m.on): m
        for m in Measurement.objects.select_for_update().filter(
            trial_kpi_id__in=kpi_ids, on__in={on for _k, on, *_r in values}
        )
    }
    new, changed = [], []
    now = timezone.now()
    for kpi, on, value, note in values:
        current = existing.get((kpi.pk, on))
        if current is None:
            new.append(
                Measurement(
                    trial_kpi=kpi,
                    on=on,
                    value=value,
                    note=note,
                    source=source,
                    entered_by=user,
                    entered_at=now,
                )
            )
        elif current.value != value or current.note != note:
            current.value, current.note, current.source = value, note, source
            current.entered_by, current.entered_at = user, now
            changed.append(current)
        else:
            result.unchanged += 1
    Measurement.objects.bulk_create(new)
    Measurement.objects.bulk_update(
        changed, ["value", "note", "source", "entered_by", "entered_at"]
    )
    result.created, result.updated = len(new), len(changed)
    if result.changed:
        touched = {kpi.pk: kpi for kpi, *_rest in values}
        for kpi in touched.values():
            trial_values.count_trial_kpi(kpi)
    return result
