"""The tracking table as office documents, laid out for A4 landscape.

Every format carries the body's name as the title, the meeting number and date under
it, then one row per case with the seven columns of `tracking_table.headers()`, under a
bold header row that repeats on every printed page. One module a format:
`exports_odf` (.ods, .odt), `exports_xlsx` and `exports_docx`; `layout` has what they
share. The draft agenda and the dashboard are `Report`s, written by `report_to_odt` and
`report_to_docx`.
"""

from livinglab.reports.exports_docx import report_to_docx, to_docx
from livinglab.reports.exports_odf import report_to_odt, to_ods, to_odt
from livinglab.reports.exports_xlsx import to_xlsx
from livinglab.reports.layout import PAGE_WIDTH_CM, WIDTHS_CM, Report, Section
from livinglab.reports.tracking_table import TrackingTable

__all__ = [
    "CONTENT_TYPES",
    "FORMATS",
    "PAGE_WIDTH_CM",
    "WIDTHS_CM",
    "Report",
    "Section",
    "export",
    "report_to_docx",
    "report_to_odt",
    "to_docx",
    "to_ods",
    "to_odt",
    "to_xlsx",
]

FORMATS = ("ods", "odt", "xlsx", "docx")
CONTENT_TYPES = {
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def export(table: TrackingTable, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    return {"ods": to_ods, "odt": to_odt, "xlsx": to_xlsx, "docx": to_docx}[fmt](table)
