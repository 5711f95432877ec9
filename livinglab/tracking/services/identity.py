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

from rapidfuzz import fuzz, process

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
    return _similar_normals(na, nb)


def _similar_normals(na: str, nb: str) -> float:
    """`similarity` of two different, non-empty normalised names."""
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
    """A body's cases by every name they have had; merged cases resolve to their target.

    A name the index holds (as written, or once normalised) is found by a dictionary
    look-up; only a name never seen is compared with all the others, and then by
    rapidfuzz's batch scorer over names normalised once, so that a record of thousands
    of meetings costs about as much per name at its end as at its start.
    """

    def __init__(self) -> None:
        self.entries: dict[object, Entry] = {}
        self._rank: dict[object, int] = {}  # the order cases were added: earlier wins ties
        self._by_name: dict[str, set] = {}
        self._by_normal: dict[str, set] = {}
        self._indexed: set[tuple[object, str]] = set()
        # One row per (case, name), for the batch scorer: its key and three spellings.
        self._keys: list = []
        self._names: list[str] = []
        self._normals: list[str] = []
        self._ordered: list[str] = []  # the characters sorted (交流合作 = 合作交流)
        self._bare: list[str] = []  # without a region prefix
        self._bare_ordered: list[str] = []
        self._regional: list[bool] = []

    def add(self, key, title: str, names=(), merged_into=None) -> None:
        if key in self.entries:  # a case added again: forget what it was called
            del self.entries[key]
            self._rebuild()
        self._rank[key] = len(self._rank)
        self.entries[key] = Entry(title, {title, *names}, merged_into)
        for name in self.entries[key].names:
            self._index(key, name)

    def add_name(self, key, name: str) -> None:
        self.entries[key].names.add(name)
        self._index(key, name)

    def rename(self, key, title: str) -> None:
        entry = self.entries[key]
        entry.names.add(title)
        entry.title = title
        self._index(key, title)

    def merge(self, source, target) -> None:
        self.entries[source].merged_into = target
        self.entries[target].names |= self.entries[source].names
        for name in self.entries[source].names:
            self._index(target, name)

    def _index(self, key, name: str) -> None:
        if (key, name) in self._indexed:
            return
        self._indexed.add((key, name))
        normal = normalise(name)
        self._by_name.setdefault(name, set()).add(key)
        self._by_normal.setdefault(normal, set()).add(key)
        self._keys.append(key)
        self._names.append(name)
        self._normals.append(normal)
        self._ordered.append("".join(sorted(normal)))
        self._bare.append(_REGION.sub("", normal))
        self._bare_ordered.append("".join(sorted(self._bare[-1])))
        self._regional.append(bool(_REGION.match(normal)))

    def _rebuild(self) -> None:
        entries, rank = self.entries, self._rank
        self.__init__()
        for key in sorted(entries, key=rank.__getitem__):
            self._rank[key] = len(self._rank)
            self.entries[key] = entries[key]
            for name in entries[key].names:
                self._index(key, name)

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
        """The case best named by `name`: the same name (1.0), the same once normalised
        (0.99), else the most similar at or above REVIEW; earlier cases win ties. Below
        REVIEW nothing is matched (key None, score 0)."""
        best = self._same(name)
        if best.score < 1.0:
            best = max(best, self._similar(name), key=self._ranking)
        if best.key is not None:
            best.key = self.resolve(best.key)
        return best

    def _first(self, keys) -> object:
        return min(keys, key=self._rank.__getitem__)

    def _ranking(self, match: Match) -> tuple[float, int]:
        return match.score, -self._rank.get(match.key, len(self._rank))

    def _same(self, name: str) -> Match:
        if name in self._by_name:
            key = self._first(self._by_name[name])
            return Match(key, 1.0, "exact" if name == self.entries[key].title else "alias", name)
        wanted = normalise(name)
        if wanted in self._by_normal:
            key = self._first(self._by_normal[wanted])
            entry = self.entries[key]
            names = [entry.title, *sorted(entry.names - {entry.title})]
            known = next(known for known in names if normalise(known) == wanted)
            return Match(key, 0.99, "exact" if known == entry.title else "alias", known)
        return Match(None, 0.0, "new")

    def _similar(self, name: str) -> Match:
        """The most similar name among all, when one scores at least REVIEW."""
        wanted = normalise(name)
        if not wanted or not self._keys:
            return Match(None, 0.0, "new")
        # Rows that may reach REVIEW by any of `similarity`'s measures (each at least
        # 0.95 × 0.97 of a ratio; a little lower for rounding), found in C; each is then
        # scored exactly as `similarity` does.
        ordered, bare = "".join(sorted(wanted)), _REGION.sub("", wanted)
        regional = bool(_REGION.match(wanted))
        floor = REVIEW * 100 * 0.95 * 0.97 - 1
        rows = set()
        for query, choices in ((wanted, self._normals), (ordered, self._ordered)):
            rows.update(_rows_above(query, choices, floor))
        for query, choices in ((bare, self._bare), ("".join(sorted(bare)), self._bare_ordered)):
            for row in _rows_above(query, choices, floor):
                if self._regional[row] != regional:
                    rows.add(row)
        best = Match(None, 0.0, "new")
        for row in rows:
            known = self._normals[row]
            if not known or known == wanted:
                continue
            score = _similar_normals(wanted, known)
            candidate = Match(self._keys[row], score, "similar", self._names[row])
            if candidate.score >= REVIEW and self._ranking(candidate) > self._ranking(best):
                best = candidate
        return best


def _rows_above(query: str, choices: list[str], cutoff: float) -> list[int]:
    found = process.extract(query, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
    return [row for _choice, _score, row in found]


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
