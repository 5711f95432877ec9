"""Which case a name in a record refers to.

Records name the same case in slightly different ways from one meeting to the next:
words swapped (青創交流合作 / 青創合作交流), a character mistyped (捕獸銹 for 捕獸鋏),
a region prefix dropped when a two-city case grows to four (雙北…), brackets and
quotes added. `normalise` removes what carries no meaning, `similarity` scores what
remains, and `NameIndex` finds the best case among a body's names. The index is plain
Python so that a draft can be previewed without writing anything.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from rapidfuzz import fuzz

# At or above: link without asking. Between REVIEW and AUTO: a new case plus a question
# in the review queue. Below REVIEW: a new case.
AUTO_LINK = 0.85
REVIEW = 0.6

# Parenthesised remarks about where a case came from: （原雙北合作案）, (均為原北桃合作案).
_REMARK = re.compile(r"[(（][^()（）]*(?:原|合作案|提案|辦理)[^()（）]*[)）]")
# Region prefixes that a case loses when it widens to all member cities.
_REGION = re.compile(r"^(?:基北北桃|北北基桃|雙北|北桃|基北|桃園新北|新北桃園|北北基)")
_DROP = re.compile(r"[\s\W_]+", re.UNICODE)
_SUFFIX = ("合作案", "案")


def normalise(name: str) -> str:
    """The part of a case name that identifies it."""
    text = unicodedata.normalize("NFKC", name)
    text = _REMARK.sub("", text)
    text = _DROP.sub("", text)
    for suffix in _SUFFIX:
        if text.endswith(suffix) and len(text) > len(suffix) + 2:
            text = text[: -len(suffix)] + ("合作" if suffix == "合作案" else "")
            break
    return text


def similarity(a: str, b: str) -> float:
    """0..1; swapped words and one-character slips score high, other cases low."""
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    score = _score(na, nb)
    pa, pb = _REGION.match(na), _REGION.match(nb)
    if bool(pa) != bool(pb):
        # A two-city case that grew to all cities drops its prefix (雙北…); two
        # different prefixes (雙北… / 北桃…) are two cases, often merged later.
        score = max(score, _score(_REGION.sub("", na), _REGION.sub("", nb)) * 0.97)
    return round(score, 3)


def _score(na: str, nb: str) -> float:
    in_order = fuzz.ratio(na, nb) / 100
    # Same characters in another order (交流合作 / 合作交流): slightly less sure.
    any_order = fuzz.ratio("".join(sorted(na)), "".join(sorted(nb))) / 100 * 0.95
    return max(in_order, any_order)


@dataclass
class Match:
    key: object | None  # a case id, or a placeholder for a case the draft would create
    score: float
    method: str  # exact | alias | similar | new
    known: str = ""  # the name of the case that `name` was found like

    @property
    def is_sure(self) -> bool:
        return self.key is not None and self.score >= AUTO_LINK

    @property
    def needs_review(self) -> bool:
        return self.key is not None and REVIEW <= self.score < AUTO_LINK


@dataclass
class Entry:
    title: str
    names: set[str] = field(default_factory=set)
    merged_into: object | None = None


class NameIndex:
    """A body's cases by every name they have had; merged cases resolve to their target."""

    def __init__(self) -> None:
        self.entries: dict[object, Entry] = {}

    def add(self, key, title: str, names=(), merged_into=None) -> None:
        self.entries[key] = Entry(title, {title, *names}, merged_into)

    def add_name(self, key, name: str) -> None:
        self.entries[key].names.add(name)

    def rename(self, key, title: str) -> None:
        entry = self.entries[key]
        entry.names.add(title)
        entry.title = title

    def merge(self, source, target) -> None:
        self.entries[source].merged_into = target
        self.entries[target].names |= self.entries[source].names

    def resolve(self, key):
        """Follow merges to the case that carries on."""
        seen = set()
        while key in self.entries and self.entries[key].merged_into is not None:
            if key in seen:  # a cycle would be a bug elsewhere; stop rather than loop
                break
            seen.add(key)
            key = self.entries[key].merged_into
        return key

    def match(self, name: str) -> Match:
        best = Match(None, 0.0, "new")
        wanted = normalise(name)
        for key, entry in self.entries.items():
            for known in entry.names:
                candidate = self._score(name, wanted, known, entry, key)
                if candidate.score > best.score:
                    best = candidate
        if best.key is not None:
            best.key = self.resolve(best.key)
        return best

    @staticmethod
    def _score(name: str, wanted: str, known: str, entry: Entry, key) -> Match:
        if known == name:
            return Match(key, 1.0, "exact" if known == entry.title else "alias", known)
        if normalise(known) == wanted:
            return Match(key, 0.99, "exact" if known == entry.title else "alias", known)
        return Match(key, similarity(name, known), "similar", known)


@dataclass
class Likeness:
    """Why a name was found like a known name, for a person to judge the suggestion."""

    shared: list[str]  # the words both have, longest first
    reordered: bool  # the same characters in another order (交流合作 / 合作交流)
    region_dropped: bool  # one has a region prefix the other lacks (雙北…)


def explain(name: str, known: str) -> Likeness:
    na, nb = normalise(name), normalise(known)
    return Likeness(
        shared=_common_parts(na, nb),
        reordered=na != nb and sorted(na) == sorted(nb),
        region_dropped=bool(_REGION.match(na)) != bool(_REGION.match(nb)),
    )


def _common_parts(a: str, b: str, least: int = 2) -> list[str]:
    """The runs of at least `least` characters both names have, longest first."""
    parts = []
    while True:
        run = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
        if run.size < least:
            return parts
        parts.append(a[run.a : run.a + run.size])
        a = a[: run.a] + "\0" + a[run.a + run.size :]  # taken: the runs around it stay apart
        b = b[: run.b] + "\1" + b[run.b + run.size :]
