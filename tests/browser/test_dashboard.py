"""The secretary opens a body's dashboard in chromium: five charts load as images, each
next to its table. Leaves a screenshot in var/screenshots/ to look at."""

import pytest
from playwright.sync_api import expect

from tests.reports.records import RECORD


@pytest.fixture
def imported(world):
    from livinglab.tracking.services.importing import import_minutes

    import_minutes(world.secretary, world.body, [("雙北.txt", RECORD.encode())], confirm=True)
    return world


def test_secretary_sees_charts_beside_tables(page, imported, screenshot, sign_in):
    sign_in("secretary")
    page.goto(f"/reports/bodies/{imported.body.pk}/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("雙北產業合作工作小組")
    images = page.locator(".chart-panel img")
    expect(images).to_have_count(5)
    for index in range(5):
        image = images.nth(index)
        image.scroll_into_view_if_needed()
        expect(image).to_have_js_property("complete", True)
        assert image.evaluate("img => img.naturalWidth") > 300
    expect(page.locator("td[data-state=tracked]")).to_have_text("2")
    screenshot("reports-dashboard-zh")
    page.get_by_role("link", name="議程草案").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("議程草案")
    expect(page.locator("#proposals tbody tr")).to_have_count(1)
    expect(page.locator("#overdue tbody tr")).to_have_count(2)
    screenshot("reports-agenda-zh")
