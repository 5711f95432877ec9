"""The public map of field sites (no tiles: markers on a plain background, nothing from
another host) and a site's calendar with its overlap warnings and a refused booking."""

import importlib
import re

import pytest
from playwright.sync_api import expect

from livinglab.demo.sites import load_sites
from livinglab.sites.models import FieldSite


@pytest.fixture
def capabilities(world):
    """The capabilities the data migration adds (a live server's database is flushed
    between tests, migrated rows included)."""
    from django.apps import apps

    migration = importlib.import_module("livinglab.sites.migrations.0002_capabilities")
    migration.add_capabilities(apps, None)


@pytest.fixture
def demo_sites(world, capabilities):
    load_sites(username=world.admin.username)
    return FieldSite.objects.all()


def test_the_public_map_shows_public_sites_offline(page, screenshot, demo_sites, live_server):
    problems = []  # script errors and CSP refusals (the site has no favicon: not ours)
    page.on(
        "console",
        lambda msg: (
            problems.append(msg.text)
            if msg.type == "error" and not msg.location.get("url", "").endswith("/favicon.ico")
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    hosts = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))

    page.goto("/sites/map/")
    expect(page.locator("#site-map")).to_have_attribute("data-ready", "6")
    markers = page.locator("#site-map .site-marker")
    expect(markers).to_have_count(6)
    # Each marker carries the number of its site in the list under the map.
    names = page.locator(".site-map-list > li > a").all_inner_texts()
    tamsui = page.locator("#site-map .site-marker[title='淡海新市鎮自駕車封閉測試道路']")
    expect(tamsui).to_have_text(str(names.index("淡海新市鎮自駕車封閉測試道路") + 1))
    expect(page.locator(".site-map-note")).to_contain_text("未設定地圖圖磚")
    expect(page.locator(".site-map-list > li")).to_have_count(6)
    expect(page.get_by_text("市府資料中心邊緣運算測試區")).to_have_count(0)
    screenshot("sites-map")

    tamsui.click()
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_be_visible()
    expect(popup).to_contain_text("新北市政府交通局")
    popup.locator("a").click()
    expect(page.locator("h1")).to_have_text("淡海新市鎮自駕車封閉測試道路")
    expect(page.locator(".facts")).to_contain_text("管理機關")
    screenshot("sites-detail")

    page.goto("/sites/")
    expect(page.locator(".site-table tbody tr")).to_have_count(6)
    screenshot("sites-list")

    assert problems == []
    assert hosts == {live_server.url.split("/")[2]}


def test_the_calendar_warns_of_overlaps_and_refuses_a_booking_past_capacity(
    page, screenshot, demo_sites, sign_in
):
    site = FieldSite.objects.get(name="敦化南北路公車專用道廊道")
    sign_in("secretary")
    page.goto(f"/sites/{site.pk}/calendar/")
    expect(page.locator(".overlap-warning")).to_be_visible()
    expect(page.locator("td.day.is-overlap").first).to_be_visible()
    expect(page.locator(".booking-table tr.has-overlap")).to_have_count(2)

    start = page.locator("td.day.is-overlap").first.locator(".day-number").inner_text()
    month = re.search(r"month=(\d{4}-\d{2})", page.locator("a[rel=next]").get_attribute("href"))
    assert month  # the page shows this month; book its overlapping days a third time
    first_overlap = page.evaluate(
        # The browser's own calendar day, not toISOString's UTC one (a day earlier in
        # Taipei's small hours).
        "(d) => { const t = new Date(); const p = (n) => String(n).padStart(2, '0');"
        " return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(d)}`; }",
        int(start),
    )
    page.locator("input[name=starts_on]").fill(first_overlap)
    page.locator("input[name=ends_on]").fill(first_overlap)
    page.locator("input[name=label]").fill("路口行人偵測")
    page.locator(".booking-form button[type=submit]").click()
    errors = page.locator(".form-errors")
    expect(errors).to_contain_text("公車優先號誌試驗")
    expect(errors).to_contain_text("候車亭即時資訊看板")
    screenshot("sites-calendar-refused")

    page.goto(f"/sites/{site.pk}/calendar/")
    screenshot("sites-calendar")


def test_an_officer_adds_a_site_that_then_shows_on_the_map(
    page, screenshot, world, capabilities, sign_in
):
    sign_in("officer")
    page.goto("/sites/")
    page.get_by_role("link", name="新增場域").click()
    page.locator("input[name=name]").fill("大稻埕碼頭智慧觀光場域")
    page.locator("input[name=address]").fill("臺北市大同區民生西路底")
    page.locator("input[name=latitude]").fill("25.056300")
    page.locator("input[name=longitude]").fill("121.508400")
    page.get_by_label("河濱").check()
    page.get_by_label("公園").check()
    page.locator("textarea[name=sandbox_rules]").fill("假日人潮多，設備不得阻礙步道。")
    page.get_by_label("公開").check()
    screenshot("sites-form")
    page.get_by_role("button", name="儲存").click()
    expect(page.locator("h1")).to_have_text("大稻埕碼頭智慧觀光場域")
    expect(page.locator(".capability-list")).to_contain_text("河濱")

    page.goto("/sites/map/")
    expect(page.locator("#site-map .site-marker")).to_have_count(1)
