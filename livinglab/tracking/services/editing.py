"""The secretariat sets a case by hand: its state (with the closure and a reason), its
lead and supporting agencies (主辦/協辦) and its deadline.

Each change is an event on the case's history saying what it was before and after, who
made it and when; the state through `lifecycle.record` like a decision's, the agencies and
the deadline in the transaction of their event. A later decision, or a correction of one,
that names agencies or a deadline overrides them, as a later decision overrides an
earlier one (`correcting.refresh_responsibility` replays both in date order).
"""

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from livinglab.core.access import require
from livinglab.tracking.models import Case, CaseAgency, DecisionAgency
from livinglab.tracking.services import lifecycle
from livinglab.tracking.services.lifecycle import CaseChangeRefused

Kind = lifecycle.Kind
Role = DecisionAgency.Role

# What a secretary may set, and the event each records (merged needs the case it joins).
STATE_EVENTS = {
    "proposed": Kind.PROPOSED,
    "tracked": Kind.TRACKED,
    "delisted": Kind.DELISTED,
    "regular": Kind.REGULAR,
    "merged": Kind.MERGED,
}


def state_of(case: Case) -> str:
    """The case's state as a secretary chooses it: proposed, tracked or its closure."""
    return case.closure if case.state == Case.State.CLOSED else case.state


@transaction.atomic
def set_state(user, case: Case, target: str, *, reason: str, into: Case | None = None) -> Case:
    """Track, propose or close the case by hand; the reason is kept on its history."""
    require(user, "change", case)
    case = Case.objects.select_for_update().get(pk=case.pk)
    reason = (reason or "").strip()
    before = state_of(case)
    if target not in STATE_EVENTS:
        raise CaseChangeRefused(_("Choose a state from the list."))
    if not reason:
        raise CaseChangeRefused(_("Give the reason for the change; it is kept on the history."))
    if target == before:
        raise CaseChangeRefused(_("The case is already in this state."))
    if case.closure == Case.Closure.MERGED:
        raise CaseChangeRefused(_("The case is merged into another: undo the merge first."))
    if target == "proposed" and case.state == Case.State.CLOSED:
        raise CaseChangeRefused(_("A closed case cannot become a proposal again; track it."))
    if target == "merged":
        if into is None:
            raise CaseChangeRefused(_("Choose the case it is merged into."))
        require(user, "merge", into)
        lifecycle._check_merge([case], into)
        lifecycle._merge([case], into, actor=user, note=reason)
    else:
        payload = {"by_hand": True, "state": [before, target]}
        lifecycle.record(case, STATE_EVENTS[target], actor=user, payload=payload, note=reason)
    case.refresh_from_db()
    return case


def _agency_rows(case: Case) -> list[list]:
    rows = case.case_agencies.select_related("organisation").order_by("role", "pk")
    return [[row.organisation.name, row.role, row.organisation_id] for row in rows]


@transaction.atomic
def set_agencies(user, case: Case, agencies: list) -> Case:
    """The case's lead and supporting agencies (`correcting.Responsible`), replacing the
    ones its decisions gave; named as lead and as supporting, an agency leads."""
    require(user, "change", case)
    case = Case.objects.select_for_update().get(pk=case.pk)
    chosen: dict[int, list] = {}
    for responsible in agencies:
        organisation = responsible.organisation
        if organisation.pk not in chosen or responsible.role == Role.LEAD:
            chosen[organisation.pk] = [organisation.name, responsible.role, organisation.pk]
    after = list(chosen.values())
    if not any(role == Role.LEAD for _name, role, _pk in after):
        raise CaseChangeRefused(_("Name at least one lead agency (主辦)."))
    before = _agency_rows(case)
    if sorted(map(tuple, before)) == sorted(map(tuple, after)):
        raise CaseChangeRefused(_("These are already the case's agencies."))
    CaseAgency.objects.filter(case=case).exclude(organisation_id__in=chosen).delete()
    for _name, role, pk in after:
        CaseAgency.objects.update_or_create(case=case, organisation_id=pk, defaults={"role": role})
    payload = {
        "agencies": [[row[:2] for row in before], [row[:2] for row in after]],
        "roles": [[pk, role] for _name, role, pk in after],
    }
    lifecycle.record(case, Kind.AGENCIES, actor=user, payload=payload)
    return case


@transaction.atomic
def set_deadline(user, case: Case, deadline: dt.date | None) -> Case:
    """The case's current deadline; the agencies' assignments follow it unless a secretary
    set an assignment's own deadline."""
    require(user, "change", case)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.deadline == deadline:
        raise CaseChangeRefused(_("This is already the case's deadline."))
    before = case.deadline.isoformat() if case.deadline else None
    case.deadline = deadline
    case.save(update_fields=["deadline", "updated_at"])
    after = deadline.isoformat() if deadline else None
    lifecycle.record(case, Kind.DEADLINE, actor=user, payload={"deadline": [before, after]})
    return case


def apply_by_hand(case: Case, since: dt.date | None) -> None:
    """After the decisions set the case's agencies and deadline again: the changes made by
    hand on or after the latest decision's date still hold."""
    events = case.events.filter(kind__in=[Kind.AGENCIES, Kind.DEADLINE]).order_by("on", "pk")
    if since is not None:
        events = events.filter(on__gte=since)
    for event in events:
        if event.kind == Kind.AGENCIES:
            roles = dict(event.payload.get("roles") or [])
            CaseAgency.objects.filter(case=case).exclude(organisation_id__in=roles).delete()
            for pk, role in roles.items():
                CaseAgency.objects.update_or_create(
                    case=case, organisation_id=pk, defaults={"role": role}
                )
        else:
            after = (event.payload.get("deadline") or [None, None])[1]
            case.deadline = dt.date.fromisoformat(after) if after else None
            case.save(update_fields=["deadline", "updated_at"])
