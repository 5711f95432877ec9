"""Booking credits: the only code that writes ledger entries and account balances.

`book` moves credits from one account to another in one transaction: it locks both
account rows (in primary-key order, so that two bookings never wait on each other in a
circle), refuses a movement that would take the source below zero, writes the entry and
the two new balances (and, for consumption, what the team has consumed in all). On PostgreSQL the row locks make concurrent consumption queue up
on the team's account; SQLite has one writer at a time, which serialises them anyway.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from livinglab.credits.models import Account, DailyConsumption, LedgerEntry, Programme

_CONSUMED = LedgerEntry.Kind.CONSUMPTION


class LedgerError(ValueError):
    """A booking the ledger refuses; the message is for the person who asked."""


def budget_account(programme: Programme) -> Account:
    account, _created = Account.objects.get_or_create(programme=programme, kind=Account.Kind.BUDGET)
    return account


def usage_account(programme: Programme) -> Account:
    account, _created = Account.objects.get_or_create(programme=programme, kind=Account.Kind.USAGE)
    return account


def team_account(programme: Programme, organisation) -> Account:
    account, _created = Account.objects.get_or_create(
        programme=programme, kind=Account.Kind.TEAM, organisation=organisation
    )
    return account


def book(
    programme: Programme,
    kind: str,
    *,
    source: Account | None,
    target: Account | None,
    amount: int,
    by=None,
    reason: str = "",
    provider: str = "",
    statement_line: str = "",
    gpu_hours=None,
    corrects: LedgerEntry | None = None,
    at=None,
) -> LedgerEntry:
    """Move `amount` credits from `source` to `target` (None: from or to outside)."""
    if amount <= 0:
        raise LedgerError(_("An amount of credits must be more than zero."))
    if by is None and not statement_line:
        raise LedgerError(_("Every entry is booked by a person or from a statement line."))
    if kind == LedgerEntry.Kind.ADJUSTMENT and not reason.strip():
        raise LedgerError(_("An adjustment needs a written reason."))
    with transaction.atomic():
        locked = _lock(source, target)
        if source is not None and locked[source.pk].balance < amount:
            raise LedgerError(
                _("%(account)s has %(balance)s credits; %(amount)s cannot be taken from it.")
                % {
                    "account": locked[source.pk],
                    "balance": locked[source.pk].balance,
                    "amount": amount,
                }
            )
        entry = LedgerEntry.objects.create(
            programme=programme,
            kind=kind,
            source=source,
            target=target,
            amount=amount,
            booked_by=by,
            reason=reason.strip(),
            provider=provider,
            statement_line=statement_line,
            gpu_hours=gpu_hours,
            corrects=corrects,
            booked_at=at or timezone.now(),
        )
        if kind == _CONSUMED:
            _count_the_day(programme, entry.booked_at, amount)
        for account, change in ((source, -amount), (target, amount)):
            if account is not None:
                _move(
                    locked[account.pk], account, change, consumed=kind == _CONSUMED and change < 0
                )
    return entry


def _count_the_day(programme: Programme, at, amount: int) -> None:
    """Add to the day's consumption. Consumption goes into the programme's usage account,
    whose row `book` holds locked, so no two bookings create the same day at once."""
    day = timezone.localdate(at, timezone.get_default_timezone())
    days = DailyConsumption.objects.filter(programme=programme, day=day)
    if not days.update(credits=F("credits") + amount):
        DailyConsumption.objects.create(programme=programme, day=day, credits=amount)


def _move(row: Account, account: Account, change: int, *, consumed: bool) -> None:
    """The locked row takes the change to its balance (and to what it consumed)."""
    row.balance += change
    fields = ["balance"]
    if consumed:
        row.consumed -= change
        fields.append("consumed")
    row.save(update_fields=fields)
    account.balance, account.consumed = row.balance, row.consumed


def _lock(*accounts: Account | None) -> dict[int, Account]:
    ids = sorted({a.pk for a in accounts if a is not None})
    return {a.pk: a for a in Account.objects.select_for_update().filter(pk__in=ids).order_by("pk")}


def fund(programme: Programme, amount: int, *, by, reason: str = "") -> LedgerEntry:
    """Credits enter the programme's budget from outside."""
    return book(
        programme,
        LedgerEntry.Kind.BUDGET,
        source=None,
        target=budget_account(programme),
        amount=amount,
        by=by,
        reason=reason,
    )


def defund(programme: Programme, amount: int, *, by, reason: str) -> LedgerEntry:
    """Credits not granted leave the programme (its budget was lowered)."""
    return book(
        programme,
        LedgerEntry.Kind.BUDGET,
        source=budget_account(programme),
        target=None,
        amount=amount,
        by=by,
        reason=reason,
    )


def grant(programme: Programme, organisation, amount: int, *, by, reason: str = "") -> LedgerEntry:
    return book(
        programme,
        LedgerEntry.Kind.GRANT,
        source=budget_account(programme),
        target=team_account(programme, organisation),
        amount=amount,
        by=by,
        reason=reason,
    )


def give_back(programme: Programme, organisation, amount: int, *, by, reason: str) -> LedgerEntry:
    """Unused credits return to the budget (on expiry or withdrawal)."""
    return book(
        programme,
        LedgerEntry.Kind.RETURN,
        source=team_account(programme, organisation),
        target=budget_account(programme),
        amount=amount,
        by=by,
        reason=reason,
    )


def consume(
    programme: Programme,
    organisation,
    amount: int,
    *,
    provider: str,
    statement_line: str,
    gpu_hours=None,
    at=None,
) -> LedgerEntry:
    return book(
        programme,
        LedgerEntry.Kind.CONSUMPTION,
        source=team_account(programme, organisation),
        target=usage_account(programme),
        amount=amount,
        provider=provider,
        statement_line=statement_line,
        gpu_hours=gpu_hours,
        at=at,
    )


def adjust(
    programme: Programme, organisation, change: int, *, by, reason: str, corrects=None
) -> LedgerEntry:
    """A correction by hand: positive gives the team credits from the budget, negative
    takes them back. The reason is required and kept with the entry."""
    team, budget = team_account(programme, organisation), budget_account(programme)
    source, target = (budget, team) if change > 0 else (team, budget)
    return book(
        programme,
        LedgerEntry.Kind.ADJUSTMENT,
        source=source,
        target=target,
        amount=abs(change),
        by=by,
        reason=reason,
        corrects=corrects,
    )


def expire_unused(programme: Programme, *, by) -> list[LedgerEntry]:
    """Every team's remaining balance goes back to the budget once credits expire."""
    reason = _("Unused credits expired on %(date)s.") % {"date": programme.credits_expire_on}
    teams = Account.objects.filter(programme=programme, kind=Account.Kind.TEAM, balance__gt=0)
    return [
        give_back(programme, account.organisation, account.balance, by=by, reason=reason)
        for account in teams.select_related("organisation").order_by("pk")
    ]


def balances_agree(programme: Programme) -> bool:
    """Each account's balance is what its entries add up to, none is negative, the
    credits it consumed are what its consumption entries add up to, and so are the
    credits consumed on each day."""
    from django.db.models import Q, Sum

    for account in Account.objects.filter(programme=programme):
        sums = LedgerEntry.objects.filter(Q(source=account) | Q(target=account)).aggregate(
            out=Sum("amount", filter=Q(source=account)),
            into=Sum("amount", filter=Q(target=account)),
            consumed=Sum("amount", filter=Q(source=account, kind=_CONSUMED)),
        )
        if account.balance < 0 or account.balance != (sums["into"] or 0) - (sums["out"] or 0):
            return False
        if account.consumed != (sums["consumed"] or 0):
            return False
    return _days_agree(programme)


def _days_agree(programme: Programme) -> bool:
    """The consumption kept by day is what the consumption entries of each day add up to."""
    from django.db.models import Sum
    from django.db.models.functions import TruncDate

    entries = (
        LedgerEntry.objects.filter(programme=programme, kind=_CONSUMED)
        .order_by()
        .annotate(day=TruncDate("booked_at", tzinfo=timezone.get_default_timezone()))
        .values("day")
        .annotate(total=Sum("amount"))
        .values_list("day", "total")
    )
    kept = DailyConsumption.objects.filter(programme=programme).values_list("day", "credits")
    return dict(entries) == dict(kept)
