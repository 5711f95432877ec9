"""What the review pages read: queues, counts and boards, in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef

from livinglab.needs.models import Call
from livinglab.orgs.roles import roles_of
from livinglab.proposals.models import Proposal
from livinglab.reviews import services
from livinglab.reviews.models import Assignment, ReviewSummary, visible_reviews

DONE_SHOWN = 20
CALLS_SHOWN = 20


def due_for(user):
    """The reviewer's reviews still to do, the soonest deadline first."""
    return list(
        Assignment.objects.visible_to(user)
        .filter(reviewer=user)
        .pending()
        .filter(proposal__status__in=services.IN_REVIEW)
        .select_related("proposal__call", "proposal__organisation")
        .order_by(F("proposal__call__review_due_at").asc(nulls_last=True), "assigned_at", "pk")
    )


def done_for(user):
    return list(
        Assignment.objects.visible_to(user)
        .filter(reviewer=user)
        .submitted()
        .select_related("proposal__call")
        .order_by("-submitted_at", "-pk")[:DONE_SHOWN]
    )


@dataclass
class CallWork:
    call: Call
    in_review: int = 0
    unassigned: int = 0
    to_move: int = 0
    to_decide: int = 0


def calls_for_secretariat(user) -> list[CallWork]:
    """The calls the user runs, with what waits for them: five queries whatever the size."""
    roles = roles_of(user)
    if not roles.is_secretariat:
        return []
    calls = (
        Call.objects.all()
        if roles.is_admin
        else Call.objects.filter(body_id__in=roles.secretariat_body_ids)
    )
    work = {c.pk: CallWork(c) for c in calls.order_by("-closes_at", "-pk")[:CALLS_SHOWN]}
    in_review = Proposal.objects.filter(call_id__in=work, status__in=services.IN_REVIEW)
    for call_id, count in _count(in_review, "call_id"):
        work[call_id].in_review = count
    unassigned = in_review.filter(
        ~Exists(Assignment.objects.active().filter(proposal=OuterRef("pk")))
    )
    for call_id, count in _count(unassigned, "call_id"):
        work[call_id].unassigned = count
    moving = Assignment.objects.to_move().filter(proposal__call_id__in=work)
    for call_id, count in _count(moving, "proposal__call_id"):
        work[call_id].to_move = count
    deciding = ReviewSummary.objects.filter(
        call_id__in=work,
        assigned__gt=0,
        submitted=F("assigned"),
        proposal__status__in=services.IN_REVIEW,
    )
    for call_id, count in _count(deciding, "call_id"):
        work[call_id].to_decide = count
    return list(work.values())


def _count(queryset, by: str):
    return queryset.order_by().values_list(by).annotate(n=Count("pk")).values_list(by, "n")


@dataclass
class ToMove:
    assignment: Assignment
    suggestion: object | None  # the next suggested reviewer, or None


def conflicts_to_move(user, call) -> list[ToMove]:
    """Conflicted assignments of the call not moved yet, each with the next suggestion."""
    # The few conflicts still to move are read from their own index and sorted by call
    # here: a filter on the call would have the database walk all its proposals first.
    found = (
        Assignment.objects.visible_to(user)
        .to_move()
        .select_related("proposal__call", "proposal__domain", "proposal__need__domain", "reviewer")
        .prefetch_related("proposal__need__tags")
    )
    return [
        ToMove(a, next(iter(services.suggest(user, a.proposal, 1)), None))
        for a in found
        if a.proposal.call_id == call.pk
    ]


# --- Reviews read back ----------------------------------------------------------------


@dataclass
class ReviewRows:
    label: str
    assignment: Assignment
    scores: list = field(default_factory=list)  # (factor, score or None)
    gates: list = field(default_factory=list)  # (gate, answer or None)
    total: object = None

    @property
    def total_percent(self):
        return None if self.total is None else float(self.total) * 100


def _rows(label, assignment, factors, gates, total=None) -> ReviewRows:
    scores = {s.factor_id: s for s in assignment.scores.all()}
    answers = {a.gate_id: a for a in assignment.gate_answers.all()}
    return ReviewRows(
        label=label,
        assignment=assignment,
        scores=[(f, scores.get(f.pk)) for f in factors],
        gates=[(g, answers.get(g.pk)) for g in gates],
        total=total,
    )


def review_rows(assignment, factors, gates) -> ReviewRows:
    return _rows("", assignment, factors, gates)


def other_reviews(assignment, factors, gates) -> list[ReviewRows]:
    """Other reviewers' submitted reviews of the proposal, once this one is submitted;
    named by number, not by person."""
    if assignment.submitted_at is None:
        return []
    others = (
        visible_reviews(assignment.reviewer)
        .filter(proposal_id=assignment.proposal_id, submitted_at__isnull=False, conflict=False)
        .exclude(pk=assignment.pk)
        .prefetch_related("scores", "gate_answers")
        .order_by("submitted_at", "pk")
    )
    return [
        _rows(str(number), other, factors, gates) for number, other in enumerate(others, start=2)
    ]


@dataclass
class Board:
    """The secretariat's view of a proposal's reviews."""

    assignments: list
    reviews: list  # ReviewRows of submitted reviews
    added: services.ProposalReviews
    factor_rows: list  # (factor, [score per review], spread 0–100, beyond the margin)
    gate_rows: list  # (gate, Gates tally)


def proposal_board(proposal, factors, gates) -> Board:
    assignments = list(
        Assignment.objects.filter(proposal=proposal)
        .select_related("reviewer", "assigned_by", "replaced_by__reviewer")
        .prefetch_related("scores", "gate_answers")
    )
    submitted = [a for a in assignments if a.submitted_at and not a.conflict]
    added = services.add_up(proposal, factors, submitted)
    reviews = [
        _rows(services._name(a.reviewer), a, factors, gates, added.totals.get(a.pk))
        for a in submitted
    ]
    margin = services.aggregation.DISAGREEMENT_MARGIN
    factor_rows = []
    for f in factors:
        spread = added.factor_spreads.get(f.pk) if reviews else None
        values = [dict(r.scores).get(f) for r in reviews]
        high = spread is not None and spread > margin
        factor_rows.append((f, values, None if spread is None else float(spread) * 100, high))
    gate_rows = [(g, added.gates.get(g.pk)) for g in gates]
    return Board(assignments, reviews, added, factor_rows, gate_rows)
