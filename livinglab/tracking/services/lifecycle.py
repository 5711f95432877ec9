"""A case's lifecycle: proposed → tracked → closed (delisted, regular, merged).

The events are the history and the source of truth. `record` appends one and, in the
same transaction, writes the state it implies onto the case (`replay`), so that lists
can filter on a column without the two ever disagreeing. Corrections are events too:
a decision moved to another case (`split`) or a merge undone (`unmerged`) make the
replay skip what they cancel; nothing is edited or deleted.
"""

import re
from collections import Counter
from dataclasses import astuple, dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from livinglab.core.access import require
from livinglab.tracking.models import Case, CaseAlias, CaseEvent, CaseLink
from livinglab.tracking.services import changes

Kind = CaseEvent.Kind


class CaseChangeRefused(ValueError):
    """A merge or a move the rules do not allow; the message says why, to the user."""


# 「提至副首長會議解列」, 「俟下次副首長會議上提出解除列管」: the body delists but the
# parent body has the last word. The words between 會議 and 解列 stay short so that
# 「尚未提至副首長會議列管，故逕於小組解列」 is not taken for a referral.
_REFERRAL = re.compile(
    r"(?:提至|提報|提交|送|俟|於)[^，。；,;]{0,8}?(?:副首長|副市長|首長|市長|上級)[^，。；,;]{0,4}?會議"
    r"[^，。；,;]{0,4}?(?:解列|解除列管)"
)


def referral_in(text: str) -> str:
    """The words that refer a delisting to the parent body, or ''."""
    found = _REFERRAL.search(text or "")
    return found.group(0) if found else ""


@dataclass
class State:
    state: str = Case.State.PROPOSED
    closure: str = ""
    pending: str = ""
    merged_into_id: int | None = None


def replay(events) -> State:
    """The state a sequence of events (in order) leaves a case in."""
    events = list(events)
    cancelled = _cancelled(events)
    state = State()
    for event in events:
        if event.pk in cancelled or (event.decision_id in cancelled.decisions(event)):
            continue
        _apply(state, event.kind, event.payload)
    return state


def moved_away(events) -> set[int]:
    """Ids of events caused by decisions that were later moved to another case."""
    events = list(events)
    cancelled = _cancelled(events)
    return {event.pk for event in events if event.decision_id in cancelled.decisions(event)}


class _Cancelled(set):
    """Event ids undone by an `unmerged`, and decisions moved away by a `split`."""

    def __init__(self) -> None:
        super().__init__()
        self.split: dict[int, int] = {}  # decision id → id of the split event

    def decisions(self, event) -> set[int]:
        return {d for d, split_id in self.split.items() if event.pk < split_id}


def _cancelled(events) -> _Cancelled:
    cancelled = _Cancelled()
    for event in events:
        if event.kind == Kind.UNMERGED and event.payload.get("merge_event"):
            cancelled.add(event.payload["merge_event"])
        elif event.kind == Kind.SPLIT and event.payload.get("decision"):
            cancelled.split[event.payload["decision"]] = event.pk
    return cancelled


def _apply(state: State, kind: str, payload: dict) -> None:
    if kind == Kind.LINKED:
        kind = payload.get("effect", Kind.NOTED)
    if kind == Kind.PROPOSED:
        # A closed case is not reopened by a proposal dated after its closure (an older
        # record imported late); it stays closed, with its closure.
        if state.state != Case.State.CLOSED:
            state.state = Case.State.PROPOSED
    elif kind == Kind.TRACKED:
        state.state, state.closure, state.pending, state.merged_into_id = "tracked", "", "", None
    elif kind in (Kind.DELISTED, Kind.REGULAR):
        state.state, state.closure = Case.State.CLOSED, str(kind)
        state.pending, state.merged_into_id = payload.get("pending", ""), None
    elif kind == Kind.MERGED:
        state.state, state.closure = Case.State.CLOSED, Case.Closure.MERGED
        state.pending, state.merged_into_id = "", payload["into"]
    elif kind == Kind.REFERRED:
        state.pending = payload.get("pending", "")


def refresh(case: Case) -> Case:
    """Write onto the case the state its events imply."""
    result = replay(case.events.order_by("on", "pk"))
    case.state, case.closure, case.pending = result.state, result.closure, result.pending
    case.merged_into_id = result.merged_into_id
    case.save(update_fields=["state", "closure", "pending", "merged_into", "updated_at"])
    return case


def record(case: Case, kind: str, *, actor, on=None, decision=None, payload=None, note=""):
    """Append an event and update the case's state with it, in one transaction."""
    meeting = decision.meeting if decision is not None else None
    with transaction.atomic():
        event = CaseEvent.objects.create(
            case=case,
            kind=kind,
            on=on or (meeting.date if meeting and meeting.date else timezone.localdate()),
            meeting=meeting,
            decision=decision,
            actor=actor,
            payload=payload or {},
            note=note,
        )
        if kind in _CANCELLING or case.events.filter(on__gt=event.on).exists():
            refresh(case)  # history changes before its end: replay it all
        else:
            _advance(case, event)
        changes.cases_changed([case])
    return event


# Events that undo earlier ones; after them the state must be replayed from the start.
_CANCELLING = (Kind.UNMERGED, Kind.SPLIT)


def _advance(case: Case, event) -> None:
    """Apply an event that comes last in the case's history to the state the earlier ones
    left, so that recording costs the same however long the history is. Nothing earlier
    can cancel a later event, so this equals `replay` of the whole history."""
    fields = ("state", "closure", "pending", "merged_into_id")
    current = Case.objects.filter(pk=case.pk).values_list(*fields).get()
    state = State(*current)
    _apply(state, event.kind, event.payload)
    case.state, case.closure, case.pending = state.state, state.closure, state.pending
    case.merged_into_id = state.merged_into_id
    case.save(update_fields=["state", "closure", "pending", "merged_into", "updated_at"])


def record_all(entries) -> list[CaseEvent]:
    """`record` for many events at once, in their order: (case, kind, decision, actor,
    payload) each. The events are written in one statement and each case's state follows
    as `record` would leave it, in a few statements whatever the number of events: a case
    whose history changes before its end (a cancelling event, or a later event already
    there) is replayed, the others advance from their stored state."""
    if not entries:
        return []
    today = timezone.localdate()
    events = [
        CaseEvent(
            case=case,
            kind=kind,
            on=decision.meeting.date if decision is not None and decision.meeting.date else today,
            meeting=decision.meeting if decision is not None else None,
            decision=decision,
            actor=actor,
            payload=payload or {},
        )
        for case, kind, decision, actor, payload in entries
    ]
    with transaction.atomic():
        CaseEvent.objects.bulk_create(events)
        instances: dict[int, list[Case]] = {}
        for case, *_rest in entries:
            instances.setdefault(case.pk, []).append(case)
        first_on: dict[int, object] = {}
        for event in events:
            first_on.setdefault(event.case_id, event.on)
            first_on[event.case_id] = min(first_on[event.case_id], event.on)
        last_on = dict(
            CaseEvent.objects.filter(case_id__in=instances)
            .values("case_id")
            .annotate(last=Max("on"))
            .values_list("case_id", "last")
        )
        replayed = {event.case_id for event in events if event.kind in _CANCELLING}
        replayed |= {pk for pk, on in first_on.items() if last_on.get(pk, on) > on}
        for pk in replayed:
            refresh(instances[pk][-1])
        _advance_all(
            [e for e in events if e.case_id not in replayed],
            {pk: cases for pk, cases in instances.items() if pk not in replayed},
        )
        changes.cases_changed(instances)
    return events


def _advance_all(events, instances: dict[int, list[Case]]) -> None:
    """`_advance` for events that each come last in their case's history, in order."""
    if not events:
        return
    fields = ("state", "closure", "pending", "merged_into_id")
    stored = Case.objects.filter(pk__in=instances).values_list("pk", *fields)
    states = {pk: State(*current) for pk, *current in stored}
    for event in events:
        _apply(states[event.case_id], event.kind, event.payload)
    now, alike = timezone.now(), {}
    for pk, cases in instances.items():
        state = states[pk]
        for case in cases:
            case.state, case.closure, case.pending = state.state, state.closure, state.pending
            case.merged_into_id, case.updated_at = state.merged_into_id, now
        alike.setdefault(astuple(state), []).append(pk)
    for values, pks in alike.items():  # one statement per distinct state: usually one or two
        written = dict(zip(fields, values, strict=True), updated_at=now)
        Case.objects.filter(pk__in=pks).update(**written)


def add_alias(case: Case, name: str, kind: str, *, from_case: Case | None = None) -> None:
    if name and name != case.title:
        CaseAlias.objects.get_or_create(
            case=case, name=name, defaults={"kind": kind, "from_case": from_case}
        )


# --- Services a secretary calls directly -------------------------------------------


@transaction.atomic
def rename_case(user, case: Case, title: str, *, decision=None) -> Case:
    require(user, "rename", case)
    return _rename(case, title.strip(), actor=user, decision=decision)


def _rename(case: Case, title: str, *, actor, decision=None, reason: str = "") -> Case:
    old = case.title
    if not title or title == old:
        return case
    case.title = title
    case.save(update_fields=["title", "updated_at"])
    case.aliases.filter(name=title).delete()  # the new title is no longer an alias
    kind = CaseAlias.Kind.VARIANT if reason else CaseAlias.Kind.RENAMED
    add_alias(case, old, kind)
    payload = {"from": old, "to": title, **({"reason": reason} if reason else {})}
    record(case, Kind.RENAMED, actor=actor, decision=decision, payload=payload)
    return case


def settle_title(case: Case, *, actor, decision=None) -> Case:
    """Take the spelling the body uses most when a variant overtakes the title.

    A slip in the first record (捕獸銹) should not name the case for ever once later
    records write it right (捕獸鋏); explicit renames are never undone this way.
    """
    names = Counter(
        case.links.active().filter(role=CaseLink.Role.SUBJECT).values_list("name", flat=True)
    )
    variants = set(case.aliases.filter(kind=CaseAlias.Kind.VARIANT).values_list("name", flat=True))
    best, count = max(names.items(), key=lambda pair: pair[1], default=(case.title, 0))
    if best in variants and count > names.get(case.title, 0):
        _rename(case, best, actor=actor, decision=decision, reason="usage")
    return case


@transaction.atomic
def merge_cases(user, sources: list[Case], target: Case, *, decision=None) -> Case:
    """Close each source as merged into target; target keeps their names as aliases."""
    require(user, "merge", target)
    for source in sources:
        require(user, "merge", source)
    _check_merge(sources, target)
    return _merge(sources, target, actor=user, decision=decision)


def _check_merge(sources, target: Case) -> None:
    # The same rules as the merge page: a merge that closed a case cannot be a target
    # (two cases would point at each other), and only open cases of the body merge.
    if target.closure == Case.Closure.MERGED or not target.is_open:
        raise CaseChangeRefused(_("Merge into a case that is still open, not a closed one."))
    for source in sources:
        if source.pk == target.pk:
            raise CaseChangeRefused(_("A case cannot be merged into itself."))
        if source.body_id != target.body_id:
            raise CaseChangeRefused(_("Only cases of the same body can be merged."))
        if not source.is_open:
            raise CaseChangeRefused(
                _("“%(title)s” is closed; only open cases can be merged.") % {"title": source.title}
            )


def carried_on_by(case: Case) -> Case:
    """The case that carries on `case` after merges (itself if it was not merged)."""
    seen = {case.pk}
    while case.merged_into_id and case.merged_into_id not in seen:
        seen.add(case.merged_into_id)
        case = case.merged_into
    return case


def _merge(sources, target: Case, *, actor, decision=None, note: str = "") -> Case:
    # A source that the target was itself merged into would close a loop.
    heir = carried_on_by(target).pk
    sources = [s for s in sources if s.pk not in (target.pk, heir) and s.body_id == target.body_id]
    for source in sources:
        merge_event = record(
            source,
            Kind.MERGED,
            actor=actor,
            decision=decision,
            payload={"into": target.pk},
            note=note,
        )
        names = [source.title, *source.aliases.values_list("name", flat=True)]
        for name in names:
            add_alias(target, name, CaseAlias.Kind.MERGED, from_case=source)
        record(
            target,
            Kind.MERGED_IN,
            actor=actor,
            decision=decision,
            payload={"source": source.pk, "title": source.title, "merge_event": merge_event.pk},
        )
    return target


@transaction.atomic
def unmerge_case(user, source: Case) -> Case:
    """Undo the merge that closed `source`: it is open again as it was before."""
    require(user, "unmerge", source)
    if source.closure != Case.Closure.MERGED:
        raise ValueError(f"case {source.pk} is not merged")
    target = source.merged_into
    merge_event = source.events.filter(kind=Kind.MERGED).order_by("-pk").first()
    payload = {"merge_event": merge_event.pk, "from": target.pk}
    record(source, Kind.UNMERGED, actor=user, payload=payload)
    target.aliases.filter(from_case=source).delete()
    record(target, Kind.UNMERGED, actor=user, payload={"source": source.pk})
    return source


@transaction.atomic
def split_link(user, link: CaseLink, *, into: Case | None = None, title: str = "") -> Case:
    """Move a decision that was linked to the wrong case to `into` (or a new case)."""
    origin = link.case
    require(user, "split", origin)
    if into is None:
        into = Case.objects.create(body=origin.body, title=title or link.name)
    require(user, "split", into)
    # Moving a decision to another body's case would show a closed body's decision in
    # a public case; moving it into a merged-away case would hide it.
    if into.body_id != origin.body_id:
        raise CaseChangeRefused(_("A decision can only move to a case of its own body."))
    if into.closure == Case.Closure.MERGED or into.pk == origin.pk:
        raise CaseChangeRefused(_("Move the decision to an open case, or to a new one."))
    effect = _effect_of(origin, link.decision)
    link.split_at = timezone.now()
    link.save(update_fields=["split_at"])
    CaseLink.objects.create(
        decision=link.decision,
        case=into,
        name=link.name,
        method=CaseLink.Method.MANUAL,
        confidence=1.0,
        reviewed_by=user,
        reviewed_at=timezone.now(),
    )
    record(origin, Kind.SPLIT, actor=user, payload={"decision": link.decision_id, "to": into.pk})
    on = link.decision.meeting.date
    payload = {"decision": link.decision_id, "from": origin.pk, "effect": effect}
    record(into, Kind.LINKED, actor=user, on=on, decision=link.decision, payload=payload)
    return into


def _effect_of(case: Case, decision) -> str:
    """The state change the decision made on `case`, to carry over when it moves."""
    events = case.events.filter(decision=decision).values_list("kind", "payload")
    for kind, payload in events:
        if kind == Kind.LINKED:  # it came from another case: carry the effect it brought
            kind = payload.get("effect", Kind.NOTED)
        if kind in (Kind.PROPOSED, Kind.TRACKED, Kind.DELISTED, Kind.REGULAR):
            return kind
    return Kind.NOTED


@transaction.atomic
def review_link(user, link: CaseLink, *, accept: bool) -> CaseLink:
    """Answer the review queue: accept merges the new case into the suggested one."""
    require(user, "review", link)
    if accept and link.suggested_case_id:
        # The suggestion may since have been merged itself.
        target = carried_on_by(link.suggested_case)
        if target.pk != carried_on_by(link.case).pk:
            _merge([link.case], target, actor=user, decision=link.decision)
    link.needs_review = False
    link.reviewed_by, link.reviewed_at = user, timezone.now()
    link.save(update_fields=["needs_review", "reviewed_by", "reviewed_at"])
    return link
