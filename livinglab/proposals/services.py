"""Proposals: writing, attaching, submitting, withdrawing, and the secretariat's decision.

The rules a proposer meets live here, not in the views: a proposal answers a need of
its call (or none, where the call welcomes unsolicited proposals); drafts and submitted
proposals change only while the call is open, and one asked to revise until it is
submitted again. Every change is one transaction with its history event; the proposer
is told of a decision on the site at once and by e-mail after commit.
"""

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from livinglab.core.access import require
from livinglab.orgs.models import Membership
from livinglab.proposals.models import Attachment, Proposal, ProposalEvent
from livinglab.proposals.policies import proposes_for
from livinglab.work.attachments import AttachmentRejected, sniff
from livinglab.work.models import Notification
from livinglab.work.notifications import notify

log = logging.getLogger(__name__)

MAX_ATTACHMENTS = 10
PROPOSAL_FIELDS = [
    "need",
    "title",
    "summary",
    "solution",
    "team",
    "trl",
    "site_wanted",
    "period_months",
    "budget",
    "funding",
    "credits_requested",
    "expected_kpis",
    "domain",
]
# What a proposal must say before it can be submitted.
REQUIRED_TO_SUBMIT = [
    "summary",
    "solution",
    "team",
    "trl",
    "period_months",
    "budget",
    "funding",
    "expected_kpis",
]
OUTCOMES = {
    "accept": Proposal.Status.ACCEPTED,
    "reject": Proposal.Status.REJECTED,
    "revise": Proposal.Status.REVISE,
}
DECIDABLE = {Proposal.Status.SUBMITTED, Proposal.Status.UNDER_REVIEW, Proposal.Status.REVISE}
WITHDRAWABLE = {
    Proposal.Status.DRAFT,
    Proposal.Status.SUBMITTED,
    Proposal.Status.UNDER_REVIEW,
    Proposal.Status.REVISE,
}


def local_time(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "Y-m-d H:i")


# --- Checks --------------------------------------------------------------------------


def check_call_open(call, now=None) -> None:
    if not call.is_published or not call.is_open(now):
        if call.opens_at > (now or timezone.now()):
            message = _("The call “%(call)s” opens at %(when)s (Taipei time).")
            when = call.opens_at
        else:
            message = _(
                "The call “%(call)s” closed at %(when)s (Taipei time); proposals to it can"
                " no longer be written, changed or submitted."
            )
            when = call.closes_at
        raise ValidationError(message % {"call": call.title, "when": local_time(when)})


def check_editable(proposal: Proposal, now=None) -> None:
    """Refuse, with the reason, a change to a proposal that may no longer change."""
    if proposal.status == Proposal.Status.REVISE:
        return
    if proposal.status not in (Proposal.Status.DRAFT, Proposal.Status.SUBMITTED):
        raise ValidationError(
            _("A proposal that is %(status)s can no longer be changed.")
            % {"status": proposal.get_status_display()}
        )
    check_call_open(proposal.call, now)


def check_need(call, need) -> None:
    """The need must be one of the call's; none only where the call welcomes that."""
    if need is None:
        if not call.accepts_unsolicited:
            raise ValidationError(
                _("The call “%(call)s” takes only proposals that answer one of its needs.")
                % {"call": call.title}
            )
        return
    if not need.is_public or not call.needs.filter(pk=need.pk).exists():
        raise ValidationError(
            _("“%(need)s” is not a need of the call “%(call)s”.")
            % {"need": need.title, "call": call.title}
        )


def missing_to_submit(proposal: Proposal) -> list[str]:
    """The names of the fields still empty that a submitted proposal must fill."""
    missing = []
    for name in REQUIRED_TO_SUBMIT:
        value = getattr(proposal, name)
        if value is None or (isinstance(value, str) and not value.strip()):
            missing.append(str(Proposal._meta.get_field(name).verbose_name))
    return missing


def _locked(proposal: Proposal) -> Proposal:
    """The proposal read again under a row lock, so two requests cannot race past a rule."""
    return Proposal.objects.select_for_update().select_related("call").get(pk=proposal.pk)


# --- History -------------------------------------------------------------------------


def record(
    proposal: Proposal,
    kind: str,
    actor=None,
    reason: str = "",
    payload: dict | None = None,
    shown_to_proposer: bool = True,
) -> ProposalEvent:
    """Add a step to a proposal's history (other apps call this for their own kinds)."""
    return ProposalEvent.objects.create(
        proposal=proposal,
        kind=kind,
        actor=actor,
        status=proposal.status,
        reason=reason,
        payload=payload or {},
        shown_to_proposer=shown_to_proposer,
    )


def history_for(user, proposal: Proposal):
    """The events the user may read: the proposer reads those shown to proposers."""
    from livinglab.orgs.roles import roles_of

    events = proposal.events.select_related("actor")
    roles = roles_of(user)
    if roles.is_admin or proposal.call.body_id in roles.secretariat_body_ids:
        return events
    return events.filter(shown_to_proposer=True)


# --- Writing -------------------------------------------------------------------------


def start_proposal(user, organisation, call, data: dict, files=()) -> Proposal:
    """A proposer starts a draft for their organisation in an open call."""
    if not proposes_for(user, organisation.pk):
        raise PermissionDenied("may not propose for this organisation")
    check_call_open(call)
    check_need(call, data.get("need"))
    checked = _check_files(files, already=0)
    proposal = Proposal(
        call=call,
        organisation=organisation,
        submitted_by=user,
        **{k: data[k] for k in PROPOSAL_FIELDS if k in data},
    )
    proposal.full_clean()
    with transaction.atomic():
        proposal.save()
        record(proposal, ProposalEvent.Kind.CREATED, user)
        _save_files(user, proposal, checked)
    return proposal


def update_proposal(user, proposal: Proposal, data: dict, files=()) -> Proposal:
    """Change a draft, a submitted proposal while its call is open, or one to revise."""
    require(user, "change", proposal)
    with transaction.atomic():
        proposal = _locked(proposal)
        check_editable(proposal)
        check_need(proposal.call, data.get("need", proposal.need))
        checked = _check_files(files, already=proposal.attachments.count())
        changed = []
        for name in PROPOSAL_FIELDS:
            if name in data and getattr(proposal, name) != data[name]:
                setattr(proposal, name, data[name])
                changed.append(name)
        proposal.full_clean()
        proposal.save()
        if changed:
            record(proposal, ProposalEvent.Kind.EDITED, user, payload={"fields": changed})
        _save_files(user, proposal, checked)
    return proposal


def add_attachments(user, proposal: Proposal, files) -> list[Attachment]:
    require(user, "attach", proposal)
    with transaction.atomic():
        proposal = _locked(proposal)
        check_editable(proposal)
        checked = _check_files(files, already=proposal.attachments.count())
        return _save_files(user, proposal, checked)


def remove_attachment(user, attachment: Attachment) -> None:
    require(user, "delete", attachment)
    with transaction.atomic():
        proposal = _locked(attachment.proposal)
        check_editable(proposal)
        name = attachment.filename
        attachment.file.delete(save=False)
        attachment.delete()
        record(proposal, ProposalEvent.Kind.ATTACHMENT_REMOVED, user, payload={"file": name})


def _check_files(files, already: int) -> list[tuple[str, bytes, str]]:
    """Read and check every file by its content before anything is saved."""
    files = list(files)
    if already + len(files) > MAX_ATTACHMENTS:
        raise AttachmentRejected(
            _("A proposal takes at most %(count)s attachments.") % {"count": MAX_ATTACHMENTS}
        )
    checked = []
    for file in files:
        data = file.read()
        checked.append((file.name, data, sniff(file.name, data)))
    return checked


def _save_files(user, proposal: Proposal, checked) -> list[Attachment]:
    saved = []
    for name, data, content_type in checked:
        attachment = Attachment(
            proposal=proposal,
            filename=name[:255],
            content_type=content_type,
            size=len(data),
            uploaded_by=user,
        )
        attachment.file.save(name, ContentFile(data), save=False)
        attachment.save()
        record(proposal, ProposalEvent.Kind.ATTACHMENT_ADDED, user, payload={"file": name})
        saved.append(attachment)
    return saved


# --- Status --------------------------------------------------------------------------


def submit(user, proposal: Proposal) -> Proposal:
    """Send a draft (while the call is open) or a revised proposal to the secretariat."""
    require(user, "submit", proposal)
    with transaction.atomic():
        proposal = _locked(proposal)
        if proposal.status == Proposal.Status.DRAFT:
            check_call_open(proposal.call)
        elif proposal.status != Proposal.Status.REVISE:
            raise ValidationError(
                _("A proposal that is %(status)s cannot be submitted.")
                % {"status": proposal.get_status_display()}
            )
        check_need(proposal.call, proposal.need)
        missing = missing_to_submit(proposal)
        if missing:
            raise ValidationError(
                _("Fill in before submitting: %(fields)s.") % {"fields": "、".join(missing)}
            )
        proposal.status = Proposal.Status.SUBMITTED
        proposal.submitted_at = timezone.now()
        proposal.save(update_fields=["status", "submitted_at", "updated_at"])
        record(proposal, ProposalEvent.Kind.SUBMITTED, user)
    return proposal


def withdraw(user, proposal: Proposal, reason: str = "") -> Proposal:
    require(user, "withdraw", proposal)
    with transaction.atomic():
        proposal = _locked(proposal)
        if proposal.status not in WITHDRAWABLE:
            raise ValidationError(
                _("A proposal that is %(status)s cannot be withdrawn.")
                % {"status": proposal.get_status_display()}
            )
        proposal.status = Proposal.Status.WITHDRAWN
        proposal.save(update_fields=["status", "updated_at"])
        record(proposal, ProposalEvent.Kind.WITHDRAWN, user, reason=reason)
    return proposal


def start_review(user, proposal: Proposal, reason: str = "") -> Proposal:
    """The secretariat takes a submitted proposal into review (the reviews app calls this)."""
    require(user, "review", proposal)
    with transaction.atomic():
        proposal = _locked(proposal)
        if proposal.status != Proposal.Status.SUBMITTED:
            return proposal
        proposal.status = Proposal.Status.UNDER_REVIEW
        proposal.save(update_fields=["status", "updated_at"])
        record(proposal, ProposalEvent.Kind.UNDER_REVIEW, user, reason=reason)
        _tell_proposers(proposal, email=False)
    return proposal


def decide(user, proposal: Proposal, outcome: str, reason: str) -> Proposal:
    """The secretariat accepts, rejects or asks to revise, with a reason the proposer reads.

    `outcome` is "accept", "reject" or "revise" (or the status it leads to). A reason is
    required to reject or to ask for a revision. Recorded on the proposal's history;
    the proposer is notified on the site and, after commit, by e-mail.
    """
    status = OUTCOMES.get(outcome) or Proposal.Status(outcome)
    if status not in OUTCOMES.values():
        raise ValueError(f"unknown outcome {outcome!r}")
    require(user, "decide", proposal)
    reason = (reason or "").strip()
    if not reason and status != Proposal.Status.ACCEPTED:
        raise ValidationError(_("Give the proposer a reason."))
    with transaction.atomic():
        proposal = _locked(proposal)
        if proposal.status not in DECIDABLE:
            raise ValidationError(
                _("A proposal that is %(status)s cannot be decided.")
                % {"status": proposal.get_status_display()}
            )
        proposal.status = status
        proposal.save(update_fields=["status", "updated_at"])
        record(proposal, status, user, reason=reason)
        _tell_proposers(proposal, email=True, reason=reason)
    return proposal


def proposers_of(proposal: Proposal):
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__role=Membership.Role.PROPOSER,
            memberships__organisation_id=proposal.organisation_id,
        )
        .distinct()
    )


def _tell_proposers(proposal: Proposal, *, email: bool, reason: str = "") -> None:
    people = list(proposers_of(proposal))
    url = proposal.get_absolute_url()
    notify(people, Notification.Kind.PROPOSAL_STATUS, proposal.title, url)
    addresses = [p.email for p in people if p.email]
    if email and addresses:
        message = _status_email(proposal, addresses, reason, url)
        transaction.on_commit(lambda: _send(message))


def _status_email(proposal: Proposal, addresses, reason: str, url: str) -> EmailMessage:
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "proposal": proposal,
            "status": proposal.get_status_display(),
            "reason": reason,
            "url": settings.SITE_URL + url,
            "site_name": str(settings.SITE_NAME),
        }
        subject = _("[%(site)s] Your proposal “%(title)s” is %(status)s") % {
            "site": context["site_name"],
            "title": proposal.title,
            "status": context["status"],
        }
        body = render_to_string("proposals/email/status.txt", context)
    return EmailMessage(subject=" ".join(subject.split()), body=body, to=addresses)


def _send(message: EmailMessage) -> None:
    try:
        message.send()
    except OSError:  # the decision stands; the notification on the site still tells them
        log.exception("could not e-mail the decision on a proposal to %s", message.to)
