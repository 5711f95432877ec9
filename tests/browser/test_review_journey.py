"""Two reviewers score a proposal far apart, a third declares a conflict and can no longer
open it; the secretariat sees the ranked list with the disagreement flag and accepts."""

from playwright.sync_api import expect

from livinglab.proposals.models import Proposal
from livinglab.reviews import services
from tests.reviews.conftest import reviews  # noqa: F401  the fixture


def _review(page, r, values, gate_answer, comment):
    page.get_by_label("我與本提案無利益衝突").check()
    page.get_by_role("button", name="送出聲明").click()
    expect(page.get_by_text("謝謝，您現在可以審查本提案。")).to_be_visible()
    for gate in r.gates:
        page.locator(f"input[name=gate_{gate.pk}][value={gate_answer}]").check()
        page.locator(f"textarea[name=gate_reason_{gate.pk}]").fill("依提案內容判斷")
    for factor, value in zip(r.factors, values, strict=True):
        page.locator(f"input[name=score_{factor.pk}]").fill(str(value))
        page.locator(f"textarea[name=comment_{factor.pk}]").fill(comment)


def test_two_score_one_conflicted_secretariat_accepts(
    page,
    reviews,  # noqa: F811  the fixture imported above
    screenshot,
    sign_in,
    sign_out,
):
    r = reviews
    for person in (r.first, r.second, r.third):
        services.assign(r.world.secretary, r.proposal, person)

    sign_in("reviewer")
    page.goto("/reviews/")
    expect(page.get_by_role("heading", name="待審查")).to_be_visible()
    screenshot("reviews-queue-reviewer")
    page.get_by_role("link", name=r.proposal.title).click()
    screenshot("reviews-declare")
    _review(page, r, [5, 5, 5, 4], "yes", "感測方案成熟，可直接擴充到全市路口。")
    first_score = page.locator(f"input[name=score_{r.factors[0].pk}]")
    first_score.fill("7")  # the browser holds back a score above the scale (the server too)
    assert first_score.evaluate("input => input.validity.rangeOverflow")
    first_score.fill("5")
    page.get_by_role("button", name="送出審查").click()
    expect(page.get_by_text("您的審查已送出。")).to_be_visible()
    sign_out()

    sign_in("reviewer2")
    page.goto("/reviews/")
    page.get_by_role("link", name=r.proposal.title).click()
    _review(page, r, [2, 1, 2, 1], "yes", "號誌調控已有既有系統，商業模式不明。")
    page.get_by_role("button", name="送出審查").click()
    expect(page.get_by_text("您的審查已送出。")).to_be_visible()
    expect(page.get_by_role("heading", name="其他委員")).to_be_visible()
    expect(page.get_by_text("感測方案成熟").first).to_be_visible()  # the other review, now
    screenshot("reviews-submitted-with-others")
    sign_out()

    sign_in("reviewer3")
    page.goto("/reviews/")
    page.get_by_role("link", name=r.proposal.title).click()
    url = page.url
    page.get_by_label("我有利益衝突，需迴避").check()
    page.get_by_label("利益衝突的情形").fill("本人擔任提案公司的技術顧問。")
    page.get_by_role("button", name="送出聲明").click()
    expect(page.get_by_text("已記錄您的利益迴避聲明")).to_be_visible()
    expect(page.get_by_role("link", name=r.proposal.title)).to_have_count(0)
    response = page.goto(url)
    assert response.status == 404
    assert page.goto(r.proposal.get_absolute_url()).status == 404
    screenshot("reviews-conflicted-404")
    page.goto("/reviews/")
    sign_out()

    sign_in("secretary")
    page.goto("/reviews/")
    page.get_by_role("link", name=r.call.title).click()
    row = page.locator("tr", has_text=r.proposal.title)
    expect(row).to_contain_text("委員意見分歧")
    expect(page.get_by_text("本人擔任提案公司的技術顧問。")).to_be_visible()
    screenshot("reviews-ranked-list")
    page.get_by_role("link", name=r.proposal.title).click()
    expect(page.get_by_text("委員意見分歧").first).to_be_visible()
    screenshot("reviews-proposal-board")
    page.locator("input[name=outcome][value=accept]").check()
    page.get_by_label("給提案者的理由").fill("兩位委員意見分歧，經幕僚討論後同意先行試辦三個月。")
    page.get_by_role("button", name="記錄決定").click()
    expect(page.get_by_text("決定已記錄，並已通知提案者。")).to_be_visible()
    screenshot("reviews-decided")
    r.proposal.refresh_from_db()
    assert r.proposal.status == Proposal.Status.ACCEPTED
