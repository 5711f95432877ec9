"""Reviews: assigning reviewers, conflicts of interest, scoring, summaries, decisions.

Every function checks the caller's permission with `require` before it changes
anything and changes everything it must in one transaction, with the proposal's history
(`ProposalEvent`) saying who did what and when. A rule a person breaks (a score outside
the scale, the review deadline passed) raises `ValidationError` with a message for them,
before anything is written. Events about reviewers are kept from the proposer.
"""

from dataclasses import dataclass, field
from fractions import Fraction

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from livinglab.core.access import require
from livinglab.core.people import display_name
from livinglab.needs.models import Factor, Gate
from livinglab.orgs.models import Membership
from livinglab.proposals import services as proposals
from livinglab.proposals.models import Proposal
from livinglab.reviews import aggregation
from livinglab.reviews.models import (
    Assignment,
    Event,
    Expertise,
    GateAnswer,
    ReviewSummary,
    Score,
)
from livinglab.reviews.policies import runs_call
from livinglab.reviews.suggestions import Candidate, Suggestion, suggest_reviewers
from livinglab.work.models import Notification
from livinglab.work.notifications import notify, secretaries_of

IN_REVIEW = (Proposal.Status.SUBMITTED, Proposal.Status.UNDER_REVIEW)
SUGGESTIONS = 5


def local_time(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "Y-m-d H:i")


def _record(proposal, kind, actor, assignment, **payload):
    return proposals.record(
        proposal,
        kind,
        actor,
        payload={"assignment": assignment.pk, "reviewer": assignment.reviewer_id, **payload},
        shown_to_proposer=False,
    )


# --- The committee and suggestions -----------------------------------------------------


def committee(call):
    """The people who may review the call's proposals: its named reviewers, or, where
    it names none, the reviewers of its body."""
    User = get_user_model()
    named = User.objects.filter(review_calls=call, is_active=True)
    if named.exists():
        return named
    return User.objects.filter(
        is_active=True,
        memberships__role=Membership.Role.REVIEWER,
        memberships__body_id=call.body_id,
    ).distinct()


def topics_of(proposal: Proposal) -> list[str]:
    """The topic keys a reviewer's expertise is matched against: the proposal's domain,
    then its need's domain and priority tags."""
    keys = [proposal.domain.key]
    if proposal.need_id:
        keys.append(proposal.need.domain.key)
        keys.extend(tag.key for tag in proposal.need.tags.all())
    return list(dict.fromkeys(keys))


def _candidates(call) -> list[Candidate]:
    people = committee(call).annotate(
        load=Count(
            "reviews_assigned",
            filter=Q(
                reviews_assigned__conflict=False,
                reviews_assigned__submitted_at__isnull=True,
                reviews_assigned__proposal__status__in=IN_REVIEW,
            ),
            distinct=True,
        )
    )
    people = list(people)
    expertise: dict[int, set[str]] = {}
    for reviewer_id, key in Expertise.objects.filter(reviewer__in=people).values_list(
        "reviewer_id", "domain__key"
    ):
        expertise.setdefault(reviewer_id, set()).add(key)
    return [
        Candidate(
            key=person.pk,
            name=display_name(person),
            expertise=frozenset(expertise.get(person.pk, ())),
            load=person.load,
        )
        for person in people
    ]


def not_eligible(proposal: Proposal) -> set[int]:
    """People who may not review the proposal: already assigned (a conflict included)
    and those who propose for its organisation."""
    assigned = set(proposal.review_assignments.values_list("reviewer_id", flat=True))
    own = set(
        Membership.objects.filter(
            role=Membership.Role.PROPOSER, organisation_id=proposal.organisation_id
        ).values_list("user_id", flat=True)
    )
    return assigned | own


def suggest(user, proposal: Proposal, limit: int = SUGGESTIONS) -> list[Suggestion]:
    """Reviewers to suggest for the proposal: expertise first, then the lightest load."""
    if not runs_call(user, proposal.call):
        raise PermissionDenied("only the call's secretariat assigns reviewers")
    return suggest_reviewers(
        _candidates(proposal.call), topics_of(proposal), not_eligible(proposal), limit
    )


def set_expertise(user, reviewer, domains) -> None:
    """Replace a reviewer's expertise: the reviewer themself or a secretariat."""
    roles_ok = user.pk == reviewer.pk or runs_any_call(user)
    if not roles_ok:
        raise PermissionDenied("may not change this reviewer's expertise")
    with transaction.atomic():
        Expertise.objects.filter(reviewer=reviewer).delete()
        Expertise.objects.bulk_create(Expertise(reviewer=reviewer, domain=d) for d in domains)


def runs_any_call(user) -> bool:
    from livinglab.orgs.roles import roles_of

    return roles_of(user).is_secretariat


# --- Assigning and moving -----------------------------------------------------------


def assign(user, proposal: Proposal, reviewer, *, replacing: Assignment | None = None):
    """The secretariat asks `reviewer` to review the proposal (in place of a conflicted
    reviewer's assignment when `replacing`)."""
    require(user, "assign", Assignment(proposal=proposal, reviewer=reviewer))
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().select_related("call").get(pk=proposal.pk)
        if proposal.status not in IN_REVIEW:
            raise ValidationError(
                _("A proposal that is %(status)s is not under review.")
                % {"status": proposal.get_status_display()}
            )
        if not committee(proposal.call).filter(pk=reviewer.pk).exists():
            raise ValidationError(
                _("%(person)s is not a reviewer of the call “%(call)s”.")
                % {"person": _name(reviewer), "call": proposal.call.title}
            )
        if reviewer.pk in not_eligible(proposal):
            raise ValidationError(
                _(
                    "%(person)s is already assigned to this proposal or proposes for its organisation."
                )
                % {"person": _name(reviewer)}
            )
        assignment = Assignment.objects.create(
            proposal=proposal, reviewer=reviewer, assigned_by=user
        )
        if replacing is not None:
            replacing.replaced_by = assignment
            replacing.save(update_fields=["replaced_by"])
            _record(proposal, Event.MOVED, user, assignment, moved_from=replacing.reviewer_id)
        else:
            _record(proposal, Event.ASSIGNED, user, assignment)
        if proposal.status == Proposal.Status.SUBMITTED:
            proposals.start_review(user, proposal)
        summarise(proposal)
        notify(
            [reviewer],
            Notification.Kind.REVIEW_ASSIGNED,
            proposal.title,
            assignment.get_absolute_url(),
        )
    return assignment


def move(user, assignment: Assignment, reviewer) -> Assignment:
    """Move a conflicted reviewer's assignment to `reviewer`."""
    with transaction.atomic():
        assignment = (
            Assignment.objects.select_for_update()
            .select_related("proposal__call")
            .get(pk=assignment.pk)
        )
        require(user, "move", assignment)
        return assign(user, assignment.proposal, reviewer, replacing=assignment)


def _name(person) -> str:
    return display_name(person)


# --- Declaring a conflict of interest -------------------------------------------------


def declare(user, assignment: Assignment, *, conflict: bool, reason: str = "") -> Assignment:
    """The reviewer declares a conflict of interest (with the reason) or that they have none.

    A conflicted reviewer never sees the proposal again; the call's secretariat is told
    to move the review to someone else.
    """
    reason = (reason or "").strip()
    with transaction.atomic():
        assignment = (
            Assignment.objects.select_for_update()
            .select_related("proposal__call")
            .get(pk=assignment.pk)
        )
        require(user, "declare", assignment)
        if conflict and not reason:
            raise ValidationError(_("Say what the conflict of interest is."))
        assignment.declared_at = timezone.now()
        assignment.conflict = conflict
        assignment.conflict_reason = reason if conflict else ""
        assignment.save(update_fields=["declared_at", "conflict", "conflict_reason"])
        proposal = assignment.proposal
        kind = Event.CONFLICT if conflict else Event.NO_CONFLICT
        proposals.record(
            proposal,
            kind,
            user,
            reason=assignment.conflict_reason,
            payload={"assignment": assignment.pk, "reviewer": user.pk},
            shown_to_proposer=False,
        )
        if conflict:
            summarise(proposal)
            from django.urls import reverse

            notify(
                secretaries_of(proposal.call.body_id),
                Notification.Kind.REVIEW_CONFLICT,
                proposal.title,
                reverse("reviews:proposal", args=[proposal.pk]),
            )
    return assignment


# --- Scoring --------------------------------------------------------------------------


@dataclass
class ReviewInput:
    """What a reviewer wrote: scores `{factor_id: (value or None, comment)}` and gate
    answers `{gate_id: (yes/no or None, reason)}`; None leaves a draft's blank."""

    scores: dict[int, tuple[int | None, str]] = field(default_factory=dict)
    gates: dict[int, tuple[bool | None, str]] = field(default_factory=dict)


def check_deadline(call, now=None) -> None:
    now = now or timezone.now()
    if call.review_due_at is not None and now > call.review_due_at:
        raise ValidationError(
            _(
                "Reviews for the call “%(call)s” were due by %(when)s (Taipei time); "
                "scores can no longer be given or changed."
            )
            % {"call": call.title, "when": local_time(call.review_due_at)}
        )


def _check_scores(factors: dict[int, Factor], review: ReviewInput) -> list[str]:
    """Every problem with the scores, as messages; empty when all are within scale."""
    problems = []
    for factor_id, (value, _comment) in review.scores.items():
        factor = factors.get(factor_id)
        if factor is None:
            problems.append(_("A score was given for a factor that is not in this call's rubric."))
        elif value is not None and not factor.in_scale(value):
            problems.append(
                _(
                    "“%(factor)s” is scored from %(low)s to %(high)s; %(value)s is outside the scale."
                )
                % {
                    "factor": factor.name,
                    "low": factor.scale_min,
                    "high": factor.scale_max,
                    "value": value,
                }
            )
    return problems


def _check_gates(gates: dict[int, Gate], review: ReviewInput) -> list[str]:
    return [
        _("An answer was given to a gate that is not in this call's rubric.")
        for gate_id in review.gates
        if gate_id not in gates
    ]


def _check_complete(factors, gates, review: ReviewInput) -> list[str]:
    problems = []
    for factor in factors.values():
        if review.scores.get(factor.pk, (None, ""))[0] is None:
            problems.append(_("Score “%(factor)s”.") % {"factor": factor.name})
    for gate in gates.values():
        answer, reason = review.gates.get(gate.pk, (None, ""))
        if answer is None:
            problems.append(_("Answer “%(gate)s”.") % {"gate": gate.question})
        elif not reason.strip():
            problems.append(
                _("Give the reason for your answer to “%(gate)s”.") % {"gate": gate.question}
            )
    return problems


def save_review(
    user, assignment: Assignment, review: ReviewInput, *, submit: bool = False, now=None
) -> Assignment:
    """Save the reviewer's answers and scores, and submit them when `submit`.

    Everything is checked before anything is written: scores outside a factor's scale,
    a review after the call's deadline, or (to submit) a factor or gate left blank are
    refused with every reason at once, and nothing is saved. A submitted review is final.
    """
    with transaction.atomic():
        assignment = (
            Assignment.objects.select_for_update()
            .select_related("proposal__call")
            .get(pk=assignment.pk)
        )
        require(user, "score", assignment)
        proposal, call = assignment.proposal, assignment.proposal.call
        check_deadline(call, now)
        if proposal.status not in IN_REVIEW:
            raise ValidationError(
                _("A proposal that is %(status)s is no longer under review.")
                % {"status": proposal.get_status_display()}
            )
        factors = {f.pk: f for f in Factor.objects.filter(call=call)}
        gates = {g.pk: g for g in Gate.objects.filter(call=call)}
        problems = _check_scores(factors, review) + _check_gates(gates, review)
        if submit and not problems:
            problems += _check_complete(factors, gates, review)
        if problems:
            raise ValidationError(problems)
        _write(assignment, review)
        if submit:
            assignment.submitted_at = now or timezone.now()
            assignment.save(update_fields=["submitted_at"])
            _record(proposal, Event.SUBMITTED, user, assignment)
            summary = summarise(proposal)
            if summary.is_complete:
                from django.urls import reverse

                notify(
                    secretaries_of(call.body_id),
                    Notification.Kind.PROPOSAL_TO_DECIDE,
                    proposal.title,
                    reverse("reviews:proposal", args=[proposal.pk]),
                )
    return assignment


def _write(assignment: Assignment, review: ReviewInput) -> None:
    Score.objects.filter(assignment=assignment).delete()
    GateAnswer.objects.filter(assignment=assignment).delete()
    Score.objects.bulk_create(
        Score(assignment=assignment, factor_id=factor_id, value=value, comment=comment.strip())
        for factor_id, (value, comment) in review.scores.items()
        if value is not None
    )
    GateAnswer.objects.bulk_create(
        GateAnswer(assignment=assignment, gate_id=gate_id, answer=answer, reason=reason.strip())
        for gate_id, (answer, reason) in review.gates.items()
        if answer is not None
    )


def review_input_of(assignment: Assignment) -> ReviewInput:
    """What the reviewer saved so far, as a `ReviewInput` (to fill the form again)."""
    return ReviewInput(
        scores={s.factor_id: (s.value, s.comment) for s in assignment.scores.all()},
        gates={a.gate_id: (a.answer, a.reason) for a in assignment.gate_answers.all()},
    )


# --- Summaries ------------------------------------------------------------------------


def rubric_factors(factors) -> list[aggregation.Factor]:
    return [aggregation.Factor(f.pk, f.weight, f.scale_min, f.scale_max) for f in factors]


@dataclass
class ProposalReviews:
    """A proposal's submitted reviews added up, for the secretariat's page."""

    aggregate: aggregation.Aggregate
    totals: dict[int, Fraction]  # assignment id → the reviewer's total
    factor_spreads: dict[int, Fraction]  # factor id → spread
    gates: dict[int, aggregation.Gates]
    passes_gates: bool


def add_up(proposal: Proposal, factors=None, assignments=None) -> ProposalReviews:
    """Aggregate the proposal's submitted reviews (pure `aggregation` over its rows)."""
    if factors is None:
        factors = list(Factor.objects.filter(call_id=proposal.call_id))
    if assignments is None:
        assignments = list(
            Assignment.objects.submitted()
            .filter(proposal=proposal)
            .prefetch_related("scores", "gate_answers")
        )
    rubric = rubric_factors(factors)
    reviews = {a.pk: {s.factor_id: s.value for s in a.scores.all()} for a in assignments}
    totals = {pk: aggregation.reviewer_total(rubric, values) for pk, values in reviews.items()}
    tally, passes = aggregation.gates_passed(
        (answer.gate_id, answer.answer) for a in assignments for answer in a.gate_answers.all()
    )
    return ProposalReviews(
        aggregate=aggregation.aggregate(totals.values()),
        totals=totals,
        factor_spreads=aggregation.factor_spreads(rubric, reviews.values()),
        gates=tally,
        passes_gates=passes,
    )


def _decimal(value: Fraction | None):
    from decimal import ROUND_HALF_EVEN, Decimal

    if value is None:
        return None
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal("0.000001"), rounding=ROUND_HALF_EVEN)


def summarise(proposal: Proposal) -> ReviewSummary:
    """Write the proposal's `ReviewSummary` again from its assignments and scores."""
    added = add_up(proposal)
    active = Assignment.objects.filter(proposal=proposal).active().count()
    summary, _created = ReviewSummary.objects.update_or_create(
        proposal=proposal,
        defaults={
            "call_id": proposal.call_id,
            "assigned": active,
            "submitted": added.aggregate.reviews,
            "score": _decimal(added.aggregate.score),
            "spread": _decimal(added.aggregate.spread),
            "disagreement": added.aggregate.disagreement,
            "passes_gates": added.passes_gates,
        },
    )
    return summary


# --- The decision --------------------------------------------------------------------


def decide(user, proposal: Proposal, outcome: str, reason: str) -> Proposal:
    """The secretariat's accept / reject / revise, through the proposals app."""
    return proposals.decide(user, proposal, outcome, reason)


# --- Reminders ------------------------------------------------------------------------


def remind_due(now=None, days: int = 3) -> int:
    """Tell each reviewer once about reviews due within `days` they have not submitted."""
    from datetime import timedelta

    now = now or timezone.now()
    due = list(
        Assignment.objects.pending()
        .filter(
            reminded_at__isnull=True,
            proposal__status__in=IN_REVIEW,
            proposal__call__review_due_at__gt=now,
            proposal__call__review_due_at__lte=now + timedelta(days=days),
        )
        .select_related("reviewer", "proposal")
    )
    with transaction.atomic():
        for assignment in due:
            notify(
                [assignment.reviewer],
                Notification.Kind.REVIEW_DUE,
                assignment.proposal.title,
                assignment.get_absolute_url(),
            )
        Assignment.objects.filter(pk__in=[a.pk for a in due]).update(reminded_at=now)
    return len(due)
