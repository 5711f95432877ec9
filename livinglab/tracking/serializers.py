"""A case as a plain dict: the shape of `GET /api/cases` and `export-cases --json`."""

from collections import defaultdict

from django.db.models import Prefetch

from livinglab.tracking.models import Case, CaseAlias, CaseLink


def with_export_data(queryset):
    """Everything `case_to_dict` reads, in a fixed number of queries."""
    links = CaseLink.objects.active().select_related("decision__meeting")
    return queryset.prefetch_related("aliases", Prefetch("links", queryset=links))


def case_to_dict(case: Case) -> dict:
    links = [link for link in case.links.all() if link.split_at is None]
    links.sort(key=lambda link: (_date(link), link.decision.position, link.pk))
    return {
        "id": case.pk,
        "title": case.title,
        "aliases": [alias.name for alias in case.aliases.all()],
        "state": case.state,
        "closure": case.closure or None,
        "pending": case.pending or None,
        "merged_into": case.merged_into_id,
        "deadline": case.deadline.isoformat() if case.deadline else None,
        "decisions": [decision_to_dict(link) for link in links],
    }


def decision_to_dict(link: CaseLink) -> dict:
    decision = link.decision
    meeting = decision.meeting
    # `id` and `date` are the meeting's, as the API contract asks.
    return {
        "id": meeting.pk,
        "date": _iso(meeting.date),
        "meeting": {"id": meeting.pk, "date": _iso(meeting.date), "title": meeting.title},
        "decision_id": decision.pk,
        "status": decision.status or None,
        "text": decision.text,
        "deadline": _iso(decision.deadline),
        "confidence": link.confidence,
        "needs_review": link.needs_review and link.reviewed_at is None,
    }


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _date(link: CaseLink):
    return _iso(link.decision.meeting.date) or ""


CASE_FIELDS = ("pk", "title", "state", "closure", "pending", "merged_into_id", "deadline")
LINK_FIELDS = (
    "case_id",
    "pk",
    "confidence",
    "needs_review",
    "reviewed_at",
    "decision_id",
    "decision__position",
    "decision__status",
    "decision__text",
    "decision__deadline",
    "decision__meeting_id",
    "decision__meeting__date",
    "decision__meeting__title",
)


def cases_to_dicts(cases) -> list[dict]:
    """`case_to_dict` for a page of cases (a sliced queryset), read as values in three
    queries: the same dicts, without building model instances or prefetch managers."""
    rows = list(cases.values_list(*CASE_FIELDS))
    ids = [row[0] for row in rows]
    aliases: dict[int, list[str]] = defaultdict(list)
    names = CaseAlias.objects.filter(case_id__in=ids).order_by("created_at", "pk")
    for case_id, name in names.values_list("case_id", "name"):
        aliases[case_id].append(name)
    decisions: dict[int, list[tuple]] = defaultdict(list)
    for link in CaseLink.objects.active().filter(case_id__in=ids).values_list(*LINK_FIELDS):
        decisions[link[0]].append(link)
    result = []
    for pk, title, state, closure, pending, merged_into, deadline in rows:
        links = decisions.get(pk, [])
        links.sort(key=lambda link: (_iso(link[11]) or "", link[6], link[1]))
        result.append(
            {
                "id": pk,
                "title": title,
                "aliases": aliases.get(pk, []),
                "state": state,
                "closure": closure or None,
                "pending": pending or None,
                "merged_into": merged_into,
                "deadline": deadline.isoformat() if deadline else None,
                "decisions": [_decision(link) for link in links],
            }
        )
    return result


def _decision(link: tuple) -> dict:
    (_, _pk, confidence, needs_review, reviewed_at, decision_id, _position, status, text) = link[:9]
    deadline, meeting_id, date, title = link[9:]
    date = _iso(date)
    return {
        "id": meeting_id,
        "date": date,
        "meeting": {"id": meeting_id, "date": date, "title": title},
        "decision_id": decision_id,
        "status": status or None,
        "text": text,
        "deadline": _iso(deadline),
        "confidence": confidence,
        "needs_review": needs_review and reviewed_at is None,
    }
