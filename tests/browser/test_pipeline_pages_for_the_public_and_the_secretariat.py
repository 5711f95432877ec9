"""A visitor reads an open call and its rubric in English; the secretariat's desk lists
its calls and the proposals waiting; a newcomer signs up as a startup."""

from playwright.sync_api import expect

from livinglab.proposals.models import Proposal
from tests.pipeline import make_call, make_need, make_proposal


def test_public_call_in_english_and_the_secretariat_desk(page, world, screenshot, sign_in):
    need = make_need(world, "公車站候車資訊即時化", tags=["ageing"])
    call = make_call(world, "115年度第一期智慧城市實證場域徵案", needs=[need])
    make_proposal(world, call, need, title="候車亭電子紙看板", status=Proposal.Status.SUBMITTED)
    make_proposal(world, call, need, title="尚在撰寫的草稿")

    page.goto(f"/calls/{call.pk}/")
    page.get_by_label("語言").select_option("en")
    page.get_by_role("button", name="切換").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="How proposals are screened")).to_be_visible()
    expect(page.get_by_text("(Taipei time)").first).to_be_visible()
    expect(page.get_by_text("Smart transport")).to_be_visible()
    screenshot("pipeline-call-public-en")

    page.get_by_label("Language").select_option("zh-hant")
    page.get_by_role("button", name="Switch").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant-TW")
    sign_in("secretary")
    page.get_by_role("link", name="我的實驗室").click()
    expect(page.get_by_role("link", name="候車亭電子紙看板")).to_be_visible()
    expect(page.get_by_text("尚在撰寫的草稿")).to_have_count(0)
    screenshot("pipeline-desk-secretariat")


def test_a_newcomer_signs_up_as_a_startup(page, world, screenshot):
    page.goto("/lab/signup/")
    page.get_by_label("使用者名稱").fill("newcomer")
    page.get_by_label("姓名").fill("林新創")
    page.get_by_label("電子郵件").fill("newcomer@example.org")
    page.locator("#id_password1").fill("a long enough passphrase 42")
    page.locator("#id_password2").fill("a long enough passphrase 42")
    page.get_by_label("提案身分").select_option("startup")
    page.get_by_label("單位全名").fill("青禾數據有限公司")
    screenshot("pipeline-signup")
    page.get_by_role("button", name="註冊").click()
    expect(page.get_by_text("青禾數據有限公司 已登記")).to_be_visible()
    screenshot("pipeline-desk-new-proposer")
