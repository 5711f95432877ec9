"""A dataset's file is written once and served again until its data change."""

from django.urls import reverse

from livinglab.opendata.models import DatasetFile
from livinglab.tracking.services import lifecycle


def _download(client):
    response = client.get(reverse("opendata:download", args=["cases", "csv"]))
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_second_download_reuses_the_file_and_a_change_rewrites_it(client, published):
    _download(client)
    first = DatasetFile.objects.get(dataset="cases", format="csv")
    _download(client)
    assert DatasetFile.objects.get(pk=first.pk).generated_at == first.generated_at

    lifecycle.rename_case(published.world.secretary, published.case, "智慧路燈擴大示範計畫")
    text = _download(client)
    assert "智慧路燈擴大示範計畫" in text
    again = DatasetFile.objects.get(pk=first.pk)
    assert again.generated_at > first.generated_at and again.rows == 1


def test_a_file_older_than_the_longest_age_is_written_again(client, published, settings):
    _download(client)
    first = DatasetFile.objects.get(dataset="cases", format="csv")
    settings.LIVINGLAB_OPENDATA_MAX_AGE = 0
    _download(client)
    assert DatasetFile.objects.get(pk=first.pk).generated_at > first.generated_at


def test_both_formats_are_written_from_one_reading_of_the_rows(client, published):
    import dataclasses

    from livinglab.opendata import writing
    from livinglab.opendata.catalogue import DATASETS

    cases = next(d for d in DATASETS if d.slug == "cases")
    readings = []

    def counted():
        readings.append(1)
        yield from cases.rows()

    stored = writing.current_file(dataclasses.replace(cases, rows=counted), "csv")
    assert len(readings) == 1 and stored.format == "csv"
    json_file = DatasetFile.objects.get(dataset="cases", format="json")
    assert json_file.stamp == stored.stamp and json_file.rows == stored.rows == 1
    before = json_file.generated_at
    response = client.get(reverse("opendata:download", args=["cases", "json"]))
    body = b"".join(response.streaming_content).decode()
    assert published.case.title in body
    assert DatasetFile.objects.get(pk=json_file.pk).generated_at == before  # not again
