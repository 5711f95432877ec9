"""The labelled set is complete and the ranker keeps its quality on it (P@3 >= 0.9)."""

from __future__ import annotations

import json
from pathlib import Path

from livinglab.matching import rank_all
from livinglab.matching.jsonl import read_items

DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "matching"
DOMAINS = {"housing", "transport", "health", "education", "payments", "ecosystem"}


def load():
    labels = [json.loads(line) for line in (DATA / "labels.jsonl").read_text("utf-8").splitlines()]
    return read_items(DATA / "needs.jsonl"), read_items(DATA / "proposals.jsonl"), labels


def test_the_set_covers_every_domain_tag_and_kind_of_wording():
    needs, proposals, labels = load()
    assert len(needs) >= 40 and len(proposals) >= 120
    assert DOMAINS <= {need.domain for need in needs}
    assert {"traffic", "ageing", "carbon"} <= {tag for need in needs for tag in need.tags}
    assert {label["proposal"] for label in labels} == {proposal.id for proposal in proposals}
    assert {label["need"] for label in labels} <= {need.id for need in needs}
    kinds = {kind for label in labels for kind in label["kinds"]}
    assert {"d", "s", "t", "e", "w", "m"} <= kinds
    assert sum(proposal.domain is None for proposal in proposals) >= 10


def test_the_right_need_is_among_the_first_three_for_nine_proposals_in_ten():
    needs, proposals, labels = load()
    rankings = rank_all(proposals, needs, k=3)
    found = sum(label["need"] in [m.id for m in rankings[label["proposal"]]] for label in labels)
    assert found / len(labels) >= 0.9
