"""Proposers and their organisations: signing up, registering an organisation, joining one.

Joining an existing organisation is never immediate: it makes a request that one of the
organisation's proposers approves (an administrator, where it has none yet), because
whoever proposes for an organisation reads all its proposals, drafts included.
Agencies and city governments are not proposing organisations and cannot be joined here.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livinglab.core.access import require
from livinglab.core.people import display_name
from livinglab.orgs.models import Membership, Organisation
from livinglab.orgs.roles import forget_roles
from livinglab.proposals.models import JoinRequest, ProposerOrganisation

ORG_KIND = {
    ProposerOrganisation.Kind.COMPANY: Organisation.Kind.COMPANY,
    ProposerOrganisation.Kind.STARTUP: Organisation.Kind.COMPANY,
    ProposerOrganisation.Kind.SCHOOL: Organisation.Kind.SCHOOL,
    ProposerOrganisation.Kind.ASSOCIATION: Organisation.Kind.ASSOCIATION,
    ProposerOrganisation.Kind.PERSON: Organisation.Kind.OTHER,
}
JOINABLE_KINDS = set(ORG_KIND.values())


def find_organisation(name: str) -> Organisation | None:
    name = " ".join(name.split())
    # A person's own "organisation" is not one others can ask to join.
    joinable = Organisation.objects.filter(is_personal=False)
    return (
        joinable.filter(name=name).first()
        or joinable.filter(short_name=name, kind__in=JOINABLE_KINDS).first()
    )


def register_organisation(user, kind: str, name: str) -> Organisation:
    """A new proposing organisation with `user` as its first proposer.

    A person proposing for themselves gets an organisation named after them.
    """
    kind = ProposerOrganisation.Kind(kind)
    if kind == ProposerOrganisation.Kind.PERSON and not name:
        name = _("%(name)s (personal)") % {"name": display_name(user)}
        if Organisation.objects.filter(name=name).exists():
            name = f"{name} · {user.username}"
    if find_organisation(name) is not None:
        raise ValidationError(
            _("“%(name)s” is already registered: ask to join it instead.") % {"name": name}
        )
    try:
        with transaction.atomic():
            organisation = Organisation.objects.create(
                kind=ORG_KIND[kind],
                name=name[:200],
                is_personal=kind == ProposerOrganisation.Kind.PERSON,
            )
            ProposerOrganisation.objects.create(
                organisation=organisation, kind=kind, created_by=user
            )
            Membership.objects.create(
                user=user, role=Membership.Role.PROPOSER, organisation=organisation
            )
    except IntegrityError:
        raise ValidationError(
            _("“%(name)s” is already registered: ask to join it instead.") % {"name": name}
        ) from None
    forget_roles(user)
    return organisation


def ask_to_join(user, name: str, message: str = "") -> JoinRequest:
    """Ask the proposers of an existing organisation to let `user` propose for it."""
    organisation = find_organisation(name)
    if organisation is None:
        raise ValidationError(
            _("No organisation is registered as “%(name)s”; check the name or register it.")
            % {"name": name}
        )
    if organisation.kind not in JOINABLE_KINDS:
        raise ValidationError(
            _("%(name)s is a government agency; its staff are added by the secretariat.")
            % {"name": organisation.name}
        )
    if Membership.objects.filter(
        user=user, role=Membership.Role.PROPOSER, organisation=organisation
    ).exists():
        raise ValidationError(_("You already propose for %(name)s.") % {"name": organisation.name})
    existing = JoinRequest.objects.pending().filter(user=user, organisation=organisation).first()
    if existing:
        return existing
    return JoinRequest.objects.create(user=user, organisation=organisation, message=message)


def decide_join(user, request: JoinRequest, *, approve: bool) -> JoinRequest:
    """A proposer of the organisation (or an administrator) approves or refuses."""
    require(user, "decide", request)
    with transaction.atomic():
        request = JoinRequest.objects.select_for_update().get(pk=request.pk)
        if request.status != JoinRequest.Status.PENDING:
            raise ValidationError(_("This request was already answered."))
        request.status = JoinRequest.Status.APPROVED if approve else JoinRequest.Status.REFUSED
        request.decided_by, request.decided_at = user, timezone.now()
        request.save(update_fields=["status", "decided_by", "decided_at"])
        if approve:
            Membership.objects.get_or_create(
                user=request.user,
                role=Membership.Role.PROPOSER,
                organisation=request.organisation,
            )
    return request


def sign_up(user, *, kind: str, mode: str, organisation_name: str, message: str = ""):
    """The organisation step of signing up: returns (organisation or None, join request or None)."""
    if not user.is_authenticated:
        raise PermissionDenied("sign in first")
    if mode == "join":
        return None, ask_to_join(user, organisation_name, message)
    return register_organisation(user, kind, organisation_name), None
