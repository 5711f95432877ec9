"""A team's statement, a page at a time: its entries newest first, each with the balance
after it, right on every page however long the ledger.

A page's entries are read from the two indexes (source, booked_at) and (target,
booked_at): the page's entries out of the account and those into it, each walked from
its own index up to the page's size and merged here (one query with an OR of the two
would sort all of a busy team's entries before taking a few).

The balance after the newest entry of a page is the account's kept balance less what
the entries newer than the page changed, added up by the database in the same query
that reads the balance (one snapshot, so an entry booked meanwhile is counted on both
sides or on neither). Page one sums nothing; page n sums the entries of the pages
before it, from the indexes, without reading them.

Pages are found by a cursor, not by number: the entries older than a given entry
(`before`) or just newer than it (`after`).
"""

from dataclasses import dataclass

from django.db.models import BigIntegerField, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from livinglab.credits.models import Account, LedgerEntry

PAGE_SIZE = 50


@dataclass
class StatementPage:
    rows: list[tuple[LedgerEntry, int, int]]  # entry, change to the account, balance after
    older: int | None = None  # the last entry's id when older entries follow
    newer: int | None = None  # the first entry's id when newer entries exist


def page(
    account: Account, *, before: int | None = None, after: int | None = None, size: int = PAGE_SIZE
) -> StatementPage:
    """The page of entries older than entry `before`, or just newer than entry `after`,
    or else the newest page. An id that is not one of the account's entries raises
    LedgerEntry.DoesNotExist."""
    if after is not None:
        entries = _walk(account, _cursor(account, after), older=False, limit=size + 1)
        if len(entries) <= size:
            return page(account, size=size)  # nothing newer beyond them: the newest page
        entries = entries[:size][::-1]
        has_older, has_newer = True, True
    else:
        cursor = _cursor(account, before) if before is not None else None
        entries = _walk(account, cursor, older=True, limit=size + 1)
        has_older, has_newer = len(entries) > size, cursor is not None
        entries = entries[:size]
    if not entries:
        return StatementPage([])
    balance = balance_after(account, entries[0])
    rows = []
    for entry in entries:
        change = _change(entry, account)
        rows.append((entry, change, balance))
        balance -= change
    return StatementPage(
        rows,
        older=entries[-1].pk if has_older else None,
        newer=entries[0].pk if has_newer else None,
    )


def balance_after(account: Account, entry: LedgerEntry) -> int:
    """The account's balance just after `entry`, in statement order (booked_at, id)."""
    newer = Q(booked_at__gt=entry.booked_at) | Q(booked_at=entry.booked_at, pk__gt=entry.pk)

    def newer_sum(side: str):
        rows = (
            LedgerEntry.objects.filter(
                newer, booked_at__gte=entry.booked_at, **{side: OuterRef("pk")}
            )
            .order_by()
            .values(side)
            .annotate(total=Sum("amount"))
            .values("total")
        )
        return Coalesce(Subquery(rows), Value(0), output_field=BigIntegerField())

    return (
        Account.objects.filter(pk=account.pk)
        .values_list(F("balance") - newer_sum("target") + newer_sum("source"), flat=True)
        .get()
    )


def _change(entry: LedgerEntry, account: Account) -> int:
    into = entry.amount if entry.target_id == account.pk else 0
    out = entry.amount if entry.source_id == account.pk else 0
    return into - out


def _cursor(account: Account, pk: int) -> LedgerEntry:
    return LedgerEntry.objects.touching(account).only("pk", "booked_at").get(pk=pk)


def _walk(account: Account, cursor: LedgerEntry | None, *, older: bool, limit: int):
    """Up to `limit` entries of the account beyond `cursor`, nearest first."""
    found: dict[int, LedgerEntry] = {}
    for side in ("source", "target"):
        rows = LedgerEntry.objects.filter(**{side: account}).select_related("booked_by")
        if cursor is not None:
            rows = _beyond(rows, cursor, older=older)
        order = ("-booked_at", "-pk") if older else ("booked_at", "pk")
        found.update((e.pk, e) for e in rows.order_by(*order)[:limit])
    return sorted(found.values(), key=lambda e: (e.booked_at, e.pk), reverse=older)[:limit]


def _beyond(rows, cursor: LedgerEntry, *, older: bool):
    at, pk = cursor.booked_at, cursor.pk
    if older:
        return rows.filter(booked_at__lte=at).exclude(booked_at=at, pk__gte=pk)
    return rows.filter(booked_at__gte=at).exclude(booked_at=at, pk__lte=pk)
