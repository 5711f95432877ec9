"""The clause or sentence before a position: where a status word or an agency
mention is qualified (不予解列, 感謝…, 請…)."""

from __future__ import annotations

import re

CLAUSE_STOP = re.compile(r"[，,。；;！？\n]")
CLAUSE_OR_COLON_STOP = re.compile(r"[，,。；;：:！？\n]")
SENTENCE_STOP = re.compile(r"[。；;！？\n]")


def before(text: str, position: int, stop: re.Pattern[str], limit: int = 60) -> str:
    """The text from the last ``stop`` character (at most ``limit`` back) to ``position``."""
    segment = text[max(0, position - limit) : position]
    match = stop.search(segment[::-1])  # the nearest stop, searched backwards
    return segment[len(segment) - match.start() :] if match else segment
