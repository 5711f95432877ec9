import datetime as dt

from django.urls import reverse
from pytest import approx

from livinglab.kpis.models import Target
from livinglab.kpis.services.progress import progress
from livinglab.kpis.services.values import write_value
from tests.kpis.conftest import definition


def _waste_falls_too_slowly(kpi_world):
    """Taipei's waste: 1000 t a month in 2023, 990 in 2024 (7 districts), a 2030 target of 600."""
    waste = definition("waste.municipal.generated")
    for year, tonnes, reporting in ((2023, 1000, 12), (2024, 990, 7)):
        for district in kpi_world.districts[:reporting]:
            for m in range(1, 13):
                write_value(waste, district, dt.date(year, m, 1), tonnes / reporting)
    Target.objects.create(definition=waste, scope=kpi_world.taipei, year=2030, value=600 * 12)
    return waste


def test_two_missed_years_put_the_kpi_off_track(kpi_world):
    waste = _waste_falls_too_slowly(kpi_world)
    state = progress(waste, kpi_world.taipei, today=dt.date(2025, 6, 1))
    years = {y.year: y for y in state.years}
    # The path starts at the first year's figure.
    assert years[2023].value == approx(12_000)
    assert years[2023].target == approx(12_000)
    assert years[2024].missed  # 11,880 against a path of about 11,314
    assert years[2030].is_set and years[2030].target == 7_200
    assert state.off_track is False  # one missed year; the definition waits for two
    waste.off_track_after = 1
    assert progress(waste, kpi_world.taipei, today=dt.date(2025, 6, 1)).off_track


def test_the_page_shows_the_table_coverage_and_what_is_off_track(client, kpi_world):
    waste = _waste_falls_too_slowly(kpi_world)
    url = reverse("kpis:kpi", args=[waste.identifier, kpi_world.taipei.pk])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Municipal waste generated" in page
    assert "7 of 13 reporting" in page and "12 of 13 reporting" in page
    assert "kpi-missed" in page and "11,880" in page
    assert 'src="/reports/kpis/waste.municipal.generated@1/scopes/' in page


def test_the_chart_is_an_svg_of_actual_and_target(client, kpi_world):
    waste = _waste_falls_too_slowly(kpi_world)
    chart = client.get(
        reverse("reports:catalogue_kpi_chart", args=[waste.identifier, kpi_world.taipei.pk])
    )
    assert chart.status_code == 200 and chart["Content-Type"] == "image/svg+xml"
    assert b"<svg" in chart.content


def test_the_catalogue_and_scope_pages_list_what_is_there(client, kpi_world):
    _waste_falls_too_slowly(kpi_world)
    catalogue = client.get(
        reverse("kpis:catalogue"), HTTP_ACCEPT_LANGUAGE="zh-hant"
    ).content.decode()
    assert "一般廢棄物產生量" in catalogue and "北北基" in catalogue
    scope = client.get(reverse("kpis:scope", args=[kpi_world.taipei.pk])).content.decode()
    assert "waste.municipal.generated@1" in scope and "大安區" in scope
    assert client.get(reverse("kpis:definition", args=["no.such@1"])).status_code == 404
