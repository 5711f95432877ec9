"""What the case and meeting pages read: a case's lineage and timeline, a meeting's decisions.

Each function reads in a fixed number of queries, whatever the length of the history.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from livinglab.core.roc import official_date
from livinglab.tracking.models import (
    Case,
    CaseAlias,
    CaseEvent,
    CaseLink,
    Decision,
    DecisionAgency,
)
from livinglab.tracking.services import identity, lifecycle


@dataclass
class Lineage:
    merged_into: Case | None
    merged_from: list[Case]
    renamed_from: list[str]
    also_written: list[str]


def lineage(case: Case) -> Lineage:
    aliases = list(case.aliases.all())
    return Lineage(
        merged_into=case.merged_into,
        merged_from=list(Case.objects.filter(merged_into=case).order_by("pk")),
        renamed_from=[a.name for a in aliases if a.kind == CaseAlias.Kind.RENAMED],
        also_written=[a.name for a in aliases if a.kind != CaseAlias.Kind.RENAMED],
    )


@dataclass
class Entry:
    """One step of a case's history: a decision of a meeting, or a change made by hand."""

    on: object
    decision: Decision | None = None
    events: list[CaseEvent] = field(default_factory=list)


# What the case page prints of a decision and its meeting (and the keys that join them).
TIMELINE_FIELDS = (
    "case",
    "decision",
    "decision__path",
    "decision__text",
    "decision__status",
    "decision__deadline",
    "decision__deadline_mention",
    "decision__meeting",
    "decision__meeting__title",
    "decision__meeting__date",
)


def entries(case: Case) -> list[Entry]:
    """Every decision about the case across meetings, with the events each caused."""
    links = (
        case.links.active()
        .select_related("decision__meeting")
        .only(*TIMELINE_FIELDS)
        .order_by("decision__meeting__date", "decision__position", "pk")
    )
    events = list(case.events.select_related("actor").order_by("on", "pk"))
    by_decision: dict[int, Entry] = {}
    result: list[Entry] = []
    for link in links:
        meeting = link.decision.meeting
        entry = Entry(on=meeting.date, decision=link.decision)
        by_decision[link.decision_id] = entry
        result.append(entry)
    # A decision moved to another case leaves its events here, but they no longer
    # speak about this case: the split event itself tells the story.
    hidden = lifecycle.moved_away(events)
    for event in events:
        if event.pk in hidden:
            continue
        if event.kind in _CHANGE_EVENTS or event.payload.get("by_hand"):
            event.changes = correction_rows(event.payload)
        if event.decision_id in by_decision:
            by_decision[event.decision_id].events.append(event)
        else:
            result.append(Entry(on=event.on, events=[event]))
    result.sort(key=lambda e: (e.on is None, e.on or 0, e.decision is None))
    return result


# Events that say what they changed (before → after): a correction, a change by hand.
_CHANGE_EVENTS = {
    CaseEvent.Kind.CORRECTED,
    CaseEvent.Kind.AGENCIES,
    CaseEvent.Kind.DEADLINE,
    CaseEvent.Kind.IN_CHARGE,
}


@dataclass
class ChangeRow:
    """One field a correction changed, as the case page shows it."""

    label: str
    before: str
    after: str


def _date(value: str | None) -> str:
    """An ISO date of an event's payload as the reader expects it (ROC in Chinese)."""
    try:
        return official_date(dt.date.fromisoformat(value)) if value else "—"
    except (TypeError, ValueError):  # written by hand, or by an older version
        return str(value)


def correction_rows(payload: dict) -> list[ChangeRow]:
    """What a `corrected` event changed: status, deadline, agencies, or a decision added."""
    rows = []
    if payload.get("added"):
        rows.append(
            ChangeRow(pgettext("correction", "Decision"), "—", _("added to the meeting's record"))
        )
    if "state" in payload:
        before, after = payload["state"]
        rows.append(ChangeRow(_("State"), state_label(before), state_label(after)))
    if "person" in payload:
        before, after = payload["person"]
        label = _("Person in charge (%(agency)s)") % {"agency": payload.get("agency", "")}
        rows.append(ChangeRow(label, before or "—", after or "—"))
    if "status" in payload:
        before, after = payload["status"]
        rows.append(ChangeRow(_("Status"), _status(before), _status(after)))
    if "deadline" in payload:
        before, after = payload["deadline"]
        rows.append(ChangeRow(_("Deadline"), _date(before), _date(after)))
    if "agencies" in payload:
        before, after = payload["agencies"]
        rows.append(ChangeRow(_("Agencies"), _agencies(before), _agencies(after)))
    return rows


def state_label(value) -> str:
    """A state as a secretary sets it (`editing.state_of`): proposed, tracked or a closure."""
    if value in Case.State.values:
        return str(Case.State(value).label)
    if value in Case.Closure.values:
        return _("closed: %(closure)s") % {"closure": Case.Closure(value).label}
    return value or "—"


def _status(value) -> str:
    if not value:
        return "—"
    try:
        return str(Decision.Status(value).label)
    except ValueError:
        return str(value)


def _agencies(rows) -> str:
    names = []
    for name, role in rows or ():
        try:
            shown = DecisionAgency.Role(role).label
        except ValueError:
            shown = role
        names.append(_("%(name)s (%(role)s)") % {"name": name, "role": shown})
    return "、".join(names) or "—"


def decisions_of(meeting) -> list[Decision]:
    """A meeting's decisions in order; `active_links` names the cases each is about."""
    links = CaseLink.objects.active().select_related("case").order_by("pk")
    return list(
        meeting.decisions.order_by("position").prefetch_related(
            Prefetch("links", queryset=links, to_attr="active_links")
        )
    )


def review_queue(links):
    return (
        links.review_queue()
        .select_related("case", "suggested_case", "decision__meeting")
        .prefetch_related("suggested_case__aliases")
        .order_by("decision__meeting__date", "pk")
    )


@dataclass
class Suggestion:
    """Why the matcher suggested a case: how alike (as the draft showed it) and to what."""

    percent: int
    known: str  # the suggested case's title or alias the name resembled
    known_is_title: bool
    likeness: identity.Likeness


def suggestion(link: CaseLink) -> Suggestion | None:
    case = link.suggested_case
    if case is None:
        return None
    if link.suggested_score is not None and link.suggested_name:
        score, known = link.suggested_score, link.suggested_name
    else:  # a link recorded before the draft's score was kept: score it again
        names = [case.title, *(alias.name for alias in case.aliases.all())]
        score, known = max((identity.similarity(link.name, n), n) for n in names)
    return Suggestion(
        percent=round(score * 100),
        known=known,
        known_is_title=known == case.title,
        likeness=identity.explain(link.name, known),
    )
