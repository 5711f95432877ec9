"""A case as a plain dict: the shape of `GET /api/cases` and `export-cases --json`."""

from django.db.models import Prefetch

from livinglab.tracking.models import Case, CaseLink


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
