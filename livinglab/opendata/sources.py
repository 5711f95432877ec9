"""The rows of each open dataset, read as an anonymous visitor and streamed in chunks so
that a region's million cases never sit in memory at once."""

from collections import defaultdict
from collections.abc import Iterator

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Max
from django.utils import timezone

from livinglab.meetings.models import Body, Meeting
from livinglab.needs.models import Call, Need
from livinglab.tracking.models import Case, CaseAgency, CaseAlias, CaseEvent, CaseLink, Decision
from livinglab.trials.models import Measurement, Trial
from livinglab.work.models import ProgressReport
from livinglab.work.progress import public_progress

CHUNK = 2000
PUBLIC = AnonymousUser()
LIST_SEPARATOR = ";"


def _joined(values) -> str:
    return LIST_SEPARATOR.join(str(value) for value in values)


def _iso(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "tzinfo"):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def _chunks(queryset, fields) -> Iterator[list[dict]]:
    """Rows in id order, CHUNK at a time, each chunk by an index walk from the last id."""
    last = 0
    while True:
        rows = list(queryset.filter(pk__gt=last).order_by("pk").values(*fields)[:CHUNK])
        if not rows:
            return
        yield rows
        last = rows[-1]["id"]


def _chunk_of(queryset, rows):
    """The chunk's rows again, as `queryset` between its first and last id: read as a
    subquery, so that the queries for their details do not each carry thousands of ids."""
    return queryset.filter(pk__range=(rows[0]["id"], rows[-1]["id"]))


def _stamp(*aggregates) -> tuple:
    return tuple(str(value) for value in aggregates)


# --- Bodies and meetings ---------------------------------------------------------------


def _public_bodies():
    return Body.objects.visible_to(PUBLIC)


def bodies() -> Iterator[dict]:
    fields = ("id", "name", "short_name", "parent_id")
    for rows in _chunks(_public_bodies(), fields):
        ids = [row["id"] for row in rows]
        members = defaultdict(list)
        for body_id, name in Body.members.through.objects.filter(body_id__in=ids).values_list(
            "body_id", "organisation__name"
        ):
            members[body_id].append(name)
        counts = dict(
            Meeting.objects.filter(body_id__in=ids)
            .values("body_id")
            .annotate(n=Count("id"))
            .values_list("body_id", "n")
        )
        for row in rows:
            yield {
                **row,
                "parent_id": row["parent_id"] or "",
                "members": _joined(sorted(members[row["id"]])),
                "meetings": counts.get(row["id"], 0),
            }


def bodies_stamp() -> tuple:
    bodies = Body.objects.aggregate(n=Count("id"), changed=Max("created_at"))
    return _stamp(*bodies.values(), *_public_bodies().values_list("pk", flat=True))


def _public_meetings():
    return Meeting.objects.filter(body__in=_public_bodies().values("pk"))


def meetings() -> Iterator[dict]:
    fields = ("id", "body_id", "body__name", "number", "title", "date", "location", "chair")
    for rows in _chunks(_public_meetings(), fields):
        counts = dict(
            Decision.objects.filter(meeting_id__in=[row["id"] for row in rows])
            .values("meeting_id")
            .annotate(n=Count("id"))
            .values_list("meeting_id", "n")
        )
        for row in rows:
            yield {
                "id": row["id"],
                "body_id": row["body_id"],
                "body": row["body__name"],
                "number": row["number"] or "",
                "title": row["title"],
                "date": _iso(row["date"]),
                "location": row["location"],
                "chair": row["chair"],
                "decisions": counts.get(row["id"], 0),
            }


def meetings_stamp() -> tuple:
    return _stamp(Meeting.objects.aggregate(Max("id"))["id__max"], *bodies_stamp())


# --- Cases and decisions ---------------------------------------------------------------


def _public_cases():
    return Case.objects.visible_to(PUBLIC)


def cases() -> Iterator[dict]:
    fields = (
        "id",
        "body_id",
        "body__name",
        "title",
        "state",
        "closure",
        "merged_into_id",
        "deadline",
        "last_decided_on",
    )
    for rows in _chunks(_public_cases(), fields):
        chunk = _chunk_of(_public_cases(), rows)
        ids = chunk.values("pk")
        lead, supporting, aliases = defaultdict(list), defaultdict(list), defaultdict(list)
        agencies = CaseAgency.objects.filter(case_id__in=ids).order_by("organisation__name")
        for case_id, name, role in agencies.values_list("case_id", "organisation__name", "role"):
            (supporting if role == "supporting" else lead)[case_id].append(name)
        for case_id, name in CaseAlias.objects.filter(case_id__in=ids).values_list(
            "case_id", "name"
        ):
            aliases[case_id].append(name)
        counts = dict(
            CaseLink.objects.active()
            .filter(case_id__in=ids)
            .values("case_id")
            .annotate(n=Count("id"))
            .values_list("case_id", "n")
        )
        progress = public_progress(chunk, {row["id"]: row["state"] for row in rows})
        for row in rows:
            case_id = row["id"]
            summary = progress[case_id]
            yield {
                "id": case_id,
                "body_id": row["body_id"],
                "body": row["body__name"],
                "title": row["title"],
                "state": row["state"],
                "closure": row["closure"],
                "merged_into": row["merged_into_id"] or "",
                "deadline": _iso(row["deadline"]),
                "last_decided_on": _iso(row["last_decided_on"]),
                "lead_agencies": _joined(lead[case_id]),
                "supporting_agencies": _joined(supporting[case_id]),
                "aliases": _joined(aliases[case_id]),
                "decisions": counts.get(case_id, 0),
                "progress_percent": "" if summary.percent is None else summary.percent,
                "progress_reported_on": _iso(summary.reported_on),
                "history": _joined(f"{on.isoformat()} {kind}" for on, kind in summary.history),
            }


def cases_stamp() -> tuple:
    # Every change to a case is an event (its history is the source of truth); names and
    # agencies change with decisions or events too.
    return _stamp(
        CaseEvent.objects.aggregate(Max("id"))["id__max"],
        CaseAgency.objects.aggregate(Max("id"))["id__max"],
        CaseAlias.objects.aggregate(Max("id"))["id__max"],
        ProgressReport.objects.accepted().aggregate(Max("reviewed_at"))["reviewed_at__max"],
        *bodies_stamp(),
    )


def decisions() -> Iterator[dict]:
    public = Decision.objects.filter(meeting__body__in=_public_bodies().values("pk"))
    fields = (
        "id",
        "meeting_id",
        "meeting__date",
        "meeting__body__name",
        "path",
        "text",
        "status",
        "deadline",
    )
    for rows in _chunks(public, fields):
        cases = defaultdict(list)
        links = CaseLink.objects.active().filter(
            decision_id__in=_chunk_of(public, rows).values("pk")
        )
        for decision_id, case_id in links.order_by("case_id").values_list("decision_id", "case_id"):
            cases[decision_id].append(case_id)
        for row in rows:
            yield {
                "id": row["id"],
                "meeting_id": row["meeting_id"],
                "date": _iso(row["meeting__date"]),
                "body": row["meeting__body__name"],
                "path": "/".join(str(label) for label in row["path"] or []),
                "text": row["text"],
                "status": row["status"],
                "deadline": _iso(row["deadline"]),
                "cases": _joined(cases[row["id"]]),
            }


def decisions_stamp() -> tuple:
    return _stamp(
        Decision.objects.aggregate(Max("id"))["id__max"],
        CaseLink.objects.aggregate(Max("id"))["id__max"],
        CaseEvent.objects.aggregate(Max("id"))["id__max"],
        *bodies_stamp(),
    )


# --- The living lab's needs and calls -------------------------------------------------


def needs() -> Iterator[dict]:
    fields = ("id", "title", "problem", "figures", "domain__key", "agency__name", "status")
    fields += ("published_at",)
    for rows in _chunks(Need.objects.visible_to(PUBLIC), fields):
        ids = [row["id"] for row in rows]
        tags, calls = defaultdict(list), defaultdict(list)
        for need_id, key in Need.tags.through.objects.filter(need_id__in=ids).values_list(
            "need_id", "domain__key"
        ):
            tags[need_id].append(key)
        published_calls = Call.objects.visible_to(PUBLIC).values("pk")
        for call_id, need_id in Call.needs.through.objects.filter(
            need_id__in=ids, call_id__in=published_calls
        ).values_list("call_id", "need_id"):
            calls[need_id].append(call_id)
        for row in rows:
            yield {
                "id": row["id"],
                "title": row["title"],
                "problem": row["problem"],
                "figures": row["figures"],
                "domain": row["domain__key"] or "",
                "tags": _joined(sorted(tags[row["id"]])),
                "agency": row["agency__name"] or "",
                "status": row["status"],
                "published_at": _iso(row["published_at"]),
                "calls": _joined(sorted(calls[row["id"]])),
            }


def needs_stamp() -> tuple:
    return _stamp(*Need.objects.aggregate(Count("id"), Max("updated_at")).values())


def calls() -> Iterator[dict]:
    fields = ("id", "title", "opens_at", "closes_at", "accepts_unsolicited")
    for rows in _chunks(Call.objects.visible_to(PUBLIC), fields):
        needs = defaultdict(list)
        public_needs = Need.objects.visible_to(PUBLIC).values("pk")
        for call_id, need_id in Call.needs.through.objects.filter(
            call_id__in=[row["id"] for row in rows], need_id__in=public_needs
        ).values_list("call_id", "need_id"):
            needs[call_id].append(need_id)
        for row in rows:
            yield {
                "id": row["id"],
                "title": row["title"],
                "opens_at": _iso(row["opens_at"]),
                "closes_at": _iso(row["closes_at"]),
                "accepts_unsolicited": "yes" if row["accepts_unsolicited"] else "no",
                "needs": _joined(sorted(needs[row["id"]])),
            }


def calls_stamp() -> tuple:
    return _stamp(*Call.objects.aggregate(Count("id"), Max("updated_at")).values(), *needs_stamp())


# --- Trials and their KPI series --------------------------------------------------------


def _number(value) -> str:
    return "" if value is None else format(value.normalize(), "f")


def _public_trials():
    return Trial.objects.visible_to(PUBLIC)


def trials() -> Iterator[dict]:
    fields = (
        "id",
        "title",
        "status",
        "outcome",
        "outcome_note",
        "lessons",
        "starts_on",
        "ends_on",
        "ended_on",
        "site__name",
        "agency__name",
        "body__name",
        "case_id",
        "proposal__domain__key",
        "proposal__organisation__name",
        "proposal__organisation__is_personal",
    )
    for rows in _chunks(_public_trials(), fields):
        for row in rows:
            personal = row["proposal__organisation__is_personal"]
            yield {
                "id": row["id"],
                "title": row["title"],
                "status": row["status"],
                "outcome": row["outcome"],
                "outcome_note": row["outcome_note"],
                "lessons": row["lessons"],
                "starts_on": _iso(row["starts_on"]),
                "ends_on": _iso(row["ends_on"]),
                "ended_on": _iso(row["ended_on"]),
                "site": row["site__name"] or "",
                "agency": row["agency__name"] or "",
                "body": row["body__name"] or "",
                "case_id": row["case_id"] or "",
                "domain": row["proposal__domain__key"] or "",
                # A person proposing for themselves is not named in open data.
                "proposer": "" if personal else row["proposal__organisation__name"] or "",
            }


def trials_stamp() -> tuple:
    return _stamp(*Trial.objects.aggregate(Count("id"), Max("updated_at")).values())


def trial_kpis() -> Iterator[dict]:
    public = Measurement.objects.filter(trial_kpi__trial__in=_public_trials().values("pk"))
    fields = (
        "id",
        "trial_kpi__trial_id",
        "trial_kpi__definition__name",
        "trial_kpi__definition__unit",
        "trial_kpi__definition__direction",
        "trial_kpi__baseline",
        "trial_kpi__target",
        "on",
        "value",
    )
    for rows in _chunks(public, fields):
        for row in rows:
            yield {
                "trial_id": row["trial_kpi__trial_id"],
                "kpi": row["trial_kpi__definition__name"],
                "unit": row["trial_kpi__definition__unit"],
                "direction": row["trial_kpi__definition__direction"],
                "baseline": _number(row["trial_kpi__baseline"]),
                "target": _number(row["trial_kpi__target"]),
                "on": _iso(row["on"]),
                "value": _number(row["value"]),
            }


def trial_kpis_stamp() -> tuple:
    measured = Measurement.objects.aggregate(Count("id"), Max("id"), Max("entered_at"))
    return _stamp(*measured.values(), *trials_stamp())
