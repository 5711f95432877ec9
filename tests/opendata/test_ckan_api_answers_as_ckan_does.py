"""The CKAN-compatible read API gives the shapes CKAN's action API documents:
{"help", "success", "result"}, packages with resources, search with q, rows and start."""

from django.urls import reverse

from livinglab.opendata.catalogue import DATASETS


def call(client, action, **params):
    return client.get(reverse("ckan", args=[action]), params)


def test_package_list_names_every_dataset(client, db):
    body = call(client, "package_list").json()
    assert body["success"] is True and body["help"].startswith("http")
    assert body["result"] == [dataset.slug for dataset in DATASETS]


def test_package_show_gives_a_package_with_its_resources(client, published):
    package = call(client, "package_show", id="cases").json()["result"]
    assert {"id", "name", "title", "notes", "license_id", "resources", "tags"} <= set(package)
    assert package["name"] == "cases" and package["license_id"] == "OGDL-Taiwan-1.0"
    assert package["num_resources"] == len(package["resources"]) == 2
    assert {r["format"] for r in package["resources"]} == {"CSV", "JSON"}
    url = package["resources"][0]["url"]
    assert client.get(url.replace("http://testserver", "")).status_code == 200


def test_package_show_of_an_unknown_id_is_ckans_not_found(client, db):
    response = call(client, "package_show", id="nope")
    assert response.status_code == 404
    body = response.json()
    assert body["success"] is False and body["error"]["__type"] == "Not Found Error"


def test_package_search_finds_by_words_in_either_language_and_pages(client, db):
    body = call(client, "package_search", q="needs").json()["result"]
    assert [p["name"] for p in body["results"]] == ["needs"] and body["count"] == 1
    assert call(client, "package_search", q="列管").json()["result"]["count"] >= 1
    everything = call(client, "package_search", q="*:*", rows=2, start=1).json()["result"]
    assert everything["count"] == len(DATASETS)
    assert [p["name"] for p in everything["results"]] == [d.slug for d in DATASETS[1:3]]


def test_bad_paging_is_a_validation_error(client, db):
    for params in ({"rows": "lots"}, {"rows": "5000"}, {"start": "-1"}):
        response = call(client, "package_search", **params)
        assert response.status_code == 409
        assert response.json()["error"]["__type"] == "Validation Error"
