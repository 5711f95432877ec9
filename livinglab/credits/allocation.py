"""The allocation run: the programme's credits shared over its accepted applications.

Each team (proposing organisation) with accepted applications is ranked by its best
application's priority: the review score (0..1, from the proposal's review summary)
times the weight of the proposal's domain in the programme (1 when the domain is not a
priority). Ties go to the earlier application, so that the same inputs always give the
same plan. Walking down the ranking, each team gets what it asked for, at most the
programme's cap per team, at most what is left; a grant below the programme's minimum
is not made.

Credits already consumed are never taken back: a team keeps at least what it has used,
and those credits are set aside before anything is shared. Running the allocation again
after the budget changed therefore only moves unspent credits. `plan` computes the
lines (the preview); `commit` books the difference between each team's planned and
current grant, in one transaction, and keeps the plan as an `AllocationRun`.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from livinglab.core.access import require
from livinglab.credits import ledger
from livinglab.credits.models import Account, AllocationRun, Application, LedgerEntry, Programme


class PlanChanged(ValueError):
    """The plan differs from the one previewed (the budget or the reviews moved)."""


@dataclass
class Line:
    organisation_id: int
    team: str
    rank: int | None
    score: Decimal | None
    weight: Decimal
    priority: Decimal
    requested: int
    consumed: int
    granted_before: int
    granted: int = 0
    reasons: list[str] = field(default_factory=list)

    @property
    def change(self) -> int:
        return self.granted - self.granted_before

    def as_dict(self) -> dict:
        return {
            "organisation_id": self.organisation_id,
            "team": self.team,
            "rank": self.rank,
            "score": None if self.score is None else str(self.score),
            "weight": str(self.weight),
            "priority": str(self.priority),
            "requested": self.requested,
            "consumed": self.consumed,
            "granted_before": self.granted_before,
            "granted": self.granted,
            "change": self.change,
            "reasons": self.reasons,
        }


@dataclass
class Plan:
    programme: Programme
    budget: int
    funded: int
    reserved: int
    lines: list[Line]

    @property
    def granted(self) -> int:
        return sum(line.granted for line in self.lines)

    @property
    def left_over(self) -> int:
        return max(self.budget - self.granted, 0)

    def fingerprint(self) -> str:
        return (
            ";".join(
                f"{line.organisation_id}:{line.granted_before}>{line.granted}"
                for line in self.lines
            )
            + f"|{self.funded}"
        )


def funded(programme: Programme) -> int:
    """Credits that entered the programme from outside, less those taken out again."""
    sums = LedgerEntry.objects.filter(programme=programme).aggregate(
        into=Sum("amount", filter=Q(source=None)), out=Sum("amount", filter=Q(target=None))
    )
    return (sums["into"] or 0) - (sums["out"] or 0)


def plan(programme: Programme) -> Plan:
    lines = {line.organisation_id: line for line in _team_lines(programme)}
    for account_org, consumed, granted in _team_history(programme):
        line = lines.get(account_org.pk)
        if line is None:  # consumed without an accepted application (withdrawn since)
            line = lines[account_org.pk] = Line(
                account_org.pk, str(account_org), None, None, Decimal(1), Decimal(0), 0, 0, 0
            )
        line.consumed, line.granted_before = consumed, granted
    total = programme.budget
    reserved = sum(line.consumed for line in lines.values())
    left = max(total - reserved, 0)
    ordered = sorted(lines.values(), key=lambda line: (line.rank is None, line.rank or 0))
    for line in ordered:
        left = _share(programme, line, left)
    return Plan(programme, total, funded(programme), reserved, ordered)


def _share(programme: Programme, line: Line, left: int) -> int:
    """Give one team its share of what is `left`; return what is left after it."""
    wanted = min(line.requested, programme.team_cap)
    extra = min(max(wanted - line.consumed, 0), left)
    reasons = line.reasons
    if line.rank is None:
        reasons.append(_("No accepted application: keeps only the credits already consumed."))
    else:
        reasons.append(
            _("Rank %(rank)s: review score %(score)s × domain weight %(weight)s = %(priority)s.")
            % {
                "rank": line.rank,
                "score": "–" if line.score is None else f"{line.score * 100:.1f}",
                "weight": f"{line.weight:g}",
                "priority": f"{line.priority * 100:.1f}",
            }
        )
        reasons.append(_("Asked for %(requested)s credits.") % {"requested": line.requested})
        if line.requested > programme.team_cap:
            reasons.append(_("Capped at %(cap)s credits per team.") % {"cap": programme.team_cap})
        if extra < wanted - line.consumed:
            reasons.append(_("Only %(left)s credits were left at this rank.") % {"left": left})
        if line.consumed + extra < programme.minimum_grant and not line.consumed:
            reasons.append(
                _("Below the smallest grant of %(minimum)s credits: nothing granted.")
                % {"minimum": programme.minimum_grant}
            )
            extra = 0
    if line.consumed:
        reasons.append(
            _("Keeps the %(consumed)s credits already consumed.") % {"consumed": line.consumed}
        )
    line.granted = line.consumed + extra
    return left - extra


def _team_lines(programme: Programme) -> list[Line]:
    weights = {p.domain_id: p.weight for p in programme.priority_domains.all()}
    applications = (
        Application.objects.filter(programme=programme, status=Application.Status.ACCEPTED)
        .select_related("proposal__organisation", "proposal__review_summary")
        .order_by("created_at", "pk")
    )
    teams: dict[int, Line] = {}
    for application in applications:
        proposal = application.proposal
        summary = getattr(proposal, "review_summary", None)
        score = summary.score if summary is not None else None
        weight = weights.get(proposal.domain_id, Decimal(1))
        priority = (score or Decimal(0)) * weight
        line = teams.get(proposal.organisation_id)
        if line is None:
            line = teams[proposal.organisation_id] = Line(
                proposal.organisation_id,
                str(proposal.organisation),
                None,
                score,
                weight,
                priority,
                0,
                0,
                0,
            )
        elif priority > line.priority:
            line.score, line.weight, line.priority = score, weight, priority
        line.requested += application.requested
    # best priority first; equal priorities keep the order of the first application
    ordered = sorted(teams.values(), key=lambda line: -line.priority)
    for position, line in enumerate(ordered, start=1):
        line.rank = position
    return ordered


def _team_history(programme: Programme):
    """(organisation, credits consumed, credits granted net) for each team account."""
    accounts = Account.objects.filter(programme=programme, kind=Account.Kind.TEAM).select_related(
        "organisation"
    )
    for account in accounts.order_by("pk"):
        sums = LedgerEntry.objects.filter(Q(source=account) | Q(target=account)).aggregate(
            consumed=Sum("amount", filter=Q(source=account, kind=LedgerEntry.Kind.CONSUMPTION)),
            into=Sum("amount", filter=Q(target=account)),
            back=Sum("amount", filter=Q(source=account) & ~Q(kind=LedgerEntry.Kind.CONSUMPTION)),
        )
        consumed = sums["consumed"] or 0
        yield account.organisation, consumed, (sums["into"] or 0) - (sums["back"] or 0)


def commit(user, programme: Programme, fingerprint: str) -> AllocationRun:
    """Book the plan previewed (same `fingerprint`), taking back before granting."""
    require(user, "allocate", programme)
    with transaction.atomic():
        programme = Programme.objects.select_for_update().get(pk=programme.pk)
        current = plan(programme)
        if current.fingerprint() != fingerprint:
            raise PlanChanged(_("The allocation changed since the preview; look at it again."))
        reason = _("Allocation run")
        for line in current.lines:  # take back first, so that the budget covers the grants
            if line.change < 0:
                ledger.give_back(
                    programme, _org(line.organisation_id), -line.change, by=user, reason=reason
                )
        _fund_to(programme, current, user)
        for line in current.lines:
            if line.change > 0:
                ledger.grant(
                    programme, _org(line.organisation_id), line.change, by=user, reason=reason
                )
        return AllocationRun.objects.create(
            programme=programme,
            run_by=user,
            funded=programme.budget,
            lines=[line.as_dict() for line in current.lines],
        )


def _fund_to(programme: Programme, current: Plan, user) -> None:
    """Bring the credits funded to the programme's budget as it now stands."""
    reason = _("Budget set to %(budget)s credits.") % {"budget": programme.budget}
    if current.budget > current.funded:
        ledger.fund(programme, current.budget - current.funded, by=user, reason=reason)
    elif current.budget < current.funded:
        spare = min(current.funded - current.budget, ledger.budget_account(programme).balance)
        if spare:
            ledger.defund(programme, spare, by=user, reason=reason)


def _org(pk: int):
    from livinglab.orgs.models import Organisation

    return Organisation.objects.get(pk=pk)
