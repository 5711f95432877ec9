"""The KPI API: the catalogue, roll-ups and the exchange format; writes need a token.

Reading is public (published indicators). A scope's owner posts values; the
secretariat posts another city's exchange file, which is applied like the command's
import (new values added, the same ones unchanged, different ones held for review).
"""

import datetime as dt
import json

from ninja import Field, Query, Router, Schema, Status

from livinglab.core.access import get_for_user
from livinglab.core.api_auth import optional_user, require_user
from livinglab.core.api_types import Id
from livinglab.kpis.models import Definition, Scope
from livinglab.kpis.periods import PeriodError, parse_period
from livinglab.kpis.services import catalogue, exchange, rollup
from livinglab.kpis.services.scopes import scope_by_identifier
from livinglab.kpis.services.values import ValueRefused, record_value

router = Router(tags=["kpis"])


class Message(Schema):
    detail: str


class DefinitionOut(Schema):
    id: str = Field(..., alias="identifier")
    slug: str
    version: int
    name_zh: str
    name_en: str
    category: str
    unit: str
    direction: str
    frequency: str
    aggregation: str
    denominator: str
    method: str
    source: str
    references: str
    change_note: str


class RollupOut(Schema):
    kpi: str
    scope: str
    start: dt.date
    end: dt.date
    value: float | None
    unit: str
    sources: int
    children_reporting: int
    children: int


class RollupQuery(Schema):
    kpi: str = Field(..., max_length=120)
    scope: str = Field(..., max_length=200)
    year: int = Field(..., ge=1900, le=2200)
    sector: str = Field("", max_length=20)


class ValueIn(Schema):
    kpi: str = Field(..., max_length=120)
    scope: str = Field(..., max_length=200)
    period: str = Field(..., max_length=20)
    value: float
    unit: str = Field("", max_length=40)
    supplier: str = Field("", max_length=200)


class ValueOut(Schema):
    kpi: str
    scope: str
    period: str
    value: float
    unit: str


class ImportOut(Schema):
    id: int
    definitions_new: list[str]
    scopes_new: list[str]
    values_new: int
    values_unchanged: int
    conflicts: list[dict]
    errors: list[str]


@router.get("/kpis/definitions", response=list[DefinitionOut], auth=optional_user)
def list_definitions(request):
    """Every definition of the catalogue, every version."""
    return Definition.objects.order_by("slug", "version")


@router.get(
    "/kpis/definitions/{identifier}",
    response={200: DefinitionOut, 404: Message},
    auth=optional_user,
)
def get_definition(request, identifier: str):
    try:
        return catalogue.get_definition(identifier)
    except catalogue.UnknownDefinition as exc:
        return Status(404, {"detail": str(exc)})


@router.get("/kpis/rollup", response={200: RollupOut, 404: Message}, auth=optional_user)
def get_rollup(request, query: Query[RollupQuery]):
    """A scope's figure for a year by the KPI's aggregation rule, with its coverage."""
    try:
        definition = catalogue.get_definition(query.kpi)
        scope = scope_by_identifier(query.scope)
    except LookupError as exc:
        return Status(404, {"detail": str(exc)})
    figure = rollup.roll_up_year(definition, scope, query.year, query.sector or None)
    return {
        "kpi": definition.identifier,
        "scope": scope.identifier,
        "start": dt.date(query.year, 1, 1),
        "end": dt.date(query.year, 12, 31),
        "value": figure.value,
        "unit": definition.unit,
        "sources": figure.sources,
        "children_reporting": figure.children_reporting,
        "children": figure.children,
    }


@router.get("/kpis/scopes/{scope_id}/export", auth=optional_user)
def export_scope(request, scope_id: Id):
    """The exchange file of a scope and everything under it (see the published schema)."""
    scope = get_for_user(Scope.objects, request.auth, scope_id)
    return exchange.export(scope)


@router.post(
    "/kpis/values", response={201: ValueOut, 400: Message, 404: Message}, auth=require_user
)
def post_value(request, payload: ValueIn):
    """The scope's owner records (or corrects) a value; it is stored in the KPI's unit."""
    try:
        definition = catalogue.get_definition(payload.kpi)
        scope = scope_by_identifier(payload.scope)
    except LookupError as exc:
        return Status(404, {"detail": str(exc)})
    try:
        frequency, start = parse_period(payload.period)
        if frequency != definition.frequency:
            raise PeriodError(
                f"{definition.identifier}: {definition.get_frequency_display()} ≠ {payload.period}"
            )
        value = record_value(
            request.auth,
            definition,
            scope,
            start,
            payload.value,
            payload.unit or None,
            supplier=payload.supplier,
        )
    except (PeriodError, ValueRefused) as exc:
        return Status(400, {"detail": str(exc)})
    return Status(
        201,
        {
            "kpi": definition.identifier,
            "scope": scope.identifier,
            "period": value.period,
            "value": value.value,
            "unit": definition.unit,
        },
    )


@router.post("/kpis/imports", response={201: ImportOut, 400: Message}, auth=require_user)
def post_import(request):
    """Import another city's exchange file (the JSON body); conflicts are held for review."""
    try:
        staged, plan = exchange.import_file(request.auth, "api.json", request.body)
    except (exchange.ExchangeRejected, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return Status(400, {"detail": str(exc)})
    if plan.errors:
        return Status(400, {"detail": "; ".join(plan.errors[:20])})
    return Status(201, {"id": staged.pk, **plan.as_dict()})
