"""The compute-credit API: each programme's public totals, and a team's statement under
the same rules as its page (the team's own proposers and the secretariat)."""

import datetime as dt

from django.http import Http404
from ninja import Field, Router, Schema

from livinglab.core.access import get_for_user
from livinglab.core.api_auth import optional_user
from livinglab.core.api_types import Id
from livinglab.credits import dashboard, team_statement
from livinglab.credits.models import Account, LedgerEntry, Programme

router = Router(tags=["credits"])
ENTRIES = 500  # a page of a statement in the API


class DomainTotals(Schema):
    domain: str
    granted: int
    consumed: int
    remaining: int


class ProgrammeOut(Schema):
    id: int
    name: str
    starts_on: dt.date
    ends_on: dt.date
    budget: int
    granted: int
    consumed: int
    remaining: int
    by_domain: list[DomainTotals]


class EntryOut(Schema):
    booked_at: dt.datetime
    kind: str
    change: int
    balance: int
    reason: str
    statement_line: str


class AccountOut(Schema):
    id: int
    programme_id: int
    team: str
    balance: int
    consumed: int
    entries: list[EntryOut]
    older: int | None = Field(
        None, description="Pass it as `before` for the next, older entries; null at the oldest."
    )


@router.get("/credits/programmes", response=list[ProgrammeOut], auth=optional_user)
def list_programmes(request):
    rows = []
    for programme in Programme.objects.order_by("-starts_on", "name"):
        board = dashboard.build(programme)
        rows.append(
            {
                "id": programme.pk,
                "name": programme.name,
                "starts_on": programme.starts_on,
                "ends_on": programme.ends_on,
                "budget": programme.budget,
                "granted": board.total.granted,
                "consumed": board.total.consumed,
                "remaining": board.total.remaining,
                "by_domain": [
                    {
                        "domain": t.label,
                        "granted": t.granted,
                        "consumed": t.consumed,
                        "remaining": t.remaining,
                    }
                    for t in board.by_domain
                ],
            }
        )
    return rows


@router.get("/credits/accounts/{account_id}", response=AccountOut, auth=optional_user)
def get_account(request, account_id: Id, before: Id | None = None):
    """The account's newest entries, or those older than entry `before`."""
    account = get_for_user(Account.objects.select_related("organisation"), request.auth, account_id)
    try:
        page = team_statement.page(account, before=before, size=ENTRIES)
    except LedgerEntry.DoesNotExist:
        raise Http404 from None
    entries = [
        {
            "booked_at": entry.booked_at,
            "kind": entry.kind,
            "change": change,
            "balance": balance,
            "reason": entry.reason,
            "statement_line": entry.statement_line,
        }
        for entry, change, balance in page.rows
    ]
    return {
        "id": account.pk,
        "programme_id": account.programme_id,
        "team": str(account.organisation),
        "balance": account.balance,
        "consumed": account.consumed,
        "entries": entries,
        "older": page.older,
    }
