"""Terms of a text: Chinese character bigrams, English words and concepts.

Chinese is not split into words: a segmenter's dictionary (jieba's, for one) is built for
Simplified Chinese and cuts Traditional text badly (失智長/者, 攤/販導入), while every
overlapping pair of characters catches the words two texts share whatever their length.
English words are lower-cased and lightly stemmed. Concepts (see ``lexicon``) add one
term per thing named, whatever word names it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import filterfalse, islice
from operator import add

from .lexicon import CONCEPTS

CONCEPT_PREFIX = "~"
_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+")
# Full-width letters and digits (ＡＢＣ１２３) as ASCII; other full-width signs are not terms.
_WIDE = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_NARROW = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF5B)}

# Pairs of characters that carry no subject (function words, filler of every proposal).
STOP_BIGRAMS = frozenset(
    """
    提供 透過 以及 進行 希望 目前 可以 能夠 我們 本案 本團 團隊 公司 計畫 方案 解決 問題
    需求 提案 相關 藉由 利用 使用 其中 如何 並且 因此 同時 讓民 民眾 市民 市府 政府 本市
    導入 建置 推動 協助 達到 提升 有效 降低 增加 改善 一個 一套 這些 各種 許多 不同 所有
    服務 系統 平台 智慧 資訊 管理 整合 效率 方式 以上 以下 之後 之前 每天 每日 已經 仍然
    並可 即可 可在 可以 以便 至少 包括 包含 例如 等等 須要 需要 造成 導致 成為 作為 進而
    """.split()
)
STOP_WORDS = frozenset(
    """
    a an and are as at be by can for from has have in into is it its of on or our that the
    their this to via we with will which who using use based new our platform system smart
    service services solution solutions data city citizens help helps provide provides
    """.split()
)


def normalize(text: str) -> str:
    """Full-width letters and digits as ASCII, lower case, 臺 as 台 (faster than NFKC)."""
    if _WIDE.search(text):
        text = text.translate(_NARROW)
    return text.lower().replace("臺", "台")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes", "uses")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


class _ConceptIndex:
    """Finds concept forms in a normalized text in one pass over its runs."""

    def __init__(self) -> None:
        self.by_bigram: dict[str, list[tuple[str, str]]] = {}
        self.by_word: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for concept in CONCEPTS:
            for form in concept.forms:
                runs = _RUN.findall(form)
                if len(runs) == 1 and not runs[0].isascii():
                    if len(form) >= 2:
                        self.by_bigram.setdefault(form[:2], []).append((form, concept.key))
                elif runs and all(run.isascii() for run in runs):
                    words = tuple(_stem(run) for run in runs)
                    self.by_word.setdefault(words[0], []).append((words, concept.key))
        for entries in self.by_bigram.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        for wentries in self.by_word.values():
            wentries.sort(key=lambda entry: -len(entry[0]))

    def find_in_run(self, run: str, pairs: Set[str], hits: dict[str, set[str]]) -> None:
        by_bigram = self.by_bigram
        for pair in by_bigram.keys() & pairs:
            for form, key in by_bigram[pair]:
                if len(form) == 2 or form in run:
                    hits.setdefault(key, set()).add(form)

    def find_in_words(self, words: list[str], hits: dict[str, set[str]]) -> None:
        by_word = self.by_word
        stems = list(map(_stem, words))
        starts = by_word.keys() & stems
        if not starts:
            return
        for i, stem in enumerate(stems):
            if stem in starts:
                for form, key in by_word[stem]:
                    if tuple(stems[i : i + len(form)]) == form:
                        hits.setdefault(key, set()).add(" ".join(words[i : i + len(form)]))


_CONCEPT_INDEX = _ConceptIndex()


@dataclass(slots=True)
class Terms:
    """What one text contributes to matching."""

    terms: list[str] = field(default_factory=list)  # bigrams and words, with repeats
    stopped: set[str] = field(default_factory=set)  # stop bigrams seen (for phrases only)
    concepts: dict[str, set[str]] = field(default_factory=dict)  # concept key -> forms seen
    runs: list[str] = field(default_factory=list)  # the normalized runs, for reasons

    def concept_terms(self) -> list[str]:
        return [CONCEPT_PREFIX + key for key in self.concepts]


def _words_of(runs: list[str]) -> Iterator[list[str]]:
    """Consecutive English runs, grouped so that multi-word forms can be found."""
    group: list[str] = []
    for run in runs:
        if run.isascii():
            group.append(run)
        elif group:
            yield group
            group = []
    if group:
        yield group


def analyse(text: str) -> Terms:
    """Bigrams, English words and concepts of a text (any string; never raises).

    Each Chinese run is paired at C speed (``map``); the tests on pairs (stop pair,
    letters) are made once per distinct pair, not once per place.
    """
    runs = _RUN.findall(normalize(text))
    result = Terms(runs=runs)
    cjk = [run for run in runs if not run.isascii()]
    if cjk:
        pairs: list[str] = []
        for run in cjk:
            if len(run) > 1:
                pairs += map(add, run[:-1], run[1:])
        distinct = set(pairs)
        stopped = STOP_BIGRAMS & distinct
        if not all(map(str.isalpha, cjk)):
            stopped_or_odd = stopped | {pair for pair in distinct if not pair.isalpha()}
        else:
            stopped_or_odd = stopped
        result.terms = (
            list(filterfalse(stopped_or_odd.__contains__, pairs)) if stopped_or_odd else pairs
        )
        result.stopped = stopped
        result.terms.extend(run for run in cjk if len(run) == 1)
        _CONCEPT_INDEX.find_in_run("|".join(cjk), distinct, result.concepts)
    if len(cjk) < len(runs):
        english = [run for run in runs if run.isascii()]
        result.terms.extend(_stem(run) for run in english if len(run) > 1 and run not in STOP_WORDS)
        for words in _words_of(runs):
            _CONCEPT_INDEX.find_in_words(words, result.concepts)
    return result


MAX_PHRASE = 8  # characters of a phrase shown as a reason


def shared_phrases(joined: str, shared: Iterable[str], wanted: Set[str], limit: int) -> list[str]:
    """Phrases of ``joined`` (runs joined by ``|``) grown around each shared term in turn.

    ``shared`` is ordered by weight; each bigram is widened while the pairs on either side
    are in ``wanted`` (all the shared pairs, stop pairs included), so 停車 and 車格 read as 停車格. English words are shown as they are.
    """
    phrases: list[str] = []
    shown = ""  # the phrases so far, joined by "|": a pair inside one is already shown
    for term in islice(shared, limit * 3):
        if len(phrases) >= limit:
            break
        if term.isascii():
            phrase = term
        else:
            position = joined.find(term)
            if position < 0 or term in shown:
                continue
            begin, end = position, position + 2
            while (
                begin > 0 and end - begin < MAX_PHRASE and joined[begin - 1 : begin + 1] in wanted
            ):
                begin -= 1
            while (
                end < len(joined)
                and end - begin < MAX_PHRASE
                and joined[end - 1 : end + 1] in wanted
            ):
                end += 1
            phrase = joined[begin:end]
        if phrase not in phrases:
            phrases.append(phrase)
            shown += "|" + phrase
    return phrases
