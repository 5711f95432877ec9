"""Arbitrary text never crashes the reader; spans stay inside the text and cover
the item's text; the output always validates against the contract's schema."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from livinglab.minutes.reader import parse_text

from .builders import sample_text

SCHEMA = Draft202012Validator(
    json.loads((Path(__file__).parent / "contract.schema.json").read_text())
)
# Fragments of minutes that the generator recombines, so that structure is exercised.
FRAGMENTS = [
    "會議紀錄\n",
    "時間：113年5月1日下午2時\n",
    "地點：臺北市政府會議室\n",
    "主席：王局長\n",
    "紀錄：林小明\n",
    "壹、",
    "貳、會議結論：\n",
    "一、",
    "（一）",
    "(二) ",
    "1、",
    "2. ",
    "(1)",
    "- ",
    "● ",
    "決議：",
    "主席裁示：",
    "「測試案」：",
    "本案解除列管。",
    "繼續列管",
    "合併為",
    "更名為「新名稱」",
    "請交通局於7月10日前辦理",
    "4市",
    "本局",
    "新北市經發局",
    "年底",
    "2個月內",
    "第4季",
    "<p>",
    "</p>",
    "**",
    "\t",
    "\n",
    "\n\n",
    "：",
    "、",
    "等 3 案",
    "（原雙北合作案）",
    "散會",
]
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=60).map(
    "".join
)


def _check(text: str) -> None:
    document = parse_text(text, "<generated>")
    SCHEMA.validate({"documents": [document.to_dict()]})
    for meeting in document.meetings:
        assert 0 <= meeting.span[0] <= meeting.span[1] <= len(text)
        for item in meeting.items:
            start, end = item.span
            assert meeting.span[0] <= start <= end <= meeting.span[1]
            _assert_covers(text[start:end], item.text)


def _assert_covers(source: str, text: str) -> None:
    """Every non-space character of the item's text appears, in order, in its span."""
    position = 0
    for char in text:
        if char.isspace():
            continue
        position = source.find(char, position)
        assert position >= 0, (char, source, text)
        position += 1


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_recombined_minutes_never_crash_and_keep_spans(text):
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode_never_crashes(text):
    _check(text)


def test_sample_records_validate_and_keep_spans():
    for name in ["council.txt", "debris.txt", "two_records.txt", "working_group.txt"]:
        _check(sample_text(name))


def test_a_label_over_an_empty_point_gives_no_empty_item():
    _check("一、會議紀錄\n貳、會議結論：\n一、會議紀錄\n貳、會議結論：\n")
