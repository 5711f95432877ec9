"""Header fields of a record (時間, 地點, 主席, 紀錄) and where each record begins.

A file may hold several records; each begins with its title lines followed by a
cluster of header fields. A cluster with a date, or with two of date, place and
chair, opens a new record.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .dates import make_date, parse_date, parse_time, parse_title_date, year_of
from .fields import scan_fields, sentence_fields
from .lines import LinePattern
from .numbering import NUMBER_RE

_S = r"[ \t\u3000]*"
_LABELS = (
    rf"(?P<date>(?:會議|開會|召開)?(?:時{_S}間|日{_S}期))"
    rf"|(?P<location>(?:會議|開會)?地{_S}點)"
    rf"|(?P<chair>會議主席|主{_S}席|主{_S}持{_S}人|召{_S}集{_S}人)"
    rf"|(?P<recorder>[紀記]{_S}錄(?:人員|人)?)"
)
_PREFIX = (
    rf"{_S}(?:(?:[壹貳參叁肆伍陸柒捌玖拾]{{1,3}}|[一二三四五六七八九十]{{1,3}}){_S}[、.．]{_S})?"
)
_FIELD = rf"{_PREFIX}(?:{_LABELS}){_S}(?:[：:]|\t)[ \t\u3000]*(?P<value>[^\n]*)"
# A field line begins with a numeral of its prefix or the first word of a label.
FIELD_LINES = LinePattern(
    _FIELD, leads="壹貳參叁肆伍陸柒捌玖拾一二三四五六七八九十會開召時日地主紀記"
)
_CELL_RE = re.compile(rf"{_S}(?:{_LABELS}){_S}[：:]?{_S}(?P<value>.*)", re.S)
_ADJOURN = re.compile(r"散\s*會|^\s*[-—]{3,}")
_TITLE_NOISE = re.compile(r"^(?:會議|會談|座談會?)?(?:紀錄|記錄|議程|紀要)$")
_TITLE_SUFFIX = re.compile(
    r"(?:[ \t\u3000]+(?:會議|會談)?(?:紀錄|記錄|議程|紀要)|(?:紀錄|記錄|議程|紀要))$"
)
_MEETING_WORD = re.compile(
    r"會議|座談|高峰會|論壇|研討會|會談|工作坊|說明會|審查會|協調會|小組|委員會"
)
_LINE = re.compile(r"[^\n]*\S[^\n]*")
# A body's own name: before these, 會議 is the trailing 會議紀錄 word, not the name.
_BODY_END = re.compile(r"(?:小組|委員會|會報|平臺|平台|工作組|分組)\s*$")
_SPACES = re.compile(r"\s+")
_BLANKS = re.compile(r"[ \t\u3000]+")


class ParsedDates(dict[str, tuple[dt.date | None, int]]):
    """parse_date of each header value, once per read: a record's date is asked for
    to cluster its fields, to tell whether it opens a record, and for its day and time
    (the dates of an archive are too many for parse_date's own small cache)."""

    def __missing__(self, value: str) -> tuple[dt.date | None, int]:
        found = self[value] = parse_date(value)
        return found


@dataclass
class Header:
    start: int  # where the record begins (its title)
    fields_start: int
    fields_end: int
    values: dict[str, list[str]] = field(default_factory=dict)
    title: str | None = None
    dates: ParsedDates = field(default_factory=ParsedDates, repr=False)
    cues: list[str] = field(default_factory=list)
    confidence: float = 0.9
    generic: bool = False  # found by generic_header: a record only if it decides

    def first(self, kind: str) -> str | None:
        values = [v for v in self.values.get(kind, []) if v]
        return values[0] if values else None

    @property
    def date(self) -> dt.date | None:
        for value in self.values.get("date", []):
            date, _ = self.dates[value]
            if date:
                return date
        for value in self.values.get("date", []):
            date = _digit_run_date(value)
            if date:
                return date
        return parse_title_date(self.title) if self.title else None

    @property
    def time(self) -> str | None:
        for value in self.values.get("date", []):
            _, end = self.dates[value]
            time = parse_time(value[end:])
            if time:
                return time
        return None


def find_headers(shadow: str) -> list[Header]:
    headers: list[Header] = []
    previous_end = 0
    dates = ParsedDates()
    for cluster in _clusters(shadow, dates):
        values: dict[str, list[str]] = {}
        for _, _, pairs in cluster:
            for kind, value in pairs:
                values.setdefault(kind, []).append(value)
        start, end = cluster[0][0], cluster[-1][1]
        if _opens_record(values, dates) or not headers:
            title_start, title = _title(shadow, start, previous_end)
            headers.append(Header(title_start, start, end, values, title, dates))
        else:
            for kind, found in values.items():
                headers[-1].values.setdefault(kind, []).extend(found)
        previous_end = end
    if headers and not _opens_record(headers[0].values, dates) and len(headers[0].values) < 2:
        return []
    return headers


def fallback_header(shadow: str) -> Header | None:
    """A record without header fields: a title that names a meeting and a date."""
    lines = [m for m in _LINE.finditer(shadow[:2000])][:3]
    for line in lines:
        title = line.group().strip()
        if _MEETING_WORD.search(title) and parse_title_date(title) and len(title) < 120:
            return Header(line.start(), line.end(), line.end(), {}, title)
    return None


def _opens_record(values: dict[str, list[str]], dates: ParsedDates) -> bool:
    has_date = any(dates[v][0] for v in values.get("date", []))
    return has_date or len({"date", "location", "chair"} & set(values)) >= 2


def _clusters(
    shadow: str, dates: ParsedDates
) -> list[list[tuple[int, int, list[tuple[str, str]]]]]:
    clusters: list[list[tuple[int, int, list[tuple[str, str]]]]] = []
    last_end, last_dated = -1, False  # whether the last cluster has a dated field
    for start, match in FIELD_LINES.finditer(shadow, 0, len(shadow)):
        pairs = _pairs(match, shadow[start : match.end()])
        if not pairs:
            continue
        hit = (start, match.end(), pairs)
        dated = _dated(pairs, dates)
        if clusters and not (dated and last_dated) and _near(shadow, last_end, start):
            clusters[-1].append(hit)
            last_dated = last_dated or dated
        else:
            clusters.append([hit])
            last_dated = dated
        last_end = match.end()
    return clusters


def _dated(pairs: list[tuple[str, str]], dates: ParsedDates) -> bool:
    """A second dated field opens the next record even when close to the last."""
    return any(kind == "date" and dates[value][0] for kind, value in pairs)


def _pairs(match: re.Match[str], line: str) -> list[tuple[str, str]]:
    """(kind, value) pairs of a field line (``line``, the text of ``match`` from the
    start of its line); a table row may hold several."""
    if "\t" not in line:
        return [
            (
                str(match.lastgroup if match.lastgroup != "value" else _kind(match)),
                _clean(match.group("value")),
            )
        ]
    pairs, cells = [], [c for c in line.split("\t")]
    index = 0
    while index < len(cells):
        found = _CELL_RE.fullmatch(NUMBER_RE.sub("", cells[index], count=1))
        if found:
            value = _clean(found.group("value"))
            if not value and index + 1 < len(cells):
                index += 1
                value = _clean(cells[index])
            pairs.append((_kind(found), value))
        index += 1
    return pairs


def _kind(match: re.Match[str]) -> str:
    for kind in ("date", "location", "chair", "recorder"):
        if match.group(kind):
            return kind
    return "date"


def _clean(value: str) -> str:
    return _SPACES.sub(" ", value).strip().rstrip("。；;，,").strip()


def _near(shadow: str, start: int, end: int) -> bool:
    """At most three lines of text between two fields (blank lines not counted)."""
    if start < 0:
        return False
    if shadow.count("\n", start, end) <= 3:  # too few line breaks for five lines
        return True
    return sum(1 for _ in _LINE.finditer(shadow, start, end)) - 1 <= 3


def _title(shadow: str, fields_start: int, floor: int) -> tuple[int, str | None]:
    """Walk back from the fields over the title lines (unnumbered, no full stop),
    blank lines skipped, at most four and within 600 characters."""
    low = max(floor, fields_start - 600)
    taken: list[tuple[int, str]] = []  # (start, line), nearest first
    end = fields_start
    while end > low and len(taken) < 4:
        start = max(shadow.rfind("\n", low, end) + 1, low)
        line = shadow[start:end]
        end = start - 1
        text = line.strip()
        if not text:
            continue
        if not _is_title_line(text):
            break
        taken.append((start, line))
    if not taken:
        return fields_start, None
    taken.reverse()
    first_start, first_line = taken[0]
    return first_start + _indent(first_line), _title_text(line.strip() for _, line in taken)


def _is_title_line(text: str) -> bool:
    if len(text) > 120 or "。" in text or _ADJOURN.search(text):
        return False
    number = NUMBER_RE.match(text)
    return not number or number.lastgroup == "bullet"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _title_text(lines: object) -> str | None:
    kept = [_BLANKS.sub(" ", t) for t in lines if not _TITLE_NOISE.match(t)]  # type: ignore[attr-defined]
    title = " ".join(kept).strip()
    title = _TITLE_SUFFIX.sub("", title).strip()
    if title.endswith("會議") and _BODY_END.search(title[:-2]):
        title = title[:-2]  # 工作小組會議紀錄 → 工作小組, as 工作小組 會議紀錄 (市政會議 stays)
    return title or None


_DIGIT_RUN = re.compile(r"^\s*(?:民國)?\s*(1[0-4]\d|[89]\d)(\d{2,4})(?!\d)")


def _digit_run_date(value: str) -> dt.date | None:
    """A ROC date whose separators were lost: 1141219, 106925, 10342."""
    match = _DIGIT_RUN.match(value)
    if not match:
        return None
    year, rest = year_of(match.group(1)), match.group(2)
    for cut in (2, 1) if len(rest) == 4 else (1, 2) if len(rest) == 3 else (1,):
        month, day = int(rest[:cut]), int(rest[cut:] or 0)
        date = make_date(year, month, day)
        if date and 1 <= month <= 12:
            return date
    return None


_ANY_DATE = r"(?P<date>(?:民國)?\s*\d{2,4}\s*[年/\-.]\s*\d{1,2}\s*[月/\-.]\s*\d{1,2}\s*日?)"
# A council's resolution dated: 決議日期：106-12-13, 議決會次：民國112年05月17日….
_RESOLUTION_DATE = re.compile(
    rf"(?:決議|議決)[^\n：:|]{{0,6}}[ \t]*[：:|]?[ \t|]*(?:\n[ \t\-•|]*)?{_ANY_DATE}"
)
# A date alone on a line near the top (an aggregator's page).
_DATE_LINE = re.compile(rf"^[ \t]*{_ANY_DATE}[ \t]*$", re.M)
_GENERIC_KINDS = ("date", "location", "chair", "recorder")
_NEEDS_SPLIT = re.compile(r"[ \t\u3000](?:紀\s*錄|記\s*錄|主\s*席|地\s*點|時\s*間)\s*[：:]")
_TITLE_WORD = re.compile(r"會議|紀錄|記錄|會報|議事錄|提案|會談|座談|大會")


def mend_fields(shadow: str, header: Header, end: int) -> None:
    """Fields the line patterns missed or ran together, read again in any layout
    (fields.py): a value on the next line, two fields on one line."""
    complete = all(header.values.get(kind) for kind in _GENERIC_KINDS)
    if complete and not any(_NEEDS_SPLIT.search(v) for vs in header.values.values() for v in vs):
        return  # the line patterns found every field, each on its own
    zone_end = min(end, max(header.fields_end, header.start) + 600)
    fields = scan_fields(shadow, header.start, zone_end)
    if not fields and not header.values:
        fields = sentence_fields(shadow, header.start, end)
    by_kind: dict[str, list[str]] = {}
    for found in fields:
        by_kind.setdefault(found.kind, []).append(found.value)
        cue = f"header:{found.label}"
        if cue not in header.cues:
            header.cues.append(cue)
    for kind in _GENERIC_KINDS:
        old = [v for v in header.values.get(kind, []) if v]
        new = by_kind.get(kind, [])
        if not new:
            continue
        if not old or any(_NEEDS_SPLIT.search(v) for v in old):
            header.values[kind] = new + [v for v in old if not _NEEDS_SPLIT.search(v)]
        elif kind == "date" and not header.date:
            header.values[kind] = old + new
    if not header.values.get("date"):
        dated = list(_RESOLUTION_DATE.finditer(shadow, header.start, end))  # the last: 二讀
        line = _DATE_LINE.search(shadow, header.start, min(end, header.start + 200))
        found = dated[-1] if dated else line
        if found:
            header.values["date"] = [found.group("date")]
            header.cues.append("date:resolution" if dated else "date:line")
    elif (
        by_kind.get("date")
        and len(by_kind) == 1
        and not any(header.values.get(k) for k in ("location", "chair"))
    ):
        # only a date field (a page's 日期：), and the record says when it met
        sentence = {f.kind: f.value for f in sentence_fields(shadow, header.start, end)}
        if sentence.get("date") and sentence.get("chair"):
            header.values["date"] = [sentence["date"]]
            header.values["chair"] = [sentence["chair"]]
    if fields and header.fields_end <= header.start:
        header.fields_end = max(f.end for f in fields if f.end <= zone_end)
        header.fields_start = min(f.start for f in fields)


def generic_header(shadow: str) -> Header | None:
    """A record with no header the line patterns know: the whole text, its fields
    found anywhere (or null), its title the first line if it names a meeting."""
    first = _LINE.search(shadow)
    if first is None:
        return None
    title = None
    for line in list(_LINE.finditer(shadow, 0, min(len(shadow), 600)))[:4]:
        text = line.group().strip()
        if len(text) < 120 and _TITLE_WORD.search(text) and not FIELD_LINES.at_start.match(text):
            title = (
                _title_text([text.split("：")[0].split(":")[0]])
                if len(text) > 60
                else _title_text([text])
            )
            break
    header = Header(first.start(), first.start(), first.start(), {}, title)
    header.generic = True
    header.confidence = 0.4
    return header
