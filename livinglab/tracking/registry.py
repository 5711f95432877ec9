"""The case registry's filters, shared by the registry page and `GET /api/cases`."""

from collections import defaultdict
from dataclasses import dataclass
from typing import TypedDict

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from livinglab.core.roc import official_date
from livinglab.search.index import found, search
from livinglab.tracking.models import Case, CaseAgency, CaseAlias

# A list page counts matching cases up to here, then says "more than".
COUNT_CAP = 1000


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


class CappedPaginator(Paginator):
    """Counts at most `cap` rows, so that a page never counts a whole region's registry.

    Up to the cap the count is exact and pages are numbered as usual. Beyond it,
    `capped` is true, the count stops at `cap + 1` and pages go on while rows remain:
    each page reads one row more than it shows to know whether there is a next one.
    """

    def __init__(self, object_list, per_page, cap: int | None = None, counted=None):
        super().__init__(object_list, per_page)
        self.cap = COUNT_CAP if cap is None else cap
        # What to count, if the rows join or order more than counting needs.
        self.counted = object_list if counted is None else counted

    @cached_property
    def count(self) -> int:
        return capped_count(self.counted, self.cap)

    @property
    def capped(self) -> bool:
        return self.count > self.cap

    def validate_number(self, number):
        if not self.capped:
            return super().validate_number(number)
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(_("That page number is not an integer")) from None
        if number < 1:
            raise EmptyPage(_("That page number is less than 1"))
        return number

    def page(self, number):
        if not self.capped:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not rows:
            raise EmptyPage(_("That page contains no results"))
        page = CappedPage(rows[: self.per_page], number, self)
        page.more = len(rows) > self.per_page
        return page


def capped_count(cases, cap: int) -> int:
    """How many rows `cases` has, counting at most `cap + 1`.

    A search may know already (`search.index.found`): how many match, or that more than
    the cap do. Otherwise it is counted in its own order: its rows come from the index
    in that order, read only as far as the cap.
    """
    searched = found(cases)
    if searched is None:
        return cases.order_by().values("pk")[: cap + 1].count()
    if searched.exact or searched.at_least > cap:
        return min(searched.at_least, cap + 1)
    return cases.values("pk")[: cap + 1].count()


class CappedPage(Page):
    more = False

    def has_next(self) -> bool:
        return self.more


class Row(TypedDict):
    """One line of the registry table, ready to print. A dict, because a template
    looks a name up as a key first and only then as an attribute."""

    pk: int
    url: str
    title: str
    aliases: str
    state: str
    state_label: str
    overdue: bool
    pending: str
    agencies: str
    body: str
    last_decided: str


ROW_FIELDS = (
    "pk",
    "title",
    "state",
    "closure",
    "pending",
    "last_decided_on",
    "body__name",
    "body__short_name",
)


def registry_rows(cases) -> QuerySet:
    """The columns a registry row reads, as tuples (for `CappedPaginator`, then `rows`).
    Whether a case is overdue is asked by `rows` for the page's cases only: asked here,
    PostgreSQL answered it by hashing every overdue assignment of the region first."""
    return cases.values_list(*ROW_FIELDS)


def rows(values) -> list[Row]:
    """Registry rows from `registry_rows` tuples, in three more queries, without models."""
    values = list(values)
    ids = [v[0] for v in values]
    late = set(Case.objects.filter(pk__in=ids).overdue().values_list("pk", flat=True))
    aliases: dict[int, list[str]] = defaultdict(list)
    names = CaseAlias.objects.filter(case_id__in=ids).order_by("created_at", "pk")
    for case_id, name in names.values_list("case_id", "name"):
        aliases[case_id].append(name)
    agencies: dict[int, list[str]] = defaultdict(list)
    roles = CaseAgency.objects.filter(case_id__in=ids).order_by("pk")
    supporting = str(_("(supporting)"))
    for case_id, short, name, city, role in roles.values_list(
        "case_id",
        "organisation__short_name",
        "organisation__name",
        "organisation__city__short_name",
        "role",
    ):
        label = _agency_label(short, name, city)
        agencies[case_id].append(f"{label}{supporting}" if role == "supporting" else label)
    states = {value: str(label) for value, label in Case.State.choices}
    closures = {value: str(label) for value, label in Case.Closure.choices}
    prefix, suffix = reverse("tracking:case", args=[0]).rsplit("0", 1)
    result = []
    for pk, title, state, closure, pending, last, body, short in values:
        label = states.get(state, state)
        if closure:
            label = f"{label} · {closures.get(closure, closure)}"
        result.append(
            Row(
                pk=pk,
                url=f"{prefix}{pk}{suffix}",
                title=title,
                aliases="、".join(aliases.get(pk, ())),
                state=state,
                state_label=label,
                overdue=pk in late,
                pending=pending,
                agencies="、".join(agencies.get(pk, ())) or "—",
                body=short or body,
                last_decided=official_date(last) or "—",
            )
        )
    return result


def _agency_label(short: str, name: str, city: str | None) -> str:
    """新北市交通局 rather than 交通局: bodies shared by cities list several of the same name."""
    if not short:
        return name
    if city and not short.startswith(city):
        return city + short
    return short
