"""A secretary corrects a confirmed meeting from its page: a refused deadline keeps what
was typed, the correction lands on the case's history, a missed decision is added."""

import pytest
from playwright.sync_api import expect

from livinglab.meetings.models import Meeting
from livinglab.tracking.models import Case
from tests.imports.records import INDUSTRY_MEETING


@pytest.fixture
def meeting(world, transactional_db) -> Meeting:
    from livinglab.tracking.services.importing import import_minutes

    import_minutes(
        world.secretary, world.body, [("紀錄.txt", INDUSTRY_MEETING.encode())], confirm=True
    )
    return Meeting.objects.get()


def test_secretary_corrects_a_decision_and_adds_a_missed_one(page, meeting, screenshot, sign_in):
    lamp = Case.objects.get(title="智慧路燈合作案")
    decision = lamp.decisions.get()
    sign_in("secretary")
    page.goto(meeting.get_absolute_url())
    page.get_by_role("link", name="更正決議或補登漏列決議").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("更正「")
    screenshot("corrections-page")

    row = page.locator(f"#decision-{decision.pk}")
    row.get_by_label("狀態").select_option("delisted")
    row.get_by_label("期限").fill("2024-08-01")
    row.get_by_label("主辦機關").fill("交通局")
    row.get_by_label("協辦機關").fill("產業局")
    row.get_by_role("button", name="儲存更正").click()

    row = page.locator(f"#decision-{decision.pk}")
    expect(row).to_contain_text("早於會議日期（2024-09-10）")
    expect(page.locator(".messages")).to_contain_text("未儲存任何內容")
    expect(row.get_by_label("主辦機關")).to_have_value("交通局")
    expect(row.get_by_label("狀態")).to_have_value("delisted")
    screenshot("corrections-deadline-refused")

    row.get_by_label("期限").fill("2025-03-31")
    row.get_by_role("button", name="儲存更正").click()
    expect(page.get_by_role("status")).to_contain_text("已更正（狀態、期限、機關）")
    screenshot("corrections-saved")

    add = page.locator("#add-decision")
    add.get_by_label("決議文字").fill("請交通局研議路燈故障通報流程，於下次會議報告。")
    add.get_by_label("本會議體的案件").fill("路燈")
    expect(page.locator("#add-case-list option")).to_have_count(1)
    add.get_by_label("新案件", exact=True).check()
    add.get_by_label("新案件的案名").fill("路燈故障通報案")
    add.get_by_label("主辦機關").fill("交通局")
    add.get_by_label("本會議體的案件").fill("")
    screenshot("corrections-add-form")
    add.get_by_role("button", name="新增決議").click()
    expect(page.get_by_role("status")).to_contain_text("關於案件「路燈故障通報案」")
    screenshot("corrections-added")

    page.goto(lamp.get_absolute_url())
    timeline = page.locator(".timeline")
    expect(timeline).to_contain_text("決議經人工更正")
    expect(timeline).to_contain_text("期限：114年3月31日")  # in ROC dates, as officials read them
    expect(timeline).to_contain_text("臺北市政府交通局（主辦機關）")
    expect(page.locator(".facts")).to_contain_text("114年3月31日")  # ROC, as officials read it
    screenshot("corrections-case-history")
