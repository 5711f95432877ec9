"""The chart of a catalogue KPI's page: actual against target by year, public like the page."""

from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control

from livinglab.core.access import get_for_user
from livinglab.kpis.models import Scope
from livinglab.kpis.services import catalogue
from livinglab.kpis.services.progress import progress
from livinglab.reports.kpi_charts import render_catalogue_kpi


def catalogue_kpi_chart(request, identifier: str, pk: int):
    try:
        definition = catalogue.get_definition(identifier)
    except catalogue.UnknownDefinition:
        raise Http404(identifier) from None
    scope = get_for_user(Scope.objects, request.user, pk)
    response = HttpResponse(
        render_catalogue_kpi(progress(definition, scope)), content_type="image/svg+xml"
    )
    # The page's address for it changes with the figures, so it may be kept a while.
    patch_cache_control(response, public=True, max_age=300)
    return response
