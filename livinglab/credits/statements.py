"""Usage statements from providers: GPU-hours used by teams, booked as consumption.

A statement is a CSV file (columns `line_id, team, gpu_class, gpu_hours, used_on`) or a
JSON file (`{"lines": [{"line_id": …, "team": …, "gpu_class": …, "gpu_hours": …,
"used_on": …}]}`). The secretariat uploads it for one provider; every line is checked
(the team has credits in the programme, the GPU class has a rate at the provider, the
hours are a number above zero, the line id appears once, the team's balance covers all
its lines) and a file with any bad line is refused whole, each bad line with its reason.
A line already booked from an earlier statement is shown and skipped, so that importing
the same statement again books nothing twice. Applying checks everything again against
the ledger as it is then and books all lines in one transaction, or none.
"""

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from livinglab.core.access import require
from livinglab.credits import ledger
from livinglab.credits.models import Account, LedgerEntry, Programme, Statement

MAX_LINES = 20_000
MAX_BYTES = 5 * 1024 * 1024
FIELDS = ("line_id", "team", "gpu_class", "gpu_hours", "used_on")


class StatementRejected(ValueError):
    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass
class CheckedLine:
    number: int
    line_id: str
    account: Account
    gpu_class: str
    gpu_hours: Decimal
    credits: int
    used_on: dt.date | None
    already_booked: bool = False


def read(name: str, data: bytes) -> list[dict]:
    """The raw lines of a CSV or JSON statement, as dictionaries of text."""
    if len(data) > MAX_BYTES:
        raise StatementRejected([_("The file is larger than 5 MB.")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StatementRejected([_("The file is not UTF-8 text.")]) from None
    if name.lower().endswith(".json"):
        try:
            document = json.loads(text)
        except ValueError:
            raise StatementRejected([_("The file is not valid JSON.")]) from None
        rows = document.get("lines") if isinstance(document, dict) else document
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise StatementRejected([_("A JSON statement is a list of lines.")])
    else:
        reader = csv.DictReader(io.StringIO(text))
        missing = [f for f in FIELDS[:4] if f not in (reader.fieldnames or [])]
        if missing:
            raise StatementRejected(
                [_("Columns missing: %(columns)s.") % {"columns": ", ".join(missing)}]
            )
        rows = list(reader)
    if len(rows) > MAX_LINES:
        raise StatementRejected([_("More than %(max)s lines.") % {"max": MAX_LINES}])
    return [
        {f: "" if row.get(f) is None else str(row.get(f)).strip() for f in FIELDS} for row in rows
    ]


def upload(user, programme: Programme, provider: str, name: str, data: bytes) -> Statement:
    require(user, "import_usage", programme)
    rows = read(name, data)
    check(programme, provider, rows)  # raises StatementRejected naming each bad line
    return Statement.objects.create(
        programme=programme, provider=provider, filename=name[:255], lines=rows, uploaded_by=user
    )


def preview(user, statement: Statement) -> list[CheckedLine]:
    require(user, "import_usage", statement.programme)
    return check(statement.programme, statement.provider, statement.lines)


def apply(user, statement: Statement) -> list[LedgerEntry]:
    """Book every new line of the statement as consumption, all or nothing."""
    with transaction.atomic():
        statement = Statement.objects.select_for_update().get(pk=statement.pk)
        programme = statement.programme
        require(user, "import_usage", programme)
        if statement.applied_at is not None:
            return []
        # lock the team accounts before their balances are checked and drawn on
        list(_team_accounts(programme).select_for_update(of=("self",)).order_by("pk"))
        booked = [
            ledger.consume(
                programme,
                line.account.organisation,
                line.credits,
                provider=statement.provider,
                statement_line=line.line_id,
                gpu_hours=line.gpu_hours,
            )
            for line in check(programme, statement.provider, statement.lines)
            if not line.already_booked
        ]
        statement.applied_at = timezone.now()
        statement.save(update_fields=["applied_at"])
    return booked


def _team_accounts(programme: Programme):
    return Account.objects.filter(programme=programme, kind=Account.Kind.TEAM).select_related(
        "organisation"
    )


def check(programme: Programme, provider: str, rows: list[dict]) -> list[CheckedLine]:
    """The lines as they would be booked; raises StatementRejected listing every bad one."""
    rates = {r.gpu_class: r.credits_per_hour for r in programme.rates.filter(provider=provider)}
    if not rates:
        raise StatementRejected(
            [_("The programme accepts no statements from %(provider)s.") % {"provider": provider}]
        )
    teams = _teams_by_name(programme)
    booked = set(
        LedgerEntry.objects.filter(
            programme=programme, provider=provider, statement_line__in=[r["line_id"] for r in rows]
        ).values_list("statement_line", flat=True)
    )
    errors, lines, seen, spent = [], [], set(), {}
    for number, row in enumerate(rows, start=1):
        line, problems = _check_line(number, row, teams, rates, seen, booked)
        seen.add(row["line_id"])
        if line is not None and not line.already_booked:
            spent[line.account.pk] = spent.get(line.account.pk, 0) + line.credits
            if spent[line.account.pk] > line.account.balance:
                problems.append(
                    _("%(team)s has %(balance)s credits left; the lines so far use %(spent)s.")
                    % {
                        "team": line.account.organisation,
                        "balance": line.account.balance,
                        "spent": spent[line.account.pk],
                    }
                )
        errors += [_("Line %(n)s: %(problem)s") % {"n": number, "problem": p} for p in problems]
        if line is not None:
            lines.append(line)
    if errors:
        raise StatementRejected(errors)
    return lines


def _check_line(number, row, teams, rates, seen, booked):
    problems = []
    line_id = row["line_id"]
    if not line_id:
        problems.append(_("the line id is missing."))
    elif len(line_id) > 100:
        problems.append(_("the line id is longer than 100 characters."))
    elif line_id in seen:
        problems.append(_("line id %(id)s appears twice in the file.") % {"id": line_id})
    account = teams.get(row["team"].casefold())
    if account is None:
        problems.append(
            _("%(team)s has no credits in this programme.") % {"team": row["team"] or "–"}
        )
    rate = rates.get(row["gpu_class"])
    if rate is None:
        problems.append(
            _("the provider has no rate for GPU class %(gpu)s.") % {"gpu": row["gpu_class"] or "–"}
        )
    hours = _as_hours(row["gpu_hours"])
    if hours is None:
        problems.append(
            _("GPU-hours must be a number above zero, not %(v)s.") % {"v": row["gpu_hours"] or "–"}
        )
    used_on = None
    if row["used_on"]:
        try:
            used_on = dt.date.fromisoformat(row["used_on"])
        except ValueError:
            problems.append(_("the date %(v)s is not YYYY-MM-DD.") % {"v": row["used_on"]})
    if problems:
        return None, problems
    credits = int((hours * rate).to_integral_value(rounding=ROUND_HALF_UP)) or 1
    line = CheckedLine(number, line_id, account, row["gpu_class"], hours, credits, used_on)
    line.already_booked = line_id in booked
    return line, problems


def _as_hours(value: str) -> Decimal | None:
    try:
        hours = Decimal(value)
    except (InvalidOperation, ValueError):
        return None
    if not hours.is_finite() or hours <= 0 or hours > 1_000_000:
        return None
    return hours.quantize(Decimal("0.0001"))


def _teams_by_name(programme: Programme) -> dict[str, Account]:
    """Team accounts by the organisation's official name, short name and aliases."""
    by_name: dict[str, Account] = {}
    accounts = _team_accounts(programme).prefetch_related("organisation__aliases")
    for account in accounts:
        org = account.organisation
        names = [org.name, org.short_name, *(a.name for a in org.aliases.all())]
        for name in filter(None, names):
            by_name.setdefault(name.casefold(), account)
    return by_name


def entries_of(programme: Programme, statement: Statement):
    return LedgerEntry.objects.filter(
        Q(programme=programme, provider=statement.provider),
        statement_line__in=[row["line_id"] for row in statement.lines],
    )
