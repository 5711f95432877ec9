"""The secretariat's pages for running a body: create and edit it, name and invite its staff."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from livinglab.accounts import invitations
from livinglab.accounts.models import Invitation
from livinglab.core.access import get_for_user
from livinglab.core.people import display_name
from livinglab.meetings import services
from livinglab.meetings.body_forms import MAX_MEMBERS, AddStaffForm, BodyForm, InviteForm
from livinglab.meetings.models import Body
from livinglab.meetings.policies import may_create_body
from livinglab.orgs.models import Organisation

PICKER_LIMIT = 20


def _save_body(request, form: BodyForm, body: Body | None):
    """The body saved from a valid form, or None with the service's refusal on the form."""
    try:
        if body is None:
            return services.create_body(request.user, form.fields_for_service())
        return services.update_body(request.user, body, form.fields_for_service())
    except ValidationError as error:
        form.add_error(None, error)
        return None


def _body_form_page(request, body: Body | None):
    form = BodyForm(request.user, request.POST or None, body=body)
    # "Search" in the member picker without JavaScript: show matches, save nothing.
    query = request.POST.get("find", "").strip()[:100] if "search" in request.POST else ""
    if request.method == "POST" and "search" not in request.POST and form.is_valid():
        saved = _save_body(request, form, body)
        if saved is not None:
            messages.success(request, _("The body “%(name)s” is saved.") % {"name": saved.name})
            return redirect(saved.get_absolute_url())
    chosen = form.chosen_members()
    context = {
        "form": form,
        "body": body,
        "chosen": chosen,
        "query": query,
        "matches": _matches(request.user, query, chosen) if query else None,
    }
    return render(request, "meetings/body_form.html", context)


@login_required
def body_create(request):
    if not may_create_body(request.user):
        raise PermissionDenied("only an admin or a secretariat may create a body")
    return _body_form_page(request, None)


@login_required
def body_edit(request, pk: int):
    body = get_for_user(Body.objects.select_related("secretariat"), request.user, pk, "change")
    return _body_form_page(request, body)


def _matches(user, query: str, chosen):
    found = (
        Organisation.objects.visible_to(user)
        .filter(is_personal=False)
        .search(query)
        .exclude(pk__in=[org.pk for org in chosen])
        .select_related("city")
        .order_by("kind", "name")
    )
    return found[:PICKER_LIMIT]


@login_required
def organisation_picker(request):
    """The member picker's lists again (htmx): the ticked organisations, then directory
    matches for what was typed, to tick."""
    if not may_create_body(request.user):
        raise PermissionDenied("the member picker serves those who run bodies")
    query = request.GET.get("find", "").strip()[:100]
    ticked = [int(v) for v in request.GET.getlist("members") if v.isdigit()][:MAX_MEMBERS]
    chosen = list(Organisation.objects.filter(pk__in=ticked).order_by("kind", "name"))
    matches = _matches(request.user, query, chosen) if query else None
    context = {"chosen": chosen, "matches": matches, "query": query}
    return render(request, "meetings/_member_lists.html", context)


def _staff_body(request, pk: int) -> Body:
    return get_for_user(Body.objects.select_related("secretariat"), request.user, pk, "staff")


def _staff_page(request, body: Body, add_form=None, invite_form=None, status=200):
    context = {
        "body": body,
        "staff": services.staff_of(body),
        "invitations": Invitation.objects.visible_to(request.user)
        .filter(body=body)
        .pending()
        .select_related("organisation", "invited_by"),
        "add_form": add_form or AddStaffForm(body),
        "invite_form": invite_form or InviteForm(body),
    }
    return render(request, "meetings/staff.html", context, status=status)


@login_required
def body_staff(request, pk: int):
    body = _staff_body(request, pk)
    form = AddStaffForm(body, request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        try:
            services.add_staff(
                request.user, body, person, form.cleaned_data["role"], form.cleaned_data["agency"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("%(person)s is on the staff now.") % {"person": display_name(person)}
            )
            return redirect("meetings:staff", body.pk)
    return _staff_page(request, body, add_form=form)


@login_required
@require_POST
def staff_invite(request, pk: int):
    body = _staff_body(request, pk)
    form = InviteForm(body, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            invitation = invitations.invite(
                request.user, body, data["email"], data["role"], data["agency"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("An invitation is sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect("meetings:staff", body.pk)
    return _staff_page(request, body, invite_form=form)


@login_required
@require_POST
def staff_remove(request, pk: int, membership_pk: int):
    body = _staff_body(request, pk)
    membership = get_object_or_404(services.staff_of(body), pk=membership_pk)
    try:
        services.remove_staff(request.user, membership)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(person)s is removed from the staff (%(role)s).")
            % {"person": display_name(membership.user), "role": membership.get_role_display()},
        )
    return redirect("meetings:staff", body.pk)


def _invitation(request, pk: int, invitation_pk: int, action: str) -> Invitation:
    body = _staff_body(request, pk)
    return get_for_user(Invitation.objects.filter(body=body), request.user, invitation_pk, action)


@login_required
@require_POST
def invitation_resend(request, pk: int, invitation_pk: int):
    invitation = _invitation(request, pk, invitation_pk, "resend")
    try:
        invitations.resend(request.user, invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The invitation is sent again to %(email)s; the earlier link no longer works.")
            % {"email": invitation.email},
        )
    return redirect("meetings:staff", pk)


@login_required
@require_POST
def invitation_cancel(request, pk: int, invitation_pk: int):
    invitation = _invitation(request, pk, invitation_pk, "cancel")
    try:
        invitations.cancel(request.user, invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("The invitation to %(email)s is cancelled.") % {"email": invitation.email}
        )
    return redirect("meetings:staff", pk)
