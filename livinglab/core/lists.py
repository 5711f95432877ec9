"""What every list page shares: sorting by a column's header, and the filtered list
as a spreadsheet (.xlsx, .ods, .csv) with a file name people can read.

A list declares its `Column`s; `Sorting` reads `?sort=key` or `?sort=-key` against
them (anything else is the list's default order), gives the ORM ordering with the
primary key last so that equal values keep one order from page to page, and the
headers' links and `aria-sort`. `list_context` gives a list page what the shared
pager, headers and download links read. `spreadsheet` writes the rows the page shows,
text as text (`core.office`: nothing a spreadsheet could run as a formula); `list_file`
is a list's download, given what is the list's own: its title, columns and cells.
"""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy

from livinglab.core.office import cell_value, csv_value

FORMATS = ("xlsx", "ods", "csv")
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "csv": "text/csv; charset=utf-8",
    "odt": "application/vnd.oasis.opendocument.text",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
# A list exported as a file stops here; the file says so on its first row.
EXPORT_CAP = 5000
# What that first row says, given the count; a list may name what it holds instead.
ROWS_CUT = gettext_lazy("the first %(count)s rows only")


@dataclass(frozen=True)
class Column:
    """A column of a list: its label, and the fields it sorts by (none: not sortable)."""

    key: str
    label: str
    order: tuple[str, ...] = ()
    width: float = 16  # in the spreadsheet, about this many half-width characters
    css: str = ""


@dataclass
class Header:
    column: Column
    url: str  # the list sorted by this column (the other way when it is the sort now)
    aria_sort: str  # ascending, descending or none (only sortable columns have it)
    active: bool

    @property
    def label(self) -> str:
        return str(self.column.label)

    @property
    def sortable(self) -> bool:
        return bool(self.column.order)


class Sorting:
    """The order a list is asked for in its query string, among its columns."""

    def __init__(self, columns, query: QueryDict, default: str = "", param: str = "sort"):
        self.columns = list(columns)
        self.param = param
        self.query = query
        wanted = str(query.get(param, "") or default)
        self.descending = wanted.startswith("-")
        key = wanted.lstrip("-")
        by_key = {c.key: c for c in self.columns if c.order}
        self.column = by_key.get(key)
        if self.column is None:
            self.descending = False
        self.is_default = self.column is None or wanted == default

    @property
    def value(self) -> str:
        """The `sort` value now in force ("" for the list's own order)."""
        if self.column is None:
            return ""
        return ("-" if self.descending else "") + self.column.key

    def order_by(self, model=None) -> list:
        """ORM ordering for the chosen column, the primary key last; [] for the default.

        Empty values go last both ways. Given the list's `model`, a field that cannot be
        empty is ordered plainly, so that the database can read it from an index.
        """
        if self.column is None:
            return []
        from django.db.models import F

        result = []
        for name in [*self.column.order, "pk"]:
            field = F(name.lstrip("-"))
            nulls = {"nulls_last": True} if _nullable(model, name) else {}
            result.append(field.desc(**nulls) if self.descending else field.asc(**nulls))
        return result

    def apply(self, queryset):
        ordering = self.order_by(queryset.model)
        return queryset.order_by(*ordering) if ordering else queryset

    def ordering(self, *default, model=None) -> list:
        """The ordering asked for, else the list's own `default` (its last field the pk)."""
        return self.order_by(model) or list(default)

    def headers(self) -> list[Header]:
        result = []
        for column in self.columns:
            active = column is self.column
            if not column.order:
                result.append(Header(column, "", "", False))
                continue
            descending = not self.descending if active else False
            query = self.query.copy()
            query.pop("page", None)
            query[self.param] = ("-" if descending else "") + column.key
            aria = ("descending" if self.descending else "ascending") if active else "none"
            result.append(Header(column, "?" + query.urlencode(), aria, active))
        return result


def _nullable(model, path: str) -> bool:
    """Whether `path` (a field, or one across relations) may be empty on `model`'s rows;
    true when the model is not known."""
    if model is None:
        return True
    if path.lstrip("-") == "pk":
        return False
    from django.core.exceptions import FieldDoesNotExist

    for name in path.lstrip("-").split("__"):
        try:
            field = model._meta.get_field(name)
        except (FieldDoesNotExist, AttributeError):  # an annotation: it may be empty
            return True
        if field.null or (field.is_relation and field.related_model is None):
            return True
        model = field.related_model
    return False


def export_query(query: QueryDict) -> str:
    """The list's query string for its links: its filters and order, no page."""
    query = query.copy()
    query.pop("page", None)
    return query.urlencode()


def export_links(url_name: str, query: QueryDict, *args) -> list[tuple[str, str]]:
    """(format, URL) of the list's files: the URL named `url_name` takes the format last."""
    from django.urls import reverse

    kept = export_query(query)
    return [
        (fmt, reverse(url_name, args=[*args, fmt]) + (f"?{kept}" if kept else ""))
        for fmt in FORMATS
    ]


def list_context(
    request,
    rows,
    sorting: Sorting,
    files: str = "",
    *,
    per_page: int,
    paginator=Paginator,
    shown=None,
) -> dict:
    """What the shared pager, sort headers and download links read, for `rows` (the list
    as filtered and ordered): `page`, the one `?page=` asks for, of `per_page` rows
    (`paginator` is called as `paginator(rows, per_page)`; `shown`, if given, turns the
    page into the rows it shows); `query`, the filters and order its links keep;
    `headers` and `sort`, the order in force; `exports`, the list's files at the URL
    named `files` (none without it)."""
    page = paginator(rows, per_page).get_page(request.GET.get("page"))
    if shown is not None:
        page.object_list = shown(page)
    return {
        "page": page,
        "query": export_query(request.GET),
        "headers": sorting.headers(),
        "sort": sorting.value,
        "exports": export_links(files, request.GET) if files else [],
    }


# --- Files ---------------------------------------------------------------------------


def first_rows(rows, cut=ROWS_CUT) -> tuple[list, str]:
    """The first `EXPORT_CAP` of `rows` (a sliceable list or queryset), and the note a
    file carries when there were more (`cut`, given the count)."""
    found = list(rows[: EXPORT_CAP + 1])
    if len(found) <= EXPORT_CAP:
        return found, ""
    return found[:EXPORT_CAP], cut % {"count": EXPORT_CAP}


def list_file(
    fmt: str,
    rows,
    cells,
    *,
    title: str,
    columns,
    fallback: str,
    cut=ROWS_CUT,
    shown=None,
    today=None,
) -> HttpResponse:
    """A list page's download: the list as a spreadsheet in `fmt` (one of `FORMATS`;
    any other is not found, before `rows` is called).

    `rows()` gives the list as filtered and ordered; the file holds its first
    `EXPORT_CAP` (`shown`, if given, turns those into the rows `cells` reads), each
    made the cells of one row by `cells`. The title row is `title` and the date
    (`today`, the site's today by default), with `cut` when the list was longer; the
    file is named for the title and the date, `fallback` and the date in ASCII.
    """
    if fmt not in FORMATS:
        raise Http404
    found, note = first_rows(rows(), cut)
    if shown is not None:
        found = shown(found)
    day = (today or timezone.localdate()).isoformat()
    data = spreadsheet(f"{title} {day}", columns, [cells(row) for row in found], fmt, note)
    return download(data, fmt, file_name(title, day), fallback=f"{fallback}-{day}")


def spreadsheet(title: str, columns, rows, fmt: str, note: str = "") -> bytes:
    """The rows (lists of cell values, one per column) as .xlsx, .ods or .csv.

    The spreadsheets have the title on their first row (and `note` after it), then a
    bold header row, frozen; a CSV is the header row and the rows only, in UTF-8 with a
    byte-order mark so that a spreadsheet opens it as UTF-8.
    """
    labels = [str(c.label) for c in columns]
    rows = [list(row) for row in rows]
    if fmt == "csv":
        return _csv(labels, rows)
    heading = f"{title} — {note}" if note else title
    if fmt == "xlsx":
        return _xlsx(heading, labels, [c.width for c in columns], rows)
    if fmt == "ods":
        return _ods(heading, labels, [c.width for c in columns], rows)
    raise ValueError(f"unknown format {fmt!r}")


def _csv(labels, rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([csv_value(v) for v in labels])
    for row in rows:
        writer.writerow(["" if v is None else csv_value(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _xlsx(title, labels, widths, rows) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "list"
    top = Alignment(wrap_text=True, vertical="top")
    for number, values in enumerate([[title], labels, *rows], start=1):
        sheet.append([cell_value(v) for v in values])
        for cell in sheet[number]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula
                # Excel's "text" prefix: typing into the cell does not make it a formula.
                cell.quotePrefix = cell.value.startswith(("=", "+", "-", "@"))
            if number > 2:
                cell.alignment = top
    sheet["A1"].font = Font(bold=True, size=13)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A3"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _ods(title, labels, widths, rows) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableCellProperties, TableColumnProperties, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    bold = Style(name="bold", family="table-cell")
    bold.addElement(TextProperties(fontweight="bold"))
    wrap = Style(name="wrap", family="table-cell")
    wrap.addElement(TableCellProperties(wrapoption="wrap", verticalalign="top"))
    document.automaticstyles.addElement(bold)
    document.automaticstyles.addElement(wrap)
    table = Table(name="list")
    for index, width in enumerate(widths):
        style = Style(name=f"col{index}", family="table-column")
        # About 0.19 cm a half-width character of the default font.
        style.addElement(TableColumnProperties(columnwidth=f"{width * 0.19:.2f}cm"))
        document.automaticstyles.addElement(style)
        table.addElement(TableColumn(stylename=style))

    def row_of(values, style):
        row = TableRow()
        for value in values:
            if isinstance(value, bool) or value is None or not isinstance(value, int | float):
                cell = TableCell(valuetype="string", stylename=style)
                cell.addElement(P(text="" if value is None else str(cell_value(str(value)))))
            else:
                cell = TableCell(valuetype="float", value=value, stylename=style)
                cell.addElement(P(text=str(value)))
            row.addElement(cell)
        return row

    table.addElement(row_of([title], bold))
    header = TableHeaderRows()
    header.addElement(row_of(labels, bold))
    table.addElement(header)
    for values in rows:
        table.addElement(row_of(values, wrap))
    document.spreadsheet.addElement(table)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def file_name(*parts) -> str:
    """A file name from its parts (body, meeting, date…): joined with "_", without
    characters a file system or a header refuses."""
    words = []
    for part in parts:
        text = unicodedata.normalize("NFC", str(part or "")).strip()
        text = re.sub(r'[\x00-\x1f\x7f/\\:*?"<>|]+', "", text)
        text = re.sub(r"\s+", "-", text)
        if text:
            words.append(text)
    return "_".join(words)[:150] or "export"


def download(data: bytes, fmt: str, name: str, fallback: str = "export") -> HttpResponse:
    """`data` as an attachment `name.fmt`: an ASCII name for old clients and the full
    name in UTF-8 (RFC 5987 / RFC 6266), so that a Chinese name arrives as it is."""
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "-", fallback).strip("-") or "export"
    full = f"{name}.{fmt}"
    response["Content-Disposition"] = (
        f"attachment; filename=\"{ascii_name}.{fmt}\"; filename*=UTF-8''{quote(full, safe='')}"
    )
    return response
