"""A proposal's history names the reviews' steps in words, in Chinese and in English
(never the stored codes such as review_assigned), for the secretariat who reads them."""

import pytest

from livinglab.reviews import services
from livinglab.reviews.models import Event

from .conftest import assigned, submitted

CODES = [kind.value for kind in Event]


@pytest.fixture
def reviewed(reviews):
    """Every step: assigned, no conflict, submitted; a conflict declared and moved on."""
    submitted(reviews, reviews.first, [4, 4, 3, 3])
    a = assigned(reviews, reviews.third, declared=False)
    services.declare(reviews.third, a, conflict=True, reason="同事")
    services.move(reviews.world.secretary, a, reviews.second)
    return reviews


def _history(client, reviews, language):
    client.force_login(reviews.world.secretary)
    page = client.get(reviews.proposal.get_absolute_url(), headers={"accept-language": language})
    assert page.status_code == 200
    html = page.content.decode()
    return html[html.index('<ol class="history">') :]


def test_in_chinese(client, reviewed):
    html = _history(client, reviewed, "zh-hant")
    for words in ["已指派審查委員", "審查委員聲明無利益衝突", "審查委員聲明有利益衝突"]:
        assert words in html
    assert "審查改由其他委員進行" in html and "審查意見已送出" in html
    assert not any(code in html for code in CODES)


def test_in_english(client, reviewed):
    html = _history(client, reviewed, "en")
    for words in [
        "reviewer assigned",
        "reviewer declared no conflict of interest",
        "reviewer declared a conflict of interest",
        "review moved to another reviewer",
        "review submitted",
    ]:
        assert words in html
    assert not any(code in html for code in CODES)
