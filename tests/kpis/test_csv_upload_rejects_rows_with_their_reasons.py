from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from livinglab.kpis.models import Value, ValueUpload, YearTotal

GOOD = (
    "kpi,scope,period,value,unit\n"
    "water.consumption@1,tpe-daan,2025-03,1200,m3\n"
    "energy.electricity.use@1,tpe-daan,2025-03,2.5,MWh\n"
)
BAD = (
    "指標,範圍,期間,數值,單位\n"
    "no.such.kpi@1,tpe-daan,2025-03,1,\n"  # unknown definition
    "energy.electricity.use@1,tpe-daan,2025-03,3,t CO2e\n"  # wrong unit family
    "water.consumption@1,tpe-daan,2025-04,lots,\n"  # non-numeric
    "water.consumption@1,tpe-daan,2025-05,-3,\n"  # negative
    "water.consumption@1,tpe-daan,2025,40,\n"  # a year for a monthly KPI
    "water.consumption@1,tpe-daan,2025-06,5,\n"
    "water.consumption@1,tpe-daan,2025-06,6,\n"  # duplicate of the line before
    "water.consumption@1,ntpc-banqiao,2025-06,5,\n"  # another city's scope
    "water.consumption@1,tpe-daan,2025-07,7,L\n"  # a good row
)


def _upload(client, text, name="values.csv"):
    file = SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")
    return client.post(reverse("kpis:upload"), {"file": file}, HTTP_ACCEPT_LANGUAGE="en")


def test_each_bad_row_is_rejected_with_its_reason_and_nothing_is_stored(client, world, kpi_world):
    client.force_login(world.officer)
    response = _upload(client, BAD)
    page = response.content.decode()
    assert response.status_code == 400
    assert "7 rows are rejected, so nothing of the file was saved" in page
    for reason in (
        "Unknown KPI “no.such.kpi@1”",
        "A value in t CO2e (CO2-equivalent mass) cannot be stored in kWh (energy).",
        "“lots” is not a number.",
        "cannot be negative",
        "is reported every month; “2025” is not such a period",
        "The same KPI, scope and period as line 7.",
        "The scope 板橋區 is not one you supply values for.",
    ):
        assert reason in page, reason
    assert not Value.objects.exists() and not ValueUpload.objects.exists()


def test_a_good_file_is_previewed_then_applied_in_the_definitions_units(client, world, kpi_world):
    client.force_login(world.officer)
    response = _upload(client, GOOD)
    pending = ValueUpload.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "kpis:upload_preview", args=[pending.pk]
    )
    preview = client.get(response.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "new: 2,500 kWh" in preview
    assert not Value.objects.exists()
    client.post(response.url)
    assert sorted(Value.objects.values_list("value", flat=True)) == [1200.0, 2500.0]
    assert YearTotal.objects.count() == 2
    pending.refresh_from_db()
    assert pending.applied_at is not None


def test_uploading_the_same_file_again_changes_nothing(client, world, kpi_world):
    client.force_login(world.officer)
    client.post(_upload(client, GOOD).url)
    second = _upload(client, GOOD)
    preview = client.get(second.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert preview.count("unchanged") == 2
    client.post(second.url)
    assert Value.objects.count() == 2


def test_a_file_without_the_needed_columns_is_refused(client, world, kpi_world):
    client.force_login(world.officer)
    response = _upload(client, "kpi,value\nwater.consumption@1,3\n")
    assert response.status_code == 400
    assert "lacks the columns: scope, period" in response.content.decode()


def test_another_person_cannot_apply_someone_elses_upload(client, world, kpi_world):
    client.force_login(world.officer)
    url = _upload(client, GOOD).url
    client.force_login(world.other_officer)
    assert client.post(url).status_code == 404
    assert not Value.objects.exists()
