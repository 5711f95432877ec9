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
