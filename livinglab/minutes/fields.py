"""Header fields in any layout: a label and its value on one line (時間：…), the value
on the next line(s) (開會日期 / a blank line / 2024-03-05), several fields on one line
(主席：… 紀錄：…), labels spaced out (主 席, 記 錄) or without a colon (主席 王大明),
and a header written as a sentence (本會第N次會議於…在第一會議室舉行，由主任委員主持).

``scan_fields`` reads lines; ``sentence_fields`` reads prose. Both give (kind, value,
offset) triples in document order, and a cue for each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_S = r"[ \t\u3000]*"


def _spaced(word: str) -> str:
    return _S.join(word)


_KINDS = {
    "date": [
        "開會時間",
        "開會日期",
        "會議時間",
        "會議日期",
        "召開時間",
        "時間",
        "日期",
        "質詢日期",
    ],
    "location": ["開會地點", "會議地點", "地點"],
    "chair": ["會議主席", "主持人", "主席", "召集人"],
    "recorder": ["紀錄人員", "記錄人員", "紀錄人", "記錄人", "紀錄", "記錄"],
}
_LABEL = "|".join(
    f"(?P<{kind}{i}>{_spaced(word)})"
    for kind, words in _KINDS.items()
    for i, word in enumerate(words)
)
_PREFIX = (
    rf"(?:(?:[壹貳參叁肆伍陸柒捌玖拾]{{1,3}}|[一二三四五六七八九十]{{1,3}}|\d{{1,2}})?{_S}[、.．]{_S}"
    rf"|[-•●○◆▪·]{_S})?"
)
# A label at a line start (after a list number); then a colon, a cell end, a tab,
# blanks before a value, or the line's end (the value on the next line).
_FIELD_BODY = (
    rf"{_S}{_PREFIX}(?:{_LABEL})"
    rf"(?P<sep>{_S}[：:]|{_S}\||[ \u3000]*\t|[ \t\u3000]+(?=\S)|{_S}$)"
)
_FIELD = re.compile("^" + _FIELD_BODY, re.M)
_FIELD_AT = re.compile(_FIELD_BODY, re.M)
_PLAIN_LABEL = "|".join(_spaced(word) for words in _KINDS.values() for word in words)
# Another label later on the same line: 主席：黃主任委員 紀錄：吳佩蓉.
_NEXT_LABEL = re.compile(
    rf"(?:[ \t\u3000]+|(?<=[）)]))(?:{_PLAIN_LABEL}){_S}[：:]"
    rf"|[ \t\u3000]{{2,}}(?:{_PLAIN_LABEL}){_S}[：:]?"
    rf"|[ \t\u3000]+(?:{_spaced('紀錄')}|{_spaced('記錄')})[ \t\u3000]+(?=\S)"
)
_NUMBERED = re.compile(
    r"^[ \t\u3000]*(?:[壹貳參叁肆伍陸柒捌玖拾一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,2}[）)])"
)
# A heading alone on its line (出列席人員, 主席裁示事項：): no value of a label before it.
_LABEL_ONLY = re.compile(
    rf"^{_S}{_PREFIX}[^\s：:]{{0,6}}(?:人員|事項|報告|致詞|單位|討論|動議|結論|決議|裁示){_S}[：:]?{_S}$"
)
_NUMBER_INSIDE = re.compile(r"[一二三四五六七八九十壹貳參肆伍陸柒捌玖][、.．]")
_PHONE = re.compile(r"[ \t\u3000(（]*(?:0\d{1,3}[-－]?)?\d{3,4}[-－]\d{3,4}[）)]?$")
_TRAIL = "。；;，, \t\u3000"


@dataclass(slots=True)
class Field:
    kind: str
    value: str
    start: int  # where its label begins
    end: int  # where its value ends
    label: str


def _kind_of(match: re.Match[str]) -> tuple[str, str]:
    for name, value in match.groupdict().items():
        if value and name not in ("sep",) and name[-1].isdigit():
            return name.rstrip("0123456789"), re.sub(r"\s", "", value)
    return "date", ""


def scan_fields(shadow: str, start: int = 0, end: int | None = None) -> list[Field]:
    """Every header field in ``shadow[start:end]`` (see the module docstring)."""
    end = len(shadow) if end is None else end
    found: list[Field] = []
    for match in _FIELD.finditer(shadow, start, end):
        _read_field(shadow, match, end, found)
    found.sort(key=lambda f: f.start)
    return _unique_starts(found)


def _read_field(shadow: str, match: re.Match[str], end: int, found: list[Field]) -> None:
    kind, label = _kind_of(match)
    line_end = shadow.find("\n", match.end(), end)
    line_end = end if line_end < 0 else line_end
    rest_start = match.end()
    rest = shadow[rest_start:line_end]
    if not rest.strip():
        value, value_end = _next_line_value(shadow, line_end, end)
        if value is None:
            return
    else:
        value, value_end = rest, line_end
        more = _NEXT_LABEL.search(rest)
        if more:
            value = rest[: more.start()]
            value_end = rest_start + more.start()
            again = _FIELD_AT.match(shadow, value_end, line_end)
            if again:
                _read_field(shadow, again, end, found)
    value = _clean(value)
    if kind in ("chair", "recorder"):
        value = _PHONE.sub("", value).strip()
    if value and len(value) <= 80:
        found.append(Field(kind, value, match.start(), value_end, label))


def _unique_starts(fields: list[Field]) -> list[Field]:
    seen, kept = set(), []
    for field in fields:
        if field.start not in seen:
            seen.add(field.start)
            kept.append(field)
    return kept


def _next_line_value(shadow: str, after: int, end: int) -> tuple[str | None, int]:
    """The value of a label alone on its line: the next non-blank line (one blank
    line between them at most), unless it is a label or a numbered entry itself."""
    at, blanks = after, 0
    while at < end and blanks <= 3:
        line_end = shadow.find("\n", at + 1, end)
        line_end = end if line_end < 0 else line_end
        line = shadow[at:line_end].strip("\n")
        if line.strip():
            if (
                _FIELD.match(line)
                or _NUMBERED.match(line)
                or _LABEL_ONLY.match(line)
                or _NUMBER_INSIDE.search(line[:16])
            ):
                return None, 0
            return line, line_end
        blanks += 1
        at = line_end
    return None, 0


# 「組員吳育美七、司儀：…」: the next numbered part of a header run together.
_NEXT_PART = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}|[壹貳參肆伍陸柒捌玖拾]{1,3})、[^\s：:，。]{1,8}[：:]"
)


def _clean(value: str) -> str:
    value = re.sub(r"[ \t\u3000]+", " ", value).strip()
    part = _NEXT_PART.search(value, 1)
    if part:
        value = value[: part.start()]
    return value.strip(_TRAIL).strip()


_SENTENCE_DATE = r"(?:(?:中華)?民國)?[\d〇零○一二三四五六七八九十百]{2,5}\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日"
_SENTENCE = re.compile(
    rf"(?P<date>{_SENTENCE_DATE}|[\d一二三四五六七八九十]{{1,3}}\s*月\s*[\d一二三四五六七八九十]{{1,3}}\s*日)"
    r"(?:[（(][^）)\n]{1,5}[）)])?"
    r"(?P<time>(?:上午|下午|中午|晚上|早上)?(?:[\d一二三四五六七八九十]{1,3}\s*(?:時|點|:|：)(?:[\d一二三四五六七八九十]{1,3}\s*分?|半)?)?)"
    r"\s*(?:假|在|於)?\s*(?P<location>[^，,。；;\n]{0,30}?)\s*(?:舉行|召開|開會)"
)
_CHAIRED = re.compile(r"由\s*(?P<chair>[^，,。；;\n]{2,24}?)\s*(?:代理)?(?:主持|擔任主席)")


def sentence_fields(shadow: str, start: int = 0, end: int | None = None) -> list[Field]:
    """A header written as a sentence, in the first paragraphs of a record."""
    end = min(len(shadow) if end is None else end, start + 3000)
    found: list[Field] = []
    match = _SENTENCE.search(shadow, start, end)
    if match:
        found.append(
            Field(
                "date",
                match.group("date") + match.group("time"),
                match.start(),
                match.end(),
                "sentence",
            )
        )
        place = match.group("location").strip()
        if place and not re.search(r"會議$|次|時", place):
            found.append(
                Field("location", place, match.start("location"), match.end("location"), "sentence")
            )
        elif place:
            where = re.search(r"(?:在|假)\s*([^，,。；;\n]{2,30}?)$", place)
            if where:
                found.append(
                    Field(
                        "location",
                        where.group(1),
                        match.start("location"),
                        match.end("location"),
                        "sentence",
                    )
                )
    chaired = _CHAIRED.search(shadow, start, end)
    if chaired:
        found.append(
            Field("chair", chaired.group("chair"), chaired.start(), chaired.end(), "sentence")
        )
    return found
