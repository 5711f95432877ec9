"""Agencies, units and persons that no directory knows, named where work is given.

Any body's minutes assign work to its own units (稽查科, 各處室, 第三組, 公所, 市府) and
to persons by title (李副縣長, 黃主委俊傑). They are found where an assignment names
them: after a request (請, 由, 責成, 送請, 偕同 …), before 應/負責/主辦/協辦, or in
brackets at the end of an entry (（民政局）). The name runs from there to the last
character that ends a unit's or a title's name before the verb.
"""

from __future__ import annotations

import re

# What a unit's or an agency's name ends with, and a person's title.
_UNIT_END = (
    r"(?:委員會|管理局|公所|政府|中心|小組|單位|機關|局處|處室|科室|市府|縣府|鄉公所|區公所|中央|公司"
    r"|[局處署部院會府所室組科館隊股課廳司])"
)
_TITLE = (
    r"(?:副?(?:縣長|市長|局長|處長|院長|校長|主委|主任委員|主任|組長|科長|秘書長|議長|部長|署長|會長|主席)"
    r"|首長"
    r"|議員|委員|顧問|老師)"
    r"(?:(?![暫先儘盡速務確積加再多即均亦也都協共擔於就將會處局署部院府所室組科館隊股課廳司])"
    r"[\u4e00-\u9fff]){0,2}"
)
# Requests and assignments just before a name.
_CUE = re.compile(
    r"(?:請(?<![申邀聲]請)|函送|轉送|責成|責請|責由|交由|委由|委請|送請|函請|轉請|建請|推請|協請|惠請|"
    r"偕同|會同|協同|(?:提報|報送|陳報|函報)至|由(?<![經理自藉]由)(?![於衷])|交(?!通)(?=[^\s，。；、]{2,12}(?:研議|辦理|處理|研處))|送(?=交通))"
)
# Where a name stops: a verb, an adverb or a function word after it.
_STOP = re.compile(
    r"於|就|將|針對|對|依|在|把|以|並|及|與|和|暨|、|，|,|。|；|;|：|:|（|\(|\s|的|之|"
    r"意見|協助|辦理|研議|研究|研處|研辦|研商|研析|提供|製作|務必|儘速|盡速|確實|積極|加強|派員|會勘|說明|處理|參加|完成|"
    r"檢具|列入|負責|持續|繼續|擔任|評估|規劃|彙整|追蹤|回報|提出|提送|補充|修正|重視|優先|配合|"
    r"督導|主辦|協辦|增加|編列|速|迅速|先行|公告|近期|發送|研擬|審查|調派|備妥|注意|落實|"
    r"應|再|即|另|自行|共同|一併|派|多|同步|主動|擴大|邀請|召開|訂定|清查|盤點|追|報告|考量|"
    r"列席|整合|轉|函|賠償|調查|副知|同意|設置|推動|協調|檢討|改善|執行|訪|參與|善用|做好|前往|"
    r"至|從|向|為|跟|給|讓|使|要|能|可|須|需|宜(?!蘭)|予|暫|先|儘|盡|均|亦|也|都|支|出|作|迅|組成|成立|召集"
)
_NAME = re.compile(r"(?:(?!偕同|會同|協同)[^\s，,。；;：:、（()）「」『』及與和暨或〔〕])+")
_PERSON = re.compile(rf"{_TITLE}$")
_UNIT_END_RE = re.compile(rf"{_UNIT_END}$")
_UNIT_AT_END = re.compile(rf"(?:{_UNIT_END}|{_TITLE})$")
_LISTED = re.compile(r"[、及與和暨或]")
# (民政局) at the end of an entry: the unit in charge.
_NOTED = re.compile(rf"[（(]([^（）()\n]{{1,14}}{_UNIT_END})[）)][。.]?[ \t\u3000]*(?:\n|$)")
# A subject at a clause start that is charged: 各處室應…, 本府負責….
_SUBJECT = re.compile(
    rf"(?:^|(?<=[，,。；;\n：:]))[ \t\u3000]*(?:尤其|另外|另|而|並|且|至於|其中)?"
    rf"((?:(?![由請])[^\s，,。；;：:、]){{1,10}}?{_UNIT_END})"
    r"(?=(?:更|也|亦|均|都)?(?:應(?![用該有徵])|須|務必)|負責|主辦|協辦)"
)
# 各局處, 各處室, 各科技計畫辦理機關 at a clause start: the subject the item charges.
_COLLECTIVE = re.compile(
    r"(?:^|(?<=[，,。；;\n：:]))[ \t\u3000]*(各[^\s，,。；;：:、（()）]{0,8}?"
    r"(?:局處|處室|機關|單位|主管|學校|公所|科室))(?![長])"
)
_CHARGED = re.compile(r"應|須|務必|負責|主辦|協辦")
# Persons asked by name, their number and title after the list: 推請甲、乙、丙三議員.
_COUNTED = re.compile(
    r"(?:推請|公推|推派|指派|請|推|由)((?:[^\s，,。；;：:、（()）]{2,8}、)+[^\s，,。；;：:、（()）]{2,8}?)"
    r"[二三四五六七八九十兩2-9]\s*(?:位|名)?\s*(?:議員|委員|代表)"
)
# A unit whose opinion is asked first (會工學院意見後再議): consulted, so given work.
_CONSULTED = re.compile(
    r"(?:^|(?<=[，,。；;\n：:]))[ \t\u3000]*會(?:同)?"
    rf"((?:(?!會)[^\s，,。；;：:、（()）]){{1,12}}?{_UNIT_END})(?:之)?意見"
)
_NOT_UNITS = frozenset(
    (
        "本會議",
        "大會",
        "本次會議",
        "會議",
        "委員會議",
        "下次會議",
        "本案",
        "各位",
        "社會",
        "機會",
    )
)


def unit_mentions(text: str, persons: bool = True) -> list[tuple[int, int, str]]:
    """(start, end, mention) of the units (and persons, if asked) the text assigns
    work to."""
    found: list[tuple[int, int, str]] = []
    for cue in _CUE.finditer(text):
        at = cue.end()
        while True:
            name = _name_at(text, at)
            if name is None:
                break
            found.append((at, at + len(name), name))
            after = at + len(name)
            if after < len(text) and _LISTED.match(text, after):
                at = after + 1
                continue
            break
    if persons and ("議員" in text or "委員" in text or "代表" in text):  # 推請甲、乙二議員
        for match in _COUNTED.finditer(text):
            at = match.start(1)
            for name in match.group(1).split("、"):
                found.append((at, at + len(name), name))
                at += len(name) + 1
    if text.startswith("會") or "\n會" in text or "，會" in text:  # 會工學院意見後…
        for match in _CONSULTED.finditer(text):
            found.append((match.start(1), match.end(1), match.group(1)))
    if "）" in text or ")" in text:
        for match in _NOTED.finditer(text):
            found.append((match.start(1), match.end(1), match.group(1)))
    if "各" in text:  # 各局處協助…, 各機關…若有需求: every unit of a kind, charged
        for match in _COLLECTIVE.finditer(text):
            found.append((match.start(1), match.end(1), match.group(1)))
    if _CHARGED.search(text):  # the subject pattern looks behind: run only where it may
        for match in _SUBJECT.finditer(text):
            found.append((match.start(1), match.end(1), match.group(1)))
    if not persons:
        found = [f for f in found if not _PERSON.search(f[2])]
    found.sort()
    kept: list[tuple[int, int, str]] = []
    for item in found:
        if kept and item[0] < kept[-1][1]:
            continue
        kept.append(item)
    return kept


def _name_at(text: str, at: int) -> str | None:
    """The unit or person named at ``at``: the shortest run that ends in a unit's or
    a title's name before a stop (a verb, an adverb, a function word); else the
    shortest that ends in one."""
    run = _NAME.match(text, at)
    if run is None or _STOP.match(text, at):  # 請將…, 請依…, 請於…: no name
        return None
    candidate = run.group()[:16]
    first = last = None
    for end in range(2, len(candidate) + 1):
        head = candidate[:end]
        if not _UNIT_AT_END.search(head):
            continue
        first = first or head
        if _UNIT_END_RE.search(head):
            last = head
        rest = candidate[end:]
        if not rest or _STOP.match(rest):
            return None if head in _NOT_UNITS else head
    if last is not None and last not in _NOT_UNITS:
        return last  # 行政院體育委員會重（視）: the longest, not 行政院
    return None if first is None or first in _NOT_UNITS else first
