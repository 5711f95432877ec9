"""A record in a layout the reader does not know: the secretary makes the meeting and its
decisions by hand, one from a passage selected in the source, and confirms."""

import dataclasses
import re

import pytest
from playwright.sync_api import expect

from livinglab.tracking.models import Case, CaseAgency
from tests.imports.records import PROSE_RECORD

PASSAGE = "大家同意再找三處夜市試辦，請產業局主辦、經發局協辦，年底前回報。"


@pytest.fixture
def reads_nothing(monkeypatch):
    from livinglab.minutes import read_minutes

    def read(data, **kwargs):
        return dataclasses.replace(read_minutes(data, **kwargs), meetings=[])

    monkeypatch.setattr("livinglab.tracking.services.importing.read_minutes", read)


def _select(page, words: str) -> None:
    """Select `words` in the source text, as a person dragging the mouse would."""
    page.evaluate(
        """(words) => {
          const source = document.querySelector('.source-text');
          const walker = document.createTreeWalker(source, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const at = walker.currentNode.data.indexOf(words);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(walker.currentNode, at);
            range.setEnd(walker.currentNode, at + words.length);
            const selection = document.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            return;
          }
          throw new Error('words not in the source');
        }""",
        words,
    )


def test_secretary_makes_a_meeting_and_two_items_by_hand_and_confirms(
    page, world, screenshot, tmp_path, sign_in, reads_nothing
):
    night_markets = Case.objects.create(body=world.body, title="夜市行動支付推廣案")
    record = tmp_path / "雙北產業交流座談紀要.txt"
    record.write_text(PROSE_RECORD, encoding="utf-8")
    sign_in("secretary")

    page.goto(f"/imports/bodies/{world.body.pk}/")
    page.locator("input[type=file]").set_input_files(record)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/imports/\d+/$"))
    expect(page.locator(".reading-empty")).to_contain_text("沒有讀出任何會議紀錄")
    screenshot("draft-nothing-read")

    page.locator("button[value=add-meeting]").click()
    expect(page.locator("#id_m0-title")).to_have_value("雙北產業交流座談紀要")
    page.locator("#id_m0-title").fill("雙北產業交流座談")
    page.locator("#id_m0-date").fill("2024-10-15")

    _select(page, PASSAGE)
    expect(page.locator("#passage-button")).to_be_enabled()
    page.locator("#passage-button").click()
    expect(page.locator("mark#item-0-0")).to_have_text(PASSAGE)
    expect(page.locator("#id_m0-date")).to_have_value("2024-10-15")  # kept by the change

    page.locator("button[value='add-item:0']").click()
    expect(page.locator("fieldset.item")).to_have_count(2)
    page.locator("#id_i0-1-text").fill(
        "路燈資料介接：交通局明年三月底前完成介面，經發局協助提供新北端資料。"
    )

    page.locator("#id_i0-0-case").fill(f"夜市行動支付推廣案 #{night_markets.pk}")
    page.locator("#id_i0-0-status").select_option("tracked")
    page.locator("#id_i0-0-agencies").fill("臺北市政府產業發展局")
    page.locator("#id_i0-0-supporting").fill("新北市政府經濟發展局")
    page.locator("#id_i0-0-deadline").fill("2024-12-31")
    page.locator("#id_i0-1-case").fill("路燈資料介接案")
    page.locator("#id_i0-1-status").select_option("new")
    page.locator("#id_i0-1-agencies").fill("臺北市政府交通局")
    page.locator("#id_i0-1-supporting").fill("新北市政府經濟發展局")
    page.locator("#id_i0-1-deadline").fill("2025-03-31")
    page.locator("#row-0-1 button[value=save]").click()
    expect(page.locator("#row-0-1 .saved")).to_be_visible()
    screenshot("draft-finished-by-hand")

    page.locator(".draft-actions button[value=confirm]").click()
    page.wait_for_url(re.compile(r"/meetings/\d+/"))
    expect(page.locator(".messages .message-success")).to_contain_text("決議 2 項")
    expect(page.locator(".messages .message-success")).to_contain_text("新案件 1 件")
    screenshot("draft-confirmed-meeting")

    page.goto("/cases/")
    expect(page.locator(".registry-table")).to_contain_text("路燈資料介接案")
    expect(page.locator(".registry-table")).to_contain_text("夜市行動支付推廣案")
    expect(page.locator(".registry-table")).to_contain_text("（協辦）")
    screenshot("registry-after-hand-import")

    roles = set(CaseAgency.objects.values_list("case__title", "organisation__name", "role"))
    assert ("夜市行動支付推廣案", "新北市政府經濟發展局", "supporting") in roles
    assert ("路燈資料介接案", "臺北市政府交通局", "lead") in roles
    night_markets.refresh_from_db()
    assert night_markets.deadline.isoformat() == "2024-12-31"
