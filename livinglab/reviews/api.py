"""The reviews API: a reviewer's assignments, declaring a conflict, scoring; the ranked
list for the secretariat. The same services and the same access rules as the pages: a
conflicted reviewer, or anyone outside the assignment, gets 404."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db.models import F
from django.http import Http404
from ninja import Field, Query, Router, Schema, Status

from livinglab.core.access import get_for_user
from livinglab.core.api_auth import require_user
from livinglab.core.api_types import Id
from livinglab.needs.models import Call, Factor, Gate
from livinglab.reviews import queue, services
from livinglab.reviews.models import Assignment
from livinglab.reviews.ranking import PER_PAGE, ranked_window

router = Router(tags=["reviews"])


class Ref(Schema):
    id: int
    title: str


class CallRef(Ref):
    review_due_at: dt.datetime | None


class AssignmentOut(Schema):
    id: int
    proposal: Ref
    call: CallRef
    state: Assignment.State
    assigned_at: dt.datetime
    declared_at: dt.datetime | None
    submitted_at: dt.datetime | None


class GateOut(Schema):
    id: int
    question: str


class FactorOut(Schema):
    id: int
    name: str
    guidance: str
    scale_min: int
    scale_max: int
    weight: float


class ScoreOut(Schema):
    factor: int
    value: int | None
    comment: str


class AnswerOut(Schema):
    gate: int
    answer: bool | None
    reason: str


class ReviewOut(Schema):
    reviewer: str = Field(..., description="'you', or a number for another reviewer")
    scores: list[ScoreOut]
    gates: list[AnswerOut]


class AssignmentDetailOut(AssignmentOut):
    gates: list[GateOut]
    factors: list[FactorOut]
    review: ReviewOut | None
    others: list[ReviewOut] = Field(..., description="Only once your review is submitted")


class Message(Schema):
    detail: str


class Problems(Schema):
    detail: str
    errors: list[str]


class DeclareIn(Schema):
    conflict: bool
    reason: str = Field("", max_length=2000)


class ScoreIn(Schema):
    factor: int
    value: int | None = None
    comment: str = Field("", max_length=4000)


class AnswerIn(Schema):
    gate: int
    answer: bool | None = None
    reason: str = Field("", max_length=2000)


class ReviewIn(Schema):
    scores: list[ScoreIn] = []
    gates: list[AnswerIn] = []
    submit: bool = Field(False, description="Submit: final, every gate and factor required")


class RankingIn(Schema):
    limit: int = Field(PER_PAGE, ge=1, le=1000)
    offset: int = Field(0, ge=0, le=10**9)


class RankedOut(Schema):
    rank: int | None
    tied: bool
    proposal: Ref
    organisation: str
    status: str
    reviews_submitted: int
    reviewers_assigned: int
    score: float | None = Field(..., description="0–100")
    spread: float | None = Field(..., description="0–100")
    disagreement: bool
    passes_gates: bool | None


def _assignment_out(a: Assignment) -> dict:
    call = a.proposal.call
    return {
        "id": a.pk,
        "proposal": {"id": a.proposal_id, "title": a.proposal.title},
        "call": {"id": call.pk, "title": call.title, "review_due_at": call.review_due_at},
        "state": a.state,
        "assigned_at": a.assigned_at,
        "declared_at": a.declared_at,
        "submitted_at": a.submitted_at,
    }


def _review_out(label: str, rows: queue.ReviewRows) -> dict:
    return {
        "reviewer": label,
        "scores": [
            {"factor": f.pk, "value": s.value if s else None, "comment": s.comment if s else ""}
            for f, s in rows.scores
        ],
        "gates": [
            {"gate": g.pk, "answer": a.answer if a else None, "reason": a.reason if a else ""}
            for g, a in rows.gates
        ],
    }


def _detail(a: Assignment) -> dict:
    call = a.proposal.call
    factors = list(Factor.objects.filter(call=call))
    gates = list(Gate.objects.filter(call=call))
    data = _assignment_out(a)
    shown = a.declared_at is not None
    data.update(
        gates=[{"id": g.pk, "question": g.question} for g in gates] if shown else [],
        factors=[
            {
                "id": f.pk,
                "name": f.name,
                "guidance": f.guidance,
                "scale_min": f.scale_min,
                "scale_max": f.scale_max,
                "weight": float(f.weight),
            }
            for f in factors
        ]
        if shown
        else [],
        review=_review_out("you", queue.review_rows(a, factors, gates)) if shown else None,
        others=[_review_out(r.label, r) for r in queue.other_reviews(a, factors, gates)],
    )
    return data


def _mine(request, assignment_id: Id) -> Assignment:
    a = get_for_user(
        Assignment.objects.select_related("proposal__call"), request.auth, assignment_id
    )
    if a.reviewer_id != request.auth.pk:  # the secretariat reads reviews elsewhere
        raise Http404("not your assignment")
    return a


def _problems(exc: ValidationError):
    return Status(400, {"detail": " ".join(exc.messages), "errors": list(exc.messages)})


@router.get("/reviews/assignments", response=list[AssignmentOut], auth=require_user)
def my_assignments(request, pending: bool = False):
    """Your review assignments (without those where you declared a conflict), the
    soonest deadline first; `pending=true` for those not submitted yet."""
    found = Assignment.objects.visible_to(request.auth).filter(reviewer=request.auth)
    if pending:
        found = found.pending()
    found = found.select_related("proposal__call").order_by(
        F("proposal__call__review_due_at").asc(nulls_last=True), "assigned_at", "pk"
    )
    return [_assignment_out(a) for a in found]


@router.get("/reviews/assignments/{assignment_id}", response=AssignmentDetailOut, auth=require_user)
def get_assignment(request, assignment_id: Id):
    """The rubric, your answers and scores, and (once you submitted) the other reviews."""
    return _detail(_mine(request, assignment_id))


@router.post(
    "/reviews/assignments/{assignment_id}/declare",
    response={200: AssignmentOut, 400: Problems},
    auth=require_user,
)
def declare(request, assignment_id: Id, payload: DeclareIn):
    """Declare a conflict of interest (with the reason) or that you have none; first."""
    a = _mine(request, assignment_id)
    try:
        a = services.declare(request.auth, a, conflict=payload.conflict, reason=payload.reason)
    except ValidationError as exc:
        return _problems(exc)
    return _assignment_out(a)


@router.post(
    "/reviews/assignments/{assignment_id}/review",
    response={200: AssignmentDetailOut, 400: Problems},
    auth=require_user,
)
def save_review(request, assignment_id: Id, payload: ReviewIn):
    """Save your answers and scores; with `submit`, submit them (final). Everything is
    refused, with every reason, if one score is outside its scale or the deadline passed."""
    a = _mine(request, assignment_id)
    review = services.ReviewInput(
        scores={s.factor: (s.value, s.comment) for s in payload.scores},
        gates={g.gate: (g.answer, g.reason) for g in payload.gates},
    )
    try:
        services.save_review(request.auth, a, review, submit=payload.submit)
    except ValidationError as exc:
        return _problems(exc)
    return _detail(_mine(request, assignment_id))


class RankingOut(Schema):
    count: int = Field(..., description="Proposals listed in the call")
    items: list[RankedOut]


@router.get("/reviews/calls/{call_id}/ranking", response=RankingOut, auth=require_user)
def ranking(request, call_id: Id, window: Query[RankingIn]):
    """The call's proposals best first, `limit` from `offset` (the call's secretariat only)."""
    call = get_for_user(Call.objects, request.auth, call_id)
    rows, count = ranked_window(request.auth, call, window.offset, window.limit)
    out = []
    for row in rows:
        s, p = row.summary, row.proposal
        reviewed = s is not None and s.submitted > 0
        out.append(
            {
                "rank": row.rank,
                "tied": row.tied,
                "proposal": {"id": p.pk, "title": p.title},
                "organisation": p.organisation.name,
                "status": p.status,
                "reviews_submitted": s.submitted if s else 0,
                "reviewers_assigned": s.assigned if s else 0,
                "score": round(s.score_percent, 4) if s and s.score is not None else None,
                "spread": round(s.spread_percent, 4) if s and s.spread is not None else None,
                "disagreement": bool(s and s.disagreement),
                "passes_gates": s.passes_gates if reviewed else None,
            }
        )
    return {"count": count, "items": out}
