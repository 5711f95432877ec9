"""What the ranker takes and gives: plain dataclasses, no Django."""

from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import DOMAIN_LABELS, TAG_LABELS


@dataclass(frozen=True, slots=True)
class Item:
    """A need, a proposal, an agency or anything else that is ranked by its text.

    ``id``: any string, unique within one ranking. ``title`` and ``text``: free text,
    Traditional Chinese with some English. ``domain``: a taxonomy key (``housing``,
    ``transport``, ``health``, ``education``, ``payments``, ``ecosystem`` or another), or
    None. ``tags``: priority tags (``traffic``, ``ageing``, ``carbon``). ``sites``: ids of
    field sites the item names (a need's sites, a proposal's wished-for sites).
    """

    id: str
    title: str
    text: str = ""
    domain: str | None = None
    tags: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()


Need = Item
Proposal = Item
Agency = Item


@dataclass(frozen=True, slots=True)
class Site:
    """A field site: ``capabilities`` are short phrases (``5G 專網``, ``路側設備``, ``充電樁``)."""

    id: str
    name: str
    capabilities: tuple[str, ...] = ()
    text: str = ""
    domain: str | None = None

    def as_item(self) -> Item:
        body = "\n".join((*self.capabilities, self.text))
        return Item(id=self.id, title=self.name, text=body, domain=self.domain)


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a match was suggested: ``kind`` is one of ``terms``, ``concepts``, ``domain``,
    ``tags``, ``sites``, ``capabilities``, ``none``; ``values`` are what was found."""

    kind: str
    values: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The reason in Traditional Chinese, as the CLI prints it."""
        joined = "、".join(self.values)
        if self.kind == "terms":
            return f"共同詞：{joined}"
        if self.kind == "concepts":
            return f"相關概念：{joined}"
        if self.kind == "domain":
            return f"領域相符：{'、'.join(DOMAIN_LABELS.get(v, v) for v in self.values)}"
        if self.kind == "tags":
            return f"優先議題：{'、'.join(TAG_LABELS.get(v, v) for v in self.values)}"
        if self.kind == "sites":
            return f"同一場域：{joined}"
        if self.kind == "capabilities":
            return f"場域具備：{joined}"
        return "無共同詞；依整體相似度排序"


@dataclass(frozen=True, slots=True)
class Match:
    """One suggestion: the id of the matched item, its score (higher is better) and why."""

    id: str
    score: float
    reasons: tuple[Reason, ...] = field(default_factory=tuple)

    @property
    def reason_texts(self) -> list[str]:
        return [reason.text for reason in self.reasons]
