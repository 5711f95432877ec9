"""A programme's figures: budget, granted, consumed and remaining, by domain and by team
(a page of teams at a time), and the credits consumed over time. Read from what each
account keeps (its balance and the credits it consumed, one row per team) and from the
credits consumed by day, so that the page costs a few queries however long the ledger
grows."""

import datetime as dt
import io
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.utils.translation import gettext as _

from livinglab.credits.models import Account, Application, DailyConsumption, Programme


@dataclass
class Totals:
    label: str
    granted: int = 0
    consumed: int = 0

    @property
    def remaining(self) -> int:
        return self.granted - self.consumed

    @property
    def burn_percent(self) -> int:
        return round(100 * self.consumed / self.granted) if self.granted else 0


TEAMS_PER_PAGE = 50


@dataclass
class Dashboard:
    programme: Programme
    not_granted: int
    total: Totals
    by_domain: list[Totals] = field(default_factory=list)


def build(programme: Programme) -> Dashboard:
    """The totals and the totals by domain, from each team's kept balance and consumption
    (read as plain numbers, however many teams)."""
    teams = Account.objects.filter(programme=programme, kind=Account.Kind.TEAM).values_list(
        "organisation_id", "balance", "consumed"
    )
    domains = _domain_of_team(programme)
    total = Totals(_("All teams"))
    by_domain: dict[str, Totals] = {}
    for organisation_id, balance, consumed in teams:
        domain = domains.get(organisation_id) or _("Other")
        for totals in (by_domain.setdefault(domain, Totals(domain)), total):
            totals.granted += balance + consumed
            totals.consumed += consumed
    budget = Account.objects.filter(programme=programme, kind=Account.Kind.BUDGET).first()
    return Dashboard(
        programme,
        budget.balance if budget else 0,
        total,
        sorted(by_domain.values(), key=lambda t: -t.granted),
    )


def teams_page(programme: Programme, number) -> Page:
    """A page of the teams by name, each as (account, its totals)."""
    accounts = (
        Account.objects.filter(programme=programme, kind=Account.Kind.TEAM)
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    )
    page = Paginator(accounts, TEAMS_PER_PAGE).get_page(number)
    page.object_list = [
        (a, Totals(str(a.organisation), a.balance + a.consumed, a.consumed))
        for a in page.object_list
    ]
    return page


def _domain_of_team(programme: Programme) -> dict[int, str]:
    """Each team's domain: that of its earliest accepted application."""
    found: dict[int, str] = {}
    rows = (
        Application.objects.filter(programme=programme, status=Application.Status.ACCEPTED)
        .order_by("created_at", "pk")
        .values_list("proposal__organisation_id", "proposal__domain__name")
    )
    for org_id, name in rows:
        found.setdefault(org_id, name)
    return found


def burn(programme: Programme) -> list[tuple[dt.date, int]]:
    """Credits consumed by each day, added up (the burn line), from the days' kept totals."""
    days = DailyConsumption.objects.filter(programme=programme).order_by("day")
    running, points = 0, []
    for day, credits in days.values_list("day", "credits"):
        running += credits
        points.append((day, running))
    return points


def render_burn(programme: Programme, granted: int) -> bytes:
    from livinglab.reports.charts import COLOURS, _empty, _figure, amount_axis, date_axis

    figure, axes = _figure(2.4)
    points = burn(programme)
    if not points:
        _empty(axes, _("No credits consumed yet."))
    else:
        axes.step(
            [p[0] for p in points],
            [p[1] for p in points],
            where="post",
            marker="o",
            markersize=3,
            color=COLOURS["tracked"],
            label=_("consumed"),
        )
        axes.axhline(granted, color="#999999", linestyle="--", linewidth=1.2, label=_("granted"))
        axes.axhline(
            programme.budget,
            color=COLOURS["closed"],
            linestyle=":",
            linewidth=1.2,
            label=_("budget"),
        )
        axes.set_ylabel(_("credits"))
        axes.set_ylim(bottom=0)
        axes.grid(axis="y", color="#eeeeee")
        first, last = points[0][0], max(points[-1][0], points[0][0] + dt.timedelta(days=7))
        axes.set_xlim(first - dt.timedelta(days=1), last + dt.timedelta(days=1))
        date_axis(axes.xaxis)
        amount_axis(axes.yaxis)
        axes.tick_params(axis="x", labelrotation=30)
        axes.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    out = io.BytesIO()
    figure.savefig(out, format="svg", bbox_inches="tight")
    return out.getvalue()
