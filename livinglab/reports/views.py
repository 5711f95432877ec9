from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render

from livinglab.reports.access import get_body_for_reports, report_bodies
from livinglab.reports.exports import CONTENT_TYPES, FORMATS, export
from livinglab.reports.tracking_table import build_table, headers


@login_required
def tables(request):
    bodies = report_bodies(request.user)
    if not bodies.exists():
        raise PermissionDenied
    return render(request, "reports/tables.html", {"bodies": bodies.order_by("name")})


@login_required
def tracking_table(request, pk: int):
    body = get_body_for_reports(request.user, pk)
    table = build_table(body)
    return render(
        request,
        "reports/tracking_table.html",
        {"body": body, "table": table, "headers": headers(), "formats": FORMATS},
    )


@login_required
def tracking_table_file(request, pk: int, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    body = get_body_for_reports(request.user, pk)
    response = HttpResponse(export(build_table(body), fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="tracking-table-{body.pk}.{fmt}"'
    return response


@login_required
def dashboard(request, pk: int):
    from livinglab.reports.dashboard import build_dashboard
    from livinglab.tracking.models import Case
    from livinglab.work.services import sync_assignments

    body = get_body_for_reports(request.user, pk)
    cases = Case.objects.for_body(body)
    sync_assignments(cases)
    return render(
        request, "reports/dashboard.html", {"body": body, "dashboard": build_dashboard(cases)}
    )
