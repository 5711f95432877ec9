"""Trial pages: the register, a trial's public page with its KPIs, starting a trial, the funnel."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy
from django.views.decorators.http import require_POST

from livinglab.core import lists
from livinglab.core.access import allows, get_for_user
from livinglab.orgs.roles import roles_of
from livinglab.proposals.models import Proposal
from livinglab.tracking.models import Case
from livinglab.trials import register, services
from livinglab.trials.forms import (
    KpiForm,
    MeasurementForm,
    MeasurementUploadForm,
    MilestoneForm,
    StartTrialForm,
    StatusForm,
)
from livinglab.trials.funnel import build_funnel
from livinglab.trials.measurement_csv import CsvRejected, plain
from livinglab.trials.models import Measurement, Milestone, Trial, TrialKpi

PAGE_SIZE = 50


def _trials(user):
    return Trial.objects.visible_to(user).select_related(
        "proposal__organisation", "agency", "body", "site"
    )


# The register page's columns, each sortable by its header.
COLUMNS = (
    lists.Column("trial", gettext_lazy("Trial"), ("title",), width=40),
    lists.Column(
        "proposer", gettext_lazy("Proposed by"), ("proposal__organisation__name",), width=24
    ),
    lists.Column(
        "agency", pgettext_lazy("trial", "Sponsoring agency"), ("agency__name",), width=24
    ),
    lists.Column("site", gettext_lazy("Field site"), ("site__name",), width=24),
    lists.Column("period", gettext_lazy("Period"), ("starts_on", "ends_on"), width=24),
    lists.Column("status", gettext_lazy("Status"), ("status",), width=12),
)
DEFAULT_ORDER = ("-starts_on", "-pk")


def _filtered_trials(request):
    """The trials the user may see, as the query string filters them, and their order."""
    trials = _trials(request.user)
    status = request.GET.get("status", "")
    if status in Trial.Status.values:
        trials = trials.filter(status=status)
    sorting = lists.Sorting(COLUMNS, request.GET)
    return status, trials.order_by(*sorting.ordering(*DEFAULT_ORDER, model=Trial)), sorting


def trial_list(request):
    status, trials, sorting = _filtered_trials(request)
    roles = roles_of(request.user)
    context = {
        **lists.list_context(request, trials, sorting, "trials:list_file", per_page=PAGE_SIZE),
        "status": status,
        "statuses": Trial.Status.choices,
        "formats": register.FORMATS,
        "can_start": roles.is_admin or bool(roles.secretariat_body_ids),
    }
    return render(request, "trials/list.html", context)


def trial_list_file(request, fmt: str):
    """The trials as filtered and sorted on the page, as a spreadsheet (the register,
    `register_file`, is every trial with its outcome and KPIs)."""
    return lists.list_file(
        fmt,
        lambda: _filtered_trials(request)[1],
        lambda trial: [
            trial.title,
            trial.proposal.organisation.name,
            trial.agency.name,
            trial.site.name,
            f"{trial.starts_on.isoformat()} – {trial.ends_on.isoformat()}",
            trial.get_status_display(),
        ],
        title=pgettext("trial", "Trials"),
        columns=COLUMNS,
        fallback="trials",
    )


def register_file(request, fmt: str):
    if fmt not in register.FORMATS:
        raise Http404
    data = register.export(_trials(request.user).order_by("-starts_on", "-pk"), fmt)
    response = HttpResponse(data, content_type=register.CONTENT_TYPES[fmt])
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="trials-{stamp}.{fmt}"'
    return response


def _kpis(trial: Trial) -> list[TrialKpi]:
    values = Measurement.objects.select_related("entered_by").order_by("on", "pk")
    kpis = list(
        trial.kpis.select_related("definition__catalogue").prefetch_related(
            Prefetch("measurements", queryset=values, to_attr="values")
        )
    )
    for kpi in kpis:
        kpi.latest = kpi.values[-1] if kpi.values else None
        kpi.met = kpi.is_met(kpi.latest.value if kpi.latest else None)
    return kpis


def trial_detail(request, pk: int):
    trial = get_for_user(_trials(request.user).select_related("case", "booking"), request.user, pk)
    return render(request, "trials/detail.html", _detail_context(request, trial))


def _detail_context(request, trial: Trial, **forms) -> dict:
    user = request.user
    can_manage = allows(user, "change_status", trial)
    can_report = allows(user, "report", trial) and trial.kpis.exists()
    context = {
        "trial": trial,
        "kpis": _kpis(trial),
        "milestones": list(trial.milestones.all()),
        "today": timezone.localdate(),
        "can_manage": can_manage,
        "can_report": can_report,
        "can_complete": allows(user, "complete_milestone", trial),
        "case_visible": Case.objects.visible_to(user).filter(pk=trial.case_id).exists(),
        "next_statuses": [
            (value, label) for value, label in Trial.Status.choices if trial.can_become(value)
        ],
    }
    if can_manage:
        context["status_form"] = forms.get("status_form") or StatusForm()
        context["kpi_form"] = forms.get("kpi_form") or KpiForm()
        context["milestone_form"] = forms.get("milestone_form") or MilestoneForm()
    if can_report:
        context["measurement_form"] = forms.get("measurement_form") or MeasurementForm(
            trial=trial, initial={"on": timezone.localdate()}
        )
        context["upload_form"] = forms.get("upload_form") or MeasurementUploadForm()
    context["upload_errors"] = forms.get("upload_errors", [])
    return context


def _managed(request, pk: int, action: str) -> Trial:
    trial = get_for_user(_trials(request.user).select_related("case"), request.user, pk)
    if not allows(request.user, action, trial):
        raise PermissionDenied
    return trial


def _again(request, trial: Trial, **forms):
    return render(
        request, "trials/detail.html", _detail_context(request, trial, **forms), status=400
    )


def _change(request, pk: int, action: str, form_class, form_name: str, write, done: str):
    """A change to the trial from one of its page's forms (status, a KPI, a milestone):
    `write(trial, cleaned_data)` through the service; a refusal goes back to the form."""
    trial = _managed(request, pk, action)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            write(trial, form.cleaned_data)
        except services.TrialRefused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, done)
            return redirect(trial)
    return _again(request, trial, **{form_name: form})


@login_required
@require_POST
def change_status(request, pk: int):
    def write(trial, data):
        services.change_status(
            request.user,
            trial,
            data["status"],
            outcome=data["outcome"],
            outcome_note=data["outcome_note"],
            lessons=data["lessons"],
        )

    done = _("The trial's status was changed.")
    return _change(request, pk, "change_status", StatusForm, "status_form", write, done)


@login_required
@require_POST
def add_kpi(request, pk: int):
    def write(trial, data):
        services.add_kpi(request.user, trial, services.NewKpi(**data))

    return _change(request, pk, "set_kpis", KpiForm, "kpi_form", write, _("KPI added."))


@login_required
@require_POST
def add_milestone(request, pk: int):
    def write(trial, data):
        services.add_milestone(request.user, trial, **data)

    done = _("Milestone added.")
    return _change(request, pk, "set_milestones", MilestoneForm, "milestone_form", write, done)


@login_required
@require_POST
def complete_milestone(request, pk: int, milestone: int):
    trial = _managed(request, pk, "complete_milestone")
    found = get_object_or_404(Milestone, trial=trial, pk=milestone)
    services.complete_milestone(request.user, found)
    messages.success(request, _("Milestone marked done."))
    return redirect(trial)


@login_required
@require_POST
def add_measurement(request, pk: int):
    trial = _managed(request, pk, "report")
    form = MeasurementForm(request.POST, trial=trial)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.record_measurement(
                request.user, data["kpi"], data["on"], data["value"], data["note"]
            )
        except services.TrialRefused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("%(kpi)s on %(date)s: %(value)s recorded.")
                % {
                    "kpi": data["kpi"].definition.name,
                    "date": data["on"].isoformat(),
                    "value": plain(data["value"]),
                },
            )
            return redirect(trial)
    return _again(request, trial, measurement_form=form)


@login_required
@require_POST
def upload_measurements(request, pk: int):
    trial = _managed(request, pk, "report")
    form = MeasurementUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            result = services.import_measurements(
                request.user, trial, form.cleaned_data["file"].read()
            )
        except CsvRejected as exc:
            return _again(request, trial, upload_form=form, upload_errors=exc.errors)
        messages.success(
            request,
            _("%(created)s values added, %(updated)s corrected, %(unchanged)s already there.")
            % {"created": result.created, "updated": result.updated, "unchanged": result.unchanged},
        )
        return redirect(trial)
    return _again(request, trial, upload_form=form)


# --- Starting a trial --------------------------------------------------------------------


def _may_start(user) -> None:
    roles = roles_of(user)
    if not (roles.is_admin or roles.secretariat_body_ids):
        raise PermissionDenied


def _startable(user):
    """Accepted proposals of the user's bodies' calls that are not trials yet."""
    roles = roles_of(user)
    proposals = Proposal.objects.visible_to(user).filter(
        status=Proposal.Status.ACCEPTED, trial__isnull=True
    )
    if not roles.is_admin:
        proposals = proposals.filter(call__body_id__in=roles.secretariat_body_ids)
    return proposals.select_related("organisation", "call").order_by("-pk")


@login_required
def candidates(request):
    _may_start(request.user)
    return render(request, "trials/candidates.html", {"proposals": _startable(request.user)})


@login_required
def start(request, proposal: int):
    _may_start(request.user)
    found = get_object_or_404(_startable(request.user), pk=proposal)
    initial = {
        "title": found.title,
        "summary": getattr(found, "summary", ""),
        "body": found.call.body_id,
        "agency": getattr(getattr(found, "need", None), "agency_id", None),
    }
    form = StartTrialForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        new = services.NewTrial(proposal=found, **data)
        try:
            trial = services.start_trial(request.user, new)
        except services.TrialRefused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Trial started; it is now a tracked case of its body."))
            return redirect(trial)
    status = 400 if request.method == "POST" else 200
    return render(request, "trials/start.html", {"proposal": found, "form": form}, status=status)


def funnel(request):
    return render(request, "trials/funnel.html", {"funnel": build_funnel(request.user)})
