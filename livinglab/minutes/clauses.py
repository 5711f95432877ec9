"""The clause or sentence before a position: where a status word or an agency
mention is qualified (不予解列, 感謝…, 請…)."""

from __future__ import annotations

import re

CLAUSE_STOP = re.compile(r"[，,。；;！？\n]")
CLAUSE_OR_COLON_STOP = re.compile(r"[，,。；;：:！？\n]")
SENTENCE_STOP = re.compile(r"[。；;！？\n]")
# Up to the last stop character: ``.*`` runs to the end and backs off to it, in C.
_THROUGH_LAST = {
    stop: re.compile(".*" + stop.pattern, re.S)
    for stop in (CLAUSE_STOP, CLAUSE_OR_COLON_STOP, SENTENCE_STOP)
}


def before(text: str, position: int, stop: re.Pattern[str], limit: int = 60) -> str:
    """The text from the last ``stop`` character (at most ``limit`` back) to ``position``."""
    if stop not in _THROUGH_LAST:
        segment = text[max(0, position - limit) : position]
        match = stop.search(segment[::-1])  # the nearest stop, searched backwards
        return segment[len(segment) - match.start() :] if match else segment
    return text[clause_start(text, position, stop, limit) : position]


def clause_start(text: str, position: int, stop: re.Pattern[str], limit: int = 60) -> int:
    """Where ``before`` begins its clause (``stop`` one of the three above): for a
    caller that searches the text in place rather than a copy."""
    start = position - limit if position > limit else 0
    match = _THROUGH_LAST[stop].match(text, start, position)
    return match.end() if match else start
