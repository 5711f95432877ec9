"""LinePattern finds what the same pattern anchored with ^ finds, led or not."""

import re

from hypothesis import given
from hypothesis import strategies as st

from livinglab.minutes.header import FIELD_LINES
from livinglab.minutes.lines import LinePattern
from livinglab.minutes.numbering import NUMBER_LINES, NUMBER_RE

BODY = r"[ \t]*(?:甲|乙[ \t]*丙)[、：](?P<rest>[^\n]*)"
PIECES = ["甲、", "乙 丙：", "丙、", "\n", " ", "\t", "一、", "時間：", "主 席：", "（二）", "文字"]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def _found(pattern: LinePattern, text: str, start: int = 0) -> list[tuple[int, int]]:
    return [(line, match.end()) for line, match in pattern.finditer(text, start, len(text))]


def _anchored(regex: re.Pattern[str], text: str, start: int = 0) -> list[tuple[int, int]]:
    return [(match.start(), match.end()) for match in regex.finditer(text, start)]


@given(texts, st.integers(min_value=0, max_value=40))
def test_led_and_unled_patterns_find_the_anchored_matches(text: str, start: int) -> None:
    start = min(start, len(text))
    anchored = re.compile("^" + BODY, re.M)
    expected = _anchored(anchored, text, start)
    assert _found(LinePattern(BODY), text, start) == expected
    assert _found(LinePattern(BODY, leads="甲乙"), text, start) == expected


@given(texts)
def test_numbered_lines_as_anchored(text: str) -> None:
    expected = [(m.start(), m.end()) for m in NUMBER_RE.finditer(text)]
    assert _found(NUMBER_LINES, text) == expected


def test_a_lead_after_blanks_is_still_found() -> None:
    text = "說明\n\u3000 一、時間：113年5月6日\n地點：本府\n說明：無\n"
    assert [match.group("value") for _, match in FIELD_LINES.finditer(text, 0, len(text))] == [
        "113年5月6日",
        "本府",
    ]
