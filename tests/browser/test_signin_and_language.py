"""A secretary signs in, switches the language and sees the pages change."""

from playwright.sync_api import expect

from tests.conftest import PASSWORD


def test_sign_in_switch_language_and_sign_out(page, world, screenshot):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "zh-Hant-TW"
    assert page.get_by_role("heading", level=1).inner_text() == "城市實驗室"
    screenshot("home-zh")

    page.get_by_role("link", name="登入").click()
    page.get_by_label("使用者名稱").fill("secretary")
    page.get_by_label("密碼").fill("wrong password")
    page.get_by_role("button", name="登入").click()
    assert "帳號或密碼不正確" in page.get_by_role("alert").inner_text()
    screenshot("signin-error-zh")

    page.get_by_label("密碼").fill(PASSWORD)
    page.get_by_role("button", name="登入").click()
    page.wait_for_url("**/")
    assert page.get_by_role("button", name="登出").is_visible()

    page.get_by_label("語言").select_option("en")
    page.get_by_role("button", name="切換").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert (
        page.get_by_role("heading", level=1).inner_text() == "What waits for you"
    )  # a signed-in person lands on their work
    assert page.get_by_role("link", name="API tokens").is_visible()
    screenshot("home-en-signed-in")

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Sign in").is_visible()


def test_organisation_search_updates_as_you_type(page, world, screenshot):
    page.goto("/organisations/")
    page.get_by_label("以名稱或別名搜尋").fill("經發局")
    rows = page.locator("#org-rows tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("新北市政府經濟發展局")
    assert "q=" in page.url  # the search is kept in the address, so it can be shared
    screenshot("organisations-search")
