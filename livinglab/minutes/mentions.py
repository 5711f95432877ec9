"""Agencies an item names, resolved in the meeting's context: its host city for a
bare 交通局, the chair's organisation for 本局, the member cities for 4市, the cities
of a grouping for 基北北桃教育局處 (教育局 or 教育處, as each city names it).

``assigned_agencies`` keeps those an item gives work to or names as responsible:
where the item asks, charges or entrusts (請X…, 由X辦理, X主辦, 責成X, 交X研議),
only those; never an agency thanked or praised (感謝新北市…), nor one that is
part of a case name or of a quoted title (「4市交流合作案」).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import itemgetter

from .agencies import AgencyDirectory, AgencyIndex
from .clauses import CLAUSE_OR_COLON_STOP, SENTENCE_STOP, before, clause_start
from .model import AgencyRef
from .units import unit_mentions

# 4市, 四市, 各市 (not 第4市, 14市, 市長, 市場 …). The lookbehind follows the first
# character, so that the pattern starts with a character set that ``re`` skips to.
_MEMBERS = re.compile(
    r"[4４四各](?<![第\d０-９一二三四五六七八九十][4４四各])\s*市(?:政府)?(?![長場民區容議立內])"
)
_LISTED = re.compile(r"\s*(?:及|、|與|和|暨|以及)\s*")
_SELF = {"本局", "本處", "本會", "本所"}
# Groupings of member cities that bodies name themselves by.
GROUPINGS = {
    "基北北桃": ["基隆市", "臺北市", "新北市", "桃園市"],
    "北北基桃": ["臺北市", "新北市", "基隆市", "桃園市"],
    "北北桃": ["臺北市", "新北市", "桃園市"],
    "北北基": ["臺北市", "新北市", "基隆市"],
    "雙北": ["臺北市", "新北市"],
}


@dataclass
class Context:
    directory: AgencyDirectory
    host: str | None = None  # city of the meeting
    own: str | None = None  # full name of the chair's organisation
    members: list[str] = field(default_factory=list)
    # agencies a heading assigns, by its text: items of a case share their headings
    heading_agencies: dict[str, list[AgencyRef]] = field(default_factory=dict)
    index: AgencyIndex = field(init=False, repr=False, compare=False)  # the directory's tables

    def __post_init__(self) -> None:
        self.index = self.directory.index()


def meeting_context(
    directory: AgencyDirectory,
    location: str | None,
    chair: str | None,
    title: str | None,
    record: str,
    members: list[str] | None,
) -> Context:
    # An archive repeats its body's header fields in every record: resolve them once.
    # Titles differ from record to record (第N次), so the title is read only when the
    # place and the chair leave the city or the organisation open.
    memo = directory.memo
    key = ("host and own", location, chair)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _host_and_own(directory, location, chair, None)
    if None in found:
        key = ("host and own", location, chair, title)
        found = memo.get(key)
        if found is None:
            found = memo[key] = _host_and_own(directory, location, chair, title)
    host, own = found
    return Context(directory, host, own, members if members is not None else infer_members(record))


def _host_and_own(
    directory: AgencyDirectory, location: str | None, chair: str | None, title: str | None
) -> tuple[str | None, str | None]:
    """The meeting's city and the chair's organisation (本局)."""
    host = directory.city_of(location) or directory.city_of(chair) or directory.city_of(title)
    for source in (chair, location, title):
        names = find_agencies(source or "", Context(directory, host))
        if names:
            return host, names[0].name
    return host, None


def infer_members(text: str) -> list[str]:
    """Member cities named by the record itself (基北北桃 → four cities)."""
    for grouping, cities in GROUPINGS.items():
        if grouping in text:
            return list(cities)
    return []


# 基北北桃教育局處, 各市教育局, 4市環保局: the agency of several cities.
_SEVERAL_BEFORE = re.compile(
    "(?:(?P<group>" + "|".join(GROUPINGS) + r")|(?:各|該|兩|[2２4４四])\s*(?:縣\s*)?市)\s*\Z"
)
# Asked, charged, entrusted or made a member, in the clause before the mention;
# 交研考會研議: 交 just before it. Each alternative begins with a literal (the
# lookbehinds follow it), so that re skips in C to where one may match.
_REQUEST = re.compile(
    r"請(?<![申邀聲]請)|責成|責由|交由|交辦|委由|委請|督促|指派|由(?<![經理自]由)(?!於|衷)"
    r"|納入|加入|成員|交\s*$|函送|轉送|移送|提報至|報送至|陳報至|函報至"
)
_ASK = re.compile(r"請(?<![申邀聲]請)")  # 請A…，並與B共同…: a request runs to the full stop
# Named responsible right after the mention (X主辦、Y協辦).
# Charged right after the mention (觀光新聞處更應…, 各處室均須…).
_CHARGED_AFTER = re.compile(r"[ \t]*(?:更|也|亦|均|都|宜|另)?(?:應(?![用該有徵])|須|務必)")
_RESPONSIBLE_AFTER = re.compile(r"\s*(?:為|擔任)?(?:主辦|協辦|主責|負責|統籌|督導|權責)")
# 4市交流合作案: the words of a name, not an assignment (its 案 2 to 8 characters on).
_NAME_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:合作|交流|計畫|推動)案")
# Thanked or praised, or released from the case.
_NOT_GIVEN_WORDS = (
    "感謝 謝謝 致謝 肯定 感佩 嘉許 表揚 不列管 不再列管 不再 不得 退出 移除 免除".split()
)
_NOT_GIVEN = re.compile("|".join(_NOT_GIVEN_WORDS))
# Either, in one search: a release's first character (which tells it) is none of a
# request's, so a release after a request is found by searching on from it.
_CLAUSE_WORD = re.compile(_NOT_GIVEN.pattern + "|" + _REQUEST.pattern)
_NOT_GIVEN_FIRST = frozenset(word[0] for word in _NOT_GIVEN_WORDS)
# Released in the clause before a mention, in one search of the text before it
# (no clause cut first): a word that no stop follows up to the mention.
_NO_STOP_TO_END = "[^" + CLAUSE_OR_COLON_STOP.pattern[1:] + r"*\Z"
_RELEASED = re.compile("|".join(word + _NO_STOP_TO_END for word in _NOT_GIVEN_WORDS))
# Requests that come just before a mention (請交通局, 由交通局), with the characters
# that make them none (申請, 經由): _REQUEST's lookbehinds (its lookahead sees nothing
# past the clause).
_ASKING = {"請": frozenset("申邀聲"), "由": frozenset("經理自")}
_QUOTED = re.compile(r"[「『][^」』\n]{1,80}[」』]")


def find_agencies(text: str, context: Context) -> list[AgencyRef]:
    """Every agency the text names, resolved, in order of first mention."""
    return _unique([ref for _, _, ref in locate_agencies(text, context)])


def assigned_agencies(
    text: str, context: Context, names: list[str] | tuple[str, ...] = ()
) -> list[AgencyRef]:
    """The agencies the text gives work to or names as responsible (see above);
    ``names`` are the case names it mentions, whose words assign nothing."""
    if "\n" in text:  # 宜蘭縣南澳鄉⏎公所: a name a hard wrap broke, joined
        text = _HARD_WRAP.sub("", text)
    located = locate_agencies(text, context)
    if not located:
        return []
    excluded = _excluded_spans(text, names)
    kept, assigned = [], []
    # A mention of 4市 gives four refs, one after the other (same start): judged once.
    judged, verdict, duty = -1, 0, None
    duties = _DUTY_WORDS.search(text) is not None  # most items say nothing of roles
    for start, end, ref in located:
        if start != judged:
            judged, verdict = start, _role(text, start, end, excluded, located)
            duty = _duty(text, start, end, located) if verdict and duties else None
        if duty and ref.role != duty:
            ref = replace(ref, role=duty)
        if verdict == 2:
            assigned.append(ref)
        elif verdict and _IN_CHARGE.match(text, start):
            kept.append(ref)  # named in charge without a request: （民政局）, 各局處…
    if kept and assigned and text.rstrip(" \t\u3000\n。.")[-1:] in "）)":
        ends = [ref for ref in kept if _is_note(text, ref)]
        if ends:
            return _unique(ends)  # 請林局長暫兼…。（民政局）: the unit in charge of the entry
    return _unique(assigned or kept)


def _is_note(text: str, ref: AgencyRef) -> bool:
    at = text.rfind(ref.mention)
    return at > 0 and text[at - 1] in "（(" and _IN_CHARGE.match(text, at) is not None


# Named in charge without a request: a unit in brackets that ends the entry (…。（民政局）)
# or every unit of a kind (各局處協助…). A unit merely named (交通局高局長建議之…,
# 感謝警察局…) is not given work.
_IN_CHARGE = re.compile(r"各|[^（()）\n]{1,16}[）)][。.]?[ \t\u3000]*(?:\n|$)")
# A line break inside a run of words (no stop before it, no list number after it).
_HARD_WRAP = re.compile(
    r"(?<=[\u4e00-\u9fff\d])[ \t\u3000]*\n[ \t\u3000]*(?=[\u4e00-\u9fff])"
    r"(?![一二三四五六七八九十]{1,3}[、．]|[壹貳參叁肆伍陸柒捌玖拾]{1,3}[、．]|[決結裁說案辦審][議論示明由法查][：:])"
)
_DUTY_WORDS = re.compile(r"主辦|協辦|主責|統籌|負責|權責|偕同|會同|協同|協助辦理|配合辦理")
_LEAD_AFTER = re.compile(r"[ \t]*(?:為|擔任)?(?:主辦|主責|統籌|負責)")
_SUPPORT_AFTER = re.compile(r"[ \t]*(?:為|擔任)?(?:協辦|協助辦理|配合辦理)")
_LEAD_BEFORE = re.compile(r"(?:主辦|主責|權責)(?:機關|單位|局處)?[ \t]*[：:]?[ \t]*\Z")
_SUPPORT_BEFORE = re.compile(r"(?:協辦(?:機關|單位|局處)?[ \t]*[：:]?|偕同|會同|協同)[ \t]*\Z")
_LIST_GAP = re.compile(r"[ \t]*[、及與和暨][ \t]*")


def _after_list(text: str, end: int, located: list[tuple[int, int, AgencyRef]]) -> int:
    """The end of the names listed after a mention (交通局與工務局應…: after 工務局)."""
    starts = {s: e for s, e, _ in located}
    while True:
        gap = _LIST_GAP.match(text, end)
        if not (gap and gap.end() in starts):
            return end
        end = starts[gap.end()]


def _duty(text: str, start: int, end: int, located: list[tuple[int, int, AgencyRef]]) -> str | None:
    """lead (主辦) or supporting (協辦) where the text says which: 由A、B主辦, C協辦,
    協辦單位：D, 偕同E."""
    window = text[max(0, start - 12) : start]
    if _SUPPORT_BEFORE.search(window):
        return "supporting"
    if _LEAD_BEFORE.search(window):
        return "lead"
    after = end
    starts = {s: e for s, e, _ in located}
    while True:  # over the names listed after it
        gap = _LIST_GAP.match(text, after)
        if gap and gap.end() in starts:
            after = starts[gap.end()]
            continue
        break
    if _SUPPORT_AFTER.match(text, after):
        return "supporting"
    if _LEAD_AFTER.match(text, after):
        return "lead"
    return None


def _excluded_spans(text: str, names: list[str] | tuple[str, ...]) -> list[tuple[int, int]]:
    """Quoted titles and case names: their words assign nothing."""
    excluded = [m.span() for m in _QUOTED.finditer(text)] if "「" in text or "『" in text else []
    for name in names:
        if name:  # an empty name (合併為 one character) marks nothing
            at = text.find(name)
            while at >= 0:
                excluded.append((at, at + len(name)))
                at = text.find(name, at + len(name))
    return excluded


def _role(
    text: str,
    start: int,
    end: int,
    excluded: list[tuple[int, int]],
    located: list[tuple[int, int, AgencyRef]],
) -> int:
    """0: not given work (quoted, a name, thanked, released); 1: named; 2: assigned."""
    for a, b in excluded:
        if a <= start < b:
            return 0
    if text.find("案", end + 2, end + 9) >= 0 and _NAME_AFTER.match(text, end):
        return 0
    unless_after = _ASKING.get(text[start - 1 : start])
    if unless_after is not None and text[start - 2 : start - 1] not in unless_after:
        # 請交通局, 由交通局 (most mentions): asked, unless released in the clause
        released = _RELEASED.search(text, start - _REACH if start > _REACH else 0, start)
        return 0 if released else 2
    if _OPINION_AFTER.match(text, end) and _CONSULT_BEFORE.search(text, max(0, start - 4), start):
        return 2  # 會工學院意見後再議: its opinion asked
    clause, at, stop = _cut_before(text, start, CLAUSE_OR_COLON_STOP)
    word = _CLAUSE_WORD.search(clause, at, stop)
    if word:  # thanked or released (also after a request) outranks asked
        if clause[word.start()] in _NOT_GIVEN_FIRST or (
            word.end() < stop and _NOT_GIVEN.search(clause, word.end(), stop)
        ):
            return 0
        return 2
    if _RESPONSIBLE_AFTER.match(text, end) or _CHARGED_AFTER.match(
        text, _after_list(text, end, located)
    ):
        return 2
    sentence, at, stop = _cut_before(text, start, SENTENCE_STOP)
    if _ASK.search(sentence, at, stop) or _asked_later(text, end, located):
        return 2
    return 1


_REACH = 80  # how far back a clause is read
_OPINION_AFTER = re.compile(r"(?:之)?意見")
_CONSULT_BEFORE = re.compile(r"(?:^|[，,。；;\n：:])[ \t\u3000]*會(?:同)?\Z")


def _cut_before(text: str, position: int, stop: re.Pattern[str]) -> tuple[str, int, int]:
    """The clause before ``position`` as ``before()`` cuts it, as (string, pos, endpos)
    to search: the text itself (no copy per mention) where the clause begins after a
    stop, whose lookbehinds (申請, 經由) then see that stop as they would nothing."""
    begin = clause_start(text, position, stop, _REACH)
    window = position - _REACH if position > _REACH else 0
    if begin == window and window:  # cut mid-sentence: a copy, that no lookbehind sees past
        return text[window:position], 0, position - window
    return text, begin, position


def _asked_later(text: str, end: int, located: list[tuple[int, int, AgencyRef]]) -> bool:
    """新北市農業局將辦理…，請擴大邀請…: a request without a subject, later in the
    sentence, is made to the agency named before it."""
    stop_at = SENTENCE_STOP.search(text, end)
    stop = stop_at.start() if stop_at else len(text)
    for ask in _ASK.finditer(text, end, stop):
        after = ask.end()
        while after < stop and text[after] in " \t\u3000":
            after += 1
        named = any(start == after for start, _, _ in located)
        if not named and not _MEMBER_AT.match(text, after):
            return True
    return False


_MEMBER_AT = re.compile(r"本[局處會所府市]|[各該兩][縣]?市|[2-4２-４四三]市|大家|各單位|各局處")


def locate_agencies(text: str, context: Context) -> list[tuple[int, int, AgencyRef]]:
    """(start, end, ref) of every agency mention in the text, in order."""
    directory, index = context.directory, context.index
    found = index.scan(text)
    refs: list[tuple[int, int, AgencyRef]] = []
    ambiguous, fulls = index.ambiguous, directory.fulls
    # refs of bare mentions (交通局, 教育局處) by key, city and meeting: the same few
    # in every item
    resolved = index.memo
    host, own = context.host, context.own
    last_end, last_city = -9, None
    grouped: list[tuple[int, int]] = []  # 4市教育局: no bare 4市 besides
    cities_of_key: dict[str, str | None] = {}  # 青年局 named again: the same city's
    any_city = None  # whether the text names a city at all; asked only if needed
    for start, end, key, city in found:
        bare = city is None  # no city before the key: the key is the mention
        either = text[end : end + 1] == "處" and key.endswith("局")  # 教育局處
        if either:
            end += 1
        if city is None:
            # What may come before a name is searched for only after a character
            # it can end with (most names follow none).
            char = text[start - 1 : start]
            blank = char.isspace()
            # 桃園縣環保局: an old county's, as written (no directory lists it)
            if char == "縣" and (county := _old_county(text, start, index)):
                mention = county + key + ("處" if either else "")
                refs.append((start - len(county), end, agency_ref(mention, mention)))
                last_end, last_city = end, None
                continue
            # 桃園市政府經濟發展局及環保局: the city carries over (from none: nothing to do)
            if (
                last_city is not None
                and (blank or char in _LISTED_ENDS)
                and _LISTED.fullmatch(text, last_end, start)
            ):
                city = last_city
            elif (blank or char in _SEVERAL_ENDS) and (
                several := _SEVERAL_BEFORE.search(text, max(0, start - 6), start)
            ):  # 4市, 基北北桃 before it
                group = several.group("group")
                cities = GROUPINGS[group] if group else context.members
                mention = text[several.start() : end]
                for name in _each_city(key, cities, context, either):
                    refs.append((several.start(), end, agency_ref(mention, name)))
                grouped.append((several.start(), end))
                last_end = end
                continue
        if city is None and key in ambiguous:
            if any_city is None:  # most items name no city: no clause to search
                any_city = index.prefix_re.search(text) is not None
            in_clause = _city_in_clause(text, start, directory) if any_city else None
            city = in_clause or cities_of_key.get(key)
        ref = resolved.get((key, city, either, host, own), _UNKNOWN)
        if ref is _UNKNOWN:
            unplaced = city is None and host is None and not context.members
            full = None if unplaced and key not in fulls else _resolve(key, city, context, either)
            mention = key + "處" if either else key
            if full:
                ref = agency_ref(mention, full)
            else:  # a body outside the directory's cities: the name as written
                ref = agency_ref(mention, mention) if unplaced and key not in _SELF else None
            resolved[key, city, either, host, own] = ref
        if ref:
            name = ref.name
            if not bare:  # 新北市經發局: the mention as written
                ref = agency_ref(text[start:end], name)
            refs.append((start, end, ref))
            full_city = fulls.get(name)
            last_city = full_city if city in (None, "本市") else city
            cities_of_key[key] = full_city
        last_end = end
    if context.members and "市" in text:
        _add_members(text, context, grouped, refs)
    _add_units(text, context, refs)
    if len(refs) > 1:
        refs.sort(key=itemgetter(0))
    return refs


def _add_units(text: str, context: Context, refs: list[tuple[int, int, AgencyRef]]) -> None:
    """Units and persons no directory knows, where the text gives them work."""
    taken = [(start, end) for start, end, _ in refs]
    # Persons are named only where no directory places the body (a councillor, 李副縣長);
    # a city's tracking lists its agencies.
    for start, end, mention in unit_mentions(text, persons=context.host is None):
        inner = [i for i, (s, e, _) in enumerate(refs) if s < end and start < e]
        if inner and not _nests(refs, inner, start, end):
            continue
        for index in reversed(inner):  # 觀光新聞處 over an unplaced 新聞處: the longer name
            del refs[index], taken[index]
        if _MEMBER_MENTION.fullmatch(mention):
            continue  # 四市政府, 各市: the member cities' (see _add_members)
        name = context.directory.resolve(mention, context.host) if context.host else None
        refs.append((start, end, agency_ref(mention, name or mention)))


def _nests(refs: list[tuple[int, int, AgencyRef]], inner: list[int], start: int, end: int) -> bool:
    """Whether a unit's name holds the directory's names it overlaps, none of them placed
    in a city (觀光新聞處 over 新聞處, a key that only the name as written resolves)."""
    for index in inner:
        s, e, ref = refs[index]
        if not (start <= s and e <= end and e - s < end - start) or ref.name != ref.mention:
            return False
    return True


_MEMBER_MENTION = re.compile(r"[4４四各兩2２三3][縣]?市(?:政府)?|本[府市局處會所]|[本該]市府")


def _add_members(
    text: str,
    context: Context,
    grouped: list[tuple[int, int]],
    refs: list[tuple[int, int, AgencyRef]],
) -> None:
    """4市 alone (not that of 4市教育局): the government of every member city. Searched
    on from each: a finditer costs more to set up than most items take."""
    governments = context.directory.governments
    match = _MEMBERS.search(text)
    while match:
        if not any(a <= match.start() < b for a, b in grouped):
            for member in context.members:
                government = governments.get(member, f"{member}政府")
                refs.append((match.start(), match.end(), agency_ref(match.group(), government)))
        match = _MEMBERS.search(text, match.end())


def _old_county(text: str, start: int, index: AgencyIndex) -> str | None:
    """The county named just before ``start`` (臺北縣, 桃園縣), not 本縣 or 各縣."""
    match = index.county_tail_re.search(text, max(0, start - 3), start)
    if match is None or not _NOT_PLACE.isdisjoint(match.group()[:2]):
        return None
    return match.group()


_NOT_PLACE = frozenset("本各該全外他此兩每縣市鄉鎮")
_LISTED_ENDS = frozenset("及、與和暨")  # of _LISTED but blanks
_SEVERAL_ENDS = frozenset("市" + "".join(grouping[-1] for grouping in GROUPINGS))
_UNKNOWN = object()  # not resolved yet


@lru_cache(maxsize=4096)  # mentions repeat (交通局, 新北市經發局): one ref each
def agency_ref(mention: str, name: str) -> AgencyRef:
    return AgencyRef(mention, name)


def _city_in_clause(text: str, start: int, directory: AgencyDirectory) -> str | None:
    """臺北市因青年局成立: the last city named earlier in the mention's clause."""
    named = list(directory.cities_in(before(text, start, CLAUSE_OR_COLON_STOP, 80)))
    return named[-1] if named else None


def _each_city(key: str, cities: list[str], context: Context, either: bool) -> list[str]:
    """各市教育局, 基北北桃教育局處: the agency of every city named (局 or 處)."""
    directory, names = context.directory, []
    for city in cities:
        name = directory.pick(key, city)
        if name is None and either:
            name = directory.pick(key[:-1] + "處", city)
        if name and directory.fulls.get(name) == city:
            names.append(name)
    return names


def _resolve(key: str, city: str | None, context: Context, either: bool) -> str | None:
    name = _resolve_key(key, city, context)
    if name is None and either:  # 教育局處: the city's 教育處 where it has no 教育局
        name = _resolve_key(key[:-1] + "處", city, context)
    return name


def _resolve_key(key: str, city: str | None, context: Context) -> str | None:
    if key in _SELF:
        return context.own
    if city == "本市":
        city = context.host
    if key in context.directory.fulls:
        return key
    return context.directory.pick(key, city or context.host)


def _unique(refs: list[AgencyRef]) -> list[AgencyRef]:
    """The refs, each agency once (``refs`` is the caller's own list)."""
    if len(refs) < 2:
        return refs
    seen: set[str] = set()
    unique = []
    for ref in refs:
        if ref.name not in seen:
            seen.add(ref.name)
            unique.append(ref)
    return unique
