"""An officer files a progress report proposing delisting, the secretary accepts it and
the exported tracking table suggests 解除列管 for that case."""

from playwright.sync_api import expect

from tests.reports.readback import rows_of
from tests.work.conftest import make_case


def test_officer_reports_secretary_accepts_table_suggests_delisting(
    page, world, screenshot, sign_in, sign_out
):
    make_case(world, "青創交流合作", lead=world.industry, supporting=[world.economic])
    make_case(world, "瑞芳工業區事業廢棄物清運案", lead=world.economic)

    sign_in("officer")
    page.get_by_role("link", name="本機關列管事項").click()
    expect(page.get_by_role("link", name="青創交流合作")).to_be_visible()
    expect(page.get_by_text("瑞芳工業區事業廢棄物清運案")).to_have_count(0)
    screenshot("work-plate-officer")

    page.get_by_role("link", name="青創交流合作").click()
    page.get_by_label("辦理情形").fill("已於 10 月辦理 Z 世代創新創業加速實踐競賽，活動完成。")
    page.get_by_label("完成度（%）").fill("100")
    page.get_by_label("建議").select_option("delist")
    page.get_by_label("附件").set_input_files(
        files=[{"name": "成果.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.7\n%%EOF"}]
    )
    page.get_by_role("button", name="送出辦理情形").click()
    expect(page.get_by_text("已送出辦理情形")).to_be_visible()
    expect(page.get_by_text("待審核").first).to_be_visible()
    screenshot("work-report-filed")
    sign_out()

    sign_in("secretary")
    page.get_by_role("link", name="本機關列管事項").click()
    page.get_by_role("link", name="1 件辦理情形待審核").click()
    expect(page.get_by_text("已於 10 月辦理")).to_be_visible()
    screenshot("work-review-queue")
    page.get_by_label("意見").fill("同意提報下次會議解除列管")
    page.get_by_role("button", name="採認").click()
    expect(page.get_by_text("已採認辦理情形")).to_be_visible()

    page.get_by_role("link", name="列管表").first.click()
    page.get_by_role("link", name=world.body.name).click()
    row = page.locator("tr", has_text="青創交流合作")
    expect(row).to_contain_text("解除列管")
    screenshot("tracking-table-page")
    with page.expect_download() as download:
        page.get_by_role("link", name=".ods").click()
    rows = rows_of("ods", open(download.value.path(), "rb").read())  # noqa: PTH123
    youth = next(r for r in rows if len(r) >= 7 and r[1] == "青創交流合作")
    assert youth[5] == "解除列管"
    assert "已於 10 月辦理" in youth[4]
