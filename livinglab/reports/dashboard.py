"""Figures for a body's dashboard, all counted from the registry in the database."""

from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone

from livinglab.tracking.models import Case, CaseEvent
from livinglab.work.models import Assignment

_CLOSING = [CaseEvent.Kind.DELISTED, CaseEvent.Kind.REGULAR, CaseEvent.Kind.MERGED]


@dataclass
class Dashboard:
    by_state: dict[str, int]
    opened: dict[str, int]
    closed: dict[str, int]
    overdue_by_agency: list[tuple[str, int]]


def _quarters(rows) -> dict[str, int]:
    result: dict[str, int] = {}
    for row in rows:
        key = f"{row['y']}Q{(row['m'] - 1) // 3 + 1}"
        result[key] = result.get(key, 0) + row["n"]
    return dict(sorted(result.items()))


def build_dashboard(cases, today=None) -> Dashboard:
    """`cases` is any Case queryset: a body's, an agency's or the whole platform's."""
    today = today or timezone.localdate()
    by_state = {state: 0 for state in Case.State.values}
    for row in cases.values("state").annotate(n=Count("pk")).order_by():
        by_state[row["state"]] = row["n"]
    events = CaseEvent.objects.filter(case__in=cases)
    per_quarter = (
        events.annotate(y=ExtractYear("on"), m=ExtractMonth("on"))
        .values("y", "m")
        .annotate(n=Count("case", distinct=True))
        .order_by()
    )
    overdue = (
        Assignment.objects.filter(case__in=cases)
        .overdue(today)
        .values("organisation__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "organisation__name")
    )
    return Dashboard(
        by_state=by_state,
        opened=_quarters(per_quarter.filter(kind=CaseEvent.Kind.TRACKED)),
        closed=_quarters(per_quarter.filter(kind__in=_CLOSING)),
        overdue_by_agency=[(r["organisation__name"], r["n"]) for r in overdue],
    )
