"""Chinese text for search: one spelling for variants, and the grams an index keeps.

The databases' own text search splits words on spaces, which Chinese does not have.
Instead every text of a case (its names, decisions and agencies) is cut into characters
and overlapping pairs of characters (bigrams): 「捕獸鋏」 → 「捕」「獸」「鋏」「捕獸」「獸鋏」.
A query matches a case when the case has every gram of the query's pieces, so 「捕獸」
finds 「山區捕獸鋏及山豬吊宣導」 on SQLite and PostgreSQL alike.
"""

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


def pieces_of(word: str) -> list[str]:
    """The parts of one query word that a case's text must each contain.

    Up to three characters, the word itself. Longer words are cut into pairs (the first
    part three characters when the length is odd): 「林口招商」 → 「林口」「招商」,
    「捕獸鋏宣導」 → 「捕獸鋏」「宣導」. Each part is a piece of the word, so a text
    holding the whole word holds every part and is always found; the parts may also
    stand apart or in another order (青創合作交流 / 青創交流合作, 捕獸鋏及山豬吊宣導).
    """
    if len(word) <= 3:
        return [word]
    head = 3 if len(word) % 2 else 2
    return [word[:head]] + [word[i : i + 2] for i in range(head, len(word), 2)]


def query_grams(query: str) -> list[str]:
    """Every gram a case must have to match `query`, in the order they first appear.

    Each word of the query is cut into `pieces_of`; a piece of one character needs
    that character, a longer one each of its pairs. A case matches when it has all of
    them: a conjunction, which the index answers by walking gram lists in page order.
    """
    grams: dict[str, None] = {}
    for word in normalise(query).split():
        for piece in pieces_of(word):
            if len(piece) == 1:
                grams[piece] = None
            else:
                grams.update(dict.fromkeys(piece[i : i + 2] for i in range(len(piece) - 1)))
    # A character that a wanted pair holds needs no lookup of its own.
    in_pairs = {char for gram in grams if len(gram) == 2 for char in gram}
    return [gram for gram in grams if len(gram) == 2 or gram not in in_pairs]


def saving_search_text(save_kwargs: dict) -> dict:
    """`save()` arguments that also write `search_text` when only some fields are saved
    (a model keeps a normalised copy of its words for search)."""
    update_fields = save_kwargs.get("update_fields")
    if update_fields is None:
        return save_kwargs
    return {**save_kwargs, "update_fields": {*update_fields, "search_text"}}
