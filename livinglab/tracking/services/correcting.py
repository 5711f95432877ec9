"""Corrections to a confirmed meeting: a decision's status, agencies or deadline, and a
decision the record missed.

Each correction is an event on the history of every case the decision is about
(`corrected`, with what changed, who and when), and the state event a new status
implies; the case's responsible agencies (lead or supporting) and current deadline
follow, and with them the agencies' assignments (through `changes`).
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from livinglab.core.access import require
from livinglab.tracking.models import Case, CaseAgency, CaseLink, Decision, DecisionAgency
from livinglab.tracking.services import changes as case_changes
from livinglab.tracking.services import editing, lifecycle, recording

Kind = lifecycle.Kind
STATE_EVENTS = {Kind.TRACKED, Kind.DELISTED, Kind.REGULAR}


@dataclass
class Responsible:
    organisation: object  # orgs.Organisation
    role: str = DecisionAgency.Role.LEAD


def _agencies_of(decision: Decision) -> list[list[str]]:
    rows = decision.decision_agencies.select_related("organisation").order_by("pk")
    return [[row.organisation.name, row.role] for row in rows]


@transaction.atomic
def correct_decision(
    user,
    decision: Decision,
    *,
    status: str,
    deadline: dt.date | None,
    agencies: list[Responsible],
) -> dict:
    """Set the decision's status, deadline and agencies; return what changed.

    The decision is read again under a lock, so that what a correction records as
    "before" is what the registry held, whoever corrected it a moment earlier.
    """
    require(user, "change", decision)
    shown, decision = decision, Decision.objects.select_for_update().get(pk=decision.pk)
    changes: dict = {}
    if (decision.status or "") != (status or ""):
        changes["status"] = [decision.status, status]
        decision.status = status or ""
    if decision.deadline != deadline:
        changes["deadline"] = [_iso(decision.deadline), _iso(deadline)]
        decision.deadline, decision.deadline_mention = deadline, ""
    before = _agencies_of(decision)
    after = [[r.organisation.name, r.role] for r in _unique(agencies)]
    if sorted(before) != sorted(after):
        changes["agencies"] = [before, after]
        decision.decision_agencies.all().delete()
        for responsible in _unique(agencies):
            DecisionAgency.objects.create(
                decision=decision, organisation=responsible.organisation, role=responsible.role
            )
    if not changes:
        return changes
    decision.save(update_fields=["status", "deadline", "deadline_mention"])
    shown.status, shown.deadline = decision.status, decision.deadline
    shown.deadline_mention = decision.deadline_mention
    with case_changes.batch():  # after the cases' agencies and deadlines are settled
        for link in decision.links.active().select_related("case"):
            _follow(user, decision, link, changes)
    return changes


def _unique(agencies: list[Responsible]) -> list[Responsible]:
    seen: dict[int, Responsible] = {}
    for responsible in agencies:
        pk = responsible.organisation.pk
        if pk not in seen or responsible.role == DecisionAgency.Role.LEAD:
            seen[pk] = responsible
    return list(seen.values())


def _follow(user, decision: Decision, link: CaseLink, changes: dict) -> None:
    """The case of one link follows the corrected decision."""
    case = Case.objects.get(pk=link.case_id)
    lifecycle.record(case, Kind.CORRECTED, actor=user, decision=decision, payload=changes)
    if "status" in changes:
        effect = recording._effect(decision.status, False, link.role)
        if decision.status == "new" and recording.accepted_as_new(decision.text):
            effect = recording._accepted_effect(case, created=False)
        if effect in STATE_EVENTS:
            lifecycle.record(case, effect, actor=user, decision=decision)
    refresh_responsibility(case)


def refresh_responsibility(case: Case) -> None:
    """The case's agencies and deadline from its decisions: each agency with the role the
    latest decision naming it gives; the deadline of the latest decision."""
    decisions = (
        Decision.objects.filter(links__case=case, links__split_at__isnull=True)
        .select_related("meeting")
        .order_by("meeting__date", "meeting_id", "position")
        .distinct()
    )
    roles: dict[int, str] = {}
    latest = None
    for decision in decisions:
        latest = decision
        for row in decision.decision_agencies.all():
            roles[row.organisation_id] = row.role
    CaseAgency.objects.filter(case=case).exclude(organisation_id__in=roles).delete()
    for organisation_id, role in roles.items():
        CaseAgency.objects.update_or_create(
            case=case, organisation_id=organisation_id, defaults={"role": role}
        )
    if latest is not None and case.deadline != latest.deadline:
        case.deadline = latest.deadline
        case.save(update_fields=["deadline", "updated_at"])
    # What the secretariat set by hand since the latest decision still holds.
    editing.apply_by_hand(case, latest.meeting.date if latest is not None else None)


@transaction.atomic
def add_decision(
    user,
    meeting,
    *,
    text: str,
    case: Case | None,
    new_title: str = "",
    status: str = "",
    deadline: dt.date | None = None,
    agencies: list[Responsible] = (),
) -> Decision:
    """Add a decision the record missed to a confirmed meeting, about `case` or a new one."""
    require(user, "change", meeting)
    if case is not None and case.body_id != meeting.body_id:
        raise ValueError("the case belongs to another body")
    last = meeting.decisions.order_by("-position").values_list("position", flat=True).first()
    entry = {
        "text": text,
        "span": [0, 0],
        "status": status or None,
        "deadline": {"mention": "", "date": deadline.isoformat()} if deadline else None,
        "agencies": [
            {"mention": r.organisation.name, "name": r.organisation.name, "role": r.role}
            for r in _unique(list(agencies))
        ],
        "links": [
            {
                "name": case.title if case else new_title,
                "case": case.pk if case else "new:1",
                "title": case.title if case else new_title,
                "method": CaseLink.Method.MANUAL if case else CaseLink.Method.NEW,
                "confidence": 1.0,
                "role": CaseLink.Role.SUBJECT,
            }
        ],
    }
    position = 0 if last is None else last + 1
    decision = recording._decision(meeting, position, entry, recording._AgencyCache())
    placeholders: dict = {}
    with case_changes.batch():
        recording._apply(user, decision, entry, placeholders)
        for key in entry["links"]:
            target = placeholders[key["case"]]
            lifecycle.record(
                target, Kind.CORRECTED, actor=user, decision=decision, payload={"added": True}
            )
    return decision


def _iso(value) -> str | None:
    return value.isoformat() if value else None
