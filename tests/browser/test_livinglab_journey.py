"""Issue 11 end to end: a proposer submits to a need; two reviewers score (a third declares
a conflict and can no longer open it); the secretariat accepts; a trial starts at a field
site; the proposer enters a KPI value; the trial is a row of the sponsoring body's
tracking table. A screenshot at each step."""

import datetime as dt

from django.utils import timezone
from playwright.sync_api import expect

from livinglab.needs.models import Call
from livinglab.proposals.models import Proposal
from livinglab.reviews import services as reviews
from tests.pipeline import make_call, make_need
from tests.reviews.conftest import reviewer
from tests.trials.conftest import ensure_domains, make_site

TITLE = "路口邊緣運算排隊長度偵測"


def _submit_proposal(page, need, screenshot):
    page.get_by_role("link", name="需求與徵案").click()
    page.get_by_role("link", name=need.title).click()
    page.get_by_role("link", name="撰寫提案").click()
    page.get_by_label("提案名稱").fill(TITLE)
    page.get_by_label("摘要").fill("以路口影像即時估算排隊長度，回傳交控中心調整號誌。")
    page.get_by_label("解決方案").fill("每處路口一組運算盒，影像在路口端計算後即刪除。")
    page.get_by_label("團隊").fill("影像工程師三名、交通顧問一名。")
    page.get_by_label("技術成熟度（TRL）").select_option("6")
    page.get_by_label("期程（月）").fill("6")
    page.get_by_label("經費（新臺幣）").fill("2400000")
    page.get_by_label("經費來源").fill("自籌六成，其餘申請補助")
    page.get_by_label("預期績效指標").fill("尖峰平均停等秒數減少 15%")
    page.get_by_role("button", name="儲存並送出").click()
    expect(page.get_by_text("提案已送出")).to_be_visible()
    screenshot("journey-1-proposal-submitted")


def _review(page, call, values, comment):
    page.goto("/reviews/")
    page.get_by_role("link", name=TITLE).click()
    page.get_by_label("我與本提案無利益衝突").check()
    page.get_by_role("button", name="送出聲明").click()
    expect(page.get_by_text("謝謝，您現在可以審查本提案。")).to_be_visible()
    for gate in call.gates.all():
        page.locator(f"input[name=gate_{gate.pk}][value=yes]").check()
        page.locator(f"textarea[name=gate_reason_{gate.pk}]").fill("符合本市推動方向")
    for factor, value in zip(call.factors.all(), values, strict=True):
        page.locator(f"input[name=score_{factor.pk}]").fill(str(value))
        page.locator(f"textarea[name=comment_{factor.pk}]").fill(comment)
    page.get_by_role("button", name="送出審查").click()
    expect(page.get_by_text("您的審查已送出。")).to_be_visible()


def test_from_need_to_a_trial_in_the_tracking_table(page, world, screenshot, sign_in, sign_out):
    ensure_domains()
    need = make_need(world, "尖峰時段幹道路口回堵的即時調控", agency=world.transport)
    call = make_call(world, "115年度第一期智慧城市實證場域徵案", needs=[need])
    second = reviewer("reviewer2", "李委員", world.body)
    third = reviewer("reviewer3", "周委員", world.body)
    call.reviewers.set([world.reviewer, second, third])
    site = make_site(world, "內湖科技園區智慧路口")
    today = timezone.localdate()

    # 1. The proposer submits to the need.
    sign_in("proposer")
    _submit_proposal(page, need, screenshot)
    sign_out()
    proposal = Proposal.objects.get(title=TITLE)
    # The call closes; the secretariat gives the proposal three reviewers.
    Call.objects.filter(pk=call.pk).update(closes_at=timezone.now() - dt.timedelta(hours=1))
    for person in (world.reviewer, second, third):
        reviews.assign(world.secretary, proposal, person)

    # 2. Two reviewers score it.
    sign_in("reviewer")
    _review(page, call, [5, 4, 4, 4], "感測方案成熟，可擴充到全市路口。")
    sign_out()
    sign_in("reviewer2")
    _review(page, call, [4, 4, 3, 3], "成本合理，惟須說明維運人力。")
    screenshot("journey-2-second-review")
    sign_out()

    # 3. The third declares a conflict and can no longer open it.
    sign_in("reviewer3")
    page.goto("/reviews/")
    page.get_by_role("link", name=TITLE).click()
    url = page.url
    page.get_by_label("我有利益衝突，需迴避").check()
    page.get_by_label("利益衝突的情形").fill("本人為提案公司的股東。")
    page.get_by_role("button", name="送出聲明").click()
    expect(page.get_by_text("已記錄您的利益迴避聲明")).to_be_visible()
    assert page.goto(url).status == 404
    assert page.goto(proposal.get_absolute_url()).status == 404
    screenshot("journey-3-conflicted-reviewer-404")
    page.goto("/")
    sign_out()

    # 4. The secretariat accepts.
    sign_in("secretary")
    page.goto("/reviews/")
    page.get_by_role("link", name=call.title).click()
    page.get_by_role("link", name=TITLE).click()
    page.locator("input[name=outcome][value=accept]").check()
    page.get_by_label("給提案者的理由").fill("兩位委員皆肯定可行性，同意進行概念驗證。")
    page.get_by_role("button", name="記錄決定").click()
    expect(page.get_by_text("決定已記錄，並已通知提案者。")).to_be_visible()
    screenshot("journey-4-accepted")

    # 5. A trial starts at a field site, with a KPI.
    page.goto("/trials/start/")
    page.locator("tr", has_text=TITLE).get_by_role("link", name="啟動概念驗證").click()
    screenshot("journey-5-start-form")
    page.get_by_label("主辦機關").select_option(label="臺北市政府交通局")
    page.get_by_label("場域").select_option(label=site.name)
    page.get_by_label("開始日期").fill(today.isoformat())
    page.get_by_label("結束日期").fill((today + dt.timedelta(days=180)).isoformat())
    page.get_by_role("button", name="啟動概念驗證").click()
    expect(page.get_by_text("已啟動概念驗證，並列為推動會議的列管案件。")).to_be_visible()
    page.locator("#id_name").fill("尖峰平均停等秒數")
    page.get_by_label("單位").fill("秒")
    page.get_by_label("方向").select_option("down")
    page.get_by_label("基準值").fill("96")
    page.get_by_label("目標值").fill("80")
    page.get_by_role("button", name="新增績效指標").click()
    expect(page.get_by_text("已新增績效指標。")).to_be_visible()
    screenshot("journey-5-trial-started")
    sign_out()

    # 6. The proposer enters a KPI value.
    sign_in("proposer")
    page.goto(proposal.trial.get_absolute_url())
    report = page.locator("#report")
    report.get_by_label("日期").fill(today.isoformat())
    report.get_by_label("數值").fill("91")
    report.get_by_role("button", name="填報").click()
    expect(page.get_by_text("已填報 尖峰平均停等秒數")).to_be_visible()
    expect(page.locator(".kpi-figures")).to_contain_text("91")
    page.wait_for_function(
        "() => [...document.querySelectorAll('img.kpi-chart')]"
        ".every(img => img.complete && img.naturalWidth > 100)"
    )
    screenshot("journey-6-kpi-value")
    sign_out()

    # 7. The trial is in the sponsoring body's tracking table.
    sign_in("secretary")
    page.get_by_role("link", name="列管表").first.click()
    page.get_by_role("link", name=world.body.name).click()
    row = page.locator("tr", has_text=TITLE)
    expect(row).to_contain_text("臺北市政府交通局")
    screenshot("journey-7-tracking-table")
