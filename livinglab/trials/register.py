"""The trial register (概念驗證登錄表) as a spreadsheet: .ods (odfpy) or .xlsx (openpyxl).

One row a trial the user may see, under a bold header row that is frozen on screen and
repeated on printed pages: the trial, who proposed it, the sponsoring agency and body,
the site, the period, its status, how it ended and what it taught, and its KPIs
(baseline → latest value, target).
"""

import io
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from livinglab.core.office import append_row, xml_safe
from livinglab.trials.measurement_csv import plain
from livinglab.trials.models import Measurement, Trial, TrialKpi

FORMATS = ("ods", "xlsx")
CONTENT_TYPES = {
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
WIDTHS_CM = (1.2, 6.0, 4.0, 4.0, 4.0, 4.0, 4.2, 2.0, 5.0, 6.0, 7.0)


def headers() -> list[str]:
    return [
        _("No."),
        _("Trial"),
        _("Proposed by"),
        pgettext("trial", "Sponsoring agency"),
        pgettext("trial", "Sponsoring body"),
        _("Field site"),
        _("Period"),
        _("Status"),
        _("Outcome"),
        _("Lessons learned"),
        _("KPIs"),
    ]


@dataclass
class RegisterRow:
    trial: Trial
    kpis: list[str]

    def cells(self, number: int) -> list[str]:
        trial = self.trial
        outcome = ""
        if trial.outcome:
            outcome = str(trial.get_outcome_display())
            if trial.outcome_note:
                outcome += "：" + trial.outcome_note
        return [
            str(number),
            trial.title,
            trial.proposal.organisation.name,
            trial.agency.name,
            trial.body.name,
            trial.site.name,
            f"{trial.starts_on.isoformat()} – {trial.ends_on.isoformat()}",
            str(trial.get_status_display()),
            outcome,
            trial.lessons,
            "\n".join(self.kpis),
        ]


def kpi_line(kpi: TrialKpi) -> str:
    """路口平均等候秒數（秒）：95 → 72（目標 70）"""
    latest = kpi.latest[0].value if kpi.latest else None
    parts = [plain(kpi.baseline) if kpi.baseline is not None else "—"]
    parts.append(plain(latest) if latest is not None else "—")
    text = f"{kpi.definition}：" + " → ".join(parts)
    if kpi.target is not None:
        text += " " + _("(target %(target)s)") % {"target": plain(kpi.target)}
    return text


def with_kpis(trials):
    """Trials with their KPIs and each KPI's latest value, in three queries in all."""
    latest = Measurement.objects.order_by("trial_kpi_id", "-on")
    kpis = TrialKpi.objects.select_related("definition").prefetch_related(
        Prefetch("measurements", queryset=latest, to_attr="all_values")
    )
    return trials.select_related(
        "proposal__organisation", "agency", "body", "site"
    ).prefetch_related(Prefetch("kpis", queryset=kpis))


def rows(trials) -> list[RegisterRow]:
    result = []
    for trial in with_kpis(trials):
        lines = []
        for kpi in trial.kpis.all():
            kpi.latest = kpi.all_values[:1]
            lines.append(kpi_line(kpi))
        result.append(RegisterRow(trial, lines))
    return result


def export(trials, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    table = [row.cells(number) for number, row in enumerate(rows(trials), start=1)]
    return {"ods": _to_ods, "xlsx": _to_xlsx}[fmt](headers(), table)


def _to_xlsx(names: list[str], table: list[list[str]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = pgettext("trial", "Trials")[:31]
    append_row(sheet, names)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill(fill_type="solid", start_color="DDDDDD", end_color="DDDDDD")
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    top = Alignment(vertical="top", wrap_text=True)
    for values in table:
        append_row(sheet, values)
        for cell in sheet[sheet.max_row]:
            cell.alignment = top
    for index, width in enumerate(WIDTHS_CM, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = round(width * 5.0, 1)
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _to_ods(names: list[str], table: list[list[str]]) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableCellProperties, TableColumnProperties, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    bold = Style(name="header", family="table-cell")
    bold.addElement(TextProperties(fontweight="bold", fontweightasian="bold"))
    bold.addElement(TableCellProperties(backgroundcolor="#dddddd", wrapoption="wrap"))
    body = Style(name="body", family="table-cell")
    body.addElement(TableCellProperties(verticalalign="top", wrapoption="wrap"))
    document.automaticstyles.addElement(bold)
    document.automaticstyles.addElement(body)
    sheet = Table(name=pgettext("trial", "Trials"))
    for index, width in enumerate(WIDTHS_CM):
        column = Style(name=f"col{index}", family="table-column")
        column.addElement(TableColumnProperties(columnwidth=f"{width}cm"))
        document.automaticstyles.addElement(column)
        sheet.addElement(TableColumn(stylename=column))

    def row_of(values, style):
        row = TableRow()
        for value in values:
            cell = TableCell(valuetype="string", stylename=style)
            for line in xml_safe(value or "").split("\n"):
                cell.addElement(P(text=line))
            row.addElement(cell)
        return row

    header = TableHeaderRows()
    header.addElement(row_of(names, bold))
    sheet.addElement(header)
    for values in table:
        sheet.addElement(row_of(values, body))
    document.spreadsheet.addElement(sheet)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()
