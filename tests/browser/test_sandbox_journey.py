"""A trial's team applies for a sandbox permit, two agencies consent in their queues, the
secretariat grants the permit, the team reports a serious incident and the police
suspend the permit."""

import pytest
from playwright.sync_api import expect

from tests.sandbox.world import make_sandbox


@pytest.fixture
def sandbox(world, django_user_model):
    """The running trial and the two agencies asked for consent."""
    return make_sandbox(world, django_user_model)


def test_application_two_consents_permit_incident_suspension(
    page,
    world,
    sandbox,
    screenshot,
    sign_in,
    sign_out,  # noqa: F811
):
    sign_in("proposer")
    page.goto(f"/sandbox/trials/{sandbox.trial.pk}/apply/")
    page.get_by_label("需放寬的法規").fill("道路交通安全規則：無駕駛座車輛於園區道路行駛。")
    page.get_by_label("安全計畫").fill("隨車安全員一名，時速上限 20 公里，遠端監控。")
    page.get_by_label("保險").fill("第三人責任險每一事故 2,000 萬元。")
    page.get_by_label("須經同意的機關").select_option(
        [str(world.transport.pk), str(sandbox.police.pk)]
    )
    screenshot("sandbox-application-form")
    page.get_by_role("button", name="送出申請").click()
    expect(page.locator("#application-status")).to_have_text("待機關同意")
    sign_out()

    for officer, condition in (
        ("transport_officer", "每週提交運行紀錄"),
        ("police_officer", "上下學時段停駛"),
    ):
        sign_in(officer)
        page.goto("/sandbox/consents/")
        page.get_by_role("link", name="回覆").click()
        page.get_by_label("同意", exact=True).check()
        page.locator("input[name=condition_1]").fill(condition)
        if officer == "police_officer":
            screenshot("sandbox-consent-form")
        page.get_by_role("button", name="記錄決定").click()
        expect(page.locator("#consents")).to_contain_text(condition)
        sign_out()

    sign_in("secretary")
    page.goto("/sandbox/mine/")
    page.get_by_role("link", name=sandbox.trial.title).click()
    page.get_by_role("button", name="核發許可").click()
    expect(page.locator("#permit-status")).to_have_text("有效")
    expect(page.locator("#conditions")).to_contain_text("上下學時段停駛")
    screenshot("sandbox-permit-granted")
    permit_url = page.url
    sign_out()

    sign_in("proposer")
    page.goto(permit_url)
    page.get_by_label("發生時間").fill("2026-01-05T08:30")
    page.get_by_label("嚴重程度").select_option("serious")
    page.get_by_label("事故經過").fill("接駁車於路口與機車擦撞，機車騎士輕傷送醫。")
    page.get_by_label("已採取的措施").fill("全線停駛，檢查感測器與路線設定。")
    page.get_by_role("button", name="送出事故通報").click()
    expect(page.locator("#incidents")).to_contain_text("擦撞")
    sign_out()

    sign_in("police_officer")
    page.goto(permit_url)
    page.locator("#change-permit select[name=change]").select_option("suspended")
    page.locator("#change-permit textarea[name=reason]").fill("事故調查期間暫停試營運。")
    page.get_by_role("button", name="異動許可").click()
    expect(page.locator("#permit-status")).to_have_text("暫停")
    expect(page.locator("#changes")).to_contain_text("事故調查期間暫停試營運。")
    screenshot("sandbox-permit-suspended")
