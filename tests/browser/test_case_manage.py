"""A secretary merges two cases through the pages, sees the lineage, and undoes the merge."""

import pytest
from playwright.sync_api import expect

from tests.registry.conftest import registry  # noqa: F401 (a fixture)


@pytest.fixture
def live_registry(registry, transactional_db):  # noqa: F811
    return registry


def test_secretary_merges_two_cases_sees_the_lineage_and_undoes_it(
    page, live_registry, screenshot, sign_in
):
    traps, youth = live_registry.traps, live_registry.youth
    sign_in("secretary")
    page.goto(youth.get_absolute_url())
    screenshot("case-manage-tools")

    page.get_by_label("將其他案件合併至本案").fill(f"{traps.title} #{traps.pk}")
    page.get_by_role("button", name="合併…").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("確定將")
    expect(page.locator(".manage-change").first).to_contain_text("捕獸銹宣導")
    screenshot("case-manage-merge-summary")

    page.get_by_role("button", name="合併", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("已將「山區捕獸鋏")
    facts = page.locator(".facts")
    expect(facts).to_contain_text("山區捕獸鋏及山豬吊宣導及清除交流")  # merged from
    expect(facts).to_contain_text("捕獸銹宣導")  # its alias came along
    screenshot("case-manage-merged-target")

    page.get_by_role("link", name=f"取消合併「{traps.title}」…").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("確定取消")
    screenshot("case-manage-unmerge-summary")
    page.get_by_role("button", name="取消合併").click()

    expect(page.get_by_role("status")).to_contain_text("已取消合併")
    expect(page.get_by_role("heading", level=1)).to_contain_text(traps.title)
    expect(page.locator("h1 .badge")).to_contain_text("列管中")
    screenshot("case-manage-unmerged-source")
    page.goto(youth.get_absolute_url())
    expect(page.locator(".facts")).not_to_contain_text("捕獸銹宣導")


def test_secretary_moves_a_decision_to_a_new_case(page, live_registry, screenshot, sign_in):
    youth = live_registry.youth
    sign_in("secretary")
    page.goto(youth.get_absolute_url())
    page.get_by_role("link", name="將此決議移至其他案件或新案件…").click()
    page.get_by_label("新案件的案名").fill("青年創業基地互訪")
    screenshot("case-manage-split-form")
    page.get_by_role("button", name="移至新案件…").click()
    screenshot("case-manage-split-summary")
    page.get_by_role("button", name="移出決議").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("青年創業基地互訪")
    expect(page.locator(".timeline")).to_contain_text("青創交流合作：持續列管。")
    screenshot("case-manage-split-new-case")
