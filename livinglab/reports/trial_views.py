"""The KPI charts of a trial's page: as public as the trial itself."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control

from livinglab.core.access import get_for_user
from livinglab.reports.kpi_charts import render_kpi
from livinglab.trials.models import Trial


def kpi_chart(request, pk: int, kpi: int):
    trial = get_for_user(Trial.objects, request.user, pk)
    found = get_object_or_404(trial.kpis.select_related("definition", "trial"), pk=kpi)
    values = list(found.measurements.order_by("on").only("on", "value"))
    response = HttpResponse(render_kpi(found, values), content_type="image/svg+xml")
    patch_cache_control(response, private=True, max_age=60)
    return response
