"""Figures for a dashboard, all counted from the registry in the database.

`build_dashboard(cases)` takes any Case queryset — a body's, an agency's or the whole
platform's as the user may see it — and runs a fixed number of queries whatever its size.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Max, Min, Q
from django.utils.translation import gettext_lazy as _

from livinglab.core.roc import official_quarter
from livinglab.tracking.models import Case, CaseEvent, CaseLink, Decision, taipei_today
from livinglab.work.models import Assignment

_CLOSING = [CaseEvent.Kind.DELISTED, CaseEvent.Kind.REGULAR, CaseEvent.Kind.MERGED]
# Upper bounds in days of the ageing buckets; the last bucket has none.
AGEING = (
    (91, _("under 3 months")),
    (183, _("3 to 6 months")),
    (366, _("6 to 12 months")),
    (731, _("1 to 2 years")),
    (None, _("over 2 years")),
)
# Swimlanes drawn on the timeline: the cases decided on most recently.
LANES = 25


@dataclass
class AgeBucket:
    label: str
    open: int = 0
    closed: int = 0


@dataclass
class Mark:
    date: dt.date
    status: str
    label: str


@dataclass
class Lane:
    case: Case
    marks: list[Mark] = field(default_factory=list)


@dataclass
class Dashboard:
    by_state: dict[str, int]
    opened: dict[str, int]
    closed: dict[str, int]
    overdue_by_agency: list[tuple[str, int]]
    ageing: list[AgeBucket] = field(default_factory=list)
    lanes: list[Lane] = field(default_factory=list)
    lanes_total: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_state.values())

    @property
    def states(self) -> list[tuple[str, str, int]]:
        """(key, translated label, count) for each state, in the model's order."""
        return [(key, str(label), self.by_state[key]) for key, label in Case.State.choices]

    @property
    def quarters(self) -> list[tuple[str, int, int]]:
        """(quarter, tracked, closed) for every quarter from the first to the last that
        has either, quiet quarters included (with zeros)."""
        keys = sorted(set(self.opened) | set(self.closed))
        if not keys:
            return []
        (year, q), last = _parse_quarter(keys[0]), _parse_quarter(keys[-1])
        rows = []
        while (year, q) <= last:
            key = f"{year}Q{q}"
            rows.append((key, self.opened.get(key, 0), self.closed.get(key, 0)))
            year, q = (year + 1, 1) if q == 4 else (year, q + 1)
        return rows


def _parse_quarter(key: str) -> tuple[int, int]:
    year, q = key.split("Q")
    return int(year), int(q)


def quarter_label(key: str) -> str:
    """113年第2季 in zh-Hant, 2024 Q2 in English, for the key 2024Q2."""
    return official_quarter(*_parse_quarter(key))


def quarter(date: dt.date) -> str:
    return f"{date.year}Q{(date.month - 1) // 3 + 1}"


PARTS = frozenset({"states", "spans", "overdue", "timeline"})


def build_dashboard(cases, today=None, *, lanes: int = LANES, parts=PARTS) -> Dashboard:
    """`cases` is any Case queryset: a body's, an agency's or the whole platform's.

    `parts` leaves out what a single chart does not need: "states", "spans" (per quarter
    and ageing), "overdue" and "timeline"."""
    today = today or taipei_today()
    by_state = {state: 0 for state in Case.State.values}
    if parts & {"states", "timeline"}:
        for row in cases.values("state").annotate(n=Count("pk")).order_by():
            by_state[row["state"]] = row["n"]
    dashboard = Dashboard(
        by_state=by_state,
        opened={},
        closed={},
        overdue_by_agency=overdue_by_agency(cases, today) if "overdue" in parts else [],
        ageing=[AgeBucket(str(label)) for _bound, label in AGEING],
    )
    if "spans" in parts:
        _count_spans(dashboard, cases, today)
    if "timeline" in parts:
        dashboard.lanes = timeline(cases, lanes)
        dashboard.lanes_total = by_state[Case.State.TRACKED] + by_state[Case.State.CLOSED]
    return dashboard


def overdue_by_agency(cases, today) -> list[tuple[str, int]]:
    rows = (
        Assignment.objects.filter(case__in=cases)
        .overdue(today)
        .values("organisation__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "organisation__name")
    )
    return [(r["organisation__name"], r["n"]) for r in rows]


def case_spans(cases):
    """(first tracked on, closed on, state) of each case, in one query over its events."""
    return (
        CaseEvent.objects.filter(case__in=cases, kind__in=[CaseEvent.Kind.TRACKED, *_CLOSING])
        .values("case")
        .annotate(
            start=Min("on", filter=Q(kind=CaseEvent.Kind.TRACKED)),
            end=Max("on", filter=Q(kind__in=_CLOSING)),
        )
        .values_list("start", "end", "case__state")
        .order_by()
    )


def _count_spans(dashboard: Dashboard, cases, today) -> None:
    """Tracked and closed per quarter, and ageing: how long cases stay tracked, from
    their first tracking to their closing (or to today while still tracked)."""
    opened: dict[str, int] = {}
    closed: dict[str, int] = {}
    for start, end, state in case_spans(cases):
        is_closed = state == Case.State.CLOSED and end is not None
        if is_closed:
            closed[quarter(end)] = closed.get(quarter(end), 0) + 1
        if start is None:
            continue  # closed, or still proposed, without ever being tracked
        opened[quarter(start)] = opened.get(quarter(start), 0) + 1
        days = ((end if is_closed else today) - start).days
        index = next(i for i, (bound, _label) in enumerate(AGEING) if not bound or days < bound)
        if is_closed:
            dashboard.ageing[index].closed += 1
        else:
            dashboard.ageing[index].open += 1
    dashboard.opened = dict(sorted(opened.items()))
    dashboard.closed = dict(sorted(closed.items()))


def timeline(cases, limit: int) -> list[Lane]:
    """The latest decided tracked or closed cases, each with its decisions by date."""
    chosen = list(
        cases.exclude(state=Case.State.PROPOSED)
        .exclude(last_decided_on=None)
        .order_by("-last_decided_on", "-pk")
        .only("pk", "title", "state", "last_decided_on", "body_id")[:limit]
    )
    lanes = {case.pk: Lane(case) for case in chosen}
    links = (
        CaseLink.objects.active()
        .filter(case__in=list(lanes), role=CaseLink.Role.SUBJECT)
        .exclude(decision__meeting__date=None)
        .values_list("case_id", "decision__meeting__date", "decision__status")
        .order_by("decision__meeting__date", "decision__position")
    )
    labels = dict(Decision.Status.choices)
    for case_id, date, status in links:
        lanes[case_id].marks.append(Mark(date, status, str(labels.get(status, status))))
    return list(lanes.values())
