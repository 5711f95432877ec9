"""The secretariat previews and books an allocation of compute credits, imports a
provider's usage statement, and the team reads its own statement."""

from playwright.sync_api import expect

from tests.credits.conftest import make_application, make_programme, make_team


def test_secretariat_allocates_credits_and_books_usage_team_reads_its_statement(
    page, world, screenshot, sign_in, sign_out, tmp_path
):
    programme = make_programme(world)
    make_application(world, programme, world.company, requested=30_000, score="0.8")
    make_application(
        world, programme, make_team("乙醫聯網"), requested=50_000, score="0.9", domain="health"
    )

    sign_in("secretary")
    page.goto(f"/credits/{programme.pk}/allocate/")
    expect(page.locator("#plan")).to_contain_text("每隊上限40000點")
    screenshot("credits-allocation-preview")
    page.get_by_role("button", name="依此核配入帳").click()
    expect(page.locator("#figure-granted")).to_have_text("70,000")

    usage = tmp_path / "usage.csv"
    usage.write_text("line_id,team,gpu_class,gpu_hours,used_on\nn-1,晨光感測,H100,120,2026-03-02\n")
    page.get_by_role("link", name="匯入用量對帳單").click()
    page.get_by_label("用量對帳單（.csv 或 .json）").set_input_files(str(usage))
    page.get_by_role("button", name="檢查對帳單").click()
    expect(page.locator("#lines")).to_contain_text("1,200")
    page.get_by_role("button", name="將這些明細入帳").click()
    expect(page.locator("#figure-consumed")).to_have_text("1,200")
    page.wait_for_load_state("networkidle")  # the burn chart is drawn on request
    screenshot("credits-programme-dashboard")
    sign_out()

    sign_in("proposer")
    page.goto(f"/credits/{programme.pk}/")
    expect(page.get_by_text("乙醫聯網")).to_have_count(0)
    page.get_by_role("link", name="晨光感測股份有限公司的點數明細").click()
    expect(page.locator("#balance")).to_have_text("28,800")
    screenshot("credits-team-statement")
