"""In zh-Hant the case page puts full-width punctuation after Chinese text: 期限：, 狀態：,
林書記，2026-… — never a half-width colon or comma after a Chinese label (issue 12)."""

import datetime as dt
import re

from django.utils.html import strip_tags

from livinglab.tracking.services import editing
from livinglab.tracking.services.correcting import Responsible
from livinglab.work import services
from livinglab.work.models import Assignment
from tests.work.conftest import make_case

HALF_WIDTH_AFTER_CHINESE = re.compile(r"[\u3400-\u9fff\uff09\u300d][ \t]*[:,(]")


def _text(html: str) -> str:
    main = html[html.index("<main") :] if "<main" in html else html
    return re.sub(r"\s+", " ", strip_tags(main))


def _case_with_a_full_history(world):
    case = make_case(world, "青創交流合作", lead=world.industry, deadline=dt.date(2030, 6, 30))
    editing.set_deadline(world.secretary, case, dt.date(2030, 12, 31))
    editing.set_agencies(
        world.secretary,
        case,
        [Responsible(world.industry), Responsible(world.transport, role="supporting")],
    )
    editing.set_state(world.secretary, case, "delisted", reason="已完成交流活動")
    editing.set_state(world.secretary, case, "tracked", reason="副市長裁示續行列管")
    assignment = Assignment.objects.get(case=case, organisation=world.industry)
    report = services.file_report(
        world.officer, assignment, services.NewReport(text="已召開協調會。", percent_complete=40)
    )
    services.edit_report(
        world.officer, report, services.NewReport(text="已召開兩次協調會。", percent_complete=50)
    )
    services.review_report(world.secretary, report, accept=True, comment="請續辦")
    world.secretary.first_name = "林書記"
    world.secretary.save()
    return case


def test_the_case_page_has_no_half_width_colon_after_chinese(client, world):
    case = _case_with_a_full_history(world)
    client.force_login(world.secretary)
    html = client.get(case.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="zh-hant").content.decode()
    text = _text(html)
    assert "期限：" in text and "結案：" in text  # the labels are there, full-width
    assert "已完成交流活動" in text and "請續辦" in text
    assert "期限：119年6月30日 → 119年12月31日" in text  # a change of date in ROC dates too
    assert "臺北市政府交通局（協辦機關）" in text
    # Who changed the case and when, in ROC dates to the minute, not ISO.
    assert re.search(r"林書記，1\d\d年\d{1,2}月\d{1,2}日 \d\d:\d\d", text)
    assert not re.search(r"20\d\d-\d\d-\d\d", text)
    found = [
        text[max(0, m.start() - 15) : m.end() + 10] for m in HALF_WIDTH_AFTER_CHINESE.finditer(text)
    ]
    assert found == []


def test_english_keeps_its_own_punctuation(client, world):
    case = _case_with_a_full_history(world)
    client.force_login(world.secretary)
    html = client.get(case.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Deadline: " in html and "State: <del>" in html
