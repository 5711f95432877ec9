"""From imported minutes to the registry: search, a case's timeline, the highlighted source."""

import re

import pytest
from playwright.sync_api import expect

from livinglab.tracking.services.importing import import_minutes

RECORD = """114 年度「雙北產業合作工作小組」第 1 次會議紀錄

壹、時間：114 年 2 月 20 日（四）上午 10 時

貳、地點：臺北市政府市政大樓 8 樓 801 會議室

參、主持人：臺北市政府產業發展局 林副局長

紀錄：陳怡君

肆、會議決議：

一、列管合作案（計 2 案）：

（一）山區捕獸鋏及山豬吊宣導及清除交流：請兩市產業局持續於山區步道辦理宣導，於 5 月底前彙整清除成果。

（二）青創交流合作：請新北市政府經濟發展局規劃青創基地互訪行程，於下次會議報告。

二、新增合作提案（1 案）：

公有市場聯合行銷：本案同意新增，請臺北市政府產業發展局研提行銷方案。

伍、散會（上午 11 時 30 分）

114 年度「雙北產業合作工作小組」第 2 次會議紀錄

壹、時間：114 年 5 月 22 日（四）下午 2 時

貳、地點：新北市政府行政大樓 6 樓 601 會議室

參、主持人：新北市政府經濟發展局 王副局長

紀錄：張雅婷

肆、會議決議：

一、解列案件（1 案）：

青創交流合作：互訪行程已辦理完畢，本案解除列管。

二、列管合作案（計 2 案）：

（一）山區捕獸鋏及山豬吊宣導及清除交流：本年度已清除 42 具捕獸鋏，請持續辦理並於年底前報告。

（二）公有市場聯合行銷：請兩市產業局於 9 月底前完成聯合行銷活動。

伍、散會（下午 3 時 40 分）
"""


@pytest.fixture
def imported(world, transactional_db):
    import_minutes(
        world.secretary, world.body, [("雙北產業合作.txt", RECORD.encode())], confirm=True
    )


def test_search_open_case_and_follow_to_highlighted_source(page, world, imported, screenshot):
    page.goto("/cases/")
    expect(page.get_by_role("heading", level=1)).to_have_text("列管案件")
    expect(page.locator("#case-rows tbody tr")).to_have_count(3)
    screenshot("registry-list-zh")

    page.get_by_label("搜尋案件").fill("捕獸")
    expect(page.locator("#case-rows tbody tr")).to_have_count(1)
    expect(page).to_have_url(re.compile(r"q=%E6%8D%95%E7%8D%B8"))
    screenshot("registry-search-zh")

    page.get_by_role("link", name="山區捕獸鋏及山豬吊宣導及清除交流").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("山區捕獸鋏")
    timeline = page.locator(".timeline-entry")
    expect(timeline).to_have_count(2)
    expect(timeline.nth(1)).to_contain_text("已清除 42 具捕獸鋏")
    screenshot("case-timeline-zh")

    timeline.nth(1).locator(".timeline-meeting a").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("第 2 次會議")
    target = page.locator("mark:target")
    expect(target).to_contain_text("已清除 42 具捕獸鋏")
    screenshot("meeting-highlighted-zh")


def test_closed_case_and_body_page(page, world, imported, screenshot):
    page.goto(f"/bodies/{world.body.pk}/")
    expect(page.locator(".counts")).to_contain_text("1")
    screenshot("body-zh")
    page.goto("/cases/?state=closed")
    expect(page.locator("#case-rows tbody tr")).to_have_count(1)
    expect(page.locator("#case-rows")).to_contain_text("青創交流合作")


def test_on_a_phone_the_menu_folds_and_the_registry_fits_as_cards(
    page, world, imported, sign_in, screenshot
):
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in("secretary")
    page.goto("/cases/")
    menu = page.get_by_role("button", name="選單")
    expect(menu).to_be_visible()
    expect(page.get_by_role("link", name="機關組織")).to_be_hidden()
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    first_case = page.locator("#case-rows tbody tr").first
    expect(first_case.locator("td.card-title")).to_be_visible()
    screenshot("registry-phone-zh")

    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("link", name="機關組織")).to_be_visible()
    screenshot("registry-phone-menu-zh")
