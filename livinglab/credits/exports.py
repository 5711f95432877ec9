"""A team's statement as a spreadsheet (.ods or .xlsx): date, kind, change, balance.

Written by the list pages' own writer (`core.lists`), so it reads like every other
download: the title and, when the statement is longer than a file holds, a note saying
only the newest entries are in it.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from livinglab.core import lists
from livinglab.credits import team_statement

FORMATS = ("ods", "xlsx")
CONTENT_TYPES = {fmt: lists.CONTENT_TYPES[fmt] for fmt in FORMATS}

COLUMNS = (
    lists.Column("booked_at", gettext_lazy("Booked at"), width=18),
    lists.Column("kind", gettext_lazy("Kind"), width=12),
    lists.Column("change", gettext_lazy("Change"), width=12),
    lists.Column("balance", gettext_lazy("Balance"), width=12),
    lists.Column("reason", gettext_lazy("Reason or statement line"), width=40),
)


def statement(account, fmt: str) -> bytes:
    page = team_statement.page(account, size=lists.EXPORT_CAP)
    rows = [
        [
            entry.booked_at.strftime("%Y-%m-%d %H:%M"),
            entry.get_kind_display(),
            change,
            balance,
            entry.reason or f"{entry.provider} {entry.statement_line}".strip(),
        ]
        for entry, change, balance in page.rows
    ]
    note = ""
    if page.older is not None:
        note = _("the newest %(count)s entries only") % {"count": lists.EXPORT_CAP}
    return lists.spreadsheet(title(account), COLUMNS, rows, fmt, note)


def title(account) -> str:
    return _("Credit statement of %(team)s, %(programme)s") % {
        "team": account.organisation or account.get_kind_display(),
        "programme": account.programme,
    }
