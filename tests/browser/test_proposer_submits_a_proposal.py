"""A proposer signs in, finds a need in an open call, writes and submits a proposal with
an attachment, and follows its status; after the secretariat asks for a revision the
reason is on the proposer's desk and on the proposal's history."""

from playwright.sync_api import expect

from livinglab.proposals import services
from livinglab.proposals.models import Proposal
from tests.pipeline import make_call, make_need


def test_proposer_writes_submits_and_follows_a_proposal(page, world, screenshot, sign_in):
    need = make_need(world, "尖峰時段幹道路口回堵的即時調控", tags=["traffic"])
    make_need(world, "社會住宅公共區域用電的尖峰削減", domain_key="housing", tags=["carbon"])
    make_call(world, "115年度第一期智慧城市實證場域徵案", needs=[need])

    page.goto("/needs/")
    expect(page.get_by_role("link", name=need.title)).to_be_visible()
    screenshot("pipeline-needs-public")

    sign_in("proposer")
    page.get_by_role("link", name="需求與徵案").click()
    page.get_by_role("link", name=need.title).click()
    expect(page.get_by_role("heading", name=need.title)).to_be_visible()
    screenshot("pipeline-need-detail")
    page.get_by_role("link", name="撰寫提案").click()

    page.get_by_label("提案名稱").fill("路口邊緣運算排隊長度偵測")
    page.get_by_label("摘要").fill("以路口影像即時估算排隊長度，回傳交控中心。")
    page.get_by_label("解決方案").fill("每處路口一組運算盒，影像不出路口。")
    page.get_by_label("團隊").fill("影像工程師三名、交通顧問一名。")
    page.get_by_label("技術成熟度（TRL）").select_option("6")
    page.get_by_label("期程（月）").fill("6")
    page.get_by_label("經費（新臺幣）").fill("2400000")
    page.get_by_label("經費來源").fill("自籌六成，其餘申請補助")
    page.get_by_label("預期績效指標").fill("路口延滯減少 15%")
    page.get_by_label("附件").set_input_files(
        files=[{"name": "計畫書.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.7\n%%EOF"}]
    )
    screenshot("pipeline-proposal-form")
    page.get_by_role("button", name="儲存並送出").click()

    expect(page.get_by_text("提案已送出")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("已送出")
    expect(page.get_by_role("link", name="計畫書.pdf")).to_be_visible()
    screenshot("pipeline-proposal-submitted")

    proposal = Proposal.objects.get()
    assert proposal.status == "submitted"
    services.decide(world.secretary, proposal, "revise", "請補充六處路口的選定理由。")

    page.get_by_role("link", name="我的實驗室").click()
    expect(page.get_by_text("請補充六處路口的選定理由。")).to_be_visible()
    screenshot("pipeline-desk-proposer")
    page.get_by_role("link", name="路口邊緣運算排隊長度偵測").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("請修正")
    expect(page.locator(".history")).to_contain_text("請補充六處路口的選定理由。")
    screenshot("pipeline-proposal-revise")
