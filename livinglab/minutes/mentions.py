"""Agencies an item names, resolved in the meeting's context: its host city for a
bare 交通局, the chair's organisation for 本局, the member cities for 4市."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .agencies import AgencyDirectory
from .model import AgencyRef

_MEMBERS = re.compile(
    r"(?<![第\d０-９一二三四五六七八九十])(?:[4４四]\s*市|各\s*市)(?:政府)?(?![長場民區容議立內])"
)
_LISTED = re.compile(r"\s*(?:及|、|與|和|暨|以及)\s*")
_EACH = re.compile(r"(?:各|該|兩|[2２4４四])\s*市$")
_SELF = {"本局", "本處", "本會", "本所"}
# Groupings of member cities that bodies name themselves by.
_GROUPINGS = {
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


def meeting_context(
    directory: AgencyDirectory,
    location: str | None,
    chair: str | None,
    title: str | None,
    record: str,
    members: list[str] | None,
) -> Context:
    host = directory.city_of(location) or directory.city_of(chair) or directory.city_of(title)
    own = None
    for source in (chair, location, title):  # 本局: the chair's organisation
        names = find_agencies(source or "", Context(directory, host))
        if names:
            own = names[0].name
            break
    return Context(directory, host, own, members if members is not None else infer_members(record))


def infer_members(text: str) -> list[str]:
    """Member cities named by the record itself (基北北桃 → four cities)."""
    for grouping, cities in _GROUPINGS.items():
        if grouping in text:
            return list(cities)
    return []


def find_agencies(text: str, context: Context) -> list[AgencyRef]:
    refs: list[tuple[int, AgencyRef]] = []
    directory = context.directory
    last_end, last_city = -9, None
    for start, end, key, city in directory.scan(text):
        if city is None and _LISTED.fullmatch(text[last_end:start]):
            city = last_city  # 桃園市政府經濟發展局及環保局: the city carries over
        if city is None and _EACH.search(text, max(0, start - 3), start):
            refs += [(start, r) for r in _each_member(text[start - 2 : end], key, context)]
            continue
        name = _resolve(key, city, context)
        if name:
            refs.append((start, AgencyRef(text[start:end], name)))
            last_city = directory.fulls.get(name) if city in (None, "本市") else city
        last_end = end
    if context.members:
        for match in _MEMBERS.finditer(text):
            for member in context.members:
                government = directory.governments.get(member, f"{member}政府")
                refs.append((match.start(), AgencyRef(match.group(), government)))
    return _unique(ref for _, ref in sorted(refs, key=lambda pair: pair[0]))


def _each_member(mention: str, key: str, context: Context) -> list[AgencyRef]:
    """各市教育局, 該市教育局處: the agency of every member city."""
    found = (context.directory.pick(key, member) for member in context.members)
    names = [name for name in found if name and context.directory.fulls.get(name)]
    return [AgencyRef(mention, name) for name in names]


def _resolve(key: str, city: str | None, context: Context) -> str | None:
    if key in _SELF:
        return context.own
    if city == "本市":
        city = context.host
    if key in context.directory.fulls:
        return key
    return context.directory.pick(key, city or context.host)


def _unique(refs: object) -> list[AgencyRef]:
    seen: set[str] = set()
    unique = []
    for ref in refs:  # type: ignore[attr-defined]
        if ref.name not in seen:
            seen.add(ref.name)
            unique.append(ref)
    return unique
