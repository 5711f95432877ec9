"""The secretary sees how much of a record has been sent, then lands on its draft."""

import re

from playwright.sync_api import expect

from tests.imports.records import INDUSTRY_MEETING

WATCH = """() => {
  const box = document.querySelector('.upload-progress');
  const bar = box.querySelector('progress');
  const seen = [];
  new MutationObserver(() => {
    if (!box.hidden) seen.push(bar.value);
    sessionStorage.setItem('upload-progress', JSON.stringify(seen));
  }).observe(box, {attributes: true, subtree: true, childList: true, characterData: true});
}"""


def test_the_upload_shows_its_progress_then_the_draft(page, world, tmp_path, sign_in, screenshot):
    record = tmp_path / "產業合作推動小組第3次會議紀錄.txt"
    # About 120 kB (blank lines after the record), sent at 40 kB/s: three seconds of progress.
    record.write_text(INDUSTRY_MEETING + "\n" * 120_000, encoding="utf-8")
    sign_in("secretary")
    page.goto(f"/imports/bodies/{world.body.pk}/")
    expect(page.locator(".upload-progress")).to_be_hidden()
    page.evaluate(WATCH)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": 40_000},
    )
    page.locator("input[type=file]").set_input_files(record)
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".upload-progress")).to_be_visible()
    expect(page.locator(".upload-cancel")).to_be_visible()
    screenshot("import-upload-progress")
    page.wait_for_url(re.compile(r"/imports/\d+/$"), timeout=60_000)
    seen = page.evaluate("JSON.parse(sessionStorage.getItem('upload-progress') || '[]')")
    assert any(0 < value < 100 for value in seen), seen  # part of the way
    assert max(seen) == 100
    expect(page.locator(".source-text mark").first).to_be_visible()
