"""A team's statement as a spreadsheet (.ods or .xlsx): date, kind, change, balance."""

import io

from django.utils.translation import gettext as _

from livinglab.core.office import append_row, cell_value
from livinglab.credits import team_statement

ROWS = 500  # the newest entries, as the API gives them

FORMATS = ("ods", "xlsx")
CONTENT_TYPES = {
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _table(account) -> tuple[list[str], list[list]]:
    headers = [_("Booked at"), _("Kind"), _("Change"), _("Balance"), _("Reason or statement line")]
    rows = [
        [
            entry.booked_at.strftime("%Y-%m-%d %H:%M"),
            entry.get_kind_display(),
            change,
            balance,
            entry.reason or f"{entry.provider} {entry.statement_line}".strip(),
        ]
        for entry, change, balance in team_statement.page(account, size=ROWS).rows
    ]
    return headers, rows


def statement(account, fmt: str) -> bytes:
    headers, rows = _table(account)
    return _xlsx(headers, rows) if fmt == "xlsx" else _ods(headers, rows)


def _xlsx(headers, rows) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "credits"
    append_row(sheet, headers)
    for row in rows:
        append_row(sheet, row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _ods(headers, rows) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="credits")
    for values in [headers, *rows]:
        row = TableRow()
        for value in values:
            if isinstance(value, int):
                cell = TableCell(valuetype="float", value=value)
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(cell_value(value))))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()
