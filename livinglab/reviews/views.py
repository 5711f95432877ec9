"""Review pages: the reviewer's queue and review, the secretariat's call and proposal pages.

Views parse input, look objects up through `get_for_user` (a conflicted reviewer, or
anyone outside the assignment, gets 404), call one service and render.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from livinglab.core.access import get_for_user
from livinglab.needs.models import Call, Factor, Gate
from livinglab.orgs.roles import roles_of
from livinglab.proposals.models import Proposal
from livinglab.reviews import exports, queue, ranking, services
from livinglab.reviews.forms import (
    AssignForm,
    DecisionForm,
    DeclareForm,
    ExpertiseForm,
    ReviewForm,
)
from livinglab.reviews.models import Assignment, Expertise
from livinglab.reviews.policies import runs_call


def _errors(exc: ValidationError) -> list[str]:
    return list(exc.messages)


@login_required
def reviews_due(request):
    """The reviewer's landing: reviews to do, soonest deadline first; for the secretariat,
    the calls they run with what waits for them."""
    context = {
        "due": queue.due_for(request.user),
        "done": queue.done_for(request.user),
        "calls": queue.calls_for_secretariat(request.user),
        "is_reviewer": roles_of(request.user).is_reviewer,
        "now": timezone.now(),
    }
    return render(request, "reviews/queue.html", context)


@login_required
def expertise(request):
    """A reviewer's own expertise: the topics they are suggested for."""
    if not roles_of(request.user).is_reviewer:
        raise PermissionDenied
    current = Expertise.objects.filter(reviewer=request.user).values_list("domain_id", flat=True)
    form = ExpertiseForm(request.POST or None, initial={"domains": list(current)})
    if request.method == "POST" and form.is_valid():
        services.set_expertise(request.user, request.user, form.cleaned_data["domains"])
        messages.success(request, _("Your expertise is saved."))
        return redirect("reviews:due")
    return render(request, "reviews/expertise.html", {"form": form})


def _assignment(request, pk):
    queryset = Assignment.objects.select_related(
        "proposal__call", "proposal__organisation", "proposal__need", "proposal__domain", "reviewer"
    )
    return get_for_user(queryset, request.user, pk, "view")


@login_required
def assignment(request, pk: int):
    assignment = _assignment(request, pk)
    if assignment.reviewer_id != request.user.pk:
        # The secretariat reads reviews on the proposal's page.
        return redirect("reviews:proposal", pk=assignment.proposal_id)
    return render(request, "reviews/assignment.html", _assignment_context(assignment))


def _assignment_context(assignment, review_form=None, declare_form=None):
    call = assignment.proposal.call
    factors = list(Factor.objects.filter(call=call))
    gates = list(Gate.objects.filter(call=call))
    own = services.review_input_of(assignment)
    context = {
        "assignment": assignment,
        "proposal": assignment.proposal,
        "call": call,
        "factors": factors,
        "gates": gates,
        "declare_form": declare_form or DeclareForm(),
        "past_deadline": call.review_due_at is not None and timezone.now() > call.review_due_at,
    }
    if assignment.declared_at and not assignment.submitted_at:
        context["form"] = review_form or ReviewForm(
            initial=ReviewForm.initial_from(own), factors=factors, gates=gates
        )
    if assignment.submitted_at:
        context["own"] = queue.review_rows(assignment, factors, gates)
        context["others"] = queue.other_reviews(assignment, factors, gates)
    return context


@login_required
@require_POST
def declare(request, pk: int):
    assignment = _assignment(request, pk)
    form = DeclareForm(request.POST)
    if form.is_valid():
        try:
            services.declare(
                request.user, assignment, conflict=form.conflict, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if form.conflict:
                messages.success(
                    request,
                    _(
                        "Your conflict of interest is recorded; the secretariat will ask someone else."
                    ),
                )
                return redirect("reviews:due")
            messages.success(request, _("Thank you. You can now review the proposal."))
            return redirect("reviews:assignment", pk=assignment.pk)
    context = _assignment_context(assignment, declare_form=form)
    return render(request, "reviews/assignment.html", context, status=400)


@login_required
@require_POST
def save(request, pk: int):
    assignment = _assignment(request, pk)
    call = assignment.proposal.call
    form = ReviewForm(
        request.POST,
        factors=Factor.objects.filter(call=call),
        gates=Gate.objects.filter(call=call),
    )
    submit = request.POST.get("action") == "submit"
    if form.is_valid():
        try:
            services.save_review(request.user, assignment, form.review_input(), submit=submit)
        except ValidationError as exc:
            for message in _errors(exc):
                form.add_error(None, message)
        else:
            messages.success(
                request, _("Your review is submitted.") if submit else _("Your review is saved.")
            )
            return redirect("reviews:assignment", pk=assignment.pk)
    context = _assignment_context(assignment, review_form=form)
    return render(request, "reviews/assignment.html", context, status=400)


# --- The secretariat ------------------------------------------------------------------


def _call_for_secretariat(request, pk):
    call = get_for_user(Call.objects.select_related("body"), request.user, pk)
    if not runs_call(request.user, call):
        raise PermissionDenied
    return call


@login_required
def call_ranking(request, pk: int):
    call = _call_for_secretariat(request, pk)
    try:
        number = int(request.GET.get("page", 1))
    except ValueError:
        number = 1
    page = ranking.ranked_page(request.user, call, number)
    to_move = queue.conflicts_to_move(request.user, call)
    context = {
        "call": call,
        "rows": page.rows,
        "page": page,
        "to_move": to_move,
        "margin": services.aggregation.DISAGREEMENT_MARGIN * 100,
    }
    return render(request, "reviews/call.html", context)


@login_required
def call_export(request, pk: int, fmt: str):
    call = _call_for_secretariat(request, pk)
    if fmt not in exports.FORMATS:
        raise Http404
    data = exports.export(call, ranking.ranked(request.user, call), fmt)
    response = HttpResponse(data, content_type=exports.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="ranking-{call.pk}.{fmt}"'
    return response


def _proposal_for_secretariat(request, pk):
    proposal = get_for_user(
        Proposal.objects.select_related("call__body", "organisation", "need", "domain"),
        request.user,
        pk,
    )
    if not runs_call(request.user, proposal.call):
        raise PermissionDenied
    return proposal


@login_required
def proposal_reviews(request, pk: int):
    proposal = _proposal_for_secretariat(request, pk)
    return render(request, "reviews/proposal.html", _proposal_context(request, proposal))


def _proposal_context(request, proposal, assign_form=None, decision_form=None):
    factors = list(Factor.objects.filter(call=proposal.call))
    gates = list(Gate.objects.filter(call=proposal.call))
    committee = services.committee(proposal.call)
    return {
        "proposal": proposal,
        "call": proposal.call,
        "board": queue.proposal_board(proposal, factors, gates),
        "suggestions": services.suggest(request.user, proposal),
        "assign_form": assign_form
        or AssignForm(committee=committee, exclude=services.not_eligible(proposal)),
        "decision_form": decision_form or DecisionForm(),
        "can_decide": proposal.status in services.proposals.DECIDABLE,
        "can_assign": proposal.status in services.IN_REVIEW,
    }


@login_required
@require_POST
def assign(request, pk: int):
    proposal = _proposal_for_secretariat(request, pk)
    form = AssignForm(request.POST, committee=services.committee(proposal.call))
    if form.is_valid():
        try:
            made = services.assign(request.user, proposal, form.cleaned_data["reviewer"])
        except ValidationError as exc:
            messages.error(request, " ".join(_errors(exc)))
        else:
            messages.success(
                request,
                _("%(person)s is asked to review the proposal.")
                % {"person": services._name(made.reviewer)},
            )
    else:
        messages.error(request, _("Choose a reviewer of the call."))
    if request.POST.get("next") == "call":
        return redirect("reviews:call", pk=proposal.call_id)
    return redirect("reviews:proposal", pk=proposal.pk)


@login_required
@require_POST
def move(request, pk: int):
    assignment = get_for_user(
        Assignment.objects.select_related("proposal__call"), request.user, pk, "move"
    )
    reviewer = get_object_or_404(get_user_model(), pk=request.POST.get("reviewer") or 0)
    try:
        made = services.move(request.user, assignment, reviewer)
    except ValidationError as exc:
        messages.error(request, " ".join(_errors(exc)))
    else:
        messages.success(
            request,
            _("The review moved to %(person)s.") % {"person": services._name(made.reviewer)},
        )
    if request.POST.get("next") == "call":
        return redirect("reviews:call", pk=assignment.proposal.call_id)
    return redirect("reviews:proposal", pk=assignment.proposal_id)


@login_required
def decide(request, pk: int):
    """The decision form lives on the proposal's reviews page; a link here leads there."""
    proposal = _proposal_for_secretariat(request, pk)
    if request.method != "POST":
        return redirect(reverse("reviews:proposal", args=[proposal.pk]) + "#decision")
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decide(
                request.user, proposal, form.cleaned_data["outcome"], form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The decision is recorded and the proposer is told."))
            return redirect("reviews:proposal", pk=proposal.pk)
    context = _proposal_context(request, proposal, decision_form=form)
    return render(request, "reviews/proposal.html", context, status=400)
