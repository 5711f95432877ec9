"""The review queue (待確認連結) shows the likeness the draft showed, says why the case
was suggested (which title or alias, which words), and makes neither answer the default."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from livinglab.tracking.import_forms import _percent
from livinglab.tracking.models import CaseLink
from livinglab.tracking.services import identity
from livinglab.tracking.services.importing import import_minutes
from tests.tracking.documents import document, item, meeting


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


FIRST = meeting("2024-03-01", [item(["智慧停車導引系統建置案"], "tracked")])
SECOND = meeting("2024-04-01", [item(["智慧停車收費系統"], "tracked")])


def _review_page(client, world) -> str:
    client.force_login(world.secretary)
    return client.get(reverse("tracking:review"), HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_the_queue_shows_the_likeness_the_draft_showed(client, world, reader):
    upload = reader.add(b"x", document(FIRST, SECOND))
    import_minutes(world.secretary, world.body, [upload], confirm=True)
    link = CaseLink.objects.review_queue().get()

    expected = round(identity.similarity("智慧停車收費系統", "智慧停車導引系統建置案") * 100)
    assert round(link.suggested_score * 100) == expected
    assert _percent({"review": True, "suggested_score": link.suggested_score}) == expected
    html = _review_page(client, world)
    assert f"{expected}% alike" in html
    assert "The name is like the case's title “智慧停車導引系統建置案”." in html
    assert "<mark>智慧停車</mark>" in html and "<mark>系統</mark>" in html


def test_an_alias_that_matched_is_named(client, world, reader):
    first = meeting(
        "2024-03-01",
        [item(["雙北青創交流合作"], "tracked"), item(["北北基桃青年創業基地"], "tracked")],
    )
    import_minutes(world.secretary, world.body, [reader.add(b"a", document(first))], confirm=True)
    case = CaseLink.objects.get(name="雙北青創交流合作").case
    case.aliases.create(name="青年創業交流合作", kind="variant")
    later = meeting("2024-05-01", [item(["青年創業交流計畫"], "tracked")])
    import_minutes(world.secretary, world.body, [reader.add(b"b", document(later))], confirm=True)
    link = CaseLink.objects.review_queue().get(name="青年創業交流計畫")
    assert link.suggested_name == "青年創業交流合作"

    html = _review_page(client, world)
    assert "The name is like “青年創業交流合作”, another name of the case." in html


def test_a_link_recorded_without_the_score_is_scored_again(client, world, reader):
    upload = reader.add(b"x", document(FIRST, SECOND))
    import_minutes(world.secretary, world.body, [upload], confirm=True)
    CaseLink.objects.update(suggested_score=None, suggested_name="")

    expected = round(identity.similarity("智慧停車收費系統", "智慧停車導引系統建置案") * 100)
    assert f"{expected}% alike" in _review_page(client, world)


def test_neither_answer_is_the_prominent_default(client, world, reader):
    upload = reader.add(b"x", document(FIRST, SECOND))
    import_minutes(world.secretary, world.body, [upload], confirm=True)

    html = _review_page(client, world)
    buttons = re.findall(r'<button type="submit" name="answer" value="(\w+)"([^>]*)>', html)
    answers = dict(buttons)
    assert 'class="button-secondary"' in answers["accept"]
    assert 'class="button-secondary"' in answers["reject"]
    assert [value for value, _ in buttons][:2] == ["reject", "accept"]


def test_explain_names_the_shared_words_and_the_reordering():
    likeness = identity.explain("青創合作交流", "青創交流合作")
    assert likeness.reordered and set(likeness.shared) >= {"青創", "合作", "交流"}
    assert identity.explain("雙北青創交流合作", "青創交流合作").region_dropped


def test_the_explanation_reads_in_chinese(client, world, reader):
    upload = reader.add(b"x", document(FIRST, SECOND))
    import_minutes(world.secretary, world.body, [upload], confirm=True)
    client.force_login(world.secretary)
    html = client.get(reverse("tracking:review"), HTTP_ACCEPT_LANGUAGE="zh-hant").content.decode()
    assert "名稱與該案標題「智慧停車導引系統建置案」相似。" in html
    assert "相同的字詞：" in html and "建議理由" in html
