"""Each dataset, in CSV and JSON, holds the public bodies' facts and nothing of a body
marked non-public."""

import csv
import io
import json

import pytest
from django.urls import reverse

from livinglab.opendata.catalogue import DATASETS


def fetch(client, slug, fmt):
    response = client.get(reverse("opendata:download", args=[slug, fmt]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_cases_csv_lists_the_public_case_with_its_agency(client, published):
    data = fetch(client, "cases", "csv")
    assert data.startswith(b"\xef\xbb\xbf")  # Excel opens Chinese correctly with a BOM
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [(row["title"], row["state"], row["lead_agencies"]) for row in rows] == [
        ("智慧路燈示範計畫", "tracked", "臺北市政府產業發展局")
    ]


def test_decisions_json_keeps_text_as_written_and_csv_neutralises_formulas(client, published):
    rows = json.loads(fetch(client, "decisions", "json"))["rows"]
    assert [row["text"] for row in rows] == ["=請產業局於6月底前完成。"]
    assert rows[0]["cases"] == str(published.case.pk) and rows[0]["path"] == "一/1"
    text = fetch(client, "decisions", "csv").decode("utf-8-sig")
    assert "'=請產業局於6月底前完成。" in text


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.slug)
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_nothing_of_a_non_public_body_appears(client, published, dataset, fmt):
    text = fetch(client, dataset.slug, fmt).decode("utf-8-sig")
    for secret in ("內部預算審查會", "機密預算調整案", "預算內部調整", "內部預算會議"):
        assert secret not in text


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.slug)
def test_every_row_has_exactly_the_documented_columns(client, published, dataset):
    header = fetch(client, dataset.slug, "csv").decode("utf-8-sig").splitlines()[0]
    assert header.split(",") == dataset.column_names
    for row in json.loads(fetch(client, dataset.slug, "json"))["rows"]:
        assert list(row) == dataset.column_names


def test_an_unknown_dataset_or_format_is_not_found(client, db):
    assert client.get("/opendata/datasets/secrets.csv").status_code == 404
    assert client.get("/opendata/datasets/cases.xml").status_code == 404
