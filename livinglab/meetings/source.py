"""A meeting's source text cut into plain and highlighted segments.

Templates escape each segment as usual and wrap decisions in `<mark>`; the source is
never marked safe, so nothing in a record can inject markup.
"""

from dataclasses import dataclass


@dataclass
class Segment:
    text: str
    decision: object | None = None


def highlighted(meeting, decisions) -> list[Segment]:
    if meeting.document is None:
        return []
    start, end = meeting.span_start, meeting.span_end or len(meeting.document.text)
    text = meeting.document.text
    segments: list[Segment] = []
    cursor = start
    ordered = sorted(decisions, key=lambda d: (d.span_start, d.pk))
    for i, decision in enumerate(ordered):
        # An item that contains sub-items is marked up to its first sub-item, so that
        # every decision gets its own mark.
        following = [d.span_start for d in ordered[i + 1 :] if d.span_start > decision.span_start]
        a = max(decision.span_start, cursor)
        b = min(decision.span_end, end, *following[:1])
        if b <= a:
            continue  # empty, or outside this meeting
        if a > cursor:
            segments.append(Segment(text[cursor:a]))
        segments.append(Segment(text[a:b], decision))
        cursor = b
    if cursor < end:
        segments.append(Segment(text[cursor:end]))
    return segments
