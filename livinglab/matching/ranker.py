"""Ranking candidates for queries: BM25 over terms and concepts, then domain, tag and site boosts.

One ``Ranker`` is built over the candidates (the needs of a call, or its proposals, sites
or agencies) and asked for one query (``rank``) or many at once (``rank_many``: a batch's
text scores and boosts are computed as tables, not query by query). The text score comes
from ``Scorer`` objects; the lexical BM25 scorer is the one in use, and a
sentence-embedding scorer can be added to ``Ranker(scorers=…)`` without touching the rest
(its scores are scaled like BM25's; one with ``scores_many`` is asked once per batch).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

import bm25s
import numpy as np

from .lexicon import CONCEPT_BY_KEY
from .model import Item, Match, Reason, Site
from .text import CONCEPT_PREFIX, Terms, analyse, shared_phrases

# How much each kind of evidence adds, as a share of the query's best text score.
DOMAIN_WEIGHT = 0.35
TAG_WEIGHT = 0.10
SITE_WEIGHT = 0.15
CAPABILITY_WEIGHT = 0.15
# How much a stated domain counts against the one the text suggests, when not trusted.
DECLARED_SHARE = 0.5
TITLE_WEIGHT = 2
CONCEPT_WEIGHT = 2
MAX_TERMS_SHOWN = 4
MAX_CONCEPTS_SHOWN = 3
BATCH = 512  # queries scored together (a batch's score table: BATCH x candidates)


@dataclass(slots=True)
class Prepared:
    """An item with its terms, domain profile and tags worked out once."""

    item: Item
    title: Terms
    body: Terms
    domains: dict[str, float]
    tags: frozenset[str]
    capabilities: tuple[tuple[str, Terms], ...] = ()
    term_set: frozenset[str] = field(default_factory=frozenset)
    concepts: dict[str, set[str]] = field(default_factory=dict)
    joined: str = ""
    top_domain: str | None = None

    def document(self) -> list[str]:
        """Terms as a BM25 document: the title counts twice."""
        return self.title.terms * TITLE_WEIGHT + self.body.terms + self.concept_tokens()

    def query_ids(self, vocabulary: Mapping[str, int]) -> list[int]:
        """Ids of the terms as a BM25 query: each term once, the title's and concepts'
        repeated (their weight); terms the vocabulary lacks are left out."""
        known = vocabulary.keys()
        title = known & set(self.title.terms)
        body = known & set(self.body.terms)
        body -= title
        concepts = known & set(self.concept_tokens())
        lookup = vocabulary.__getitem__
        return sorted(
            list(map(lookup, title)) * TITLE_WEIGHT
            + list(map(lookup, body))
            + list(map(lookup, concepts)) * CONCEPT_WEIGHT
        )

    def concept_tokens(self) -> list[str]:
        return [CONCEPT_PREFIX + key for key in self.concepts]


def _domain_evidence(concepts: Mapping[str, set[str]]) -> dict[str, float]:
    counts: dict[str, float] = {}
    for key in concepts:
        domain = CONCEPT_BY_KEY[key].domain
        if domain:
            counts[domain] = counts.get(domain, 0.0) + 1.0
    total = sum(counts.values())
    return {domain: count / total for domain, count in counts.items()} if total else {}


def domain_profile(item: Item, concepts: Mapping[str, set[str]], trusted: bool) -> dict[str, float]:
    """Shares of each domain for an item: its stated domain if trusted, else mixed with the text's."""
    inferred = _domain_evidence(concepts)
    if item.domain and (trusted or not inferred):
        return {item.domain: 1.0}
    if not item.domain:
        return inferred
    mixed = {domain: share * (1 - DECLARED_SHARE) for domain, share in inferred.items()}
    mixed[item.domain] = mixed.get(item.domain, 0.0) + DECLARED_SHARE
    return mixed


def prepare(item: Item, trusted_domain: bool, capabilities: Sequence[str] = ()) -> Prepared:
    title, body = analyse(item.title or ""), analyse(item.text or "")
    concepts: dict[str, set[str]] = {}
    for part in (title, body):
        for key, forms in part.concepts.items():
            concepts.setdefault(key, set()).update(forms)
    domains = domain_profile(item, concepts, trusted_domain)
    tags = {tag for tag in item.tags if tag}
    tags.update(tag for key in concepts if (tag := CONCEPT_BY_KEY[key].tag))
    return Prepared(
        item=item,
        title=title,
        body=body,
        domains=domains,
        tags=frozenset(tags),
        capabilities=tuple((phrase, analyse(phrase)) for phrase in capabilities if phrase),
        term_set=frozenset(title.terms).union(body.terms, title.stopped, body.stopped),
        concepts=concepts,
        joined="|".join(title.runs + body.runs),
        top_domain=_top(domains),
    )


class Scorer(Protocol):
    """A text similarity: fitted on the candidates, then one score per candidate per query."""

    def fit(self, candidates: Sequence[Prepared]) -> None: ...

    def scores(self, query: Prepared) -> np.ndarray: ...


class LexicalScorer:
    """BM25 (bm25s, Lucene variant) over character bigrams, English words and concepts.

    bm25s computes every term's weight in every candidate once, as a sparse table (for
    each term, the candidates holding it); a batch of queries is scored from it at once
    (``scores_many``).
    """

    def __init__(self, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.size = 0
        self.vocabulary: dict[str, int] = {}
        self.idf_of: dict[str, float] = {}
        self.order_of: dict[str, int] = {}
        self.index: bm25s.BM25 | None = None
        self.csr: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def fit(self, candidates: Sequence[Prepared]) -> None:
        self.size = len(candidates)
        documents = [candidate.document() for candidate in candidates]
        frequency: dict[str, int] = {}
        for document in documents:
            for term in set(document):
                frequency[term] = frequency.get(term, 0) + 1
        size = self.size
        self.idf_of = {
            term: math.log(1 + (size - count + 0.5) / (count + 0.5))
            for term, count in frequency.items()
        }
        # Every known term's place when sorted by weight (rarest first): reasons list the
        # shared terms in this order without sorting each query's terms.
        ordered = sorted(self.idf_of, key=lambda term: (-self.idf_of[term], term))
        self.order_of = {term: place for place, term in enumerate(ordered)}
        self.index, self.csr, self.vocabulary = None, None, {}
        if not frequency:
            return
        self.index = bm25s.BM25(k1=self.k1, b=self.b, method="lucene")
        self.index.index(documents, show_progress=False)
        self.vocabulary = self.index.vocab_dict
        scores = self.index.scores
        self.csr = (
            np.asarray(scores["indptr"], dtype=np.int64),
            np.asarray(scores["indices"], dtype=np.int64),
            np.asarray(scores["data"], dtype=np.float64),
        )

    def idf(self, term: str) -> float:
        return self.idf_of.get(term, 0.0)

    def scores(self, query: Prepared) -> np.ndarray:
        return self.scores_many([query])[0]

    def scores_many(self, queries: Sequence[Prepared]) -> np.ndarray:
        """Scores of every candidate for several queries (one row each).

        bm25s keeps, for each term, the candidates holding it and their weights (a CSR
        table). The entries of all the queries' terms are cut out of it at once and
        summed per (query, candidate) cell: about as many additions as the queries have
        (term, candidate) pairs, with no Python loop over candidates.
        """
        found = np.zeros((len(queries), self.size))
        if self.csr is None:
            return found
        ids: list[int] = []
        counts: list[int] = []
        for query in queries:
            mine = query.query_ids(self.vocabulary)
            ids += mine
            counts.append(len(mine))
        if not ids:
            return found
        indptr, columns, weights = self.csr
        terms = np.asarray(ids, dtype=np.int64)
        begins = indptr[terms]
        lengths = indptr[terms + 1] - begins
        total = int(lengths.sum())
        # Positions of every entry of every term: each term's begin, then +1, +2, …
        ends = np.cumsum(lengths)
        positions = np.arange(total) + np.repeat(begins - (ends - lengths), lengths)
        query_rows = np.repeat(np.repeat(np.arange(len(queries)), counts), lengths)
        cells = query_rows * self.size + columns[positions]
        sums = np.bincount(cells, weights=weights[positions], minlength=len(queries) * self.size)
        return sums.reshape(len(queries), self.size)


class Ranker:
    """Candidates indexed once; ``rank(query, k)`` gives the best ``k`` with reasons."""

    def __init__(
        self,
        candidates: Sequence[Item],
        *,
        trusted_domains: bool,
        sites: Mapping[str, Site] | None = None,
        scorers: Sequence[tuple[Scorer, float]] | None = None,
    ) -> None:
        self.sites = dict(sites or {})
        self.candidates = [
            prepare(item, trusted_domains, self._capabilities_of(item)) for item in candidates
        ]
        self.lexical = LexicalScorer()
        self.scorers: list[tuple[Scorer, float]] = [(self.lexical, 1.0), *(scorers or ())]
        for scorer, _weight in self.scorers:
            scorer.fit(self.candidates)
        self._build_boost_tables()

    def _capabilities_of(self, item: Item) -> tuple[str, ...]:
        if item.id in self.sites and not item.sites:
            return self.sites[item.id].capabilities
        return tuple(
            phrase
            for site in item.sites
            if site in self.sites
            for phrase in self.sites[site].capabilities
        )

    def _build_boost_tables(self) -> None:
        """One row per candidate: its domain shares, then its tags (as 1)."""
        domains = sorted({d for c in self.candidates for d in c.domains})
        tags = sorted({t for c in self.candidates for t in c.tags})
        self.feature_index = {("domain", d): i for i, d in enumerate(domains)}
        self.feature_index.update({("tag", t): len(domains) + i for i, t in enumerate(tags)})
        self.features = np.zeros((len(self.candidates), len(self.feature_index) or 1))
        self.by_site: dict[str, list[int]] = {}
        for row, candidate in enumerate(self.candidates):
            for domain, share in candidate.domains.items():
                self.features[row, self.feature_index["domain", domain]] = share
            for tag in candidate.tags:
                self.features[row, self.feature_index["tag", tag]] = 1.0
            for site in candidate.item.sites:
                self.by_site.setdefault(site, []).append(row)
        # Capabilities: one column per distinct phrase; a candidate's cell is the share
        # of its capabilities that phrase is (a query meeting it adds that share).
        phrases: dict[str, int] = {}
        self.capability_terms: list[tuple[str, Terms]] = []
        cells: dict[tuple[int, int], float] = {}
        for row, candidate in enumerate(self.candidates):
            for phrase, terms in candidate.capabilities:
                if phrase not in phrases:
                    phrases[phrase] = len(self.capability_terms)
                    self.capability_terms.append((phrase, terms))
                cell = (phrases[phrase], row)
                cells[cell] = cells.get(cell, 0.0) + 1.0 / len(candidate.capabilities)
        self.capability_table = np.zeros((len(self.capability_terms), len(self.candidates)))
        self.meeting: dict[str, np.ndarray] = {}  # phrase of a query's site -> candidates
        for (column, row), share in cells.items():
            self.capability_table[column, row] = share

    def prepare_query(self, item: Item, trusted_domain: bool) -> Prepared:
        """A query with its terms; the capabilities of its own sites too (a need's sites,
        when proposals are ranked for it), which candidates that ask for them meet."""
        catalogue = self.sites
        capabilities = tuple(
            phrase
            for site in item.sites
            if site in catalogue
            for phrase in catalogue[site].capabilities
        )
        return prepare(item, trusted_domain, capabilities)

    def _meeting(self, phrase: str, terms: Terms) -> np.ndarray:
        """Which candidates ask for a capability of the query's sites (1 or 0 each)."""
        found = self.meeting.get(phrase)
        if found is None:
            pair = [(phrase, terms)]
            found = np.array(
                [bool(_capabilities_met(candidate, pair)) for candidate in self.candidates],
                dtype=np.float64,
            )
            self.meeting[phrase] = found
        return found

    def _query_features(self, query: Prepared) -> np.ndarray | None:
        weights = [0.0] * self.features.shape[1]
        index = self.feature_index
        used = False
        for domain, share in query.domains.items():
            if (column := index.get(("domain", domain))) is not None:
                weights[column], used = DOMAIN_WEIGHT * share, True
        for tag in query.tags:
            if (column := index.get(("tag", tag))) is not None:
                weights[column], used = TAG_WEIGHT / len(query.tags), True
        return np.array(weights) if used else None

    def scores(self, query: Prepared) -> np.ndarray:
        """Final scores of every candidate for one query."""
        return self.score_table([query])[0]

    def score_table(self, queries: Sequence[Prepared]) -> np.ndarray:
        """Final scores, one row per query and one column per candidate: the text scores
        of all the queries at once, then the boosts as products of small tables."""
        text = np.zeros((len(queries), len(self.candidates)))
        for scorer, weight in self.scorers:
            many = getattr(scorer, "scores_many", None)
            if many is not None:
                found = many(queries)
            else:
                found = np.array([scorer.scores(query) for query in queries])
            text += weight * np.asarray(found, dtype=np.float64)
        scale = np.maximum(text.max(axis=1, initial=0.0), 1.0)
        features = np.zeros((len(queries), self.features.shape[1]))
        for row, query in enumerate(queries):
            weights = self._query_features(query)
            if weights is not None:
                features[row] = weights
        boost = features @ self.features.T
        for row, query in enumerate(queries):
            for site in query.item.sites:
                for column in self.by_site.get(site, ()):
                    boost[row, column] += SITE_WEIGHT
        if self.capability_terms:
            met = np.array(
                [
                    [bool(_capabilities_met(query, [pair])) for pair in self.capability_terms]
                    for query in queries
                ],
                dtype=np.float64,
            )
            boost += CAPABILITY_WEIGHT * (met @ self.capability_table)
        for row, query in enumerate(queries):
            for phrase, terms in query.capabilities:
                share = CAPABILITY_WEIGHT / len(query.capabilities)
                boost[row] += share * self._meeting(phrase, terms)
        return text + scale[:, None] * boost

    def rank(self, query: Prepared, k: int) -> list[Match]:
        return self.rank_many([query], k)[0]

    def rank_groups(self, query: Prepared, groups: Sequence[str], k: int) -> list[Match]:
        """The best ``k`` groups of candidates (``groups[i]`` is candidate i's: the agency
        of a need), each scored and explained by its best candidate."""
        if not self.candidates or k <= 0:
            return []
        scores = self.scores(query)
        best: dict[str, int] = {}
        for row, group in enumerate(groups):
            if group not in best or scores[row] > scores[best[group]]:
                best[group] = row
        chosen = sorted(best.items(), key=lambda pair: (-scores[pair[1]], pair[1]))[:k]
        return [
            Match(group, round(float(scores[row]), 4), self.reasons(query, self.candidates[row]))
            for group, row in chosen
        ]

    def rank_many(self, queries: Sequence[Prepared], k: int) -> list[list[Match]]:
        """The best ``k`` candidates of each query, with reasons, scored in batches."""
        if not self.candidates or k <= 0:
            return [[] for _ in queries]
        found: list[list[Match]] = []
        count = len(self.candidates)
        for start in range(0, len(queries), BATCH):
            batch = queries[start : start + BATCH]
            table = self.score_table(batch)
            if k < count:
                best = np.argpartition(-table, k - 1, axis=1)[:, :k]
            else:
                best = np.broadcast_to(np.arange(count), (len(batch), count))
            for query, scores, rows in zip(batch, table, best.tolist(), strict=True):
                rows.sort(key=lambda row: (-scores[row], row))
                found.append(
                    [
                        Match(
                            id=self.candidates[row].item.id,
                            score=round(float(scores[row]), 4),
                            reasons=self.reasons(query, self.candidates[row]),
                        )
                        for row in rows
                    ]
                )
        return found

    def reasons(self, query: Prepared, candidate: Prepared) -> tuple[Reason, ...]:
        found: list[Reason] = []
        shared = query.term_set & candidate.term_set
        if shared:
            order_of = self.lexical.order_of
            seeds = sorted(shared & order_of.keys(), key=order_of.__getitem__)
            terms = shared_phrases(query.joined, seeds, shared, MAX_TERMS_SHOWN)
            if terms:
                found.append(Reason("terms", tuple(terms)))
        both = query.concepts.keys() & candidate.concepts.keys()
        order_of = self.lexical.order_of
        last = len(order_of)
        concepts = sorted(both, key=lambda key: (order_of.get(CONCEPT_PREFIX + key, last), key))
        if concepts:
            found.append(
                Reason(
                    "concepts",
                    tuple(
                        _concept_text(key, frozenset(query.concepts[key] | candidate.concepts[key]))
                        for key in concepts[:MAX_CONCEPTS_SHOWN]
                    ),
                )
            )
        query_domain = query.top_domain
        if query_domain and query_domain == candidate.top_domain:
            found.append(Reason("domain", (query_domain,)))
        tags = sorted(query.tags & candidate.tags)
        if tags:
            found.append(Reason("tags", tuple(tags)))
        sites = [site for site in query.item.sites if site in candidate.item.sites]
        if sites:
            found.append(Reason("sites", tuple(sites)))
        met = _capabilities_met(query, candidate.capabilities) if candidate.capabilities else []
        if query.capabilities:
            met += _capabilities_met(candidate, query.capabilities)
        if met:
            found.append(Reason("capabilities", tuple(dict.fromkeys(met))))
        return tuple(found) or (Reason("none"),)


def _top(domains: Mapping[str, float]) -> str | None:
    return max(domains.items(), key=lambda pair: (pair[1], pair[0]))[0] if domains else None


@lru_cache(maxsize=4096)
def _concept_text(key: str, forms: frozenset[str]) -> str:
    concept = CONCEPT_BY_KEY[key]
    shown = sorted(form for form in forms if form != concept.label)[:3]
    return f"{concept.label}（{'／'.join(shown)}）" if shown else concept.label


def _capabilities_met(query: Prepared, capabilities: Sequence[tuple[str, Terms]]) -> list[str]:
    """Capabilities a query asks for: a shared concept, or half of their terms in its text."""
    met = []
    for phrase, terms in capabilities:
        if set(terms.concepts) & set(query.concepts):
            met.append(phrase)
        elif terms.terms:
            present = sum(term in query.term_set for term in terms.terms)
            if present * 2 >= len(terms.terms):
                met.append(phrase)
    return met
