"""Demo reviews: a committee for the demo calls and reviews of their submitted proposals.

Run after the pipeline demo (needs, calls, proposals). It shows each state a review
can be in: reviewers who agree, two who clearly disagree (the ranked list flags it), a
declared conflict of interest moved to another reviewer, a review half done, one not
started. Idempotent: once the demo calls have reviewers, loading again changes nothing.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from livinglab.demo.people import DEMO_PASSWORD
from livinglab.meetings.models import Body
from livinglab.needs.models import Call, Domain
from livinglab.orgs.models import Membership
from livinglab.proposals.models import Proposal
from livinglab.reviews import services
from livinglab.reviews.models import Assignment, Expertise

BODY = "臺北市智慧城市推動委員會"
# (username, full name, topic keys)
COMMITTEE = [
    ("reviewer", "王審查委員", ["transport", "traffic", "carbon"]),
    ("reviewer2", "李明哲委員", ["transport", "health", "ageing"]),
    ("reviewer3", "陳怡君委員", ["payments", "ecosystem", "housing"]),
    ("reviewer4", "黃志宏委員", ["education", "health", "carbon", "housing"]),
]

AGREE_HIGH = [
    ([5, 4, 4, 4], "感測與資料串接都已有實績，技術面可行。"),
    ([4, 4, 3, 4], "方案完整，但營運成本估得偏低，建議補充維運人力。"),
]
DISAGREE = [
    ([5, 5, 5, 4], "若能與既有交控系統介接，全市推廣的效益很大，值得試辦。"),
    ([2, 1, 2, 1], "同類產品市面已有多家，提案未說明差異；擴散與商業模式都不明確。"),
]
AFTER_CONFLICT = ([3, 3, 4, 3], "構想可行，場域需求寫得具體；出口潛力有限。")
HALF_DONE = ([4, 3, None, None], "試辦規模合理，其餘待看完附件再評。")
GATE_REASONS = {
    True: "符合本市智慧城市推動方向，提案內容已說明。",
    False: "提案未說明與市府業務的關聯，無法判斷是否屬於市府應投入的範圍。",
}


def _committee(body) -> list:
    User = get_user_model()
    people = []
    for username, full_name, topics in COMMITTEE:
        person, created = User.objects.get_or_create(
            username=username, defaults={"first_name": full_name}
        )
        if created:
            person.set_password(DEMO_PASSWORD)
            person.save()
        Membership.objects.get_or_create(user=person, role=Membership.Role.REVIEWER, body=body)
        for domain in Domain.objects.filter(key__in=topics):
            Expertise.objects.get_or_create(reviewer=person, domain=domain)
        people.append(person)
    return people


def _review(call, marks, comment, answers=None):
    """Marks and answers for the call's rubric (repeated if it has more factors or gates),
    each placed within its factor's scale."""
    factors = list(call.factors.all())
    gates = list(call.gates.all())
    answers = answers or [True]
    scores = {}
    for i, factor in enumerate(factors):
        mark = marks[i % len(marks)]
        if mark is not None:
            mark = max(factor.scale_min, min(factor.scale_max, mark))
        scores[factor.pk] = (mark, comment if mark is not None else "")
    return services.ReviewInput(
        scores=scores,
        gates={
            g.pk: (answers[i % len(answers)], GATE_REASONS[answers[i % len(answers)]])
            for i, g in enumerate(gates)
        },
    )


def _when(call):
    """A moment the call's reviews may still be given: now, or just before its deadline."""
    now = timezone.now()
    if call.review_due_at is not None and now > call.review_due_at:
        return call.review_due_at - dt.timedelta(days=1)
    return now


def _submit(secretary, proposal, person, marks, comment, answers=None):
    a = services.assign(secretary, proposal, person)
    a = services.declare(person, a, conflict=False)
    call = proposal.call
    review = _review(call, marks, comment, answers)
    return services.save_review(person, a, review, submit=True, now=_when(call))


@transaction.atomic
def load_reviews() -> int:
    """Review the demo calls' submitted proposals; returns how many proposals got reviewers."""
    body = Body.objects.filter(name=BODY).first()
    secretary = get_user_model().objects.filter(username="secretary").first()
    if body is None or secretary is None:
        return 0
    wang, lee, chen, huang = _committee(body)
    calls = list(Call.objects.filter(body=body))
    for call in calls:
        if call.reviewers.exists():
            call.reviewers.add(wang, lee, chen, huang)
    if Assignment.objects.filter(proposal__call__in=calls).exists():
        return 0  # loaded before
    waiting = [
        p
        for p in Proposal.objects.filter(call__in=calls, status__in=services.IN_REVIEW)
        .select_related("call")
        .order_by("submitted_at", "pk")
        if p.call.factors.exists()
    ]
    steps = [_agree, _disagree, _conflict, _half_done, _not_started]
    for proposal, step in zip(waiting, steps, strict=False):
        step(secretary, proposal, wang, lee, chen, huang)
    return min(len(waiting), len(steps))


def _agree(secretary, proposal, wang, lee, chen, huang):
    for person, (marks, comment) in zip((huang, lee), AGREE_HIGH, strict=True):
        _submit(secretary, proposal, person, marks, comment)


def _disagree(secretary, proposal, wang, lee, chen, huang):
    """A clear disagreement: the ranked list flags it."""
    for person, (marks, comment) in zip((wang, lee), DISAGREE, strict=True):
        _submit(secretary, proposal, person, marks, comment)


def _conflict(secretary, proposal, wang, lee, chen, huang):
    """陳委員 declares a conflict; the review moves to 黃委員, who submits."""
    a = services.assign(secretary, proposal, chen)
    services.declare(
        chen, a, conflict=True, reason="本人於兩年前擔任提案公司的顧問，仍持有少量股份。"
    )
    moved = services.move(secretary, a, huang)
    moved = services.declare(huang, moved, conflict=False)
    marks, comment = AFTER_CONFLICT
    review = _review(proposal.call, marks, comment)
    services.save_review(huang, moved, review, submit=True, now=_when(proposal.call))
    marks, comment = AGREE_HIGH[1]
    _submit(secretary, proposal, lee, marks, comment)


def _half_done(secretary, proposal, wang, lee, chen, huang):
    """王委員 saved part of a review; 李委員 submitted, with one gate answered no."""
    a = services.assign(secretary, proposal, wang)
    a = services.declare(wang, a, conflict=False)
    marks, comment = HALF_DONE
    services.save_review(wang, a, _review(proposal.call, marks, comment), now=_when(proposal.call))
    answers = [False] + [True] * (proposal.call.gates.count() - 1)
    _submit(secretary, proposal, lee, [3, 2, 3, 2], "效益描述偏籠統。", answers)


def _not_started(secretary, proposal, wang, lee, chen, huang):
    """Assigned to 王委員, who has yet to declare: it waits in his queue."""
    services.assign(secretary, proposal, wang)
