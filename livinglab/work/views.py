from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from livinglab.core import lists
from livinglab.core.access import get_for_user
from livinglab.core.people import display_name
from livinglab.meetings.models import Body
from livinglab.orgs.roles import roles_of
from livinglab.tracking.models import taipei_today
from livinglab.work import services
from livinglab.work.attachments import AttachmentRejected, download_name
from livinglab.work.forms import (
    DeadlineForm,
    InChargeForm,
    ProgressReportForm,
    ReportEditForm,
    ReviewForm,
    WithdrawForm,
)
from livinglab.work.in_charge import in_charge
from livinglab.work.models import Assignment, ProgressReport

PAGE_SIZE = 50


def _staff_only(user):
    """Agency work is for officers and the secretariat; everyone else is refused (403)."""
    roles = roles_of(user)
    if not (roles.is_admin or roles.officer_org_ids or roles.secretariat_body_ids):
        raise PermissionDenied


# The plate's columns; all but the person in charge sort by their header.
COLUMNS = (
    lists.Column("case", gettext_lazy("Case"), ("case__title",), width=40),
    lists.Column("body", pgettext_lazy("meeting series", "Body"), ("case__body__name",), width=24),
    lists.Column("agency", gettext_lazy("Agency"), ("organisation__name", "role"), width=24),
    lists.Column("deadline", gettext_lazy("Deadline"), ("deadline",), width=16),
    lists.Column("responsible", gettext_lazy("Responsible person"), width=16),
)


def _plate_assignments(request):
    """The open assignments of the user's agencies, in the order the query string asks
    (overdue and soonest first by default)."""
    _staff_only(request.user)
    roles = roles_of(request.user)
    assignments = (
        Assignment.objects.visible_to(request.user)
        .open()
        .filter(organisation_id__in=roles.officer_org_ids)
        .select_related("case__body", "organisation", "responsible")
    )
    sorting = lists.Sorting(COLUMNS, request.GET)
    ordered = sorting.apply(assignments) if sorting.column else assignments.plate_order()
    return ordered, sorting


@login_required
def plate(request):
    """What is on our plate: the agency's open assignments, overdue first."""
    assignments, sorting = _plate_assignments(request)
    roles = roles_of(request.user)
    waiting = ProgressReport.objects.visible_to(request.user).submitted()
    if roles.secretariat_body_ids and not roles.is_admin:
        waiting = waiting.filter(assignment__case__body_id__in=roles.secretariat_body_ids)
    context = {
        **lists.list_context(request, assignments, sorting, "work:plate_file", per_page=PAGE_SIZE),
        "today": timezone.localdate(),
        "waiting_count": waiting.count() if roles.is_secretariat else 0,
        "is_secretariat": roles.is_secretariat,
        "bulk_bodies": Body.objects.filter(
            **({} if roles.is_admin else {"pk__in": roles.secretariat_body_ids})
        ).order_by("name")
        if roles.is_secretariat
        else [],
    }
    return render(request, "work/plate.html", context)


@login_required
def plate_file(request, fmt: str):
    """The plate as sorted on the page, as a spreadsheet."""
    today = taipei_today()
    return lists.list_file(
        fmt,
        lambda: _plate_assignments(request)[0],
        lambda a: [
            a.case.title,
            a.case.body.name,
            f"{a.organisation.name}（{a.get_role_display()}）",
            (a.deadline.isoformat() if a.deadline else "")
            + (f" · {_('overdue')}" if a.is_overdue(today) else ""),
            display_name(a.responsible),
        ],
        title=_("Our assignments"),
        columns=COLUMNS,
        fallback="assignments",
        today=today,  # deadlines fall due by Taipei's calendar
    )


@login_required
def assignment_detail(request, pk: int):
    _staff_only(request.user)
    queryset = Assignment.objects.select_related("case__body", "organisation", "responsible")
    assignment = get_for_user(queryset, request.user, pk, "view")
    form = ProgressReportForm()
    if request.method == "POST":
        form = ProgressReportForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            report = services.NewReport(
                text=data["text"],
                percent_complete=data["percent_complete"],
                expected_completion=data["expected_completion"],
                proposal=data["proposal"],
            )
            try:
                services.file_report(request.user, assignment, report, data["attachments"])
            except AttachmentRejected as exc:
                form.add_error("attachments", str(exc))
            else:
                messages.success(
                    request, _("Progress report filed; the secretariat will review it.")
                )
                return redirect("work:assignment", pk=assignment.pk)
    reports = list(
        ProgressReport.objects.visible_to(request.user)
        .filter(assignment=assignment)
        .select_related("author", "reviewed_by", "assignment__organisation")
        .prefetch_related("attachments", "revisions__actor")
    )
    for report in reports:
        report.can_edit = services.allows(request.user, "edit", report)
    context = {
        "assignment": assignment,
        "decision": services.decision_to_act_on(assignment),
        "in_charge": in_charge(request.user, assignment),
        "reports": reports,
        "form": form,
        "today": timezone.localdate(),
        "can_report": services.allows(request.user, "report", assignment),
        "can_change": services.allows(request.user, "change", assignment),
        "deadline_form": DeadlineForm(initial={"deadline": assignment.deadline}),
    }
    return render(request, "work/assignment.html", context)


@login_required
@require_POST
def assignment_deadline(request, pk: int):
    assignment = get_for_user(Assignment.objects.select_related("case"), request.user, pk, "change")
    form = DeadlineForm(request.POST)
    if form.is_valid():
        services.set_deadline(request.user, assignment, form.cleaned_data["deadline"])
        messages.success(request, _("Deadline changed."))
    return redirect("work:assignment", pk=assignment.pk)


@login_required
def review_queue(request):
    """Reports waiting for the secretariat's review."""
    roles = roles_of(request.user)
    if not roles.is_secretariat:
        raise PermissionDenied
    reports = (
        ProgressReport.objects.visible_to(request.user)
        .submitted()
        .filter(
            **(
                {}
                if roles.is_admin
                else {"assignment__case__body_id__in": roles.secretariat_body_ids}
            )
        )
        .select_related("assignment__case__body", "assignment__organisation", "author")
        .prefetch_related("attachments", "revisions__actor")
        .order_by("submitted_at", "pk")
    )
    return render(request, "work/reviews.html", {"reports": reports, "form": ReviewForm()})


@login_required
@require_POST
def review(request, pk: int):
    queryset = ProgressReport.objects.select_related("assignment__case")
    report = get_for_user(queryset, request.user, pk, "review")
    form = ReviewForm(request.POST)
    if form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        services.review_report(
            request.user, report, accept=accept, comment=form.cleaned_data["comment"]
        )
        messages.success(request, _("Report accepted.") if accept else _("Report returned."))
    return redirect("work:reviews")


@login_required
def attachment(request, pk: int):
    from django.http import FileResponse, Http404

    from livinglab.work.models import Attachment

    item = Attachment.objects.select_related("report").filter(pk=pk).first()
    if item is None:
        raise Http404
    get_for_user(ProgressReport.objects.all(), request.user, item.report_id, "view")
    return FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=download_name(item.filename, item.content_type),
        content_type=item.content_type,
    )


def _report(request, pk: int, action: str) -> ProgressReport:
    queryset = ProgressReport.objects.select_related(
        "assignment__case__body", "assignment__organisation"
    )
    return get_for_user(queryset, request.user, pk, action)


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request, pk: int):
    """The agency corrects its report while it waits for review."""
    report = _report(request, pk, "edit")
    form = ReportEditForm.of(report, request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        changed = services.NewReport(
            text=data["text"],
            percent_complete=data["percent_complete"],
            expected_completion=data["expected_completion"],
            proposal=data["proposal"],
        )
        services.edit_report(request.user, report, changed)
        messages.success(request, _("Progress report changed; the change is on its record."))
        return redirect("work:assignment", pk=report.assignment_id)
    context = {"report": report, "form": form, "withdraw_form": WithdrawForm()}
    return render(request, "work/report_edit.html", context)


@login_required
@require_POST
def report_withdraw(request, pk: int):
    report = _report(request, pk, "withdraw")
    form = WithdrawForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    services.withdraw_report(request.user, report, reason)
    messages.success(request, _("Progress report withdrawn; the secretariat will not review it."))
    return redirect("work:assignment", pk=report.assignment_id)


@login_required
@require_POST
def assignment_in_charge(request, pk: int):
    """Claim or release the person-in-charge field; the secretariat names anyone of the
    agency. Returns to the page the form was on (the case or the assignment)."""
    queryset = Assignment.objects.select_related("case", "organisation", "responsible")
    assignment = get_for_user(queryset, request.user, pk, "view")
    officers = services.officers_of(assignment.organisation_id)
    form = InChargeForm(request.POST, assignment=assignment, officers=officers)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Choose a person of the agency, or no one."))
    action = form.cleaned_data["action"]
    person = {"claim": request.user, "release": None}.get(action, form.cleaned_data["person"])
    try:
        services.set_person_in_charge(request.user, assignment, person)
    except services.NotOfTheAgency as refusal:
        return HttpResponseBadRequest(str(refusal))
    messages.success(request, _("Person in charge changed; the change is on the case's history."))
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        return redirect(back)
    return redirect("work:assignment", pk=assignment.pk)
