import datetime as dt

from livinglab.kpis.models import OffTrackAlert, Target
from livinglab.kpis.services.loop import check
from livinglab.kpis.services.values import record_value, write_value
from livinglab.meetings.models import MinutesDocument
from livinglab.tracking.services.importing import confirm_import
from tests.kpis.conftest import definition


def _waste(kpi_world, tonnes_by_year):
    waste = definition("waste.municipal.generated")
    for year, tonnes in tonnes_by_year.items():
        write_value(waste, kpi_world.districts[0], dt.date(year, 1, 1), tonnes)
    return waste


def _off_track(kpi_world):
    # 1000 t in 2022 towards 600 t in 2030: 950 and 960 miss the path (950, 900).
    waste = _waste(kpi_world, {2022: 1000, 2023: 990, 2024: 960})
    Target.objects.create(definition=waste, scope=kpi_world.taipei, year=2030, value=600)
    return waste


def test_two_missed_years_propose_a_case_to_the_responsible_body(world, kpi_world, client):
    waste = _off_track(kpi_world)
    alert = check(waste, kpi_world.taipei, today=dt.date(2025, 3, 1))
    assert alert is not None and alert.body == world.body and alert.reason == "missed"
    draft = MinutesDocument.objects.drafts().get(body=world.body)
    assert "waste.municipal.generated@1" in draft.text and "960.00" in draft.text
    assert check(waste, kpi_world.taipei, today=dt.date(2025, 3, 2)) == alert  # proposed once
    client.force_login(world.secretary)
    review = client.get(f"/imports/{draft.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert review.status_code == 200 and "Off-track KPI" in review.content.decode()

    confirm_import(world.secretary, draft)
    case = alert.case()
    assert case is not None and case.state == "tracked"
    assert case.case_agencies.filter(organisation=world.industry, role="lead").exists()
    page = client.get(case.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Proposed because a KPI went off track" in page
    assert f"/kpis/waste.municipal.generated@1/scopes/{kpi_world.taipei.pk}/" in page
    assert "Off track since" in page

    write_value(waste, kpi_world.districts[0], dt.date(2025, 1, 1), 820)
    assert check(waste, kpi_world.taipei, today=dt.date(2026, 2, 1)) is None
    page = client.get(case.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Back on track since" in page


def test_recording_a_value_checks_the_kpis_above_it(
    world, kpi_world, django_capture_on_commit_callbacks
):
    waste = _off_track(kpi_world)
    with django_capture_on_commit_callbacks(execute=True):
        record_value(world.officer, waste, kpi_world.districts[1], dt.date(2024, 6, 1), 1)
    assert OffTrackAlert.objects.filter(
        scope=kpi_world.taipei, back_on_track_at__isnull=True
    ).exists()


def test_a_kpi_on_its_path_proposes_nothing(world, kpi_world):
    waste = _waste(kpi_world, {2022: 1000, 2023: 940, 2024: 890})
    Target.objects.create(definition=waste, scope=kpi_world.taipei, year=2030, value=600)
    assert check(waste, kpi_world.taipei, today=dt.date(2025, 3, 1)) is None
    assert not MinutesDocument.objects.exists()
