"""The pipeline's funnel: proposals → accepted → running → adopted / closed.

Counted per call and domain in two grouped queries (one over proposals, one over trials),
whatever the number of rows, and added up per call and per domain here. Proposals and acceptances are counted only for
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


def _summed(counts: dict[tuple, dict], position: int) -> dict:
    """Counts per (call, domain) added up per call (`position` 0) or per domain (1)."""
    out: dict = {}
    for key, row in counts.items():
        into = out.setdefault(key[position], {})
        for name, value in row.items():
            into[name] = into.get(name, 0) + value
    return out


def _proposal_counts(user) -> dict[tuple, dict]:
    """Submitted and accepted proposals per (call, domain), in one pass over an index of
    the proposals' call, domain and status."""
    roles = roles_of(user)
    proposals = Proposal.objects.exclude(status__in=NOT_SUBMITTED)
    if not roles.is_admin:
        # The calls as a list of ids (not a join), so that the index is read in its own
        # order and the groups need no sorting.
        calls = Call.objects.filter(body_id__in=roles.secretariat_body_ids).values("pk")
        proposals = proposals.filter(call__in=calls)
    rows = proposals.values("call", "domain").annotate(
        proposals=Count("pk"), accepted=Count("pk", filter=Q(status=Proposal.Status.ACCEPTED))
    )
    return {
        (row["call"], row["domain"]): {"proposals": row["proposals"], "accepted": row["accepted"]}
        for row in rows.order_by()
    }


def _trial_counts(user) -> dict[tuple, dict]:
    """The trials the user may see per (call, domain) of their proposals, by stage."""
    trials = Trial.objects.visible_to(user)
    rows = trials.values("proposal__call", "proposal__domain").annotate(
        running=Count("pk", filter=Q(status__in=(Trial.Status.PLANNED, Trial.Status.RUNNING))),
        adopted=Count("pk", filter=Q(status=Trial.Status.ADOPTED)),
        closed=Count("pk", filter=Q(status=Trial.Status.CLOSED)),
    )
    return {
        (row.pop("proposal__call"), row.pop("proposal__domain")): row for row in rows.order_by()
    }


def _rows(labels: dict, proposals: dict, trials: dict, shows_proposals: bool) -> list[Row]:
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
    proposals = _proposal_counts(user) if shows_proposals else {}
    trials = _trial_counts(user)
    by_call = _rows(calls, _summed(proposals, 0), _summed(trials, 0), shows_proposals)
    by_domain = _rows(domains, _summed(proposals, 1), _summed(trials, 1), shows_proposals)
    total = Stage(proposals=0 if shows_proposals else None, accepted=0 if shows_proposals else None)
    for row in by_call:
        total.add(row.stage)
    return Funnel(by_call, by_domain, total, shows_proposals)
