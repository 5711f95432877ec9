"""The pipeline's funnel: proposals → accepted → running → adopted / closed.

Counted per call and per domain in two grouped queries (one over proposals, one over
trials), whatever the number of rows. Proposals and acceptances are counted only for
the secretariat of the call's body and admins; everyone else sees the trial stages,
counted over the trials they may see (running and ended trials are public), so that a
public count never rests on an unpublished fact.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from livinglab.needs.models import Call, Domain
from livinglab.orgs.roles import roles_of
from livinglab.proposals.models import Proposal
from livinglab.trials.models import Trial

STAGES = ("proposals", "accepted", "running", "adopted", "closed")
NOT_SUBMITTED = (Proposal.Status.DRAFT,)


@dataclass
class Stage:
    proposals: int | None = None  # None: not the user's to know
    accepted: int | None = None
    running: int = 0
    adopted: int = 0
    closed: int = 0

    def add(self, other: "Stage") -> None:
        for name in STAGES:
            mine, theirs = getattr(self, name), getattr(other, name)
            if theirs is not None:
                setattr(self, name, (mine or 0) + theirs)

    @property
    def acceptance_rate(self) -> float | None:
        if not self.proposals or self.accepted is None:
            return None
        return self.accepted / self.proposals

    @property
    def adoption_rate(self) -> float | None:
        ended = self.adopted + self.closed
        return self.adopted / ended if ended else None


@dataclass
class Row:
    key: object
    label: str
    stage: Stage = field(default_factory=Stage)


@dataclass
class Funnel:
    by_call: list[Row]
    by_domain: list[Row]
    total: Stage
    shows_proposals: bool


def _proposal_counts(user, group: str) -> dict:
    roles = roles_of(user)
    proposals = Proposal.objects.exclude(status__in=NOT_SUBMITTED)
    if not roles.is_admin:
        proposals = proposals.filter(call__body_id__in=roles.secretariat_body_ids)
    rows = proposals.values(group).annotate(
        proposals=Count("pk"), accepted=Count("pk", filter=Q(status=Proposal.Status.ACCEPTED))
    )
    return {row[group]: row for row in rows.order_by()}


def _trial_counts(user, group: str) -> dict:
    trials = Trial.objects.visible_to(user)
    rows = trials.values(group).annotate(
        running=Count("pk", filter=Q(status__in=(Trial.Status.PLANNED, Trial.Status.RUNNING))),
        adopted=Count("pk", filter=Q(status=Trial.Status.ADOPTED)),
        closed=Count("pk", filter=Q(status=Trial.Status.CLOSED)),
    )
    return {row[group]: row for row in rows.order_by()}


def _rows(user, group: str, labels: dict, shows_proposals: bool) -> list[Row]:
    proposals = _proposal_counts(user, group) if shows_proposals else {}
    trials = _trial_counts(user, f"proposal__{group}")
    rows = []
    for key, label in labels.items():
        counted = proposals.get(key, {})
        trial = trials.get(key, {})
        stage = Stage(
            proposals=counted.get("proposals", 0) if shows_proposals else None,
            accepted=counted.get("accepted", 0) if shows_proposals else None,
            running=trial.get("running", 0),
            adopted=trial.get("adopted", 0),
            closed=trial.get("closed", 0),
        )
        if any(getattr(stage, name) for name in STAGES):
            rows.append(Row(key, label, stage))
    return rows


def build_funnel(user) -> Funnel:
    roles = roles_of(user)
    shows_proposals = roles.is_admin or bool(roles.secretariat_body_ids)
    calls = {
        pk: title
        for pk, title in Call.objects.visible_to(user)
        .order_by("-opens_at", "pk")
        .values_list("pk", "title")
    }
    domains = {domain.pk: domain.label for domain in Domain.objects.all()}
    by_call = _rows(user, "call", calls, shows_proposals)
    by_domain = _rows(user, "domain", domains, shows_proposals)
    total = Stage(proposals=0 if shows_proposals else None, accepted=0 if shows_proposals else None)
    for row in by_call:
        total.add(row.stage)
    return Funnel(by_call, by_domain, total, shows_proposals)
