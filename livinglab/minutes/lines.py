"""Patterns anchored at line starts, searched at C speed.

``re`` tries a pattern that begins with ``^`` (MULTILINE) at every position of the
text, entering its matcher each time; the same pattern led by a newline lets it
skip to each newline in C first (several times faster over a whole record). A
``LinePattern`` gives the matches the ``^`` pattern would, with where each line
begins (a match after a newline includes that newline).
"""

from __future__ import annotations

import re
from collections.abc import Iterator


class LinePattern:
    """``re.compile("^" + body, re.M | flags)``, searched newline first.

    ``body`` must not begin with ``^`` nor match across the end of a line at its
    own end (no match may end just after a newline), so that no line start that
    the ``^`` pattern would find is taken by the newline before it.
    """

    def __init__(self, body: str, flags: int = 0, *, leads: str = "") -> None:
        """``leads``: a set (as inside [...]) holding the first non-blank character
        of every match; a line that begins otherwise is then passed over at once."""
        self.at_start = re.compile(f"(?:{body})", re.M | flags)
        guard = f"(?=[ \\t\\u3000]*[{leads}])" if leads else ""
        self.after_newline = re.compile(f"\\n{guard}(?:{body})", re.M | flags)

    def finditer(self, text: str, start: int, end: int) -> Iterator[tuple[int, re.Match[str]]]:
        """(line start, match) of each match in ``text[start:end]``, in order."""
        if start == 0 or text[start - 1 : start] == "\n":
            first = self.at_start.match(text, start, end)
            if first:
                yield start, first
                start = first.end()
        for match in self.after_newline.finditer(text, start, end):
            yield match.start() + 1, match
