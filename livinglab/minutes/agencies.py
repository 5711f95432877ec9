"""The agency dictionary and the resolution of mentions to full official names.

Short names are ambiguous across cities (every city has a 教育局), so a mention is
resolved by the city it names (新北市經發局), else by the meeting's host city.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

_HOST = ("本市", "本府", "本市府")
_COUNTY = "縣"  # after a city's stem: the old county of that name (桃園縣 until 2014)
_UNKNOWN = object()  # not looked up yet


@dataclass
class AgencyDirectory:
    """Names of cities and their agencies; ``resolve`` gives full official names."""

    governments: dict[str, str] = field(default_factory=dict)  # city → 臺北市政府
    prefixes: dict[str, str] = field(default_factory=dict)  # 北市, 新北市政府 → city
    keys: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # → (city, full)
    fulls: dict[str, str] = field(default_factory=dict)  # full name → city
    # 臺北 for 臺北市: a city's name without 市, a prefix only where no 縣 follows
    # (臺北縣, 桃園縣: the county of old, a body of its own that no directory lists)
    stems: set[str] = field(default_factory=set)
    # Results its users derive from it alone (a meeting's host city by its header
    # fields), kept with it so that they go with it; copies start empty.
    memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def default(cls) -> AgencyDirectory:
        return _default_copy()

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> AgencyDirectory:
        directory = cls()
        for city in data.get("cities", []):
            directory._add_city(city["name"], city.get("government"), city.get("aliases", []))
            for agency in city.get("agencies", []):
                directory._add_agency(city["name"], agency)
                for unit in agency.get("units", []):
                    directory._add_agency(city["name"], unit)
        return directory

    def with_extra(self, entries: Iterable[dict[str, Any]]) -> AgencyDirectory:
        """A copy with the names the platform knows beyond the shipped dictionary."""
        copy = AgencyDirectory(
            dict(self.governments),
            dict(self.prefixes),
            {k: list(v) for k, v in self.keys.items()},
            dict(self.fulls),
            set(self.stems),
        )
        for entry in entries:
            city = entry.get("city") or ""
            if city and city not in self.governments:
                copy._add_city(city, None, [])
            copy._add_agency(city, entry)
        return copy

    def _add_city(self, name: str, government: str | None, aliases: list[str]) -> None:
        government = government or f"{name}政府"
        self.governments[name] = government
        self.fulls[government] = name
        self._key(government, name, government)
        for alias in [name, *aliases]:
            for form in _variants(alias):
                self.prefixes[form] = name
                self.prefixes[form + "政府"] = name
        for form in _variants(government):
            self.prefixes[form] = name
        if name.endswith("市") and len(name) == 3:  # 臺北 for 臺北市, as in 臺北產業局
            for form in _variants(name[:2]):
                if form not in self.prefixes:
                    self.prefixes[form] = name
                    self.stems.add(form)

    def _add_agency(self, city: str, entry: dict[str, Any]) -> None:
        full = entry["name"]
        self.fulls[full] = city
        for name in [full, entry.get("short"), *entry.get("aliases", [])]:
            if name:
                self._key(name, city, full)

    def _key(self, name: str, city: str, full: str) -> None:
        for form in _variants(name):
            targets = self.keys.setdefault(form, [])
            if (city, full) not in targets:
                targets.append((city, full))

    def city_of(self, text: str | None) -> str | None:
        """The first city a text names (a location, a chair's organisation)."""
        if not text:
            return None
        match = AgencyIndex.of(self).prefix_re.search(text)
        return self.prefixes[match.group()] if match else None

    def cities_in(self, text: str) -> Iterator[str]:
        """The cities a text names, in order."""
        for match in AgencyIndex.of(self).prefix_re.finditer(text):
            yield self.prefixes[match.group()]

    def resolve(self, mention: str, city: str | None = None) -> str | None:
        """Full official name of a mention such as 新北市經發局 or 交工處."""
        mention = re.sub(r"\s+", "", mention)
        if mention in self.fulls:
            return mention
        for length in range(min(len(mention) - 1, 6), 1, -1):
            prefix = mention[:length]
            if (
                prefix in self.prefixes
                and mention[length:] in self.keys
                and not (prefix in self.stems and mention[length] in _COUNTY)
            ):
                return self.pick(mention[length:], self.prefixes[prefix])
        return self.pick(mention, city)

    def pick(self, key: str, city: str | None) -> str | None:
        """The full name of ``key`` in ``city`` (or its only one); asked of every
        mention, the answer is kept (mentions repeat)."""
        found = self.memo.get(("pick", key, city), _UNKNOWN)
        if found is _UNKNOWN:
            found = self.memo["pick", key, city] = self._pick(key, city)
        return found  # type: ignore[return-value]

    def _pick(self, key: str, city: str | None) -> str | None:
        candidates = self.keys.get(key, [])
        for cand_city, full in candidates:
            if cand_city == city:
                return full
        if len({full for _, full in candidates}) == 1:
            return candidates[0][1]
        return None

    def index(self) -> AgencyIndex:
        """Its look-up tables, for a reader that asks many questions of each text."""
        return AgencyIndex.of(self)


class AgencyIndex:
    """Precompiled look-up tables of a directory: its keys, where they may end, its
    city prefixes."""

    def __init__(self, directory: AgencyDirectory) -> None:
        keys = set(directory.keys) | {"本局", "本處", "本會", "本所"}
        self.keys = keys
        self.prefixes = directory.prefixes
        self.ambiguous = {
            key for key, targets in directory.keys.items() if len(targets) > 1
        } - directory.fulls.keys()
        # Key lengths by the last two characters of the keys, longest first: a few
        # to try where a name may end (by the final character alone, a dozen).
        self.lengths: dict[str, list[int]] = {}
        for key in keys:
            self.lengths.setdefault(key[-2:], []).append(len(key))
        for tail, lengths in self.lengths.items():
            self.lengths[tail] = sorted(set(lengths), reverse=True)
        self.prefix_cities = {**directory.prefixes, **dict.fromkeys(_HOST, "本市")}
        self.longest_prefix = max(map(len, self.prefix_cities))
        self.prefix_ends = {prefix[-1] for prefix in self.prefix_cities}
        tails = sorted(self.prefix_cities, key=len, reverse=True)
        # the longest city prefix ending just before a name, in one search
        self.prefix_tail_re = re.compile("(?:" + "|".join(map(re.escape, tails)) + r")\Z")
        # 臺北縣教育局, 桃園縣環保局: an agency of an old county, which no directory
        # places in today's city (its name as written)
        self.county_tail_re = re.compile(r"[\u4e00-\u9fff]{2}縣\Z")
        # Where a name may end: its final character after one that comes before it
        # in some name (政府, not 府 alone), tested in C; 局長, 處長: a person.
        before_final: dict[str, set[str]] = {}
        for key in keys:
            before_final.setdefault(key[-1], set()).add(key[-2:-1])
        self.final_re = re.compile(
            "|".join(_ending(final, before) for final, before in sorted(before_final.items()))
        )
        alternatives = sorted(directory.prefixes, key=len, reverse=True)
        self.prefix_re = re.compile(
            "|".join(
                re.escape(a) + (f"(?!{_COUNTY})" if a in directory.stems else "")
                for a in alternatives
            )
            or "(?!)"
        )
        # Results its users derive from these tables alone (mentions resolved in a
        # meeting), kept with them so that a copy of the directory starts anew.
        self.memo: dict[Any, Any] = {}

    @classmethod
    def of(cls, directory: AgencyDirectory) -> AgencyIndex:
        """The directory's index, kept in its memo (so that a copy builds its own)."""
        index = directory.memo.get(cls)
        if index is None or index.prefixes is not directory.prefixes:
            index = directory.memo[cls] = cls(directory)
        return index

    def scan(self, text: str) -> list[tuple[int, int, str, str | None]]:
        """(start, end, key, city) of every mention: at each character a name may end
        with, the longest key ending there, with the city prefix just before it; a
        longer name over the previous one replaces it. One flat loop: the scan runs
        over every item, so its steps are inlined rather than called (and it searches
        on from each end: a finditer costs more to set up than most items take)."""
        keys, lengths, prefix_ends = self.keys, self.lengths, self.prefix_ends
        search = self.final_re.search
        found: list[tuple[int, int, str, str | None]] = []
        last_start = last_end = -1
        end = 0
        while match := search(text, end):
            end = match.end()
            for length in lengths.get(text[end - 2 : end] if end > 1 else text[0], ()):
                start = end - length
                if start >= 0:
                    key = text[start:end]
                    if key in keys:
                        break
            else:
                key = text[end - 1]
                if end < 2 or key not in keys:  # a one-character name
                    continue
                start = end - 1
            city = None
            if start and text[start - 1] in prefix_ends:  # most names follow no city
                prefix = self.prefix_tail_re.search(
                    text, max(0, start - self.longest_prefix), start
                )
                if prefix:
                    start, city = prefix.start(), self.prefix_cities[prefix.group()]
            if start <= last_start and found:  # a longer name over the previous one
                found[-1] = (start, end, key, city)
            elif start >= last_end:
                found.append((start, end, key, city))
            else:
                continue
            last_start, last_end = start, end
        return found


def _ending(final: str, before: set[str]) -> str:
    """The pattern of where names ending in ``final`` may end (after ``before``)."""
    if "" in before:  # a one-character name: anywhere
        return re.escape(final) + "(?!長)"
    chars = re.escape("".join(sorted(before)))
    return f"{re.escape(final)}(?<=[{chars}]{re.escape(final)})(?!長)"


def _variants(name: str) -> set[str]:
    return {name, name.replace("臺", "台"), name.replace("台", "臺")}


@cache
def _default_data() -> str:
    return resources.files(__package__).joinpath("data/agencies.json").read_text("utf-8")


def _default_copy() -> AgencyDirectory:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = AgencyDirectory.from_data(json.loads(_default_data()))
    return _DEFAULT


_DEFAULT: AgencyDirectory | None = None
