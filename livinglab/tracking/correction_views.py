"""The secretariat corrects a confirmed meeting: a decision's status, agencies or deadline,
and a decision the record missed.

Access goes through `get_for_user` ("change" on the meeting or the decision: the body's
secretariat and administrators); the services in `services.correcting` check it again and
record each change as an event on the cases' histories. A form with errors is shown
again as it was typed, with the rest of the page unchanged.
"""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from livinglab.core.access import get_for_user
from livinglab.meetings.models import Meeting
from livinglab.tracking.correction_forms import AddDecisionForm, CorrectionForm, case_candidates
from livinglab.tracking.import_forms import agency_options
from livinglab.tracking.manage_forms import datalist
from livinglab.tracking.models import CaseLink, Decision, DecisionAgency
from livinglab.tracking.services.correcting import add_decision, correct_decision


def _meeting(request, pk: int) -> Meeting:
    queryset = Meeting.objects.select_related("body", "document")
    return get_for_user(queryset, request.user, pk, "change")


def _decisions(meeting: Meeting) -> list[Decision]:
    links = CaseLink.objects.active().select_related("case").order_by("pk")
    agencies = DecisionAgency.objects.select_related("organisation").order_by("pk")
    decisions = list(
        meeting.decisions.select_related("meeting")
        .order_by("position")
        .prefetch_related(
            Prefetch("links", queryset=links, to_attr="active_links"),
            Prefetch("decision_agencies", queryset=agencies),
        )
    )
    for decision in decisions:
        decision.number = label(decision)
    return decisions


def _page(request, meeting: Meeting, *, bound=None, add_form=None, status=200):
    """The corrections page; `bound` is a correction form posted with errors."""
    rows = []
    for decision in _decisions(meeting):
        form = bound if bound is not None and bound.decision.pk == decision.pk else None
        rows.append((decision, form or CorrectionForm(decision=decision)))
    candidates = case_candidates(meeting, request.user)
    context = {
        "meeting": meeting,
        "rows": rows,
        "add_form": add_form or AddDecisionForm(meeting=meeting, user=request.user),
        "agency_options": agency_options(),
        "case_options": datalist(candidates),
    }
    return render(request, "tracking/manage/corrections.html", context, status=status)


def _here(meeting: Meeting, anchor: str = "") -> str:
    return reverse("case_manage:corrections", args=[meeting.pk]) + anchor


def label(decision: Decision) -> str:
    return decision.label or str(decision.position + 1)


@require_GET
def corrections(request, pk: int):
    return _page(request, _meeting(request, pk))


@require_POST
def correct(request, pk: int):
    decision = get_for_user(
        Decision.objects.select_related("meeting__body"), request.user, pk, "change"
    )
    meeting = decision.meeting
    form = CorrectionForm(request.POST, decision=decision)
    if not form.is_valid():
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))
        return _page(request, meeting, bound=form, status=400)
    data = form.cleaned_data
    changes = correct_decision(
        request.user,
        decision,
        status=data["status"],
        deadline=data["deadline"],
        agencies=data["agencies"],
    )
    if not changes:
        messages.info(
            request, _("Decision %(label)s: nothing changed.") % {"label": label(decision)}
        )
    else:
        sep = "、" if (get_language() or "").startswith("zh") else ", "
        what = sep.join(str(_CHANGED[key]) for key in _CHANGED if key in changes)
        messages.success(
            request,
            _(
                "Decision %(label)s corrected (%(what)s); the correction is on the history "
                "of its cases, with your name and the time."
            )
            % {"label": label(decision), "what": what},
        )
    return redirect(_here(meeting, f"#decision-{decision.pk}"))


_CHANGED = {
    "status": Decision._meta.get_field("status").verbose_name,
    "deadline": Decision._meta.get_field("deadline").verbose_name,
    "agencies": Decision._meta.get_field("agencies").verbose_name,
}


@require_POST
def add(request, pk: int):
    meeting = _meeting(request, pk)
    form = AddDecisionForm(request.POST, meeting=meeting, user=request.user)
    if not form.is_valid():
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))
        return _page(request, meeting, add_form=form, status=400)
    data = form.cleaned_data
    case = data["existing"]
    decision = add_decision(
        request.user,
        meeting,
        text=data["text"],
        case=case,
        new_title=data["title"].strip(),
        status=data["status"],
        deadline=data["deadline"],
        agencies=data["agencies"],
    )
    about = decision.cases.get()
    messages.success(
        request,
        _("Decision %(label)s added to this meeting, about the case “%(case)s”.")
        % {"label": label(decision), "case": about.title},
    )
    return redirect(_here(meeting, f"#decision-{decision.pk}"))


@require_GET
def case_options(request, pk: int):
    """The cases whose title or alias holds what was typed, for the case field's list."""
    meeting = _meeting(request, pk)
    typed = request.GET.get("add-case", "").strip()
    cases = case_candidates(meeting, request.user)
    if typed:
        cases = cases.search_names(typed)
    context = {"id": "add-case-list", "candidates": datalist(cases)}
    return render(request, "tracking/manage/_datalist.html", context)
