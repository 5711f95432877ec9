"""A case's progress as the public may see it (what Decidim's accountability module
shows for a result): its state, how far along it is and the dates of its history.

The summary is built from figures only: the percent complete of each agency's latest
accepted progress report and the kind and date of each event. It never carries a
report's text, a review comment, an event's note or details, nor who did anything, so
that open data and public pages can show it as it is.

A closed case is 100 % along. An open case is the mean, over its agencies' current
assignments (not those withdrawn when an agency was taken off the case),
of each one's latest accepted percent (an assignment with no accepted report yet counts
as 0); a case with no assignment has no figure. Its stage is the latest step of its
history that says where it stands (a decision, a change of state, a merge or a rename),
not a correction or a change made by hand to its agencies, deadline or person in charge.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from livinglab.tracking.models import TAIPEI, Case, CaseEvent
from livinglab.work.models import Assignment, ProgressReport

# Steps of a case's history that are housekeeping, not where the case stands.
NOT_STAGES = frozenset(
    {
        CaseEvent.Kind.CORRECTED,
        CaseEvent.Kind.AGENCIES,
        CaseEvent.Kind.DEADLINE,
        CaseEvent.Kind.IN_CHARGE,
        CaseEvent.Kind.SPLIT,
    }
)

KIND_LABELS = dict(CaseEvent.Kind.choices)  # lazy: each read in the reader's language


@dataclass(frozen=True)
class PublicProgress:
    state: str
    percent: int | None
    reported_on: dt.date | None  # when the latest accepted report counted was filed
    history: tuple[tuple[dt.date, str], ...]  # (effective date, event kind), oldest first

    @cached_property  # asked several times per row of the registry
    def stage(self) -> tuple[dt.date, str] | None:
        """(date, kind) of the latest step that says where the case stands."""
        for on, kind in reversed(self.history):
            if kind not in NOT_STAGES:
                return on, kind
        return None

    @property
    def stage_label(self) -> str:
        stage = self.stage
        if stage is None:
            return ""
        return str(KIND_LABELS.get(stage[1], stage[1]))


def public_progress(
    cases, states: dict[int, str] | None = None, whole_history: bool = True
) -> dict[int, PublicProgress]:
    """The summaries of the given cases, in two queries (three without `states`).

    `cases` is ids, or a Case queryset that the queries read as a subquery (a dataset's
    chunk of thousands of cases, whose ids would otherwise be sent in every query).
    `states` (case id → state), when the caller has read them already, spares a query.
    Without `whole_history`, a summary's history is only its stage: what pages show,
    read from the end of each case's history instead of all of it.
    """
    ids = cases.values("pk") if isinstance(cases, QuerySet) else list(cases)
    if states is None:
        states = dict(Case.objects.filter(pk__in=ids).values_list("pk", "state"))
    figures = _latest_accepted(ids)
    history = _whole_histories(ids) if whole_history else _stages(ids)
    summaries = {}
    for case_id, state in states.items():
        found = figures.get(case_id, [])
        if state == Case.State.CLOSED:
            percent = 100
        elif found:
            percent = round(sum(f[0] if f else 0 for f in found) / len(found))
        else:
            percent = None
        dates = [f[1] for f in found if f]
        summaries[case_id] = PublicProgress(
            state, percent, max(dates) if dates else None, tuple(history[case_id])
        )
    return summaries


def _whole_histories(case_ids) -> dict[int, list[tuple[dt.date, str]]]:
    history = defaultdict(list)
    events = CaseEvent.objects.filter(case_id__in=case_ids).order_by("case_id", "on", "pk")
    for case_id, on, kind in events.values_list("case_id", "on", "kind"):
        history[case_id].append((on, kind))
    return history


def _stages(case_ids) -> dict[int, list[tuple[dt.date, str]]]:
    """Each case's latest stage, found walking its events backwards by the (case, on)
    index: a case of years holds hundreds of events, and a page needs one."""
    latest = (
        CaseEvent.objects.filter(case=OuterRef("pk"))
        .exclude(kind__in=NOT_STAGES)
        .order_by("-on", "-pk")
    )
    cases = Case.objects.filter(pk__in=case_ids).annotate(
        stage_on=Subquery(latest.values("on")[:1]),
        stage_kind=Subquery(latest.values("kind")[:1]),
    )
    history = defaultdict(list)
    for case_id, on, kind in cases.values_list("pk", "stage_on", "stage_kind"):
        if on is not None:
            history[case_id].append((on, kind))
    return history


def _latest_accepted(case_ids) -> dict[int, list[tuple[int, dt.date] | None]]:
    """For each case, one entry per assignment: (percent, filed on) of the assignment's
    latest accepted report, or None before its first; read in one query, each
    assignment's latest report found by the (assignment, status, -submitted_at) index."""
    latest = (
        ProgressReport.objects.accepted()
        .filter(assignment=OuterRef("pk"))
        .order_by("-submitted_at", "-pk")
    )
    assignments = (
        Assignment.objects.current()  # an agency taken off the case no longer counts
        .filter(case_id__in=case_ids)
        .annotate(
            percent=Subquery(latest.values("percent_complete")[:1]),
            filed=Subquery(latest.values("submitted_at")[:1]),
        )
        .order_by()
        .values_list("case_id", "percent", "filed")
    )
    found: dict[int, list[tuple[int, dt.date] | None]] = defaultdict(list)
    for case_id, percent, filed in assignments:
        if filed is None:
            found[case_id].append(None)
        else:
            found[case_id].append((min(percent, 100), timezone.localtime(filed, TAIPEI).date()))
    return found
