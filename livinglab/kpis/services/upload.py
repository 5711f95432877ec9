"""CSV uploads of values: every row checked, a preview, then all rows written or none.

The file has a header row with the columns kpi, scope, period, value and optionally
unit and supplier (Chinese headers 指標, 範圍, 期間, 數值, 單位, 提供者 work too); it
is the CSV form of the exchange format (`livinglab/kpis/schema/README.md`). A row is rejected
with its reason when its KPI is unknown, its unit is of another family, its value is
not a number or negative where that is not allowed, its period is not one of the
KPI's frequency, it repeats an earlier row, or its scope is not the uploader's. A file
with any rejected row stores nothing; a file without is kept as a pending upload until
the uploader applies it from the preview.
"""

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livinglab.core.access import require
from livinglab.kpis.models import Definition, Scope, Value, ValueUpload
from livinglab.kpis.periods import PeriodError, parse_period
from livinglab.kpis.services import catalogue
from livinglab.kpis.services.loop import check_after_write
from livinglab.kpis.services.scopes import scope_by_identifier
from livinglab.kpis.services.values import ValueRefused, checked, refresh_year_totals

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
COLUMNS = {
    "kpi": {"kpi", "指標", "definition", "identifier"},
    "scope": {"scope", "範圍", "scope_id"},
    "period": {"period", "期間"},
    "value": {"value", "數值", "值"},
    "unit": {"unit", "單位"},
    "supplier": {"supplier", "提供者", "supplied_by"},
    "source": {"source", "來源"},
}
REQUIRED = ("kpi", "scope", "period", "value")


class UploadRejected(ValueError):
    """The file as a whole cannot be read (encoding, header, size)."""


@dataclass
class Row:
    line: int
    kpi: str
    scope: str
    period: str
    value: str
    unit: str = ""
    supplier: str = ""
    source: str = "local"
    reasons: list[str] = field(default_factory=list)
    stored: float | None = None
    change: str = ""  # new, changed or unchanged
    definition: Definition | None = field(default=None, repr=False)
    scope_obj: Scope | None = field(default=None, repr=False)
    start: object = None

    @property
    def is_rejected(self) -> bool:
        return bool(self.reasons)

    def as_dict(self) -> dict:
        keys = ("line", "kpi", "scope", "period", "value", "unit", "supplier", "source")
        return {key: getattr(self, key) for key in keys}


def read_rows(data: bytes) -> list[Row]:
    if len(data) > MAX_BYTES:
        raise UploadRejected(_("The file is larger than 5 MB."))
    text = _decode(data)
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header:
        raise UploadRejected(_("The file is empty."))
    positions = _columns(header)
    rows = []
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) >= MAX_ROWS:
            raise UploadRejected(_("More than 50,000 rows: split the file."))
        got = {key: (cells[i].strip() if i < len(cells) else "") for key, i in positions.items()}
        rows.append(Row(line=number, **{k: v for k, v in got.items() if v or k in REQUIRED}))
    if not rows:
        raise UploadRejected(_("The file has a header but no rows."))
    return rows


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "big5"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UploadRejected(_("The file is neither UTF-8 nor Big5 text."))


def _columns(header: list[str]) -> dict[str, int]:
    positions = {}
    for index, name in enumerate(header):
        cleaned = name.strip().lower().lstrip("\ufeff")
        for key, names in COLUMNS.items():
            if cleaned in names and key not in positions:
                positions[key] = index
    missing = [key for key in REQUIRED if key not in positions]
    if missing:
        raise UploadRejected(
            _("The header row lacks the columns: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    return positions


def check_rows(user, rows: list[Row]) -> list[Row]:
    """Give every row its reasons for rejection, or what it would change."""
    definitions: dict[str, Definition | None] = {}
    scopes: dict[str, Scope | None] = {}
    owned = set(Scope.objects.owned_by(user).values_list("pk", flat=True))
    seen: dict[tuple, int] = {}
    for row in rows:
        row.definition = _cached(definitions, row.kpi, _definition)
        row.scope_obj = _cached(scopes, row.scope, _scope)
        if row.definition is None:
            row.reasons.append(
                _("Unknown KPI “%(kpi)s” (write its identifier, such as water.consumption@1).")
                % {"kpi": row.kpi}
            )
        if row.scope_obj is None:
            row.reasons.append(_("Unknown scope “%(scope)s”.") % {"scope": row.scope})
        elif row.scope_obj.pk not in owned:
            row.reasons.append(
                _("The scope %(scope)s is not one you supply values for.")
                % {"scope": row.scope_obj.name}
            )
        _check_period_and_value(row)
        key = (row.kpi, row.scope, row.start, row.source)
        if row.definition and row.scope_obj and row.start:
            key = (row.definition.pk, row.scope_obj.pk, row.start, row.source)
        if key in seen:
            row.reasons.append(
                _("The same KPI, scope and period as line %(line)s.") % {"line": seen[key]}
            )
        else:
            seen[key] = row.line
    _changes([r for r in rows if not r.is_rejected])
    return rows


def _cached(cache: dict, key: str, find):
    if key not in cache:
        cache[key] = find(key)
    return cache[key]


def _definition(identifier: str):
    try:
        return catalogue.get_definition(identifier)
    except catalogue.UnknownDefinition:
        return None


def _scope(identifier: str):
    try:
        return scope_by_identifier(identifier)
    except LookupError:
        return None


def _check_period_and_value(row: Row) -> None:
    try:
        frequency, row.start = parse_period(row.period)
    except PeriodError as exc:
        row.reasons.append(str(exc))
        return
    definition = row.definition
    if definition is None:
        return
    if frequency != definition.frequency:
        row.reasons.append(
            _("%(kpi)s is reported every %(frequency)s; “%(period)s” is not such a period.")
            % {
                "kpi": definition.identifier,
                "frequency": definition.get_frequency_display(),
                "period": row.period,
            }
        )
        return
    try:
        row.stored = checked(definition, row.start, row.value.replace(",", ""), row.unit or None)
    except ValueRefused as exc:
        row.reasons.append(str(exc))


def _changes(rows: list[Row]) -> None:
    for row in rows:
        existing = (
            Value.objects.filter(
                definition=row.definition,
                scope=row.scope_obj,
                period_start=row.start,
                source=row.source,
            )
            .values_list("value", flat=True)
            .first()
        )
        if existing is None:
            row.change = "new"
        else:
            row.change = "unchanged" if existing == row.stored else "changed"


def preview(user, data: bytes) -> list[Row]:
    return check_rows(user, read_rows(data))


def upload_values(user, filename: str, data: bytes) -> tuple[ValueUpload | None, list[Row]]:
    """Check the file; keep it as a pending upload only when no row is rejected."""
    rows = preview(user, data)
    if any(row.is_rejected for row in rows):
        return None, rows
    pending = ValueUpload.objects.create(
        uploaded_by=user, filename=filename[:200], rows=[row.as_dict() for row in rows]
    )
    return pending, rows


def rows_of(upload: ValueUpload) -> list[Row]:
    return [Row(**entry) for entry in upload.rows]


@transaction.atomic
def apply_upload(user, upload: ValueUpload) -> list[Row]:
    """Write every row of a pending upload, or none when a row no longer passes."""
    require(user, "apply", upload)
    upload = ValueUpload.objects.select_for_update().get(pk=upload.pk)
    if upload.applied_at is not None:
        return []
    rows = check_rows(user, rows_of(upload))
    if any(row.is_rejected for row in rows):
        raise UploadRejected(_("Some rows no longer pass their checks: upload the file again."))
    write_rows(user, rows, supplier=_("CSV upload by %(user)s") % {"user": user.get_username()})
    upload.applied_at = timezone.now()
    upload.save(update_fields=["applied_at"])
    return rows


def write_rows(user, rows: list[Row], *, supplier: str) -> None:
    touched: dict[int, tuple[Definition, set[int], set[int]]] = {}
    for row in rows:
        if row.change == "unchanged":
            continue
        Value.objects.update_or_create(
            definition=row.definition,
            scope=row.scope_obj,
            period_start=row.start,
            source=row.source,
            defaults={
                "value": row.stored,
                "given_value": float(row.value.replace(",", "")),
                "given_unit": row.unit or row.definition.unit,
                "supplier": row.supplier or supplier,
                "entered_by": user,
            },
        )
        entry = touched.setdefault(row.definition.pk, (row.definition, set(), set()))
        entry[1].add(row.scope_obj.pk)
        entry[2].add(row.start.year)
    for definition, scope_ids, years in touched.values():
        refresh_year_totals(definition, list(scope_ids), years)
        check_after_write(definition, scope_ids)
