"""Reading KPI measurements from a CSV file, every line checked before anything is saved.

The file has a header row naming its columns (in Chinese or English, any order):
指標/kpi, 日期/date, 數值/value and optionally 備註/note. Dates may be written as
2026-03-01, 2026/3/1 or in the ROC calendar (115/3/1, 115年3月1日); values may use
full-width digits and thousands separators. The file may be UTF-8 (with or without a
BOM) or Big5, as Excel in Taiwan saves it.

`parse` returns the rows, or raises `CsvRejected` with one message per bad line, so that
an upload is all or nothing.
"""

import csv
import datetime as dt
import io
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from livinglab.minutes.dates import DATE_RE, make_date, year_of
from livinglab.minutes.decode import decode_text
from livinglab.minutes.errors import MinutesError
from livinglab.minutes.numerals import to_int

MAX_BYTES = 1024 * 1024
MAX_ROWS = 5000
MAX_NOTE = 300
# The largest magnitude a measurement may have (the column holds 14 digits, 4 decimals).
MAX_VALUE = Decimal("9999999999")

COLUMNS = {
    "kpi": {"kpi", "指標", "指標名稱", "kpi名稱", "name", "indicator"},
    "date": {"date", "日期", "量測日期", "on"},
    "value": {"value", "數值", "值", "量測值"},
    "note": {"note", "備註", "說明", "notes"},
}
REQUIRED = ("kpi", "date", "value")


@dataclass(frozen=True)
class Row:
    line: int
    kpi: str  # the KPI's name as the trial knows it
    on: dt.date
    value: Decimal
    note: str = ""


@dataclass(frozen=True)
class LineError:
    line: int  # 0 for the file as a whole
    message: str

    def __str__(self):
        if not self.line:
            return self.message
        return _("Line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


class CsvRejected(Exception):
    """The file, or some of its lines, cannot be read; nothing was saved."""

    def __init__(self, errors: list[LineError]):
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


def fold(text: str) -> str:
    """A name as compared: full-width folded, case and surrounding space ignored."""
    return unicodedata.normalize("NFKC", text or "").strip().casefold()


def parse(data: bytes, kpi_names: Iterable[str], *, today: dt.date) -> list[Row]:
    """The measurements in `data`; `kpi_names` are the names of the trial's KPIs."""
    if len(data) > MAX_BYTES:
        raise CsvRejected([LineError(0, _("The file is larger than 1 MB."))])
    try:
        text = decode_text(data, "csv")
    except MinutesError:
        raise CsvRejected([LineError(0, _("This is not a text (CSV) file."))]) from None
    lines = list(csv.reader(io.StringIO(text)))
    while lines and not any(cell.strip() for cell in lines[-1]):
        lines.pop()
    if not lines:
        raise CsvRejected([LineError(0, _("The file is empty."))])
    columns = _columns(lines[0])
    if len(lines) - 1 > MAX_ROWS:
        message = _("The file has more than %(count)s rows.") % {"count": MAX_ROWS}
        raise CsvRejected([LineError(0, message)])
    names = {fold(name): name for name in kpi_names}
    rows, errors, seen = [], [], {}
    for number, cells in enumerate(lines[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        try:
            row = _row(number, cells, columns, names, today)
        except ValueError as exc:
            errors.append(LineError(number, str(exc)))
            continue
        key = (row.kpi, row.on)
        if key in seen and seen[key].value != row.value:
            message = _("%(kpi)s on %(date)s already has the value %(value)s on line %(line)s.")
            errors.append(
                LineError(
                    number,
                    message
                    % {
                        "kpi": row.kpi,
                        "date": row.on.isoformat(),
                        "value": plain(seen[key].value),
                        "line": seen[key].line,
                    },
                )
            )
        elif key not in seen:
            seen[key] = row
            rows.append(row)
    if errors:
        raise CsvRejected(errors)
    if not rows:
        raise CsvRejected([LineError(0, _("The file has no measurements under its header."))])
    return rows


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = fold(cell)
        for column, names in COLUMNS.items():
            if key in names and column not in found:
                found[column] = index
    missing = [column for column in REQUIRED if column not in found]
    if missing:
        message = _(
            "The first line must name the columns kpi, date and value (指標, 日期, 數值); "
            "missing: %(missing)s."
        ) % {"missing": ", ".join(missing)}
        raise CsvRejected([LineError(1, message)])
    return found


def _cell(cells: list[str], columns: dict[str, int], column: str) -> str:
    index = columns.get(column)
    if index is None or index >= len(cells):
        return ""
    return cells[index].strip()


def _row(number, cells, columns, names: dict[str, str], today: dt.date) -> Row:
    kpi_text = _cell(cells, columns, "kpi")
    kpi = names.get(fold(kpi_text))
    if kpi is None:
        if not kpi_text:
            raise ValueError(_("the KPI is missing."))
        raise ValueError(
            _("this trial has no KPI named “%(name)s” (it has: %(names)s).")
            % {"name": kpi_text, "names": "、".join(sorted(names.values())) or "—"}
        )
    on = parse_date(_cell(cells, columns, "date"))
    if on > today:
        raise ValueError(_("the date %(date)s is in the future.") % {"date": on.isoformat()})
    value = parse_value(_cell(cells, columns, "value"))
    note = _cell(cells, columns, "note")
    if len(note) > MAX_NOTE:
        raise ValueError(_("the note is longer than %(count)s characters.") % {"count": MAX_NOTE})
    return Row(number, kpi, on, value, note)


def plain(value: Decimal) -> str:
    """A value as people write it: 91, 42.5 (no trailing zeros, no exponent)."""
    return f"{value.normalize():f}"


def parse_date(text: str) -> dt.date:
    """2026-03-01, 2026/3/1, 115/3/1 or 115年3月1日; ValueError with a message otherwise."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if not cleaned:
        raise ValueError(_("the date is missing."))
    found = DATE_RE.fullmatch(cleaned)
    date = None
    if found:
        year = found.group("y") or found.group("y2")
        month = found.group("m") or found.group("m2")
        day = found.group("d") or found.group("d2")
        date = make_date(year_of(year), to_int(month), to_int(day))
    if date is None:
        raise ValueError(
            _("“%(text)s” is not a date (write 2026-03-01 or 115/3/1).") % {"text": text}
        )
    return date


def parse_value(text: str) -> Decimal:
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace(" ", "")
    if not cleaned:
        raise ValueError(_("the value is missing."))
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        raise ValueError(_("“%(text)s” is not a number.") % {"text": text})
    if abs(value) > MAX_VALUE:
        raise ValueError(_("%(text)s is too large.") % {"text": text})
    return value.quantize(Decimal("0.0001"))
