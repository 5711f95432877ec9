"""Chinese text for search: one spelling for variants, and the grams an index keeps.

The databases' own text search splits words on spaces, which Chinese does not have.
Instead every name is cut into overlapping pairs of characters (bigrams): 「捕獸鋏」 →
「捕獸」「獸鋏」. A query matches a case when the case has (most of) the query's pairs,
so 「捕獸」 finds 「山區捕獸鋏及山豬吊宣導」 on SQLite and PostgreSQL alike.
"""

import math
import re
import unicodedata

# Variant characters written interchangeably in official names.
_VARIANTS = str.maketrans(
    {
        "臺": "台",
        "峯": "峰",
        "裏": "裡",
        "綫": "線",
        "爲": "為",
        "啓": "啟",
        "衆": "眾",
        "着": "著",
        "羣": "群",
        "眞": "真",
        "溼": "濕",
        "鷄": "雞",
    }
)
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalise(text: str) -> str:
    """Full width to half width, lower case, one spelling per variant, no punctuation."""
    text = unicodedata.normalize("NFKC", text or "").casefold().translate(_VARIANTS)
    return _NOT_WORD.sub(" ", text).strip()


def grams_of(text: str) -> set[str]:
    """Every character and every pair of neighbouring characters, word by word."""
    grams: set[str] = set()
    for word in normalise(text).split():
        grams.update(word)
        grams.update(word[i : i + 2] for i in range(len(word) - 1))
    return grams


def query_terms(query: str) -> list[tuple[list[str], int]]:
    """For each word of a query: the grams to look for and how many must be present.

    A word of one character needs that character. Longer words need all their pairs
    when they have one or two, and three in five when longer, so that a word written
    in another order (青創合作交流 / 青創交流合作) or with a word left out
    (捕獸鋏宣導 / 捕獸鋏及山豬吊宣導) is still found.
    """
    terms = []
    for word in normalise(query).split():
        if len(word) == 1:
            terms.append(([word], 1))
            continue
        pairs = sorted({word[i : i + 2] for i in range(len(word) - 1)})
        needed = len(pairs) if len(pairs) <= 2 else math.ceil(len(pairs) * 0.6)
        terms.append((pairs, needed))
    return terms
