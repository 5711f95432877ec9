"""The catalogue in DCAT (DCAT-AP style), as JSON-LD."""

from django.conf import settings

from livinglab.opendata import describe
from livinglab.opendata.catalogue import DATASETS

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
}


def catalogue(home: str, request) -> dict:
    used = describe.licence_of()
    return {
        "@context": CONTEXT,
        "@id": home + "catalog.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": _languages(settings.SITE_NAME),
        "dct:publisher": {"@type": "foaf:Agent", "foaf:homepage": home},
        "dct:license": used.url,
        "dcat:dataset": [_dataset(dataset, request, used) for dataset in DATASETS],
    }


def _dataset(dataset, request, used) -> dict:
    page = describe.page_url(dataset, request)
    return {
        "@id": page,
        "@type": "dcat:Dataset",
        "dct:identifier": dataset.slug,
        "dct:title": _languages(dataset.title),
        "dct:description": _languages(dataset.description),
        "dcat:keyword": list(dataset.keywords),
        "dct:modified": describe.modified(dataset),
        "dct:license": used.url,
        "dcat:landingPage": page,
        "dcat:distribution": [
            {
                "@id": resource["url"],
                "@type": "dcat:Distribution",
                "dct:title": resource["name"],
                "dcat:downloadURL": resource["url"],
                "dcat:mediaType": "text/csv" if resource["format"] == "CSV" else "application/json",
                "dct:format": resource["format"],
                "dct:license": used.url,
            }
            for resource in describe.resources(dataset, request)
        ],
    }


def _languages(text) -> list[dict]:
    return [
        {"@language": "zh-Hant" if code == "zh-hant" else code, "@value": value}
        for code, value in describe.in_both_languages(text).items()
    ]
