"""Writing a confirmed meeting: its decisions, their cases and what each did to them.

Called by `importing.confirm_import` inside its transaction, after `require`.
"""

import datetime as dt
import re

from django.db.models import prefetch_related_objects
from django.db.models.signals import post_save
from django.utils import timezone

from livinglab.minutes.clauses import CLAUSE_STOP, clause_start
from livinglab.orgs.models import Organisation
from livinglab.orgs.services import resolve_agency
from livinglab.tracking.models import Case, CaseAgency, CaseLink, Decision, DecisionAgency
from livinglab.tracking.services import changes, lifecycle

Kind = lifecycle.Kind


def record_meeting(
    user, meeting, items: list[dict], placeholders: dict, staging: "Staging | None" = None
) -> list[Decision]:
    """`placeholders` maps "new:N" keys to the cases created so far in this draft.

    With `staging` the meeting sits in a hidden body (see `importing`): its decisions and
    the cases it creates are written there, but what would change a case already in the
    registry, and the agencies of the new cases (which would show them to officers), wait
    for `Staging.switch`.
    """
    agencies = staging.agencies if staging is not None else _AgencyCache()
    writes = _Writes()
    with changes.batch():  # the agencies' assignments follow once, for the whole meeting
        decisions = _decisions(meeting, items, agencies, read_back=staging is None)
        for decision, entry in zip(decisions, items, strict=True):
            if not entry.get("track", True):
                pass
            elif staging is not None and staging.defers(entry):
                staging.deferred.append((decision.pk, entry))
            else:
                _apply(user, decision, entry, placeholders, writes, agencies=staging is None)
        writes.write()
    return decisions


class _Writes:
    """What a meeting's decisions do to their cases — links, each case's latest date and
    deadline, events — written together before anything reads them back (a merge, a
    rename, the meeting's end), a few statements whatever the number of decisions.

    `cases` holds the one instance of each registry case the decisions touch until then,
    so that a second decision about a case sees what the first did to it.
    """

    _DATED = ("last_decided_on", "deadline", "updated_at")

    def __init__(self) -> None:
        self.links: list[CaseLink] = []
        self.dated: dict[int, Case] = {}
        self.events: list[tuple] = []
        self.cases: dict[int, Case] = {}

    def add(self, case: Case, kind: str, *, actor, decision: Decision, payload: dict) -> None:
        self.events.append((case, kind, decision, actor, payload))

    def write(self) -> None:
        """Write what is held; models' `post_save` receivers hear of each row as if it
        had been saved alone (the search index follows links and dates)."""
        sent = {"raw": False, "using": Case.objects.db}
        CaseLink.objects.bulk_create(self.links)
        for link in self.links:
            post_save.send(CaseLink, instance=link, created=True, update_fields=None, **sent)
        now, alike = timezone.now(), {}
        for case in self.dated.values():
            case.updated_at = now
            alike.setdefault((case.last_decided_on, case.deadline), []).append(case.pk)
        for (date, deadline), pks in alike.items():  # a meeting's cases share their date
            Case.objects.filter(pk__in=pks).update(
                last_decided_on=date, deadline=deadline, updated_at=now
            )
        for case in self.dated.values():
            fields = frozenset(self._DATED)
            post_save.send(Case, instance=case, created=False, update_fields=fields, **sent)
        lifecycle.record_all(self.events)
        self.links, self.dated, self.events, self.cases = [], {}, [], {}


class Staging:
    """What a staged import holds back until its switch."""

    def __init__(self) -> None:
        self.agencies = _AgencyCache()  # one directory look-up per name for the import
        self.deferred: list[tuple[int, dict]] = []  # (decision id, item) touching the registry

    @staticmethod
    def defers(entry: dict) -> bool:
        keys = [link["case"] for link in entry.get("links", [])]
        for relation in entry.get("relations", []):
            keys += [*relation.get("sources", []), relation.get("target"), relation.get("case")]
        return any(isinstance(key, int) for key in keys)

    def switch(self, user, body, placeholders: dict, staged_cases) -> None:
        """In the switch's transaction, after the staged rows moved into `body`: the new
        cases' agencies as their decisions say, then the held-back items in order."""
        writes = _Writes()
        with changes.batch():  # the assignments follow once the registry holds it all
            _agencies_from_decisions(staged_cases)
            changes.cases_changed(staged_cases)
            for decision_id, entry in self.deferred:
                decision = Decision.objects.select_related("meeting").get(pk=decision_id)
                _apply(user, decision, entry, placeholders, writes)
            writes.write()


def _agencies_from_decisions(cases) -> None:
    """The responsible agencies of cases written without them: each agency of a decision
    about the case, in the role the latest of those decisions gives it."""
    rows = (
        DecisionAgency.objects.filter(
            decision__links__case__in=cases, decision__links__split_at__isnull=True
        )
        .order_by("decision__meeting__date", "decision_id")
        .values_list("decision__links__case_id", "organisation_id", "role")
    )
    roles: dict[tuple[int, int], str] = {}
    for case_id, organisation_id, role in rows:
        roles[(case_id, organisation_id)] = role
    CaseAgency.objects.bulk_create(
        [CaseAgency(case_id=c, organisation_id=o, role=role) for (c, o), role in roles.items()],
        batch_size=2000,
        ignore_conflicts=True,
    )


def _decisions(
    meeting, items: list[dict], agencies: "_AgencyCache", first: int = 0, read_back: bool = True
) -> list[Decision]:
    """A meeting's decisions and the agencies each names, in two statements (and one to
    `read_back` the agencies, which the cases take from their decisions unless staged)."""
    decisions = Decision.objects.bulk_create(
        [_unsaved_decision(meeting, first + n, e) for n, e in enumerate(items)]
    )
    roles, seen = [], set()
    for decision, entry in zip(decisions, items, strict=True):
        for ref in entry.get("agencies", []):
            organisation = agencies.resolve(ref)
            if organisation is None or (decision.pk, organisation.pk) in seen:
                continue  # the first mention of an agency gives its role
            seen.add((decision.pk, organisation.pk))
            roles.append(
                DecisionAgency(
                    decision=decision,
                    organisation=organisation,
                    role=ref.get("role", "lead"),
                    mention=ref.get("mention", ""),
                )
            )
    DecisionAgency.objects.bulk_create(roles)
    if read_back:
        prefetch_related_objects(decisions, "decision_agencies")  # what `_attach` reads
    return decisions


def _decision(meeting, position: int, entry: dict, agencies: "_AgencyCache") -> Decision:
    """One decision (a correction adds one by hand)."""
    return _decisions(meeting, [entry], agencies, first=position)[0]


def _unsaved_decision(meeting, position: int, entry: dict) -> Decision:
    deadline = entry.get("deadline") or {}
    return Decision(
        meeting=meeting,
        position=position,
        path=entry.get("path", []),
        text=entry.get("text", ""),
        span_start=entry["span"][0],
        span_end=entry["span"][1],
        status=entry.get("status") or "",
        deadline=dt.date.fromisoformat(deadline["date"]) if deadline.get("date") else None,
        deadline_mention=(deadline.get("mention") or "")[:100],
        agency_mentions=entry.get("agencies", []),
    )


class _AgencyCache:
    """Full names the reader resolved, looked up once per meeting."""

    def __init__(self) -> None:
        self.found: dict[str, Organisation | None] = {}

    def resolve(self, ref: dict) -> Organisation | None:
        name = ref.get("name") or ref.get("mention") or ""
        if name not in self.found:
            self.found[name] = Organisation.objects.filter(name=name).first() or resolve_agency(
                ref.get("mention") or name
            )
        return self.found[name]


def _apply(
    user,
    decision: Decision,
    entry: dict,
    placeholders: dict,
    writes: _Writes | None = None,
    *,
    agencies=True,
) -> None:
    """What a decision does to its cases; its rows go into `writes` (written by the
    caller), or are written before returning."""
    if writes is None:
        writes = _Writes()
        _apply(user, decision, entry, placeholders, writes, agencies=agencies)
        writes.write()
        return
    created: set[int] = set()
    cases = {}
    for link in entry.get("links", []):
        case, is_new = _case_for(link, decision, placeholders, writes)
        placeholders[link["case"]] = case
        cases[link["case"]] = case
        if is_new:
            created.add(case.pk)
        _link(decision, case, link, placeholders, writes, agencies=agencies)
    accepted = entry.get("status") == "new" and accepted_as_new(decision.text)
    for link in entry.get("links", []):
        case = cases[link["case"]]
        kind = _effect(entry.get("status"), case.pk in created, link.get("role"))
        if accepted and kind in (Kind.PROPOSED, Kind.NOTED):
            if case.pk not in created:
                writes.write()  # the state it reads includes this meeting's earlier events
            kind = _accepted_effect(case, created=case.pk in created)
        if kind:
            payload = {"pending": entry.get("pending", "")} if entry.get("pending") else {}
            writes.add(case, kind, actor=user, decision=decision, payload=payload)
    relations = entry.get("relations", [])
    if relations:
        writes.write()
    for relation in relations:
        _relate(user, decision, relation, placeholders)
    for key, case in cases.items():
        names = {link["name"] for link in entry.get("links", []) if link["case"] == key}
        if relations or names != {case.title}:  # only another spelling can overtake the title
            writes.write()
            lifecycle.settle_title(Case.objects.get(pk=case.pk), actor=user, decision=decision)


def _case_for(
    link: dict, decision: Decision, placeholders: dict, writes: _Writes
) -> tuple[Case, bool]:
    key = link["case"]
    if isinstance(key, int):
        if key not in writes.cases:
            writes.cases[key] = Case.objects.get(pk=key)
        return writes.cases[key], False
    if key in placeholders:  # the instance this draft keeps in step (see `_relate`)
        return placeholders[key], False
    title = (link.get("title") or link["name"])[:300]
    meeting = decision.meeting
    return Case.objects.create(body=meeting.body, title=title, created_in=meeting), True


def _link(
    decision: Decision, case: Case, link: dict, placeholders: dict, writes: _Writes, *, agencies
) -> None:
    suggested = link.get("suggested")
    if isinstance(suggested, str):
        suggested = placeholders.get(suggested)
    elif suggested is not None:
        suggested = Case.objects.filter(pk=suggested).first()
    writes.links.append(
        CaseLink(
            decision=decision,
            case=case,
            name=link["name"],
            method=link.get("method", CaseLink.Method.MANUAL),
            role=link.get("role") or CaseLink.Role.SUBJECT,
            confidence=link.get("confidence", 1.0),
            needs_review=bool(link.get("review") and suggested),
            suggested_case=suggested,
            # What the draft showed the secretary, so that the review queue shows the same.
            suggested_score=link.get("suggested_score") if suggested else None,
            suggested_name=(link.get("suggested_name") or "")[:300] if suggested else "",
        )
    )
    if link["name"] != case.title:
        lifecycle.add_alias(case, link["name"], "variant")
    _attach(case, decision, writes, agencies=agencies)


def _attach(case: Case, decision: Decision, writes: _Writes, *, agencies: bool) -> None:
    """Keep the case's latest date, current deadline and agencies in step."""
    date = decision.meeting.date
    latest = case.last_decided_on is None or (date is not None and date >= case.last_decided_on)
    if date and latest:
        case.last_decided_on = date
        case.deadline = decision.deadline or case.deadline
        writes.dated[case.pk] = case
    if not agencies:
        return
    for role in decision.decision_agencies.all():
        responsible, created = CaseAgency.objects.get_or_create(
            case=case, organisation_id=role.organisation_id, defaults={"role": role.role}
        )
        # Lead or supporting as the latest decision says (a lead may become supporting).
        if not created and latest and responsible.role != role.role:
            responsible.role = role.role
            responsible.save(update_fields=["role"])


def _effect(status: str | None, created: bool, role: str | None) -> str | None:
    """The event a decision's status makes on one of its cases."""
    if role == CaseLink.Role.MERGED_SOURCE:
        return Kind.TRACKED if created else None  # the merge itself closes it
    if status == "new":
        return Kind.PROPOSED if created else Kind.NOTED
    if status in ("delisted", "regular"):
        return status
    if status == "tracked":
        return Kind.TRACKED
    # First seen without a decision on its state: a case the body was already following.
    return Kind.TRACKED if created else Kind.NOTED


# A new case the body accepts in the same decision: 同意新增（列管）, 同意列管, 准予列案,
# 本案通過, 新增列管. A proposal the body only heard (新增提案, 提請列管, 暫不列管,
# 是否列管再議) stays proposed until a decision accepts it.
_ACCEPT = re.compile(
    r"(?:同意|通過|准予|核准|核定)"
    r"(?:[^，,。；;：:\n]{0,8}?(?:列管|列案|立案|新增|辦理|推動|追蹤|執行)|[ \t]*(?=[，,。；;\n]|$))"
    r"|(?:予以|納入|續予|新增)列管"
)
_NOT_ACCEPTED = re.compile(r"不|未|暫|否|擬|建議|提請|研議|再議|俟|待|如|若")
_LATER = re.compile(r"^[^，,。；;\n]{0,3}?(?:後|前再)")


def accepted_as_new(text: str) -> str:
    """The words by which a decision accepts a new case for tracking, or ''."""
    text = text or ""
    for match in _ACCEPT.finditer(text):
        clause = text[clause_start(text, match.start(), CLAUSE_STOP) : match.start()]
        if _NOT_ACCEPTED.search(clause) or _LATER.match(text[match.end() :]):
            continue  # 不同意新增, 暫不列管, 是否同意列管, 俟…同意後再列管
        return match.group().strip()
    return ""


def _accepted_effect(case: Case, *, created: bool) -> str:
    """A new case accepted is tracked; an existing one already tracked or closed is only
    noted (an acceptance does not reopen what a later record closed)."""
    if created:
        return Kind.TRACKED
    state = Case.objects.filter(pk=case.pk).values_list("state", flat=True).first()
    return Kind.TRACKED if state == Case.State.PROPOSED else Kind.NOTED


def _relate(user, decision: Decision, relation: dict, placeholders: dict) -> None:
    def case(key):
        return Case.objects.get(pk=placeholders[key].pk if isinstance(key, str) else key)

    if relation["kind"] == "merge":
        sources = [case(key) for key in relation["sources"]]
        lifecycle._merge(sources, case(relation["target"]), actor=user, decision=decision)
    elif relation["kind"] == "rename":
        target = case(relation["case"])
        lifecycle._rename(target, relation["title"], actor=user, decision=decision)
    # The cases the relation changed, as they are now, for the draft's next items.
    for key in [*relation.get("sources", []), relation.get("target"), relation.get("case")]:
        if isinstance(key, str) and key in placeholders:
            placeholders[key] = case(key)
