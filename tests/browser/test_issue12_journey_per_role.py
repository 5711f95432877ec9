"""Issue 12, one journey through pages only, each role in its own seat: the secretary opens a
new body and invites an officer by e-mail; the officer chooses a name and password; the
secretary imports the first meeting's record, names the lead agency by hand and confirms;
the officer reports on the new case; the secretary accepts the report and prepares the
tracking table for the next meeting, which shows the case with the report."""

import re

import docx
from django.core import mail
from playwright.sync_api import expect

from livinglab.meetings.models import Body
from livinglab.tracking.models import Case

BODY = "雙北智慧觀光合作小組"
CASE = "觀光接駁公車即時動態開放案"
OFFICER_EMAIL = "zhou.officer@traffic.example.gov.tw"
OFFICER_PASSWORD = "Bus-Stop-Data-2026!"
REPORT = "已完成兩市接駁公車動態資料格式對照，12 月起試行介接。"

RECORD = """臺北市政府雙北智慧觀光合作小組第1次會議紀錄
時間：115年11月20日（星期五）上午10時
地點：臺北市政府市政大樓北區11樓會議室
主席：交通局 王副局長建國
紀錄：周怡君

會議結論：
一、列管案件（計2案）：
（一）觀光接駁公車即時動態開放案：本次新增提案，同意新增列管，請於116年3月31日前完成資料介接。
（二）夜間觀光導覽路線規劃案：請經發局於12月底前提出路線草案，同意列管。
散會：中午12時
"""


def _phone_shot(browser, live_server, storage, path: str, name: str) -> None:
    """The same page on a 390 px wide phone, signed in as the same person."""
    from tests.browser.conftest import SCREENSHOTS

    context = browser.new_context(
        base_url=live_server.url,
        locale="zh-TW",
        viewport={"width": 390, "height": 844},
        storage_state=storage,
    )
    phone = context.new_page()
    phone.goto(path)
    phone.screenshot(path=str(SCREENSHOTS / f"{name}-390.png"), full_page=True)
    context.close()


def test_issue12_each_role_plays_its_part(
    page, browser, live_server, world, screenshot, tmp_path, sign_in, sign_out
):
    page.set_default_timeout(15_000)
    # 1. The secretary opens a new body with two member cities.
    sign_in("secretary")
    page.goto("/bodies/")
    page.get_by_role("link", name="新增會議體").click()
    page.get_by_role("textbox", name="名稱", exact=True).fill(BODY)
    page.get_by_label("簡稱").fill("智慧觀光小組")
    for city in ("臺北市政府", "新北市政府"):
        page.get_by_label("以名稱或別名搜尋機關名錄").fill(city)
        match = page.locator(".member-matches").get_by_role(
            "checkbox", name=re.compile(f"^{city} ")
        )
        match.check()
        expect(match).to_be_checked()
    page.get_by_label("幕僚單位").select_option(label="臺北市政府產業發展局")
    page.get_by_role("button", name="建立會議體").click()
    expect(page.get_by_text(f"已儲存會議體「{BODY}」")).to_be_visible()
    body_url = page.url
    assert {org.name for org in Body.objects.get(name=BODY).members.all()} == {
        "臺北市政府",
        "新北市政府",
    }

    # ... and invites an officer of 交通局 by e-mail.
    page.get_by_role("link", name="工作人員與邀請").click()
    invite = page.locator("#invite")
    invite.get_by_label("電子郵件地址").fill(OFFICER_EMAIL)
    invite.get_by_label("角色").select_option(label="機關承辦人")
    invite.get_by_label("機關（機關承辦人適用）").select_option(label="臺北市政府交通局")
    invite.get_by_role("button", name="寄送邀請").click()
    expect(page.get_by_text(f"已寄送邀請給 {OFFICER_EMAIL}")).to_be_visible()
    expect(page.get_by_role("cell", name=OFFICER_EMAIL)).to_be_visible()
    screenshot("issue12-staff-invited")
    staff_path = page.url.removeprefix(live_server.url)
    _phone_shot(browser, live_server, page.context.storage_state(), staff_path, "issue12-staff")
    sign_out()

    # The officer opens the link from the e-mail and chooses a name and password.
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [OFFICER_EMAIL]
    link = re.search(r"https?://\S+/accounts/invitations/\S+/", mail.outbox[0].body).group(0)
    page.goto(link[link.index("/accounts/") :])
    expect(page.get_by_role("heading", level=1)).to_contain_text(BODY)
    page.get_by_label("他人看到的您的名稱").fill("周科員")
    page.get_by_label("設定密碼").fill(OFFICER_PASSWORD)
    page.get_by_label("再次輸入密碼").fill(OFFICER_PASSWORD)
    page.get_by_role("button", name="建立我的帳號").click()
    expect(page.get_by_text(f"歡迎，周科員。您已是「{BODY}」的工作人員。")).to_be_visible()
    sign_out()

    # 2. The secretary imports the first meeting's record into the new body.
    record = tmp_path / "雙北智慧觀光合作小組第1次會議紀錄.txt"
    record.write_text(RECORD, encoding="utf-8")
    sign_in("secretary")
    page.goto(body_url)
    page.get_by_role("link", name="匯入會議紀錄").click()
    page.locator("input[type=file]").set_input_files(record)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/imports/\d+/$"))
    expect(page.locator("fieldset.item")).to_have_count(2)

    # The record names no agency for the new case: the secretary names 交通局 by hand.
    item = page.locator("#row-0-0")
    expect(item.get_by_label("期限")).to_have_value("2027-03-31")
    item.get_by_label("主辦機關").fill("交通局")
    item.get_by_role("button", name="儲存").click()
    expect(item.locator(".saved")).to_be_visible()
    screenshot("issue12-draft-corrected")
    page.get_by_role("button", name="確認並寫入列管").click()
    page.wait_for_url(re.compile(r"/meetings/\d+/"))
    case = Case.objects.get(title=CASE)
    assert case.body.name == BODY
    assert [a.organisation.short_name for a in case.case_agencies.all()] == ["交通局"]
    sign_out()

    # 3. The invited officer signs in with the e-mail address and reports on the case.
    page.goto("/accounts/signin/")
    page.locator("input[name=username]").fill(OFFICER_EMAIL)
    page.locator("input[name=password]").fill(OFFICER_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(lambda url: "/accounts/signin/" not in url)
    page.get_by_role("link", name="本機關列管事項").click()
    expect(page.get_by_role("link", name=CASE)).to_be_visible()
    expect(page.get_by_text("夜間觀光導覽路線規劃案")).to_have_count(0)  # 經發局's case
    page.get_by_role("link", name=CASE).click()
    page.get_by_label("辦理情形").fill(REPORT)
    page.get_by_label("完成度（%）").fill("40")
    page.get_by_role("button", name="送出辦理情形").click()
    expect(page.get_by_text("已送出辦理情形")).to_be_visible()
    screenshot("issue12-officer-reported")
    sign_out()

    # 4. The secretary accepts the report ...
    sign_in("secretary")
    page.get_by_role("link", name="本機關列管事項").click()
    page.get_by_role("link", name="1 件辦理情形待審核").click()
    expect(page.get_by_text(REPORT)).to_be_visible()
    page.get_by_label("意見").fill("請持續辦理，下次會議報告介接成果。")
    page.get_by_role("button", name="採認").click()
    expect(page.get_by_text("已採認辦理情形")).to_be_visible()

    # ... and prepares the tracking table for the second meeting.
    page.goto(body_url)
    page.locator("main").get_by_role("link", name="列管表", exact=True).click()
    page.get_by_label("會議次別").fill("2")
    page.get_by_label("會議日期").fill("2027-01-15")
    page.get_by_role("button", name="產生列管表").click()
    expect(page.locator(".table-subtitle")).to_contain_text("第2次會議 · 116年1月15日")
    row = page.locator("tr", has_text=CASE)
    expect(row).to_contain_text("交通局")
    expect(row).to_contain_text("已完成兩市接駁公車動態資料格式對照")
    screenshot("issue12-tracking-table")
    with page.expect_download() as download:
        page.get_by_role("link", name=".docx").click()
    document = docx.Document(download.value.path())
    assert "第2次會議 · 116年1月15日" in "\n".join(p.text for p in document.paragraphs)
    cells = [cell.text for table in document.tables for r in table.rows for cell in r.cells]
    assert CASE in cells
    assert any(REPORT in cell for cell in cells)
    table_path = page.url.removeprefix(live_server.url)
    _phone_shot(
        browser, live_server, page.context.storage_state(), table_path, "issue12-tracking-table"
    )
