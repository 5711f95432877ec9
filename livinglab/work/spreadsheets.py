"""The bulk-update spreadsheet: one layout for download and upload, in .ods and .xlsx.

Reading is defensive: the file is size-limited, must be a zip whose members are checked
(count, sizes, compression ratio) before anything is unpacked, and no XML part may carry
a DTD (no entities). ODS is read with defusedxml directly; XLSX with openpyxl, once the
same checks have passed.
"""

import datetime as dt
import io
import zipfile

from defusedxml import ElementTree as SafeET
from django.utils.translation import gettext as _

from livinglab.core.office import append_row
from livinglab.zipguard import ZipBomb, ZipLimits, check_zip

MAX_BYTES = 5 * 1024 * 1024
MAX_MEMBERS = 200
MAX_UNPACKED = 50 * 1024 * 1024
MAX_RATIO = 100
LIMITS = ZipLimits(members=MAX_MEMBERS, total=MAX_UNPACKED, member=MAX_UNPACKED, ratio=MAX_RATIO)
MAX_ROWS = 5000
COLUMNS = 7
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
FORMATS = {
    "ods": ODS_MIMETYPE.decode(),
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}


class SpreadsheetRejected(ValueError):
    """The file cannot be read; the message names the file and the reason."""


def headers() -> list[str]:
    return [
        _("Case ID"),
        _("Case title"),
        _("Agency"),
        _("Deadline"),
        _("Progress"),
        _("Percent complete"),
        _("Proposal"),
    ]


# --- writing -----------------------------------------------------------------------


def write(fmt: str, sheet_name: str, rows: list[list]) -> bytes:
    return {"ods": write_ods, "xlsx": write_xlsx}[fmt](sheet_name, [headers(), *rows])


def write_xlsx(sheet_name: str, rows: list[list]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name[:31]
    for row in rows:
        append_row(sheet, row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDEFG", (10, 40, 28, 14, 60, 12, 20), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2):
        row[3].number_format = "yyyy-mm-dd"
        row[4].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_ods(sheet_name: str, rows: list[list]) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableColumnProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.teletype import addTextToElement
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name=sheet_name[:31])
    for index, width in enumerate(("2.2cm", "8cm", "6cm", "3cm", "12cm", "2.6cm", "4cm")):
        style = Style(name=f"col{index}", family="table-column")
        style.addElement(TableColumnProperties(columnwidth=width))
        doc.automaticstyles.addElement(style)
        table.addElement(TableColumn(stylename=style))
    for row in rows:
        tr = TableRow()
        for value in row:
            if isinstance(value, int | float) and not isinstance(value, bool):
                cell = TableCell(valuetype="float", value=value)
                cell.addElement(P(text=str(value)))
            elif isinstance(value, dt.date):
                cell = TableCell(valuetype="date", datevalue=value.isoformat())
                cell.addElement(P(text=value.isoformat()))
            else:
                cell = TableCell(valuetype="string")
                if value not in (None, ""):
                    paragraph = P()
                    addTextToElement(paragraph, str(value))
                    cell.addElement(paragraph)
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    out = io.BytesIO()
    doc.write(out)
    return out.getvalue()


# --- reading -----------------------------------------------------------------------


def read(name: str, data: bytes) -> list[list]:
    """The rows of the first sheet as cell values (str, int, float, date or None)."""
    if len(data) > MAX_BYTES:
        raise SpreadsheetRejected(
            _("%(file)s is larger than %(max)s MB.") % {"file": name, "max": MAX_BYTES >> 20}
        )
    if not data.startswith(b"PK\x03\x04"):
        raise SpreadsheetRejected(
            _("%(file)s is not an .ods or .xlsx spreadsheet.") % {"file": name}
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        _check_members(name, archive)
        members = set(archive.namelist())
        if "mimetype" in members and archive.read("mimetype").strip() == ODS_MIMETYPE:
            return _read_ods(archive)
        if "[Content_Types].xml" in members and "xl/workbook.xml" in members:
            return _read_xlsx(data)
    except SpreadsheetRejected:
        raise
    except Exception as exc:  # noqa: BLE001 - any parser failure is an unreadable file
        raise SpreadsheetRejected(
            _(
                "%(file)s is damaged and cannot be read. Open it in your spreadsheet program, "
                "save it again as .ods or .xlsx, and upload the new copy."
            )
            % {"file": name}
        ) from exc
    raise SpreadsheetRejected(_("%(file)s is not an .ods or .xlsx spreadsheet.") % {"file": name})


def _check_members(name: str, archive: zipfile.ZipFile) -> None:
    """Zip-bomb guard: look at the declared sizes before unpacking anything."""
    try:
        check_zip(archive, LIMITS)
    except ZipBomb as exc:
        raise SpreadsheetRejected(
            _("%(file)s unpacks to too much data; it is refused.") % {"file": name}
        ) from exc
    for info in archive.infolist():
        if info.filename.endswith((".xml", ".rels")):
            with archive.open(info) as member:
                content = member.read(MAX_UNPACKED + 1)
            if len(content) > info.file_size:  # sizes in the directory lied
                raise SpreadsheetRejected(
                    _("%(file)s unpacks to too much data; it is refused.") % {"file": name}
                )
            if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
                raise SpreadsheetRejected(
                    _("%(file)s contains XML entity declarations; it is refused.") % {"file": name}
                )


def _read_xlsx(data: bytes) -> list[list]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    sheet = book.worksheets[0]
    rows = []
    for row in sheet.iter_rows(max_col=COLUMNS, values_only=True):
        rows.append([v.date() if isinstance(v, dt.datetime) else v for v in row])
        if len(rows) > MAX_ROWS + 1:
            break
    book.close()
    return rows


def _q(prefix: str, name: str) -> str:
    return f"{{{NS[prefix]}}}{name}"


def _ods_text(element) -> str:
    """A cell's text: paragraphs on their own lines, text:s and text:line-break kept."""
    return "\n".join("".join(_ods_parts(p)) for p in element.iter(_q("text", "p")))


def _ods_parts(node):
    if node.text:
        yield node.text
    for child in node:
        if child.tag == _q("text", "s"):
            yield " " * int(child.get(_q("text", "c"), "1"))
        elif child.tag == _q("text", "line-break"):
            yield "\n"
        elif child.tag == _q("text", "tab"):
            yield "\t"
        else:
            yield from _ods_parts(child)
        if child.tail:
            yield child.tail


def _ods_value(cell):
    kind = cell.get(_q("office", "value-type"))
    if kind in ("float", "percentage", "currency"):
        number = float(cell.get(_q("office", "value")))
        return int(number) if number.is_integer() else number
    if kind == "date":
        return dt.date.fromisoformat(cell.get(_q("office", "date-value"))[:10])
    text = _ods_text(cell)
    return text if text != "" else None


def _read_ods(archive: zipfile.ZipFile) -> list[list]:
    root = SafeET.fromstring(archive.read("content.xml"), forbid_dtd=True)
    table = next(root.iter(_q("table", "table")), None)
    if table is None:
        return []
    rows: list[list] = []
    for tr in table.iter(_q("table", "table-row")):
        values: list = []
        for cell in tr:
            if cell.tag not in (_q("table", "table-cell"), _q("table", "covered-table-cell")):
                continue
            repeat = int(cell.get(_q("table", "number-columns-repeated"), "1"))
            value = _ods_value(cell)
            values.extend([value] * min(repeat, COLUMNS - len(values)))
            if len(values) >= COLUMNS:
                break
        if any(v is not None for v in values):
            repeat = int(tr.get(_q("table", "number-rows-repeated"), "1"))
            rows.extend([values] * min(repeat, MAX_ROWS + 2 - len(rows)))
        else:
            rows.append([])
        if len(rows) > MAX_ROWS + 1:
            break
    while rows and not rows[-1]:
        rows.pop()
    return rows
