"""The secretariat starts a trial at a field site for an accepted proposal and sets a KPI;
the proposer enters a value, which is charted; the trial is a row of the sponsoring
body's tracking table."""

import datetime as dt

from django.utils import timezone
from playwright.sync_api import expect

from tests.trials.conftest import make_proposal, make_site


def test_secretariat_starts_a_trial_proposer_reports_a_kpi(
    page, world, screenshot, sign_in, sign_out
):
    proposal = make_proposal(world, title="AI 號誌路口排隊偵測")
    site = make_site(world, "內湖科技園區智慧路口")
    today = timezone.localdate()

    sign_in("secretary")
    page.get_by_role("link", name="概念驗證", exact=True).first.click()
    page.get_by_role("link", name="啟動概念驗證").click()
    expect(page.get_by_role("cell", name="AI 號誌路口排隊偵測")).to_be_visible()
    page.get_by_role("link", name="啟動概念驗證").last.click()
    page.get_by_label("主辦機關").select_option(label="臺北市政府交通局")
    page.get_by_label("場域").select_option(label=site.name)
    page.get_by_label("開始日期").fill(today.isoformat())
    page.get_by_label("結束日期").fill((today + dt.timedelta(days=180)).isoformat())
    page.get_by_label("查核點").fill(
        f"{(today + dt.timedelta(days=30)).isoformat()} 十處路口邊緣運算盒安裝完成"
    )
    screenshot("trial-start-form")
    page.get_by_role("button", name="啟動概念驗證").click()
    expect(page.get_by_text("已啟動概念驗證，並列為推動會議的列管案件。")).to_be_visible()
    expect(page.get_by_role("heading", name="AI 號誌路口排隊偵測")).to_be_visible()

    page.locator("#id_name").fill("路口平均等候秒數")
    page.get_by_label("單位").fill("秒")
    page.get_by_label("方向").select_option("down")
    page.get_by_label("基準值").fill("95")
    page.get_by_label("目標值").fill("70")
    page.get_by_role("button", name="新增績效指標").click()
    expect(page.get_by_text("已新增績效指標。")).to_be_visible()
    screenshot("trial-page-secretariat")
    sign_out()

    sign_in("proposer")
    page.goto(proposal.trial.get_absolute_url())
    report = page.locator("#report")
    report.get_by_label("日期").fill(today.isoformat())
    report.get_by_label("數值").fill("88")
    report.get_by_label("備註").fill("上午尖峰平均")
    report.get_by_role("button", name="填報").click()
    expect(page.get_by_text("已填報 路口平均等候秒數")).to_be_visible()
    expect(page.locator(".kpi-figures")).to_contain_text("88")
    chart = page.locator("img.kpi-chart")
    expect(chart).to_be_visible()
    assert chart.evaluate("img => img.naturalWidth") > 100  # the SVG was drawn
    page.wait_for_function(
        "() => [...document.querySelectorAll('img.kpi-chart')]"
        ".every(img => img.complete && img.naturalWidth > 100)"
    )
    screenshot("trial-page-proposer-value")
    sign_out()

    sign_in("secretary")
    page.goto(f"/reports/bodies/{world.body.pk}/table/")
    row = page.locator("tr", has_text="AI 號誌路口排隊偵測")
    expect(row).to_contain_text("臺北市政府交通局")
    screenshot("trial-in-tracking-table")
