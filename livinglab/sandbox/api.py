"""The sandbox API: permits in force for anyone; applications, consents, permits and
incidents for those they concern, with writes under the same policies as the pages."""

import datetime as dt
from typing import Literal

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from livinglab.core.access import get_for_user
from livinglab.core.api_auth import optional_user, require_user
from livinglab.core.api_types import Id
from livinglab.orgs.models import Organisation
from livinglab.sandbox import services
from livinglab.sandbox.models import Application, Consent, Incident, Permit
from livinglab.sites.models import FieldSite
from livinglab.trials.models import Trial

router = Router(tags=["sandbox"])
TEXT = services.MAX_TEXT


class Refused(Schema):
    detail: str


class PublicPermitOut(Schema):
    number: str
    trial_id: int
    trial: str
    team: str | None
    site: str | None
    valid_from: dt.date
    valid_until: dt.date


class ConditionOut(Schema):
    id: int
    text: str
    due_on: dt.date | None
    met_on: dt.date | None


class ConsentOut(Schema):
    id: int
    agency_id: int
    agency: str
    status: str
    reason: str
    decided_at: dt.datetime | None
    conditions: list[ConditionOut]

    @staticmethod
    def resolve_agency(obj):
        return obj.organisation.name

    @staticmethod
    def resolve_agency_id(obj):
        return obj.organisation_id

    @staticmethod
    def resolve_conditions(obj):
        return list(obj.conditions.all())


class PermitChangeOut(Schema):
    kind: str
    reason: str
    at: dt.datetime


class IncidentOut(Schema):
    id: int
    occurred_at: dt.datetime
    severity: str
    description: str
    measures: str


class PermitOut(Schema):
    id: int
    number: str
    application_id: int
    status: str
    valid_from: dt.date
    valid_until: dt.date
    granted_at: dt.datetime
    changes: list[PermitChangeOut]
    incidents: list[IncidentOut]

    @staticmethod
    def resolve_changes(obj):
        return list(obj.changes.all())

    @staticmethod
    def resolve_incidents(obj):
        return list(obj.incidents.all())


class ApplicationOut(Schema):
    id: int
    trial_id: int
    body_id: int
    case_id: int
    site_id: int
    status: str
    rules: str
    starts_on: dt.date
    ends_on: dt.date
    safety_plan: str
    insurance: str
    filed_at: dt.datetime
    consents: list[ConsentOut]
    permit_id: int | None

    @staticmethod
    def resolve_consents(obj):
        listed = getattr(obj, "listed_consents", None)  # read with the list (`_with_consents`)
        if listed is not None:
            return listed
        return list(_consents().filter(application=obj))

    @staticmethod
    def resolve_permit_id(obj):
        permit = getattr(obj, "permit", None)
        return permit.pk if permit else None


class ApplicationIn(Schema):
    trial_id: Id
    site_id: Id
    rules: str = Field(..., min_length=1, max_length=TEXT)
    starts_on: dt.date
    ends_on: dt.date
    safety_plan: str = Field(..., min_length=1, max_length=TEXT)
    insurance: str = Field(..., min_length=1, max_length=TEXT)
    agency_ids: list[Id] = Field(..., min_length=1, max_length=services.MAX_AGENCIES)


class ConditionIn(Schema):
    text: str = Field(..., min_length=1, max_length=500)
    due_on: dt.date | None = None


class DecisionIn(Schema):
    decision: Literal["consent", "refuse"]
    conditions: list[ConditionIn] = Field(default_factory=list, max_length=20)
    reason: str = Field("", max_length=TEXT)


class GrantIn(Schema):
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None


class ChangeIn(Schema):
    change: Literal["suspended", "reinstated", "revoked"]
    reason: str = Field(..., min_length=1, max_length=TEXT)


class IncidentIn(Schema):
    occurred_at: dt.datetime
    severity: Incident.Severity
    description: str = Field(..., min_length=1, max_length=TEXT)
    measures: str = Field(..., min_length=1, max_length=TEXT)


def _refused(exc):
    return Status(400, {"detail": str(exc)})


def _application(request, pk, action="view") -> Application:
    queryset = Application.objects.select_related("trial__proposal", "permit")
    return get_for_user(queryset, request.auth, pk, action)


def _permit(request, pk, action="view") -> Permit:
    queryset = Permit.objects.select_related("application__trial__proposal")
    return get_for_user(queryset, request.auth, pk, action)


@router.get("/sandbox/permits", response=list[PublicPermitOut], auth=optional_user)
def list_permits(request):
    """Permits in force of public bodies' public trials; no person is named."""
    permits = Permit.objects.public().select_related(
        "application__trial__proposal__organisation", "application__site"
    )
    rows = []
    for permit in permits.order_by("valid_until", "number"):
        application = permit.application
        team = application.trial.proposal.organisation
        rows.append(
            {
                "number": permit.number,
                "trial_id": application.trial_id,
                "trial": application.trial.title,
                "team": None if team.is_personal else team.name,
                "site": application.site.name if application.site.is_public else None,
                "valid_from": permit.valid_from,
                "valid_until": permit.valid_until,
            }
        )
    return rows


@router.get("/sandbox/permits/{permit_id}", response=PermitOut, auth=require_user)
def get_permit(request, permit_id: Id):
    return _permit(request, permit_id)


@router.get("/sandbox/applications", response=list[ApplicationOut], auth=require_user)
def list_applications(request):
    """The applications that concern the caller (the latest 200)."""
    queryset = Application.objects.visible_to(request.auth).select_related("permit")
    return list(_with_consents(queryset).order_by("-filed_at", "-pk")[:200])


def _consents():
    return Consent.objects.select_related("organisation").prefetch_related("conditions")


def _with_consents(applications):
    """Each application's consents, their agencies and conditions in three queries for
    all of them (ApplicationOut reads them from `listed_consents`)."""
    return applications.prefetch_related(
        Prefetch("consents", queryset=_consents(), to_attr="listed_consents")
    )


@router.get("/sandbox/applications/{application_id}", response=ApplicationOut, auth=require_user)
def get_application(request, application_id: Id):
    return _application(request, application_id)


@router.post(
    "/sandbox/applications", response={201: ApplicationOut, 400: Refused}, auth=require_user
)
def file_application(request, payload: ApplicationIn):
    """File for a trial of the caller's team: rules, site, period, safety plan, insurance
    and the agencies whose consent is required."""
    user = request.auth
    trial = get_for_user(Trial.objects.select_related("proposal", "site"), user, payload.trial_id)
    # The trial's own site, whoever may see it; another site as its visibility allows.
    if payload.site_id == trial.site_id:
        site = trial.site
    else:
        site = get_for_user(FieldSite.objects.all(), user, payload.site_id)
    agencies = list(Organisation.objects.filter(pk__in=payload.agency_ids))
    if len(agencies) != len(set(payload.agency_ids)):
        return Status(400, {"detail": _("One of the agencies is unknown.")})
    new = services.NewApplication(
        trial=trial,
        site=site,
        rules=payload.rules,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        safety_plan=payload.safety_plan,
        insurance=payload.insurance,
        agencies=agencies,
    )
    try:
        application = services.file_application(user, new)
    except services.SandboxRefused as exc:
        return _refused(exc)
    return Status(201, _application(request, application.pk))


@router.post(
    "/sandbox/consents/{consent_id}",
    response={200: ApplicationOut, 400: Refused},
    auth=require_user,
)
def decide_consent(request, consent_id: Id, payload: DecisionIn):
    """The agency's officer consents (with conditions) or refuses (with a reason)."""
    consent = get_for_user(
        Consent.objects.select_related("application"), request.auth, consent_id, "decide"
    )
    try:
        if payload.decision == "consent":
            conditions = [services.NewCondition(c.text, c.due_on) for c in payload.conditions]
            services.consent(request.auth, consent, conditions)
        else:
            services.refuse(request.auth, consent, payload.reason)
    except services.SandboxRefused as exc:
        return _refused(exc)
    return _application(request, consent.application_id)


@router.post(
    "/sandbox/applications/{application_id}/permit",
    response={201: PermitOut, 400: Refused},
    auth=require_user,
)
def grant_permit(request, application_id: Id, payload: GrantIn):
    application = _application(request, application_id, "grant")
    try:
        permit = services.grant_permit(
            request.auth, application, payload.valid_from, payload.valid_until
        )
    except services.SandboxRefused as exc:
        return _refused(exc)
    return Status(201, permit)


@router.post(
    "/sandbox/permits/{permit_id}/changes",
    response={200: PermitOut, 400: Refused},
    auth=require_user,
)
def change_permit(request, permit_id: Id, payload: ChangeIn):
    """Suspend, reinstate or revoke, with a reason."""
    permit = _permit(request, permit_id)
    try:
        permit = services.change_permit(request.auth, permit, payload.change, payload.reason)
    except services.SandboxRefused as exc:
        return _refused(exc)
    return get_object_or_404(Permit, pk=permit.pk)


@router.post(
    "/sandbox/permits/{permit_id}/incidents",
    response={201: IncidentOut, 400: Refused},
    auth=require_user,
)
def report_incident(request, permit_id: Id, payload: IncidentIn):
    permit = _permit(request, permit_id, "report_incident")
    new = services.NewIncident(
        occurred_at=payload.occurred_at,
        description=payload.description,
        severity=payload.severity,
        measures=payload.measures,
    )
    try:
        incident = services.report_incident(request.auth, permit, new)
    except services.SandboxRefused as exc:
        return _refused(exc)
    return Status(201, incident)
