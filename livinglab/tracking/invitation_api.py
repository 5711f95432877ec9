"""The invitations API: a body's secretariat invites people to its staff by e-mail.

What the staff page does, for another system or a script: the same invitation form
checks the address, role and agency, the same service (`accounts.invitations`) refuses
and sends the e-mail, and the same policies decide who may (the body's secretariat,
or an admin). The link's token is only ever in the e-mail: the invitee's proof.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from livinglab.accounts import invitations
from livinglab.accounts.invitations import Refusal
from livinglab.accounts.models import Invitation
from livinglab.core.access import get_for_user
from livinglab.core.api_auth import require_user
from livinglab.core.api_types import Id
from livinglab.core.forms import form_errors
from livinglab.core.people import display_name
from livinglab.meetings.body_forms import InviteForm
from livinglab.meetings.models import Body
from livinglab.tracking.api import Message, OrganisationRef, StaffRole

router = Router(tags=["invitations"])


class InvitationOut(Schema):
    id: int
    email: str
    role: StaffRole
    agency: OrganisationRef | None = Field(..., description="An officer's agency")
    invited_by: str = Field(..., description="Who sent it first, by display name")
    sent_at: dt.datetime = Field(..., description="When the latest link was sent")
    expires_at: dt.datetime = Field(..., description="When the latest link stops working")
    expired: bool


class InvitationIn(Schema):
    email: str = Field(..., min_length=1, max_length=254)
    role: StaffRole
    agency_id: Id | None = Field(None, description="The agency of an officer")


def _invitation(invitation: Invitation) -> dict:
    agency = invitation.organisation
    return {
        "id": invitation.pk,
        "email": invitation.email,
        "role": invitation.role,
        "agency": {"id": agency.pk, "name": agency.name} if agency else None,
        "invited_by": display_name(invitation.invited_by),
        "sent_at": invitation.sent_at,
        "expires_at": invitation.expires_at,
        "expired": invitation.is_expired,
    }


def _staff_body(request, body_id: int) -> Body:
    return get_for_user(Body.objects, request.auth, body_id, "staff")


def _pending(request, body: Body) -> list[dict]:
    waiting = (
        Invitation.objects.visible_to(request.auth)
        .filter(body=body)
        .pending()
        .select_related("organisation", "invited_by")
    )
    return [_invitation(i) for i in waiting]


def _one(request, body: Body, invitation_id: int, action: str) -> Invitation:
    invitations_of_body = Invitation.objects.filter(body=body).select_related(
        "organisation", "invited_by"
    )
    return get_for_user(invitations_of_body, request.auth, invitation_id, action)


def _refused(error: ValidationError, email: str) -> str:
    """The service's refusal, worded for a caller that has no page above or below."""
    codes = {e.code for e in error.error_list} if hasattr(error, "error_list") else set()
    if Refusal.HAS_ACCOUNT in codes:
        return _(
            "%(email)s already has an account: add the person to the staff by login name "
            "or e-mail instead."
        ) % {"email": email}
    if Refusal.INVITED in codes:
        return _(
            "%(email)s is already invited to this body: send that invitation again instead."
        ) % {"email": email}
    return " ".join(error.messages)


@router.get("/bodies/{body_id}/invitations", response=list[InvitationOut], auth=require_user)
def list_invitations(request, body_id: Id):
    """The body's invitations not yet accepted nor withdrawn, latest sent first (its
    secretariat, or an admin). Expired ones are listed too: they can be sent again."""
    return _pending(request, _staff_body(request, body_id))


@router.post(
    "/bodies/{body_id}/invitations",
    response={201: InvitationOut, 400: Message},
    auth=require_user,
)
def send_invitation(request, body_id: Id, payload: InvitationIn):
    """E-mail someone without an account a link to join the body's staff in this role;
    it works once, for 7 days. An officer names the agency (a member of the body or of
    its cities)."""
    body = _staff_body(request, body_id)
    sent = {"email": payload.email, "role": payload.role, "agency": payload.agency_id or ""}
    form = InviteForm(body, {f"{InviteForm.prefix}-{k}": v for k, v in sent.items()})
    if not form.is_valid():
        return Status(400, {"detail": form_errors(form)})
    chosen = form.cleaned_data
    try:
        invitation = invitations.invite(
            request.auth, body, chosen["email"], chosen["role"], chosen["agency"]
        )
    except ValidationError as error:
        return Status(400, {"detail": _refused(error, chosen["email"].strip().lower())})
    return Status(201, _invitation(invitation))


@router.post(
    "/bodies/{body_id}/invitations/{invitation_id}/resend",
    response={200: InvitationOut, 400: Message},
    auth=require_user,
)
def resend_invitation(request, body_id: Id, invitation_id: Id):
    """E-mail a new link with a new expiry; the links sent before stop working."""
    invitation = _one(request, _staff_body(request, body_id), invitation_id, "resend")
    try:
        invitation = invitations.resend(request.auth, invitation)
    except ValidationError as error:
        return Status(400, {"detail": " ".join(error.messages)})
    return _invitation(invitation)


@router.delete(
    "/bodies/{body_id}/invitations/{invitation_id}",
    response={200: list[InvitationOut], 400: Message},
    auth=require_user,
)
def withdraw_invitation(request, body_id: Id, invitation_id: Id):
    """Withdraw an invitation not yet accepted: its link stops working. The invitations
    still waiting, as they are now."""
    body = _staff_body(request, body_id)
    invitation = _one(request, body, invitation_id, "cancel")
    try:
        invitations.cancel(request.auth, invitation)
    except ValidationError as error:
        return Status(400, {"detail": " ".join(error.messages)})
    return _pending(request, body)
