"""A report is accepted → the officer's bell shows 1 → opening the notification marks it read.
Also screenshots the preferences page and a bulk-update preview."""

from playwright.sync_api import expect

from livinglab.tracking.models import Case
from livinglab.work.models import Assignment, Notification
from livinglab.work.services import NewReport, file_report, review_report, sync_assignments
from livinglab.work.spreadsheets import write
from tests.work.conftest import make_case


def test_accepted_report_rings_the_officers_bell(
    page, world, screenshot, tmp_path, sign_in, sign_out
):
    case = make_case(world, "青創交流合作", lead=world.industry, supporting=[world.economic])
    sync_assignments(Case.objects.all())
    Notification.objects.all().delete()  # the bell starts empty, without the new assignments
    assignment = Assignment.objects.get(case=case, organisation=world.industry)
    report = file_report(world.officer, assignment, NewReport("已辦理說明會"))
    review_report(world.secretary, report, accept=True, comment="同意")

    sign_in("officer")
    bell = page.get_by_role("link", name="通知：1 則未讀")
    expect(bell).to_be_visible()
    expect(page.get_by_test_id("bell-count")).to_have_text("1")
    screenshot("work-bell")
    bell.click()
    expect(page.get_by_text("您對「青創交流合作」的辦理情形已採認。")).to_be_visible()
    screenshot("work-notifications")
    page.get_by_role("button", name="您對「青創交流合作」的辦理情形已採認。").click()
    expect(page.get_by_role("link", name="通知：0 則未讀")).to_be_visible()
    expect(page.get_by_test_id("bell-count")).to_have_count(0)

    page.goto("/work/notifications/")
    page.get_by_role("link", name="通知設定").first.click()
    page.get_by_label("提前天數").fill("14")
    page.get_by_role("button", name="儲存").click()
    expect(page.get_by_text("已儲存通知設定。")).to_be_visible()
    screenshot("work-preferences")
    sign_out()

    sign_in("secretary")
    spreadsheet = tmp_path / "進度.xlsx"
    spreadsheet.write_bytes(
        write(
            "xlsx",
            "s",
            [
                [
                    case.pk,
                    case.title,
                    "臺北市政府產業發展局",
                    None,
                    "11 月完成第二場說明會",
                    80,
                    "解除列管",
                ],
                [case.pk, case.title, "新北市政府經濟發展局", None, "配合辦理中", 30, None],
            ],
        )
    )
    page.goto(f"/work/bodies/{world.body.pk}/bulk/")
    page.get_by_label("填寫完成的試算表").set_input_files(str(spreadsheet))
    page.get_by_role("button", name="上傳並預覽").click()
    expect(page.get_by_text("將變更 2 列")).to_be_visible()
    expect(page.get_by_role("link", name="通知：1 則未讀")).to_be_visible()  # a report to review
    screenshot("work-bulk-preview")
