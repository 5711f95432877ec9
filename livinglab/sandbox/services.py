"""What people do in the regulatory sandbox: file an application, consent or refuse,
grant the permit, suspend, reinstate or revoke it, report incidents, meet conditions.

Every function checks permission first (`livinglab.core.access.require`), checks the
state it needs (refusing with `SandboxRefused` and a reason), and changes the rows in
one transaction with the events on the application's tracked case, so that the case's
history, the application and the permit never disagree. Notifications are written in
that transaction too (a refused change leaves none).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from livinglab.core.access import require
from livinglab.core.roc import official_date
from livinglab.orgs.models import Membership
from livinglab.sandbox.models import (
    Application,
    Attachment,
    Condition,
    Consent,
    Incident,
    Permit,
    PermitChange,
)
from livinglab.sandbox.policies import may_apply
from livinglab.tracking.models import Case, CaseAgency, CaseEvent, DecisionAgency
from livinglab.tracking.services import lifecycle
from livinglab.work.attachments import AttachmentRejected, sniff
from livinglab.work.models import Notification
from livinglab.work.notifications import notify, secretaries_of

MAX_ATTACHMENTS = 10
MAX_TEXT = 8000
MAX_AGENCIES = 12


class SandboxRefused(Exception):
    """A change that cannot be made, with a message for the person who asked."""


# --- Filing ---------------------------------------------------------------------------


@dataclass
class NewApplication:
    trial: object
    site: object
    rules: str
    starts_on: dt.date
    ends_on: dt.date
    safety_plan: str
    insurance: str
    agencies: list = field(default_factory=list)
    files: list = field(default_factory=list)


def file_application(user, new: NewApplication) -> Application:
    """The trial's team asks for the rules to be relaxed; each agency named is asked for
    its consent, and the trial's body follows the application as a tracked case."""
    if not may_apply(user, new.trial):
        raise PermissionDenied(f"apply for trial {new.trial.pk} is not allowed")
    _check_new(new)
    checked = _check_files(new.files, already=0)
    with transaction.atomic():
        application = _create(user, new)
        _save_files(user, application, checked)
    return application


def _check_new(new: NewApplication) -> None:
    if new.trial.has_ended:
        raise SandboxRefused(_("The trial has ended; it needs no sandbox permit."))
    for label, text in (
        (_("rules to relax"), new.rules),
        (_("safety plan"), new.safety_plan),
        (_("insurance"), new.insurance),
    ):
        if not text.strip():
            raise SandboxRefused(_("Say what the %(field)s is.") % {"field": label})
        if len(text) > MAX_TEXT:
            raise SandboxRefused(
                _("The %(field)s is longer than %(count)s characters.")
                % {"field": label, "count": MAX_TEXT}
            )
    if new.ends_on < new.starts_on:
        raise SandboxRefused(_("The period cannot end before it starts."))
    if new.ends_on < timezone.localdate():
        raise SandboxRefused(_("The period has already ended."))
    agencies = {a.pk: a for a in new.agencies}
    if not agencies:
        raise SandboxRefused(_("Name at least one agency whose consent is required."))
    if len(agencies) > MAX_AGENCIES:
        raise SandboxRefused(_("Name at most %(count)s agencies.") % {"count": MAX_AGENCIES})
    if any(a.kind not in ("agency", "unit", "city") for a in agencies.values()):
        raise SandboxRefused(_("Consent is asked of government agencies only."))


def _create(user, new: NewApplication) -> Application:
    trial = new.trial
    with translation.override(settings.LANGUAGE_CODE):
        # A trial's later applications are told apart in the registry and tables.
        earlier = Application.objects.filter(trial=trial).count()
        if earlier:
            title = _("Sandbox: %(trial)s (application %(n)s)") % {
                "trial": trial.title,
                "n": earlier + 1,
            }
        else:
            title = _("Sandbox: %(trial)s") % {"trial": trial.title}
        title = title[:300]
        note = _(
            "Sandbox application at %(site)s, %(start)s to %(end)s; consent asked of %(agencies)s."
        ) % {
            "site": new.site.name,
            "start": official_date(new.starts_on),
            "end": official_date(new.ends_on),
            "agencies": "、".join(a.name for a in new.agencies),
        }
    case = Case.objects.create(body=trial.body, title=title, deadline=new.ends_on)
    CaseAgency.objects.create(case=case, organisation=trial.agency, role=DecisionAgency.Role.LEAD)
    CaseAgency.objects.bulk_create(
        CaseAgency(case=case, organisation=a, role=DecisionAgency.Role.SUPPORTING)
        for a in {a.pk: a for a in new.agencies}.values()
        if a.pk != trial.agency_id
    )
    application = Application.objects.create(
        trial=trial,
        body=trial.body,
        case=case,
        site=new.site,
        rules=new.rules.strip(),
        starts_on=new.starts_on,
        ends_on=new.ends_on,
        safety_plan=new.safety_plan.strip(),
        insurance=new.insurance.strip(),
        filed_by=user,
    )
    consents = Consent.objects.bulk_create(
        Consent(application=application, organisation=a)
        for a in {a.pk: a for a in new.agencies}.values()
    )
    payload = {"sandbox_application": application.pk}
    lifecycle.record(case, CaseEvent.Kind.TRACKED, actor=user, payload=payload, note=note)
    notify(
        officers_of([c.organisation_id for c in consents]),
        Notification.Kind.SANDBOX_CONSENT,
        trial.title,
        application.get_absolute_url(),
    )
    notify(
        secretaries_of(trial.body_id).exclude(pk=user.pk),
        Notification.Kind.SANDBOX_STATUS,
        trial.title,
        application.get_absolute_url(),
    )
    return application


def officers_of(org_ids):
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__role=Membership.Role.OFFICER,
            memberships__organisation_id__in=list(org_ids),
        )
        .distinct()
    )


def team_of(application: Application):
    proposal = application.trial.proposal
    return (
        get_user_model()
        .objects.filter(
            Q(pk=proposal.submitted_by_id)
            | Q(
                memberships__role=Membership.Role.PROPOSER,
                memberships__organisation_id=proposal.organisation_id,
            ),
            is_active=True,
        )
        .distinct()
    )


# --- Attachments ----------------------------------------------------------------------


def add_attachments(user, application: Application, files) -> list[Attachment]:
    require(user, "attach", application)
    with transaction.atomic():
        application = _locked(application)
        if not application.is_pending:
            raise SandboxRefused(_("Attachments are added while the application waits."))
        checked = _check_files(files, already=application.attachments.count())
        return _save_files(user, application, checked)


def _check_files(files, already: int) -> list[tuple[str, bytes, str]]:
    """Read and check every file by its content before anything is saved."""
    files = list(files)
    if already + len(files) > MAX_ATTACHMENTS:
        raise SandboxRefused(
            _("An application takes at most %(count)s attachments.") % {"count": MAX_ATTACHMENTS}
        )
    checked = []
    for file in files:
        data = file.read()
        try:
            checked.append((file.name, data, sniff(file.name, data)))
        except AttachmentRejected as exc:
            raise SandboxRefused(str(exc)) from None
    return checked


def _save_files(user, application: Application, checked) -> list[Attachment]:
    saved = []
    for name, data, content_type in checked:
        attachment = Attachment(
            application=application,
            filename=name[:255],
            content_type=content_type,
            size=len(data),
            uploaded_by=user,
        )
        attachment.file.save(storage_name(content_type), ContentFile(data), save=False)
        attachment.save()
        saved.append(attachment)
    return saved


def storage_name(content_type: str) -> str:
    from livinglab.work.attachments import storage_name as name

    return name(content_type)


def _locked(application: Application) -> Application:
    return (
        Application.objects.select_for_update()
        .select_related("trial__proposal")
        .get(pk=application.pk)
    )


def withdraw(user, application: Application, reason: str = "") -> Application:
    require(user, "withdraw", application)
    with transaction.atomic():
        application = _locked(application)
        if not application.is_pending:
            raise SandboxRefused(_("Only an application that waits can be withdrawn."))
        application.status = Application.Status.WITHDRAWN
        application.save(update_fields=["status"])
        with translation.override(settings.LANGUAGE_CODE):
            note = _("Sandbox application withdrawn.") + _suffix(reason)
        _event(application, CaseEvent.Kind.DELISTED, user, note, status="withdrawn")
        _tell_all(application, user)
    return application


# --- Consents -------------------------------------------------------------------------


@dataclass
class NewCondition:
    text: str
    due_on: dt.date | None = None


def consent(user, consent: Consent, conditions: list[NewCondition] = ()) -> Consent:
    """The agency consents, with its conditions (each optionally to be met by a date)."""
    require(user, "decide", consent)
    conditions = [c for c in conditions if c.text.strip()]
    for condition in conditions:
        if len(condition.text) > 500:
            raise SandboxRefused(_("A condition is at most 500 characters."))
    with transaction.atomic():
        consent = _decide(user, consent, Consent.Status.GIVEN, "")
        Condition.objects.bulk_create(
            Condition(consent=consent, text=c.text.strip(), due_on=c.due_on) for c in conditions
        )
        with translation.override(settings.LANGUAGE_CODE):
            note = _("%(agency)s consents.") % {"agency": consent.organisation.name}
            for c in conditions:
                note += "\n" + _condition_line(c)
        _event(consent.application, CaseEvent.Kind.NOTED, user, note, consent=consent.pk)
        if not consent.application.consents.exclude(status=Consent.Status.GIVEN).exists():
            notify(
                secretaries_of(consent.application.body_id),
                Notification.Kind.SANDBOX_STATUS,
                consent.application.trial.title,
                consent.application.get_absolute_url(),
            )
        notify(
            team_of(consent.application).exclude(pk=user.pk),
            Notification.Kind.SANDBOX_STATUS,
            consent.application.trial.title,
            consent.application.get_absolute_url(),
        )
    return consent


def refuse(user, consent: Consent, reason: str) -> Consent:
    """The agency refuses, with its reason; the application is refused with it."""
    require(user, "decide", consent)
    reason = reason.strip()
    if not reason:
        raise SandboxRefused(_("A refusal needs its reason."))
    with transaction.atomic():
        consent = _decide(user, consent, Consent.Status.REFUSED, reason)
        application = consent.application
        application.status = Application.Status.REFUSED
        application.save(update_fields=["status"])
        with translation.override(settings.LANGUAGE_CODE):
            note = _("%(agency)s refuses: %(reason)s") % {
                "agency": consent.organisation.name,
                "reason": reason,
            }
        _event(application, CaseEvent.Kind.DELISTED, user, note, consent=consent.pk)
        _tell_all(application, user)
    return consent


def _decide(user, consent: Consent, status: str, reason: str) -> Consent:
    application = _locked(consent.application)
    consent = Consent.objects.select_for_update().select_related("organisation").get(pk=consent.pk)
    if not application.is_pending:
        raise SandboxRefused(_("The application no longer waits for consents."))
    if consent.status != Consent.Status.PENDING:
        raise SandboxRefused(_("Your agency has already answered this application."))
    consent.application = application
    consent.status, consent.reason = status, reason
    consent.decided_by, consent.decided_at = user, timezone.now()
    consent.save()
    return consent


def _condition_line(condition) -> str:
    if condition.due_on:
        return _("Condition: %(text)s (by %(date)s)") % {
            "text": condition.text,
            "date": official_date(condition.due_on),
        }
    return _("Condition: %(text)s") % {"text": condition.text}


def missing_consents(application: Application) -> list[Consent]:
    return list(
        application.consents.exclude(status=Consent.Status.GIVEN).select_related("organisation")
    )


# --- The permit -----------------------------------------------------------------------


def grant_permit(
    user, application: Application, valid_from: dt.date | None = None, valid_until=None
) -> Permit:
    """The secretariat grants the permit once every consent is in; its number is the
    next of the year, and its validity lies within the period asked for."""
    require(user, "grant", application)
    valid_from = valid_from or application.starts_on
    valid_until = valid_until or application.ends_on
    if valid_until < valid_from:
        raise SandboxRefused(_("The period cannot end before it starts."))
    if valid_from < application.starts_on or valid_until > application.ends_on:
        raise SandboxRefused(_("A permit is valid only within the period asked for."))
    for attempt in range(5):
        try:
            with transaction.atomic():
                return _grant(user, application, valid_from, valid_until)
        except IntegrityError:  # another permit took the number meanwhile
            if attempt == 4:
                raise
    raise AssertionError("unreachable")


def _grant(user, application: Application, valid_from, valid_until) -> Permit:
    application = _locked(application)
    if not application.is_pending:
        raise SandboxRefused(_("The application no longer waits for a permit."))
    missing = missing_consents(application)
    if missing:
        raise SandboxRefused(
            _("Consent is still missing from %(agencies)s.")
            % {"agencies": "、".join(c.organisation.name for c in missing)}
        )
    year = timezone.localdate().year
    sequence = (Permit.objects.filter(year=year).aggregate(n=Max("sequence"))["n"] or 0) + 1
    permit = Permit.objects.create(
        application=application,
        number=f"SBX-{year}-{sequence:04d}",
        year=year,
        sequence=sequence,
        valid_from=valid_from,
        valid_until=valid_until,
    )
    application.status = Application.Status.GRANTED
    application.save(update_fields=["status"])
    PermitChange.objects.create(permit=permit, kind=PermitChange.Kind.GRANTED, by=user)
    with translation.override(settings.LANGUAGE_CODE):
        note = _("Sandbox permit %(number)s granted, valid %(start)s to %(end)s.") % {
            "number": permit.number,
            "start": official_date(valid_from),
            "end": official_date(valid_until),
        }
    _event(application, CaseEvent.Kind.NOTED, user, note, permit=permit.pk, status="active")
    case = application.case
    case.deadline = valid_until
    case.save(update_fields=["deadline", "updated_at"])
    _tell_all(application, user)
    return permit


# The event each change makes on the case: a revoked permit closes the case.
_CHANGE_EVENTS = {
    PermitChange.Kind.SUSPENDED: CaseEvent.Kind.NOTED,
    PermitChange.Kind.REINSTATED: CaseEvent.Kind.NOTED,
    PermitChange.Kind.REVOKED: CaseEvent.Kind.DELISTED,
}
_FROM = {
    PermitChange.Kind.SUSPENDED: (Permit.Status.ACTIVE,),
    PermitChange.Kind.REINSTATED: (Permit.Status.SUSPENDED,),
    PermitChange.Kind.REVOKED: (Permit.Status.ACTIVE, Permit.Status.SUSPENDED),
}
_TO = {
    PermitChange.Kind.SUSPENDED: Permit.Status.SUSPENDED,
    PermitChange.Kind.REINSTATED: Permit.Status.ACTIVE,
    PermitChange.Kind.REVOKED: Permit.Status.REVOKED,
}
_ACTIONS = {
    PermitChange.Kind.SUSPENDED: "suspend",
    PermitChange.Kind.REINSTATED: "reinstate",
    PermitChange.Kind.REVOKED: "revoke",
}


def suspend(user, permit: Permit, reason: str) -> Permit:
    return change_permit(user, permit, PermitChange.Kind.SUSPENDED, reason)


def reinstate(user, permit: Permit, reason: str) -> Permit:
    return change_permit(user, permit, PermitChange.Kind.REINSTATED, reason)


def revoke(user, permit: Permit, reason: str) -> Permit:
    return change_permit(user, permit, PermitChange.Kind.REVOKED, reason)


def change_permit(user, permit: Permit, kind: str, reason: str) -> Permit:
    """Suspend (from in force), reinstate (from suspended) or revoke, with a reason."""
    if kind not in _ACTIONS:
        raise SandboxRefused(_("Choose to suspend, reinstate or revoke."))
    require(user, _ACTIONS[kind], permit)
    reason = reason.strip()
    if not reason:
        raise SandboxRefused(_("Give the reason for this change."))
    if len(reason) > MAX_TEXT:
        raise SandboxRefused(_("The reason is too long."))
    with transaction.atomic():
        permit = (
            Permit.objects.select_for_update().select_related("application__case").get(pk=permit.pk)
        )
        if permit.status not in _FROM[kind]:
            raise SandboxRefused(
                _("A permit that is %(status)s cannot be %(change)s.")
                % {
                    "status": permit.get_status_display(),
                    "change": PermitChange.Kind(kind).label,
                }
            )
        if kind == PermitChange.Kind.REINSTATED and permit.has_expired():
            raise SandboxRefused(_("The permit has expired; it cannot be reinstated."))
        permit.status = _TO[kind]
        permit.save(update_fields=["status"])
        PermitChange.objects.create(permit=permit, kind=kind, reason=reason, by=user)
        with translation.override(settings.LANGUAGE_CODE):
            note = _("Sandbox permit %(number)s %(change)s: %(reason)s") % {
                "number": permit.number,
                "change": PermitChange.Kind(kind).label,
                "reason": reason,
            }
        application = permit.application
        _event(
            application, _CHANGE_EVENTS[kind], user, note, permit=permit.pk, status=permit.status
        )
        _tell_all(application, user)
    return permit


# --- Incidents and conditions ---------------------------------------------------------


@dataclass
class NewIncident:
    occurred_at: dt.datetime
    description: str
    severity: str
    measures: str


def report_incident(user, permit: Permit, new: NewIncident) -> Incident:
    """The team reports an incident; a serious one tells the consenting agencies' officers
    and the secretariat at once (they may then suspend the permit)."""
    require(user, "report_incident", permit)
    if new.severity not in Incident.Severity.values:
        raise SandboxRefused(_("Choose the incident's severity."))
    if not new.description.strip() or not new.measures.strip():
        raise SandboxRefused(_("Say what happened and what measures were taken."))
    if len(new.description) > MAX_TEXT or len(new.measures) > MAX_TEXT:
        raise SandboxRefused(_("The report is too long."))
    if timezone.is_naive(new.occurred_at):
        new.occurred_at = timezone.make_aware(new.occurred_at)
    if new.occurred_at > timezone.now():
        raise SandboxRefused(_("An incident cannot happen in the future."))
    if permit.status == Permit.Status.REVOKED:
        raise SandboxRefused(_("The permit was revoked; the trial runs no more under it."))
    with transaction.atomic():
        incident = Incident.objects.create(
            permit=permit,
            occurred_at=new.occurred_at,
            description=new.description.strip(),
            severity=new.severity,
            measures=new.measures.strip(),
            reported_by=user,
        )
        if incident.is_serious:
            _alarm(permit, incident, user)
    return incident


def _alarm(permit: Permit, incident: Incident, user) -> None:
    application = permit.application
    consenting = application.consents.filter(status=Consent.Status.GIVEN)
    people = officers_of(consenting.values_list("organisation_id", flat=True))
    people = people | secretaries_of(application.body_id)
    notify(
        list(people.exclude(pk=user.pk).distinct()),
        Notification.Kind.SANDBOX_INCIDENT,
        permit.number,
        permit.get_absolute_url(),
    )
    with translation.override(settings.LANGUAGE_CODE):
        note = _("Serious incident under permit %(number)s: %(what)s") % {
            "number": permit.number,
            "what": incident.description[:500],
        }
    _event(application, CaseEvent.Kind.NOTED, user, note, incident=incident.pk)


def meet_condition(user, condition: Condition, met_on: dt.date | None = None) -> Condition:
    require(user, "meet", condition)
    met_on = met_on or timezone.localdate()
    if met_on > timezone.localdate():
        raise SandboxRefused(_("A condition cannot be met in the future."))
    if condition.met_on is not None:
        raise SandboxRefused(_("This condition is already met."))
    condition.met_on, condition.met_by = met_on, user
    condition.save(update_fields=["met_on", "met_by"])
    return condition


# --- The case and the people concerned ------------------------------------------------


def _suffix(reason: str) -> str:
    reason = reason.strip()
    return f" {reason}" if reason else ""


def _event(application: Application, kind: str, user, note: str, **payload) -> None:
    payload = {"sandbox_application": application.pk, **payload}
    lifecycle.record(application.case, kind, actor=user, payload=payload, note=note)


def _tell_all(application: Application, actor) -> None:
    """The team, the asked agencies' officers and the body's secretariat hear of it."""
    people = (
        team_of(application)
        | officers_of(application.consents.values_list("organisation_id", flat=True))
        | secretaries_of(application.body_id)
    )
    notify(
        list(people.exclude(pk=getattr(actor, "pk", None)).distinct()),
        Notification.Kind.SANDBOX_STATUS,
        application.trial.title,
        application.get_absolute_url(),
    )
