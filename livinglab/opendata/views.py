"""Open data pages and downloads: readable by anyone, no sign-in."""

from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from livinglab.opendata import dcat, kpi_sources, licence
from livinglab.opendata.catalogue import BY_SLUG, DATASETS
from livinglab.opendata.writing import FORMATS, current_file

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


def _dataset(slug: str):
    dataset = BY_SLUG.get(slug)
    if dataset is None:
        raise Http404(f"no dataset {slug}")
    return dataset


@require_GET
def index(request):
    context = {"datasets": DATASETS, "licence": licence.current(), "formats": FORMATS}
    return render(request, "opendata/index.html", context)


@require_GET
def dataset_page(request, slug: str):
    """The data dictionary: every column, its type, meaning and an example."""
    dataset = _dataset(slug)
    context = {"dataset": dataset, "licence": licence.current(), "formats": FORMATS}
    return render(request, "opendata/dataset.html", context)


@require_GET
def download(request, slug: str, fmt: str):
    dataset = _dataset(slug)
    if fmt not in FORMATS:
        raise Http404(f"no format {fmt}")
    stored = current_file(dataset, fmt)
    response = FileResponse(
        stored.file.open("rb"),
        as_attachment=True,
        filename=f"livinglab-{dataset.slug}.{fmt}",
        content_type=CONTENT_TYPES[fmt],
    )
    response["Last-Modified"] = stored.generated_at.strftime("%a, %d %b %Y %H:%M:%S GMT")
    return response


@require_GET
def catalogue(request):
    """The DCAT catalogue as JSON-LD, for portals that harvest it."""
    data = dcat.catalogue(request.build_absolute_uri(reverse("opendata:index")), request)
    return JsonResponse(
        data, content_type="application/ld+json", json_dumps_params={"ensure_ascii": False}
    )


@require_GET
def kpi_overview(request):
    """KPI roll-ups of the public cities and regions by domain, each linking to its chart."""
    context = {"groups": kpi_sources.city_overview()}
    return render(request, "opendata/kpis.html", context)
