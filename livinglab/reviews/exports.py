"""A call's ranked list as a spreadsheet: .xlsx (openpyxl) and .ods (odfpy).

One sheet: the call's title and the date on the first row, a bold header row, then one
row per proposal in rank order. Rank, reviews and scores are numbers (score and spread
on 0–100, two decimals) so that the sheet can be sorted and summed; text goes through
`core.office`, so a title that begins with "=" stays text and control characters go.
"""

import io
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from livinglab.core.office import append_row, xml_safe

FORMATS = ("ods", "xlsx")
CONTENT_TYPES = {
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
SHEET = "排名"


def headers() -> list[str]:
    return [
        _("Rank"),
        pgettext("living lab", "Proposal"),
        _("Proposing organisation"),
        _("Domain"),
        _("Need"),
        _("Status"),
        _("Reviews submitted"),
        _("Reviewers assigned"),
        _("Score (0–100)"),
        _("Spread (0–100)"),
        _("Reviewers disagree"),
        _("Passes the gates"),
    ]


def rows(ranked) -> list[list]:
    """One list of cell values per proposal: numbers stay numbers, None is an empty cell."""
    out = []
    for row in ranked:
        proposal, summary = row.proposal, row.summary
        score = _percent(summary.score) if summary else None
        spread = _percent(summary.spread) if summary else None
        reviewed = summary is not None and summary.submitted > 0
        out.append(
            [
                row.rank,
                proposal.title,
                proposal.organisation.name,
                proposal.domain.label,
                proposal.need.title if proposal.need_id else _("unsolicited"),
                proposal.get_status_display(),
                summary.submitted if summary else 0,
                summary.assigned if summary else 0,
                score,
                spread,
                (_("yes") if summary.disagreement else _("no")) if reviewed else None,
                (_("yes") if summary.passes_gates else _("no")) if reviewed else None,
            ]
        )
    return out


def _percent(value: Decimal | None) -> float | None:
    """0..1 as 0–100 with two decimals, halves rounded up as on the pages."""
    if value is None:
        return None
    return float((value * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def title_of(call) -> str:
    today = timezone.localdate().isoformat()
    return _("%(call)s: ranked proposals (%(date)s)") % {"call": call.title, "date": today}


def export(call, ranked, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    table = rows(ranked)
    return (to_ods if fmt == "ods" else to_xlsx)(title_of(call), headers(), table)


def to_xlsx(title: str, names: list[str], table: list[list]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    append_row(sheet, [title])
    sheet["A1"].font = Font(bold=True, size=13)
    append_row(sheet, names)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for values in table:
        append_row(sheet, values)
    for index, width in enumerate([6, 40, 28, 14, 30, 10, 8, 8, 10, 10, 10, 10], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "C3"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_ods(title: str, names: list[str], table: list[list]) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableColumnProperties, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    bold = Style(name="bold", family="table-cell")
    bold.addElement(
        TextProperties(fontweight="bold", fontweightasian="bold", fontweightcomplex="bold")
    )
    document.automaticstyles.addElement(bold)
    sheet = Table(name=SHEET)
    for index, width in enumerate([1.2, 8, 6, 3, 6, 2.2, 1.8, 1.8, 2.2, 2.2, 2.2, 2.2]):
        style = Style(name=f"col{index}", family="table-column")
        style.addElement(TableColumnProperties(columnwidth=f"{width}cm"))
        document.automaticstyles.addElement(style)
        sheet.addElement(TableColumn(stylename=style))

    def add_row(values, style=None):
        row = TableRow()
        for value in values:
            row.addElement(_ods_cell(value, style, TableCell, P))
        sheet.addElement(row)

    add_row([title], bold)
    add_row(names, bold)
    for values in table:
        add_row(values)
    document.spreadsheet.addElement(sheet)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def _ods_cell(value, style, TableCell, P):
    attributes = {"stylename": style} if style is not None else {}
    if value is None:
        return TableCell(**attributes)
    if isinstance(value, int | float) and not isinstance(value, bool):
        cell = TableCell(valuetype="float", value=value, **attributes)
    else:
        cell = TableCell(valuetype="string", **attributes)
    cell.addElement(P(text=xml_safe(str(value))))
    return cell
