from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from livinglab.core import lists
from livinglab.orgs.roles import roles_of
from livinglab.reports import charts
from livinglab.reports.access import (
    agency_scope,
    body_scope,
    get_body_for_reports,
    platform_scope,
    report_agencies,
    report_bodies,
)
from livinglab.reports.agenda import build_agenda
from livinglab.reports.dashboard import build_dashboard
from livinglab.reports.exports import CONTENT_TYPES, FORMATS
from livinglab.reports.forms import TableForm
from livinglab.reports.services import (
    TEXT_FORMATS,
    dashboard_of,
    export_agenda,
    export_dashboard,
    table_file,
)
from livinglab.reports.tracking_table import build_table


def _file(data: bytes, fmt: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@login_required
def tables(request):
    bodies = report_bodies(request.user)
    if not bodies.exists():
        raise PermissionDenied
    return render(request, "reports/tables.html", {"bodies": bodies.order_by("name")})


@login_required
def tracking_table(request, pk: int):
    body = get_body_for_reports(request.user, pk)
    form = TableForm(request.GET or None)
    table = build_table(body, **form.options())
    query = lists.export_query(request.GET) if form.is_bound and form.is_valid() else ""
    files = [
        (fmt, reverse("reports:table_file", args=[body.pk, fmt]) + (f"?{query}" if query else ""))
        for fmt in FORMATS
    ]
    context = {"body": body, "table": table, "headers": table.headers, "files": files}
    context["form"] = form
    return render(request, "reports/tracking_table.html", context)


@login_required
def tracking_table_file(request, pk: int, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    body = get_body_for_reports(request.user, pk)
    data, table = table_file(body, fmt, **TableForm(request.GET or None).options())
    return lists.download(data, fmt, table.file_name, fallback=table.ascii_name)


@login_required
def agenda(request, pk: int):
    body = get_body_for_reports(request.user, pk)
    context = {"body": body, "agenda": build_agenda(body), "formats": TEXT_FORMATS}
    return render(request, "reports/agenda.html", context)


@login_required
def agenda_file(request, pk: int, fmt: str):
    if fmt not in TEXT_FORMATS:
        raise Http404
    body = get_body_for_reports(request.user, pk)
    return _file(export_agenda(body, fmt), fmt, f"agenda-{body.pk}")


# --- Dashboards ---------------------------------------------------------------------


@login_required
def dashboards(request):
    """The dashboards the user may open."""
    roles = roles_of(request.user)
    bodies = report_bodies(request.user).order_by("name")
    if roles.is_secretariat:
        agencies = report_agencies(request.user).filter(case_roles__case__body__in=bodies)
    else:
        agencies = report_agencies(request.user)
    agencies = agencies.distinct().order_by("name")
    if not roles.is_secretariat and not agencies.exists():
        raise PermissionDenied
    context = {"platform": roles.is_secretariat, "bodies": bodies, "agencies": agencies}
    return render(request, "reports/dashboards.html", context)


def _dashboard_page(request, scope):
    dashboard = dashboard_of(scope)
    items = [
        ("states", _("Bar chart of the cases by state; the numbers are in the table beside it.")),
        ("quarters", _("Bar chart of the cases tracked and closed in each quarter.")),
        ("overdue", _("Bar chart of the overdue assignments of each agency.")),
        ("ageing", _("Bar chart of how long cases have been tracked.")),
        ("timeline", _("Each case as a lane, with a mark for each decision, coloured by status.")),
    ]
    context = {
        "scope": scope,
        "dashboard": dashboard,
        "charts": {name: (scope.url("chart", name), alt) for name, alt in items},
        "cjk_font": charts.cjk_font() is not None,
        "files": [(fmt, scope.url("dashboard_file", fmt)) for fmt in TEXT_FORMATS],
    }
    return render(request, "reports/dashboard.html", context)


@login_required
def dashboard(request, pk: int):
    return _dashboard_page(request, body_scope(request.user, pk))


@login_required
def agency_dashboard(request, pk: int):
    return _dashboard_page(request, agency_scope(request.user, pk))


@login_required
def platform_dashboard(request):
    return _dashboard_page(request, platform_scope(request.user))


def _chart(scope, name: str) -> HttpResponse:
    if name not in charts.CHARTS:
        raise Http404
    svg = charts.render(name, build_dashboard(scope.cases, parts=charts.NEEDS[name]))
    response = HttpResponse(svg, content_type="image/svg+xml")
    patch_cache_control(response, private=True, max_age=60)
    return response


@login_required
def chart(request, pk: int, name: str):
    return _chart(body_scope(request.user, pk), name)


@login_required
def agency_chart(request, pk: int, name: str):
    return _chart(agency_scope(request.user, pk), name)


@login_required
def platform_chart(request, name: str):
    return _chart(platform_scope(request.user), name)


def _dashboard_file(scope, fmt: str, name: str) -> HttpResponse:
    if fmt not in TEXT_FORMATS:
        raise Http404
    return _file(export_dashboard(scope, fmt), fmt, name)


@login_required
def dashboard_file(request, pk: int, fmt: str):
    return _dashboard_file(body_scope(request.user, pk), fmt, f"dashboard-body-{pk}")


@login_required
def agency_dashboard_file(request, pk: int, fmt: str):
    return _dashboard_file(agency_scope(request.user, pk), fmt, f"dashboard-agency-{pk}")


@login_required
def platform_dashboard_file(request, fmt: str):
    return _dashboard_file(platform_scope(request.user), fmt, "dashboard")
