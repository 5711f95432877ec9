"""What the catalogue and the CKAN API say about each dataset, from one description."""

from django.urls import reverse
from django.utils import translation

from livinglab.opendata import licence
from livinglab.opendata.catalogue import Dataset
from livinglab.opendata.models import DatasetFile
from livinglab.opendata.writing import FORMATS


def in_both_languages(text) -> dict[str, str]:
    found = {}
    for code in ("zh-hant", "en"):
        with translation.override(code):
            found[code] = str(text)
    return found


def modified(dataset: Dataset) -> str | None:
    """When the dataset's files were last written (None before the first download)."""
    times = DatasetFile.objects.filter(dataset=dataset.slug).values_list("generated_at", flat=True)
    latest = max(times, default=None)
    return latest.isoformat() if latest else None


def resources(dataset: Dataset, request) -> list[dict]:
    return [
        {
            "id": f"{dataset.slug}-{fmt}",
            "name": f"{dataset.slug}.{fmt}",
            "format": fmt.upper(),
            "url": request.build_absolute_uri(
                reverse("opendata:download", args=[dataset.slug, fmt])
            ),
        }
        for fmt in FORMATS
    ]


def page_url(dataset: Dataset, request) -> str:
    return request.build_absolute_uri(reverse("opendata:dataset", args=[dataset.slug]))


def licence_of() -> licence.Licence:
    return licence.current()
