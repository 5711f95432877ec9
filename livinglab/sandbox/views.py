"""Sandbox pages: the public list of permits in force; a trial's application form; an
application with its consents (the agencies' queue and decision form); a permit with its
conditions, changes and incidents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from livinglab.core.access import allows, get_for_user
from livinglab.orgs.roles import roles_of
from livinglab.sandbox import services
from livinglab.sandbox.forms import (
    ApplicationForm,
    AttachForm,
    ConsentForm,
    GrantForm,
    IncidentForm,
    PermitChangeForm,
)
from livinglab.sandbox.models import Application, Attachment, Condition, Consent, Permit
from livinglab.sandbox.policies import may_apply
from livinglab.tracking.models import Case
from livinglab.trials.models import Trial


def public_list(request):
    """Permits in force and their sites, for anyone: no person's name, no private site."""
    permits = (
        Permit.objects.public()
        .select_related("application__trial__proposal__organisation", "application__site")
        .order_by("valid_until", "number")
    )
    return render(request, "sandbox/public.html", {"permits": permits})


@login_required
def mine(request):
    """The applications and permits that concern the signed-in person."""
    applications = (
        Application.objects.visible_to(request.user)
        .select_related("trial", "site", "permit")
        .order_by("-filed_at", "-pk")[:200]
    )
    roles = roles_of(request.user)
    own_trials = Trial.objects.filter(
        proposal__organisation_id__in=roles.proposer_org_ids,
        status__in=(Trial.Status.PLANNED, Trial.Status.RUNNING),
    ).order_by("title")
    context = {"applications": applications, "own_trials": own_trials}
    return render(request, "sandbox/mine.html", context)


@login_required
def queue(request):
    """The officer's queue: applications waiting for their agency's consent."""
    roles = roles_of(request.user)
    waiting = (
        Consent.objects.waiting_for(roles.officer_org_ids)
        .select_related("organisation", "application__trial", "application__site")
        .order_by("application__filed_at", "pk")
    )
    return render(request, "sandbox/queue.html", {"consents": waiting})


@login_required
def apply(request, trial_pk: int):
    trial = get_for_user(Trial.objects.select_related("proposal", "site"), request.user, trial_pk)
    if not may_apply(request.user, trial):
        raise PermissionDenied
    bound = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = ApplicationForm(*bound, user=request.user, trial=trial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        new = services.NewApplication(
            trial=trial,
            site=data["site"],
            rules=data["rules"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            safety_plan=data["safety_plan"],
            insurance=data["insurance"],
            agencies=list(data["agencies"]),
            files=data["attachments"],
        )
        try:
            application = services.file_application(request.user, new)
        except services.SandboxRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("The application was filed; the agencies are asked."))
            return redirect(application)
    status = 400 if form.errors else 200
    return render(request, "sandbox/apply.html", {"trial": trial, "form": form}, status=status)


def _application(request, pk, action="view"):
    queryset = Application.objects.select_related(
        "trial__proposal__organisation", "site", "body", "case"
    )
    return get_for_user(queryset, request.user, pk, action)


@login_required
def application_detail(request, pk: int):
    application = _application(request, pk)
    return render(request, "sandbox/application.html", _application_context(request, application))


def _application_context(request, application, **extra):
    user = request.user
    org_ids = roles_of(user).officer_org_ids
    consents = list(
        application.consents.select_related("organisation", "decided_by").prefetch_related(
            "conditions"
        )
    )
    permit = getattr(application, "permit", None)
    context = {
        "application": application,
        "consents": consents,
        "permit": permit,
        "attachments": application.attachments.all(),
        "mine": [c for c in consents if c.organisation_id in org_ids and c.status == "pending"],
        "can_attach": application.is_pending and allows(user, "attach", application),
        "can_withdraw": application.is_pending and allows(user, "withdraw", application),
        "can_grant": application.is_pending and allows(user, "grant", application),
        "missing": [c for c in consents if c.status != "given"],
        "attach_form": AttachForm(),
        "grant_form": GrantForm(
            initial={"valid_from": application.starts_on, "valid_until": application.ends_on}
        ),
        "case_visible": Case.objects.visible_to(user).filter(pk=application.case_id).exists(),
    }
    context.update(extra)
    return context


@login_required
@require_POST
def attach(request, pk: int):
    application = _application(request, pk, "attach")
    form = AttachForm(request.POST, request.FILES)
    error = None
    if form.is_valid():
        try:
            services.add_attachments(request.user, application, form.cleaned_data["attachments"])
        except services.SandboxRefused as refused:
            error = str(refused)
    else:
        error = " ".join(e for errors in form.errors.values() for e in errors)
    if error:
        context = _application_context(request, application, attach_form=form, error=error)
        return render(request, "sandbox/application.html", context, status=400)
    messages.success(request, _("Attachments added."))
    return redirect(application)


@login_required
def attachment(request, pk: int):
    item = get_for_user(Attachment.objects.select_related("application"), request.user, pk)
    return FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=_download_name(item),
        content_type=item.content_type,
    )


def _download_name(item: Attachment) -> str:
    from livinglab.work.attachments import download_name

    return download_name(item.filename, item.content_type)


@login_required
@require_POST
def withdraw(request, pk: int):
    application = _application(request, pk, "withdraw")
    try:
        services.withdraw(request.user, application, request.POST.get("reason", "")[:2000])
    except services.SandboxRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("The application was withdrawn."))
    return redirect(application)


@login_required
@require_POST
def grant(request, pk: int):
    application = _application(request, pk, "grant")
    form = GrantForm(request.POST)
    error = None
    if form.is_valid():
        try:
            permit = services.grant_permit(
                request.user,
                application,
                form.cleaned_data["valid_from"],
                form.cleaned_data["valid_until"],
            )
        except services.SandboxRefused as refused:
            error = str(refused)
        else:
            messages.success(request, _("Permit %(number)s granted.") % {"number": permit.number})
            return redirect(permit)
    else:
        error = _("Give the permit's validity.")
    context = _application_context(request, application, grant_form=form, error=error)
    return render(request, "sandbox/application.html", context, status=400)


@login_required
def consent(request, pk: int):
    item = get_for_user(
        Consent.objects.select_related("organisation", "application__trial", "application__site"),
        request.user,
        pk,
        "decide",
    )
    form = ConsentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == ConsentForm.CONSENT:
                services.consent(request.user, item, form.conditions())
                messages.success(request, _("Your agency's consent was recorded."))
            else:
                services.refuse(request.user, item, form.cleaned_data["reason"])
                messages.success(request, _("Your agency's refusal was recorded."))
        except services.SandboxRefused as refused:
            form.add_error(None, str(refused))
        else:
            return redirect(item.application)
    status = 400 if form.errors else 200
    context = {"consent": item, "application": item.application, "form": form}
    return render(request, "sandbox/consent.html", context, status=status)


def _permit(request, pk, action="view"):
    queryset = Permit.objects.select_related(
        "application__trial__proposal__organisation", "application__site", "application__case"
    )
    return get_for_user(queryset, request.user, pk, action)


@login_required
def permit_detail(request, pk: int):
    return render(request, "sandbox/permit.html", _permit_context(request, _permit(request, pk)))


def _permit_context(request, permit, **extra):
    user = request.user
    context = {
        "permit": permit,
        "application": permit.application,
        "today": timezone.localdate(),
        "conditions": permit.conditions().select_related("met_by"),
        "changes": permit.changes.select_related("by"),
        "incidents": permit.incidents.select_related("reported_by"),
        "can_report": permit.status != "revoked" and allows(user, "report_incident", permit),
        "can_meet": allows(user, "meet_condition", permit),
        "changes_allowed": [
            action for action in ("suspend", "reinstate", "revoke") if allows(user, action, permit)
        ],
        "change_form": PermitChangeForm(),
        "incident_form": IncidentForm(initial={"occurred_at": timezone.localtime()}),
    }
    context.update(extra)
    return context


@login_required
@require_POST
def permit_change(request, pk: int):
    permit = _permit(request, pk)
    form = PermitChangeForm(request.POST)
    if form.is_valid():
        kind = form.cleaned_data["change"]
        try:
            services.change_permit(request.user, permit, kind, form.cleaned_data["reason"])
        except services.SandboxRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("The permit's status was changed."))
            return redirect(permit)
    elif not any(allows(request.user, a, permit) for a in ("suspend", "reinstate", "revoke")):
        raise PermissionDenied
    context = _permit_context(request, permit, change_form=form)
    return render(request, "sandbox/permit.html", context, status=400)


@login_required
@require_POST
def incident(request, pk: int):
    permit = _permit(request, pk, "report_incident")
    form = IncidentForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        new = services.NewIncident(
            occurred_at=data["occurred_at"],
            description=data["description"],
            severity=data["severity"],
            measures=data["measures"],
        )
        try:
            services.report_incident(request.user, permit, new)
        except services.SandboxRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("The incident was reported."))
            return redirect(permit)
    context = _permit_context(request, permit, incident_form=form)
    return render(request, "sandbox/permit.html", context, status=400)


@login_required
@require_POST
def condition_met(request, pk: int):
    conditions = Condition.objects.select_related(
        "consent__application__permit", "consent__application__trial__proposal"
    )
    item = get_for_user(conditions, request.user, pk, "meet")
    permit = item.consent.application.permit
    try:
        services.meet_condition(request.user, item)
    except services.SandboxRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("The condition is marked met."))
    return redirect(permit)
