"""A read-only API in the shape of CKAN's action API (version 3), so that a city's open
data portal, many of which run CKAN, can harvest the datasets as it would another CKAN.

Only what a harvester reads: package_list, package_show, package_search (q, rows, start).
Responses wrap their result as CKAN's do: {"help", "success", "result"}; errors carry
{"__type", "message"} with CKAN's status codes.
"""

from django.conf import settings
from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from livinglab.opendata import describe
from livinglab.opendata.catalogue import BY_SLUG, DATASETS

MAX_ROWS = 1000


def _answer(request, action: str, result=None, *, error: tuple[int, str, str] | None = None):
    body = {
        "help": request.build_absolute_uri(reverse("ckan", args=["help_show"])) + f"?name={action}"
    }
    if error:
        status, kind, message = error
        body |= {"success": False, "error": {"__type": kind, "message": message}}
        return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    body |= {"success": True, "result": result}
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


def _package(dataset, request) -> dict:
    used = describe.licence_of()
    titles = describe.in_both_languages(dataset.title)
    notes = describe.in_both_languages(dataset.description)
    modified = describe.modified(dataset)
    resources = [
        {**resource, "package_id": dataset.slug, "description": "", "mimetype": None}
        for resource in describe.resources(dataset, request)
    ]
    return {
        "id": dataset.slug,
        "name": dataset.slug,
        "title": titles["zh-hant"],
        "title_translated": {"zh_TW": titles["zh-hant"], "en": titles["en"]},
        "notes": notes["zh-hant"],
        "notes_translated": {"zh_TW": notes["zh-hant"], "en": notes["en"]},
        "type": "dataset",
        "state": "active",
        "private": False,
        "url": describe.page_url(dataset, request),
        "license_id": used.id,
        "license_title": used.title,
        "license_url": used.url,
        "metadata_created": modified,
        "metadata_modified": modified,
        "organization": {"name": "livinglab", "title": str(settings.SITE_NAME)},
        "tags": [{"name": keyword} for keyword in dataset.keywords],
        "num_tags": len(dataset.keywords),
        "resources": resources,
        "num_resources": len(resources),
    }


def _matches(dataset, words: list[str]) -> bool:
    text = " ".join(
        [dataset.slug, *dataset.keywords]
        + list(describe.in_both_languages(dataset.title).values())
        + list(describe.in_both_languages(dataset.description).values())
    ).casefold()
    return all(word.casefold() in text for word in words)


def _number(request, name: str, default: int, highest: int) -> int:
    value = request.GET.get(name, "")
    if value == "":
        return default
    number = int(value)  # ValueError is answered by the caller
    if not 0 <= number <= highest:
        raise ValueError(name)
    return number


@require_GET
def action(request, name: str):
    if name == "package_list":
        return _answer(request, name, [dataset.slug for dataset in DATASETS])
    if name == "package_show":
        dataset = BY_SLUG.get(request.GET.get("id", ""))
        if dataset is None:
            return _answer(request, name, error=(404, "Not Found Error", "Not found"))
        return _answer(request, name, _package(dataset, request))
    if name == "package_search":
        try:
            rows = _number(request, "rows", 10, MAX_ROWS)
            start = _number(request, "start", 0, 10**6)
        except ValueError:
            message = f"rows must be 0–{MAX_ROWS} and start a whole number ≥ 0"
            return _answer(request, name, error=(409, "Validation Error", message))
        query = request.GET.get("q", "").strip()
        words = [] if query in ("", "*:*") else query.split()
        found = [dataset for dataset in DATASETS if _matches(dataset, words)]
        result = {
            "count": len(found),
            "sort": "score desc, metadata_modified desc",
            "results": [_package(dataset, request) for dataset in found[start : start + rows]],
            "facets": {},
            "search_facets": {},
        }
        return _answer(request, name, result)
    if name == "help_show":
        return _answer(request, name, "See the CKAN API documentation for this action.")
    return _answer(request, name, error=(400, "Bad Request", f"Action {name} is not provided."))
