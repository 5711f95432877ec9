"""The secretary uploads a record, corrects the draft and confirms it."""

import re

from playwright.sync_api import expect

from livinglab.tracking.models import Case, Decision
from tests.imports.records import INDUSTRY_MEETING


def test_secretary_imports_corrects_and_confirms_a_record(
    page, world, screenshot, tmp_path, sign_in
):
    record = tmp_path / "產業合作推動小組第3次會議紀錄.txt"
    record.write_text(INDUSTRY_MEETING, encoding="utf-8")
    # Cases of earlier meetings, written a little differently: one sure link, one to check.
    charging = Case.objects.create(body=world.body, title="電動機車充電站佈建案")
    Case.objects.create(body=world.body, title="共享單車資料互通案")
    sign_in("secretary")

    page.goto(f"/imports/bodies/{world.body.pk}/")
    screenshot("import-upload")
    page.locator("input[type=file]").set_input_files(record)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/imports/\d+/$"))

    expect(page.locator(".source-text mark")).to_have_count(4)
    expect(page.locator("fieldset.item")).to_have_count(4)
    expect(page.locator("#row-0-2 .confidence")).to_have_text("89%")
    expect(page.locator("#row-0-1 .confidence-low")).to_contain_text("75%")
    screenshot("import-draft")

    page.locator("#row-0-1 .source-link").click()  # shows the item in the source
    expect(page.locator("mark#item-0-1")).to_have_css("outline-style", "solid")
    page.locator("#row-0-1 .suggestion button").click()  # take the suggested case
    expect(page.locator("#id_i0-1-link_0")).to_have_value(re.compile(r"共享單車資料互通案 #\d+"))
    expect(page.locator("#row-0-1 .confidence-low")).to_have_count(0)
    page.locator("#id_i0-1-track").uncheck()
    page.locator("#id_i0-2-deadline").fill("2024-11-15")
    page.locator("#row-0-2 .row-actions button[value=save]").click()  # saved without a reload
    expect(page.locator("#row-0-2 .saved")).to_be_visible()
    expect(page.locator("#id_i0-2-deadline")).to_have_value("2024-11-15")
    expect(page.locator("#id_i0-1-track")).not_to_be_checked()  # the rest stays as it was
    screenshot("import-draft-corrected")

    page.locator(".draft-actions button[value=confirm]").click()
    page.wait_for_url(re.compile(r"/meetings/\d+/"))
    expect(page.locator(".messages .message-success")).to_contain_text("產業合作推動小組第3次")
    screenshot("import-confirmed-meeting")

    titles = set(Case.objects.values_list("title", flat=True))
    assert "共享單車資料交換案" not in titles
    charging.refresh_from_db()
    assert charging.deadline.isoformat() == "2024-11-15"
    assert Decision.objects.count() == 4
