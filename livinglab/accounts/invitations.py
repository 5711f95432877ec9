"""Inviting people to a body's staff by e-mail, with a signed, expiring, single-use link.

The link carries `signing.dumps({"i": id, "n": nonce})`: the signature proves the
platform wrote it; the invitation row says whether it may still be used (not accepted,
not cancelled, not expired, and the nonce still the latest one sent).
"""

import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from livinglab.accounts.models import Invitation
from livinglab.core.access import require
from livinglab.meetings.services import check_staff_role
from livinglab.orgs.models import Membership
from livinglab.orgs.roles import forget_roles

logger = logging.getLogger(__name__)
SALT = "livinglab.accounts.invitation"
VALID_FOR = timedelta(days=7)


class Problem:
    """Why a link cannot be used, in words the invitee is shown."""

    INVALID = "invalid"
    REPLACED = "replaced"
    CANCELLED = "cancelled"
    USED = "used"
    EXPIRED = "expired"


class Refusal:
    """Why `invite` refused an address: the codes of its ValidationErrors."""

    ON_STAFF = "on_staff"
    HAS_ACCOUNT = "has_account"
    INVITED = "invited"


@dataclass
class Opened:
    invitation: Invitation | None
    problem: str | None = None


def account_for(email: str):
    return get_user_model().objects.filter(email__iexact=email.strip()).first()


@transaction.atomic
def invite(user, body, email: str, role: str, agency=None) -> Invitation:
    require(user, "staff", body)
    email = email.strip().lower()
    agency = check_staff_role(body, role, agency)
    # The codes let the API word the same refusals without the page's "above" and "below".
    person = account_for(email)
    if person is not None and Membership.objects.filter(user=person, body=body).exists():
        raise ValidationError(
            _("%(email)s is on the staff of this body already.") % {"email": email},
            code=Refusal.ON_STAFF,
        )
    if person is not None:
        raise ValidationError(
            _("%(email)s already has an account: add the person by login name or e-mail above.")
            % {"email": email},
            code=Refusal.HAS_ACCOUNT,
        )
    if Invitation.objects.pending().filter(body=body, email__iexact=email).exists():
        raise ValidationError(
            _("%(email)s is already invited to this body: send the invitation again below.")
            % {"email": email},
            code=Refusal.INVITED,
        )
    invitation = Invitation(email=email, body=body, role=role, organisation=agency)
    invitation.invited_by = user
    _send(invitation)
    return invitation


@transaction.atomic
def resend(user, invitation: Invitation) -> Invitation:
    """A new link with a new expiry; the links sent before stop working."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    require(user, "resend", invitation)
    if not invitation.is_pending:
        raise ValidationError(_("This invitation was already used or cancelled."))
    _send(invitation)
    return invitation


@transaction.atomic
def cancel(user, invitation: Invitation) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    require(user, "cancel", invitation)
    if not invitation.is_pending:  # accepted: the person is on the staff already
        raise ValidationError(_("This invitation was already used or cancelled."))
    invitation.cancelled_at = timezone.now()
    invitation.save(update_fields=["cancelled_at"])
    return invitation


def _send(invitation: Invitation) -> None:
    now = timezone.now()
    invitation.nonce = secrets.token_hex(8)
    invitation.sent_at = now
    invitation.expires_at = now + VALID_FOR
    invitation.save()
    link = settings.SITE_URL + reverse("accounts:invitation", args=[token_for(invitation)])
    transaction.on_commit(lambda: _mail(invitation, link))


def _mail(invitation: Invitation, link: str) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "invitation": invitation,
            "link": link,
            "site_name": str(settings.SITE_NAME),
            "role": invitation.get_role_display(),
        }
        subject = _("[%(site)s] You are invited to %(body)s") % {
            "site": context["site_name"],
            "body": invitation.body.name,
        }
        text = render_to_string("accounts/email/invitation.txt", context)
    try:
        send_mail(" ".join(subject.split()), text, None, [invitation.email])
    except OSError:  # SMTP refused or unreachable: the secretariat can send it again
        logger.exception("invitation %s could not be mailed", invitation.pk)


def token_for(invitation: Invitation) -> str:
    return signing.dumps({"i": invitation.pk, "n": invitation.nonce}, salt=SALT)


def open_link(token: str) -> Opened:
    """The invitation a link names, and why it cannot be used, if it cannot."""
    try:
        data = signing.loads(token, salt=SALT)
        invitation = Invitation.objects.select_related("body", "organisation").get(pk=data["i"])
    except (signing.BadSignature, Invitation.DoesNotExist, KeyError, TypeError, ValueError):
        return Opened(None, Problem.INVALID)
    if invitation.accepted_at is not None:
        return Opened(invitation, Problem.USED)
    if invitation.cancelled_at is not None:
        return Opened(invitation, Problem.CANCELLED)
    if not secrets.compare_digest(str(data.get("n", "")), invitation.nonce):
        return Opened(invitation, Problem.REPLACED)
    if invitation.is_expired:
        return Opened(invitation, Problem.EXPIRED)
    return Opened(invitation)


@transaction.atomic
def accept(token: str, display_name: str, password: str):
    """Create the invitee's account (their e-mail address is their login name) and their
    place on the body's staff; the link cannot be used again. Returns the new user."""
    opened = open_link(token)
    if opened.problem:
        raise ValidationError(problem_message(opened.problem))
    invitation = Invitation.objects.select_for_update().get(pk=opened.invitation.pk)
    if not invitation.is_pending:  # accepted by a concurrent request meanwhile
        raise ValidationError(problem_message(Problem.USED))
    User = get_user_model()
    if account_for(invitation.email) or User.objects.filter(username=invitation.email).exists():
        raise ValidationError(
            _("An account with this e-mail address exists already: sign in with it instead.")
        )
    user = User(username=invitation.email, email=invitation.email, first_name=display_name.strip())
    validate_password(password, user)
    user.set_password(password)
    user.save()
    Membership.objects.get_or_create(
        user=user, role=invitation.role, body=invitation.body, organisation=invitation.organisation
    )
    forget_roles(user)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return user


def problem_message(problem: str) -> str:
    return {
        Problem.INVALID: _("This link is not valid. Check that it was copied whole."),
        Problem.REPLACED: _(
            "This link was replaced by a newer invitation. Use the link in the latest e-mail."
        ),
        Problem.CANCELLED: _("This invitation was cancelled. Ask the body's secretariat."),
        Problem.USED: _("This link was already used. Sign in with your e-mail address."),
        Problem.EXPIRED: _("This link has expired. Ask the body's secretariat to send it again."),
    }[problem]
