"""The trials API: trials, their KPIs and measurements, under the same rules as the pages.

Reading follows `Trial.objects.visible_to` (running and ended trials are public); the
proposer posts KPI values; the body's secretariat changes a trial's status.
"""

import datetime as dt
from decimal import Decimal

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from livinglab.core.access import get_for_user, require
from livinglab.core.api_auth import optional_user, require_user
from livinglab.core.api_types import BoundedLimitOffsetPagination, Id
from livinglab.trials import services
from livinglab.trials.models import Measurement, Trial, TrialKpi

router = Router(tags=["trials"])


class Message(Schema):
    detail: str


class Ref(Schema):
    id: int
    name: str


class KpiOut(Schema):
    id: int
    definition_id: int
    name: str
    unit: str
    direction: str
    description: str
    baseline: Decimal | None
    target: Decimal | None
    latest: Decimal | None = Field(None, description="The most recent measured value")
    latest_on: dt.date | None


class MilestoneOut(Schema):
    title: str
    due_on: dt.date
    done_on: dt.date | None


class TrialOut(Schema):
    id: int
    title: str
    status: Trial.Status
    proposal_id: int
    proposed_by: Ref
    agency: Ref
    body: Ref
    site: Ref
    case_id: int
    starts_on: dt.date
    ends_on: dt.date
    outcome: str
    outcome_note: str
    lessons: str
    ended_on: dt.date | None

    @staticmethod
    def resolve_proposed_by(trial: Trial) -> dict:
        return _ref(trial.proposal.organisation)

    @staticmethod
    def resolve_agency(trial: Trial) -> dict:
        return _ref(trial.agency)

    @staticmethod
    def resolve_body(trial: Trial) -> dict:
        return _ref(trial.body)

    @staticmethod
    def resolve_site(trial: Trial) -> dict:
        return _ref(trial.site)


def _ref(obj) -> dict:
    return {"id": obj.pk, "name": obj.name}


class TrialDetailOut(TrialOut):
    summary: str
    kpis: list[KpiOut] = Field(..., alias="kpi_rows")
    milestones: list[MilestoneOut]

    @staticmethod
    def resolve_milestones(trial: Trial) -> list:
        return list(trial.milestones.all())


class TrialFilter(Schema):
    status: Trial.Status | None = None
    body: Id | None = None
    agency: Id | None = Field(None, description="Id of the sponsoring agency")


class MeasurementOut(Schema):
    on: dt.date
    value: Decimal
    note: str
    source: str
    entered_by: str | None
    entered_at: dt.datetime


class MeasurementIn(Schema):
    on: dt.date
    value: Decimal = Field(..., max_digits=14, decimal_places=4)
    note: str = Field("", max_length=300)


class RecordedOut(Schema):
    created: int
    updated: int
    unchanged: int


class StatusIn(Schema):
    status: Trial.Status
    outcome: Trial.Outcome | None = None
    outcome_note: str = Field("", max_length=4000)
    lessons: str = Field("", max_length=8000)


def _trials(user):
    return Trial.objects.visible_to(user).select_related(
        "proposal__organisation", "agency", "body", "site"
    )


def _kpi_out(kpi: TrialKpi) -> dict:
    latest = kpi.latest[0] if kpi.latest else None
    definition = kpi.definition
    return {
        "id": kpi.pk,
        "definition_id": definition.pk,
        "name": definition.name,
        "unit": definition.unit,
        "direction": definition.direction,
        "description": definition.description,
        "baseline": kpi.baseline,
        "target": kpi.target,
        "latest": latest.value if latest else None,
        "latest_on": latest.on if latest else None,
    }


def _kpis(trial: Trial):
    latest = Measurement.objects.order_by("-on")
    return trial.kpis.select_related("definition").prefetch_related(
        Prefetch("measurements", queryset=latest, to_attr="latest")
    )


@router.get("/trials", response=list[TrialOut], auth=optional_user)
@paginate(BoundedLimitOffsetPagination)
def list_trials(request, filters: Query[TrialFilter]):
    """Trials the caller may see, newest first."""
    trials = _trials(request.auth).order_by("-starts_on", "-pk")
    if filters.status:
        trials = trials.filter(status=filters.status)
    if filters.body:
        trials = trials.filter(body_id=filters.body)
    if filters.agency:
        trials = trials.filter(agency_id=filters.agency)
    return trials


@router.get("/trials/{trial_id}", response=TrialDetailOut, auth=optional_user)
def get_trial(request, trial_id: Id):
    trial = get_for_user(_trials(request.auth), request.auth, trial_id)
    trial.kpi_rows = [_kpi_out(kpi) for kpi in _kpis(trial)]
    return trial


@router.get("/trials/{trial_id}/kpis", response=list[KpiOut], auth=optional_user)
def list_kpis(request, trial_id: Id):
    trial = get_for_user(Trial.objects, request.auth, trial_id)
    return [_kpi_out(kpi) for kpi in _kpis(trial)]


def _kpi(request, trial_id: Id, kpi_id: Id) -> TrialKpi:
    trial = get_for_user(Trial.objects.select_related("proposal"), request.auth, trial_id)
    return get_object_or_404(trial.kpis.select_related("definition"), pk=kpi_id)


@router.get(
    "/trials/{trial_id}/kpis/{kpi_id}/measurements",
    response=list[MeasurementOut],
    auth=optional_user,
)
@paginate(BoundedLimitOffsetPagination)
def list_measurements(request, trial_id: Id, kpi_id: Id):
    """A KPI's values, oldest first."""
    kpi = _kpi(request, trial_id, kpi_id)
    values = kpi.measurements.select_related("entered_by").order_by("on")
    return [
        {
            "on": m.on,
            "value": m.value,
            "note": m.note,
            "source": m.source,
            "entered_by": m.entered_by.username if m.entered_by else None,
            "entered_at": m.entered_at,
        }
        for m in values
    ]


@router.post(
    "/trials/{trial_id}/kpis/{kpi_id}/measurements",
    response={201: RecordedOut, 400: Message},
    auth=require_user,
)
def post_measurement(request, trial_id: Id, kpi_id: Id, payload: MeasurementIn):
    """The proposer records a value (a second value on the same day corrects the first)."""
    kpi = _kpi(request, trial_id, kpi_id)
    require(request.auth, "report", kpi)
    try:
        result = services.record_measurement(
            request.auth,
            kpi,
            payload.on,
            payload.value,
            payload.note,
            source=Measurement.Source.API,
        )
    except services.TrialRefused as exc:
        return Status(400, {"detail": str(exc)})
    return Status(201, vars(result))


@router.post("/trials/{trial_id}/status", response={200: TrialOut, 400: Message}, auth=require_user)
def change_status(request, trial_id: Id, payload: StatusIn):
    """The body's secretariat moves the trial on: running, then adopted or closed."""
    trial = get_for_user(_trials(request.auth), request.auth, trial_id, "change_status")
    try:
        services.change_status(
            request.auth,
            trial,
            payload.status,
            outcome=payload.outcome or "",
            outcome_note=payload.outcome_note,
            lessons=payload.lessons,
        )
    except services.TrialRefused as exc:
        return Status(400, {"detail": str(exc)})
    return trial
