"""Pages of proposals: the proposer's list, writing, submitting and withdrawing, a
proposal with its history, attachments, and signing up as a proposer."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from livinglab.core import lists
from livinglab.core.access import allows, get_for_user
from livinglab.needs.models import Call
from livinglab.orgs.models import Organisation
from livinglab.orgs.roles import roles_of
from livinglab.proposals import organisations, services, suggestions
from livinglab.proposals.forms import (
    AccountForm,
    JoinDecisionForm,
    ProposalFilterForm,
    ProposalForm,
    ProposerSignUpForm,
    WithdrawForm,
)
from livinglab.proposals.models import Attachment, JoinRequest, Proposal
from livinglab.work.attachments import AttachmentRejected

PAGE_SIZE = 30


# The list's columns, each but the need sortable by its header.
COLUMNS = (
    lists.Column("proposal", pgettext_lazy("proposal", "Proposal"), ("title",), width=40),
    lists.Column("organisation", gettext_lazy("Organisation"), ("organisation__name",), width=24),
    lists.Column("call", gettext_lazy("Call"), ("call__title",), width=24),
    lists.Column("need", gettext_lazy("Need"), ("need__title",), width=24),
    lists.Column("status", gettext_lazy("Status"), ("status",), width=14),
    lists.Column("updated", gettext_lazy("Updated"), ("updated_at",), width=12),
)
DEFAULT_ORDER = ("-updated_at", "-pk")


def _filtered_proposals(request):
    """The list's form, the proposals the user may see as filtered, their sorting and the
    order it gives (the page and its download list them alike)."""
    form = ProposalFilterForm(request.GET or None)
    proposals = Proposal.objects.visible_to(request.user)
    if form.is_valid():
        proposals = proposals.search(form.cleaned_data["q"])
        if form.cleaned_data["status"]:
            proposals = proposals.filter(status=form.cleaned_data["status"])
    sorting = lists.Sorting(COLUMNS, request.GET)
    return form, proposals, sorting, sorting.ordering(*DEFAULT_ORDER, model=Proposal)


@login_required
def proposal_list(request):
    form, proposals, sorting, ordering = _filtered_proposals(request)

    def shown(page):
        # Only the page's proposals are read with their call, need and organisation.
        if not page.paginator.count:
            return page.object_list
        return proposals.rows_in_order(
            *ordering, start=page.start_index() - 1, stop=page.end_index()
        )

    context = lists.list_context(
        request,
        proposals.order_by(*ordering),
        sorting,
        "proposals:list_file",
        per_page=PAGE_SIZE,
        shown=shown,
    )
    context["form"] = form
    return render(request, "proposals/list.html", context)


@login_required
def proposal_list_file(request, fmt: str):
    """The proposals as filtered and sorted on the list, as a spreadsheet."""

    def proposals():
        _form, proposals, _sorting, ordering = _filtered_proposals(request)
        return proposals.order_by(*ordering).for_listing()

    unsolicited = _("unsolicited")
    return lists.list_file(
        fmt,
        proposals,
        lambda proposal: [
            proposal.title,
            proposal.organisation.name,
            proposal.call.title,
            proposal.need.title if proposal.need_id else unsolicited,
            proposal.get_status_display(),
            timezone.localdate(proposal.updated_at).isoformat(),
        ],
        title=_("Proposals"),
        columns=COLUMNS,
        fallback="proposals",
    )


def _organisations_of(user):
    return list(Organisation.objects.filter(pk__in=roles_of(user).proposer_org_ids))


def proposal_new(request):
    if not request.user.is_authenticated:
        return redirect(_signup_then(request))
    organisations_ = _organisations_of(request.user)
    if not organisations_:
        messages.info(request, _("Register your organisation (or join one) to write proposals."))
        return redirect(_signup_then(request))
    call = get_for_user(Call.objects.select_related("body"), request.user, request.GET.get("call"))
    try:
        services.check_call_open(call)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(call)
    initial = {"answers": request.GET.get("need", "")}
    form = ProposalForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        call=call,
        organisations=organisations_,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            proposal = services.start_proposal(
                request.user, data["organisation"], call, data, data["attachments"]
            )
        except (ValidationError, AttachmentRejected) as exc:
            _form_errors(form, exc)
        else:
            if request.POST.get("action") == "submit":
                return _submit_and_redirect(request, proposal)
            messages.success(request, _("Draft saved. Submit it before the call closes."))
            return redirect(proposal)
    return render(request, "proposals/form.html", {"form": form, "call": call})


def _signup_then(request) -> str:
    return f"{reverse('proposals:signup')}?{urlencode({'next': request.get_full_path()})}"


def _form_errors(form, exc) -> None:
    if isinstance(exc, AttachmentRejected):
        form.add_error("attachments", str(exc))
    else:
        form.add_error(None, exc)


def _submit_and_redirect(request, proposal):
    try:
        services.submit(request.user, proposal)
    except ValidationError as exc:
        messages.error(
            request, _("Saved as a draft, not submitted: %(why)s") % {"why": " ".join(exc.messages)}
        )
    else:
        messages.success(request, _("Proposal submitted. The secretariat has it now."))
    return redirect(proposal)


def _get(request, pk, action="view"):
    queryset = Proposal.objects.select_related(
        "call__body", "need__agency", "organisation", "domain", "submitted_by"
    )
    return get_for_user(queryset, request.user, pk, action)


@login_required
def proposal_detail(request, pk: int):
    proposal = _get(request, pk)
    user = request.user
    editable = proposal.is_editable()
    context = {
        "proposal": proposal,
        "events": services.history_for(user, proposal),
        "attachments": proposal.attachments.all(),
        "can_write": allows(user, "change", proposal),
        "editable": editable,
        "can_submit": allows(user, "submit", proposal)
        and proposal.status in (Proposal.Status.DRAFT, Proposal.Status.REVISE)
        and editable,
        "can_withdraw": allows(user, "withdraw", proposal)
        and proposal.status in services.WITHDRAWABLE,
        "missing": services.missing_to_submit(proposal),
        "withdraw_form": WithdrawForm(),
        "decision_url": _decision_url(proposal),
        "suggested_needs": suggestions.needs_for(user, proposal),
        "suggested_sites": suggestions.sites_for(user, proposal),
        "suggested_agencies": suggestions.agencies_for(user, proposal),
    }
    return render(request, "proposals/detail.html", context)


def _decision_url(proposal) -> str:
    """Where the secretariat decides: the reviews app's page when it is installed."""
    from django.urls import NoReverseMatch

    try:
        return reverse("reviews:decide", args=[proposal.pk])
    except NoReverseMatch:
        return ""


@login_required
def proposal_edit(request, pk: int):
    proposal = _get(request, pk, "change")
    try:
        services.check_editable(proposal)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(proposal)
    form = ProposalForm(
        request.POST or None,
        request.FILES or None,
        instance=proposal,
        call=proposal.call,
        organisations=[proposal.organisation],
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            proposal = services.update_proposal(request.user, proposal, data, data["attachments"])
        except (ValidationError, AttachmentRejected) as exc:
            _form_errors(form, exc)
        else:
            if request.POST.get("action") == "submit":
                return _submit_and_redirect(request, proposal)
            messages.success(request, _("Proposal saved."))
            return redirect(proposal)
    context = {"form": form, "call": proposal.call, "proposal": proposal}
    return render(request, "proposals/form.html", context)


@login_required
@require_POST
def proposal_submit(request, pk: int):
    return _submit_and_redirect(request, _get(request, pk, "submit"))


@login_required
@require_POST
def proposal_withdraw(request, pk: int):
    proposal = _get(request, pk, "withdraw")
    form = WithdrawForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.withdraw(request.user, proposal, reason)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Proposal withdrawn."))
    return redirect(proposal)


def _attachment(request, pk: int, action: str) -> Attachment:
    item = Attachment.objects.filter(pk=pk).select_related("proposal__call").first()
    if item is None:
        raise Http404
    get_for_user(Proposal.objects, request.user, item.proposal_id)
    if not allows(request.user, action, item):
        raise PermissionDenied
    return item


@login_required
def attachment_download(request, pk: int):
    item = _attachment(request, pk, "view")
    return FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=item.filename,
        content_type=item.content_type,
    )


@login_required
@require_POST
def attachment_delete(request, pk: int):
    item = _attachment(request, pk, "delete")
    try:
        services.remove_attachment(request.user, item)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Attachment removed."))
    return redirect("proposals:detail", item.proposal_id)


# --- Signing up and joining ------------------------------------------------------------


def signup(request):
    """Sign up as a proposer: an account (unless signed in) and an organisation."""
    account = None if request.user.is_authenticated else AccountForm(request.POST or None)
    form = ProposerSignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and (account is None or account.is_valid()):
        try:
            with transaction.atomic():
                user = account.save() if account is not None else request.user
                organisation, join = organisations.sign_up(user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if account is not None:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            if join is not None:
                messages.success(
                    request,
                    _("Asked to join %(name)s: one of its proposers will approve you.")
                    % {"name": join.organisation.name},
                )
                return redirect("proposals:desk")
            messages.success(
                request,
                _("%(name)s is registered; you can write proposals.") % {"name": organisation.name},
            )
            next_url = request.GET.get("next", "")
            if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
                return redirect(next_url)
            return redirect("proposals:desk")
    context = {"account": account, "form": form, "next": request.GET.get("next", "")}
    return render(request, "proposals/signup.html", context)


@login_required
@require_POST
def join_decide(request, pk: int):
    join = get_for_user(
        JoinRequest.objects.select_related("organisation", "user"), request.user, pk, "decide"
    )
    form = JoinDecisionForm(request.POST)
    if not form.is_valid():
        raise Http404
    try:
        organisations.decide_join(request.user, join, approve=form.cleaned_data["approve"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Answered."))
    return redirect("proposals:desk")
