"""The case registry's filters, shared by the registry page and `GET /api/cases`."""

from dataclasses import dataclass

from django.db.models import Prefetch

from livinglab.search.index import search
from livinglab.tracking.models import Case, CaseAgency


@dataclass
class RegistryFilter:
    body: int | None = None
    state: str = ""
    closure: str = ""
    agency: int | None = None
    city: int | None = None
    meeting: int | None = None
    overdue: bool = False
    q: str = ""

    @property
    def is_empty(self) -> bool:
        return self == RegistryFilter()


def filter_cases(cases, wanted: RegistryFilter):
    """Narrow a Case queryset (already limited to what the user may see)."""
    if wanted.body:
        cases = cases.filter(body_id=wanted.body)
    if wanted.state in Case.State.values:
        cases = cases.filter(state=wanted.state)
    if wanted.closure in Case.Closure.values:
        cases = cases.filter(closure=wanted.closure)
    if wanted.agency:
        cases = cases.for_agency(wanted.agency)
    if wanted.city:
        in_city = CaseAgency.objects.filter(organisation__city_id=wanted.city).values("case_id")
        cases = cases.filter(pk__in=in_city)
    if wanted.meeting:
        cases = cases.for_meeting(wanted.meeting)
    if wanted.overdue:
        cases = cases.overdue()
    if wanted.q.strip():
        cases = search(cases, wanted.q)
    return cases


def for_rows(cases):
    """What a registry row shows, in a fixed number of queries."""
    agencies = CaseAgency.objects.select_related("organisation").order_by("pk")
    return cases.select_related("body").prefetch_related(
        "aliases", Prefetch("case_agencies", queryset=agencies)
    )
