"""Who may do what with reviews.

The secretariat of the call's body (or an administrator) assigns reviewers, moves a
conflicted review to someone else, reads every review and decides. A reviewer declares
a conflict on their own assignment first, then answers and scores it until they submit.
A conflicted reviewer can do nothing more with the proposal; a proposer nothing at all.
"""

from livinglab.core.access import policy
from livinglab.orgs.roles import roles_of
from livinglab.reviews.models import Assignment, GateAnswer, ReviewSummary, Score


def runs_call(user, call) -> bool:
    roles = roles_of(user)
    return roles.is_admin or call.body_id in roles.secretariat_body_ids


def _own(user, assignment: Assignment) -> bool:
    return user is not None and user.is_authenticated and assignment.reviewer_id == user.pk


@policy(Assignment)
def assignment_policy(user, action: str, assignment: Assignment) -> bool:
    own = _own(user, assignment) and not assignment.conflict
    if action == "view":
        return own or runs_call(user, assignment.proposal.call)
    if action == "declare":
        return own and assignment.declared_at is None
    if action == "score":
        return own and assignment.declared_at is not None and assignment.submitted_at is None
    if action == "see_others":
        return (own and assignment.submitted_at is not None) or runs_call(
            user, assignment.proposal.call
        )
    if action == "assign":  # an assignment about to be made
        return runs_call(user, assignment.proposal.call)
    if action == "move":
        return (
            assignment.conflict
            and assignment.replaced_by_id is None
            and runs_call(user, assignment.proposal.call)
        )
    return False


@policy(GateAnswer)
def gate_answer_policy(user, action: str, answer: GateAnswer) -> bool:
    return action == "view"  # reaching it already went through visible_to


@policy(Score)
def score_policy(user, action: str, score: Score) -> bool:
    return action == "view"


@policy(ReviewSummary)
def review_summary_policy(user, action: str, summary: ReviewSummary) -> bool:
    return action == "view" and runs_call(user, summary.call)
