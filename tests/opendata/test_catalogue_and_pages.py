"""The DCAT catalogue, the data dictionary pages in both languages, and the Atom feed of
a public body's decisions."""

from django.urls import reverse

from livinglab.opendata.catalogue import DATASETS


def test_dcat_catalogue_lists_datasets_with_distributions(client, db):
    response = client.get(reverse("opendata:catalogue"))
    assert response["Content-Type"].startswith("application/ld+json")
    data = response.json()
    assert data["@type"] == "dcat:Catalog" and "dcat" in data["@context"]
    slugs = [d["dct:identifier"] for d in data["dcat:dataset"]]
    assert slugs == [dataset.slug for dataset in DATASETS]
    cases = data["dcat:dataset"][slugs.index("cases")]
    languages = {title["@language"] for title in cases["dct:title"]}
    assert languages == {"zh-Hant", "en"}
    assert {d["dct:format"] for d in cases["dcat:distribution"]} == {"CSV", "JSON"}


def test_dictionary_page_documents_every_column_in_both_languages(client, db):
    page = client.get(reverse("opendata:dataset", args=["cases"])).content.decode()
    for column in ("lead_agencies", "supporting_agencies", "last_decided_on"):
        assert f"<code>{column}</code>" in page
    assert "主辦機關" in page
    client.cookies["django_language"] = "en"
    english = client.get(reverse("opendata:dataset", args=["cases"])).content.decode()
    assert "Lead agencies" in english


def test_index_links_every_dataset(client, db):
    page = client.get(reverse("opendata:index")).content.decode()
    for dataset in DATASETS:
        assert reverse("opendata:dataset", args=[dataset.slug]) in page


def test_public_body_has_an_atom_feed_of_its_decisions(client, published):
    url = reverse("opendata:decisions_feed", args=[published.world.body.pk])
    response = client.get(url)
    assert response.status_code == 200 and "atom" in response["Content-Type"]
    text = response.content.decode()
    assert "請產業局於6月底前完成" in text and "紀錄員王小明" not in text


def test_non_public_body_has_no_feed(client, published):
    url = reverse("opendata:decisions_feed", args=[published.world.private_body.pk])
    assert client.get(url).status_code == 404


def test_home_page_leads_to_the_open_data(client, db):
    page = client.get("/").content.decode()
    assert reverse("opendata:index") in page and "開放資料集" in page
