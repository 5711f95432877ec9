"""Publishing and importing definitions, scopes and values between cities.

The format is documented in `livinglab/kpis/schema/README.md` with its JSON Schema in
`livinglab/kpis/schema/kpi-exchange.schema.json`. This instance's own scopes and
values ("local") are published under its name (`LIVINGLAB_KPI_INSTANCE`); another
city's scopes keep that city's namespace and codes when imported here.

An import is staged first (`stage_import`, a summary for the review page) and then
applied (`apply_import`): definitions are matched by identifier and version (added
when missing), scopes by namespace and code, values by (definition, scope, period,
source). A value already stored with the same figure changes nothing, so importing
the same file again changes nothing; a different figure for the same key is not
overwritten but held as a `Conflict` for review.
"""

import csv
import hashlib
import io
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livinglab.core.access import require
from livinglab.kpis.models import (
    Conflict,
    Definition,
    ExchangeImport,
    Scope,
    ScopeAncestor,
    ScopeParent,
    Target,
    Value,
)
from livinglab.kpis.periods import PeriodError, parse_period, write_period
from livinglab.kpis.services import catalogue
from livinglab.kpis.services.loop import check_after_write
from livinglab.kpis.services.scopes import add_parent, create_scope
from livinglab.kpis.services.values import ValueRefused, checked, refresh_year_totals

FORMAT = "livinglab-kpi-exchange"
FORMAT_VERSION = 1
DEFINITION_FIELDS = (
    "name_zh",
    "name_en",
    "category",
    "unit",
    "direction",
    "frequency",
    "aggregation",
    "denominator",
    "allows_negative",
    "method",
    "source",
    "references",
    "change_note",
)
CSV_COLUMNS = ["kpi", "scope", "period", "value", "unit", "source", "supplier"]
# A city's whole export is a few megabytes; a file far past that is refused unread.
MAX_BYTES = 20 * 1024 * 1024


class ExchangeRejected(ValueError):
    """A file that is not an exchange file this platform reads, with the reason."""


def instance_name() -> str:
    return getattr(settings, "LIVINGLAB_KPI_INSTANCE", "local") or "local"


def _published(scope: Scope) -> str:
    namespace = instance_name() if scope.namespace == "local" else scope.namespace
    return f"{namespace}:{scope.code}"


def _published_source(source: str) -> str:
    return instance_name() if source == "local" else source


# --- export -------------------------------------------------------------------------


def export(scope: Scope) -> dict:
    """The scope, everything under it, their values and targets, and the definitions used."""
    ids = ScopeAncestor.objects.filter(ancestor=scope).values("descendant_id")
    scopes = list(Scope.objects.filter(pk__in=ids).order_by("pk"))
    parents: dict[int, list[str]] = {}
    by_id = {s.pk: s for s in scopes}
    for link in ScopeParent.objects.filter(child_id__in=ids, parent_id__in=ids):
        parents.setdefault(link.child_id, []).append(_published(by_id[link.parent_id]))
    values = (
        Value.objects.filter(scope_id__in=ids)
        .select_related("definition")
        .order_by("definition_id", "scope_id", "period_start", "source")
    )
    targets = Target.objects.filter(scope_id__in=ids).select_related("definition")
    used = set(values.values_list("definition_id", flat=True).distinct()) | set(
        targets.values_list("definition_id", flat=True)
    )
    definitions = Definition.objects.filter(pk__in=used).order_by("slug", "version")
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "instance": instance_name(),
        "exported_at": timezone.now().isoformat(timespec="seconds"),
        "definitions": [_definition_out(d) for d in definitions],
        "scopes": [
            {
                "id": _published(s),
                "name_zh": s.name_zh,
                "name_en": s.name_en,
                "kind": s.kind,
                "sector": s.sector,
                "parents": sorted(parents.get(s.pk, [])),
            }
            for s in scopes
        ],
        "values": [_value_out(v, by_id) for v in values],
        "targets": [
            {
                "kpi": t.definition.identifier,
                "scope": _published(by_id[t.scope_id]),
                "year": t.year,
                "value": t.value,
                "note": t.note,
            }
            for t in targets
        ],
    }


def _definition_out(definition: Definition) -> dict:
    out = {"id": definition.identifier, "slug": definition.slug, "version": definition.version}
    out.update({name: getattr(definition, name) for name in DEFINITION_FIELDS})
    return out


def _value_out(value: Value, scopes: dict[int, Scope]) -> dict:
    return {
        "kpi": value.definition.identifier,
        "scope": _published(scopes[value.scope_id]),
        "period": write_period(value.definition.frequency, value.period_start),
        "value": value.value,
        "unit": value.definition.unit,
        "source": _published_source(value.source),
        "supplier": value.supplier,
    }


def export_csv(scope: Scope) -> str:
    """The values of `export` as CSV (the definitions and scopes must be known already)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for value in export(scope)["values"]:
        writer.writerow(value)
    return out.getvalue()


# --- reading ------------------------------------------------------------------------


def read_exchange(data: bytes) -> dict:
    """The exchange content of a JSON or CSV file, checked for shape."""
    if len(data) > MAX_BYTES:
        raise ExchangeRejected(_("The file is larger than %(mb)s MB.") % {"mb": MAX_BYTES >> 20})
    try:
        text = data.decode("utf-8-sig", errors="strict") if data else ""
    except UnicodeDecodeError:
        raise ExchangeRejected(
            _("The file is not UTF-8 text: export it again as JSON or CSV and upload that.")
        ) from None
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ExchangeRejected(
                _("The file is not valid JSON (line %(line)s, column %(column)s).")
                % {"line": exc.lineno, "column": exc.colno}
            ) from None
    else:
        payload = _from_csv(text)
    _check_shape(payload)
    return payload


def _from_csv(text: str) -> dict:
    reader = csv.DictReader(io.StringIO(text))
    missing = [
        c
        for c in ("kpi", "scope", "period", "value", "source")
        if c not in (reader.fieldnames or [])
    ]
    if missing:
        raise ExchangeRejected(
            _("The CSV header lacks the columns: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    values = []
    for row in reader:
        entry = {k: (row.get(k) or "").strip() for k in CSV_COLUMNS}
        try:
            entry["value"] = float(entry["value"])
        except ValueError:
            raise ExchangeRejected(
                _("Line %(line)s: “%(value)s” is not a number.")
                % {"line": reader.line_num, "value": entry["value"]}
            ) from None
        values.append(entry)
    sources = {v["source"] for v in values}
    instance = sources.pop() if len(sources) == 1 else "csv"
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "instance": instance,
        "values": values,
    }


def _check_shape(payload) -> None:
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ExchangeRejected(
            _("This is not a KPI exchange file (its “format” is not %(f)s).") % {"f": FORMAT}
        )
    if payload.get("format_version") != FORMAT_VERSION:
        raise ExchangeRejected(_("Only version 1 of the exchange format can be read."))
    if not isinstance(payload.get("instance"), str) or not payload["instance"]:
        raise ExchangeRejected(_("The file does not say which city published it (“instance”)."))
    for key in ("definitions", "scopes", "values", "targets"):
        if not isinstance(payload.get(key, []), list):
            raise ExchangeRejected(_("“%(key)s” must be a list.") % {"key": key})


# --- planning and applying ------------------------------------------------------------


@dataclass
class Plan:
    definitions_new: list[str] = field(default_factory=list)
    scopes_new: list[str] = field(default_factory=list)
    values_new: int = 0
    values_unchanged: int = 0
    conflicts: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "definitions_new": self.definitions_new,
            "scopes_new": self.scopes_new,
            "values_new": self.values_new,
            "values_unchanged": self.values_unchanged,
            "conflicts": self.conflicts,
            "errors": self.errors,
        }


def _local_scope_key(published: str) -> tuple[str, str]:
    namespace, sep, code = published.partition(":")
    if not sep:
        raise ExchangeRejected(
            _("A scope is written namespace:code, not “%(id)s”.") % {"id": published}
        )
    return ("local" if namespace == instance_name() else namespace), code


def _local_source(source: str) -> str:
    return "local" if source == instance_name() else (source or "unknown")


class _Applier:
    """Walks a payload; with `write` False it only plans."""

    def __init__(self, payload: dict, *, write: bool, exchange=None, user=None) -> None:
        self.payload, self.write, self.exchange, self.user = payload, write, exchange, user
        self.plan = Plan()
        self.definitions: dict[str, Definition | None] = {}
        self.scopes: dict[str, Scope | None] = {}
        self.touched: dict[int, tuple[Definition, set[int], set[int]]] = {}

    def run(self) -> Plan:
        for entry in self.payload.get("definitions", []):
            self.definition_in(entry)
        for entry in self.payload.get("scopes", []):
            self.scope_in(entry)
        for entry in self.payload.get("scopes", []):
            self.parents_in(entry)
        for entry in self.payload.get("values", []):
            self.value_in(entry)
        if self.write:
            for definition, scope_ids, years in self.touched.values():
                refresh_year_totals(definition, list(scope_ids), years)
                check_after_write(definition, scope_ids)
        return self.plan

    def definition_in(self, entry: dict) -> None:
        identifier = f"{entry['slug']}@{entry['version']}"
        found = Definition.objects.filter(slug=entry["slug"], version=entry["version"]).first()
        if found is None:
            self.plan.definitions_new.append(identifier)
            if self.write:
                fields = {k: entry[k] for k in DEFINITION_FIELDS if k in entry}
                found = Definition.objects.create(
                    slug=entry["slug"], version=entry["version"], **fields
                )
        self.definitions[identifier] = found

    def scope_in(self, entry: dict) -> None:
        namespace, code = _local_scope_key(entry["id"])
        found = Scope.objects.filter(namespace=namespace, code=code).first()
        if found is None:
            self.plan.scopes_new.append(entry["id"])
            if self.write:
                found = create_scope(
                    namespace=namespace,
                    code=code,
                    name_zh=entry.get("name_zh") or code,
                    name_en=entry.get("name_en", ""),
                    kind=entry.get("kind") or Scope.Kind.OTHER,
                    sector=entry.get("sector", ""),
                )
        self.scopes[entry["id"]] = found

    def parents_in(self, entry: dict) -> None:
        child = self.scopes.get(entry["id"])
        for parent_id in entry.get("parents", []):
            parent = self.scope(parent_id)
            if self.write and child is not None and parent is not None:
                if not ScopeParent.objects.filter(child=child, parent=parent).exists():
                    add_parent(child, parent)

    def scope(self, published: str) -> Scope | None:
        if published not in self.scopes:
            namespace, code = _local_scope_key(published)
            self.scopes[published] = Scope.objects.filter(namespace=namespace, code=code).first()
        return self.scopes[published]

    def kpi(self, identifier: str) -> Definition | None:
        if identifier not in self.definitions:
            try:
                self.definitions[identifier] = catalogue.get_definition(identifier)
            except catalogue.UnknownDefinition:
                self.definitions[identifier] = None
        return self.definitions[identifier]

    def value_in(self, entry: dict) -> None:
        definition, scope = self.kpi(entry["kpi"]), self.scope(entry["scope"])
        where = f"{entry['kpi']} {entry['scope']} {entry.get('period')}"
        if definition is None and entry["kpi"] not in self.plan.definitions_new:
            self.plan.errors.append(_("%(where)s: unknown KPI.") % {"where": where})
            return
        if scope is None and entry["scope"] not in self.plan.scopes_new:
            self.plan.errors.append(_("%(where)s: unknown scope.") % {"where": where})
            return
        if definition is None or scope is None:
            self.plan.values_new += 1  # both arrive with this file
            return
        try:
            _frequency, start = parse_period(str(entry.get("period", "")))
            number = checked(definition, start, entry.get("value"), entry.get("unit") or None)
        except (PeriodError, ValueRefused) as exc:
            self.plan.errors.append(f"{where}: {exc}")
            return
        source = _local_source(entry.get("source", ""))
        stored = Value.objects.filter(
            definition=definition, scope=scope, period_start=start, source=source
        ).first()
        if stored is None:
            self.plan.values_new += 1
            if self.write:
                Value.objects.create(
                    definition=definition,
                    scope=scope,
                    period_start=start,
                    source=source,
                    value=number,
                    given_value=float(entry["value"]),
                    given_unit=entry.get("unit") or definition.unit,
                    supplier=(entry.get("supplier") or source)[:200],
                    entered_by=self.user,
                )
                got = self.touched.setdefault(definition.pk, (definition, set(), set()))
                got[1].add(scope.pk)
                got[2].add(start.year)
        elif abs(stored.value - number) <= 1e-9 * max(1.0, abs(number)):
            self.plan.values_unchanged += 1
        else:
            self.plan.conflicts.append({"key": where, "stored": stored.value, "incoming": number})
            if self.write:
                Conflict.objects.get_or_create(
                    value=stored,
                    incoming=number,
                    defaults={
                        "exchange": self.exchange,
                        "incoming_supplier": (entry.get("supplier") or "")[:200],
                    },
                )


def plan_import(payload: dict) -> Plan:
    return _Applier(payload, write=False).run()


@transaction.atomic
def stage_import(user, filename: str, data: bytes) -> ExchangeImport:
    """Keep a file for review with what it would change (the same file twice: one import)."""
    require(user, "stage", ExchangeImport())
    payload = read_exchange(data)
    digest = hashlib.sha256(data).hexdigest()
    existing = ExchangeImport.objects.filter(sha256=digest).first()
    if existing is not None:
        return existing
    return ExchangeImport.objects.create(
        instance=payload["instance"][:60],
        filename=filename[:200],
        sha256=digest,
        payload=payload,
        summary=plan_import(payload).as_dict(),
        uploaded_by=user,
    )


@transaction.atomic
def apply_import(user, exchange: ExchangeImport) -> Plan:
    """Write what is new; hold what conflicts; change nothing already there."""
    require(user, "apply", exchange)
    exchange = ExchangeImport.objects.select_for_update().get(pk=exchange.pk)
    plan = _Applier(exchange.payload, write=True, exchange=exchange, user=user).run()
    if plan.errors:
        transaction.set_rollback(True)
        return plan
    exchange.summary = plan.as_dict()
    exchange.applied_at = exchange.applied_at or timezone.now()
    exchange.save(update_fields=["summary", "applied_at"])
    return plan


def import_file(user, filename: str, data: bytes) -> tuple[ExchangeImport, Plan]:
    exchange = stage_import(user, filename, data)
    return exchange, apply_import(user, exchange)


@transaction.atomic
def resolve_conflict(user, conflict: Conflict, *, take_incoming: bool) -> Conflict:
    require(user, "apply", conflict.exchange)
    conflict = (
        Conflict.objects.select_for_update().select_related("value__definition").get(pk=conflict.pk)
    )
    if conflict.status != Conflict.Status.HELD:
        return conflict
    if take_incoming:
        value = conflict.value
        value.value = conflict.incoming
        value.given_value, value.given_unit = conflict.incoming, value.definition.unit
        value.supplier = conflict.incoming_supplier or value.supplier
        value.save()
        refresh_year_totals(value.definition, [value.scope_id], [value.period_start.year])
        check_after_write(value.definition, [value.scope_id])
    conflict.status = Conflict.Status.REPLACED if take_incoming else Conflict.Status.KEPT
    conflict.decided_by, conflict.decided_at = user, timezone.now()
    conflict.save()
    return conflict
