"""A draft agenda for a body's next meeting, built from the registry and agency work.

Three parts, as a secretariat prepares them: cases proposed for delisting (or for regular
exchange) by accepted progress reports, new proposals waiting to be tracked, and the
assignments past their deadline.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from livinglab.core.roc import roc_date
from livinglab.meetings.models import Body
from livinglab.reports.exports import Report, Section
from livinglab.reports.tracking_table import SUGGESTIONS, suggestion_for
from livinglab.tracking.models import Case, CaseAgency, taipei_today
from livinglab.work.models import Assignment, Proposal
from livinglab.work.services import latest_accepted


@dataclass
class DelistingItem:
    case: Case
    proposal: str
    reports: list[str]

    @property
    def proposal_label(self) -> str:
        return str(SUGGESTIONS[self.proposal])


@dataclass
class ProposalItem:
    case: Case
    agencies: list[str]


@dataclass
class OverdueItem:
    assignment: Assignment
    days: int


@dataclass
class Agenda:
    body: Body
    number: int | None
    delisting: list[DelistingItem] = field(default_factory=list)
    proposals: list[ProposalItem] = field(default_factory=list)
    overdue: list[OverdueItem] = field(default_factory=list)

    @property
    def title(self) -> str:
        return _("%(body)s: draft agenda") % {"body": self.body.name}

    @property
    def subtitle(self) -> str:
        if self.number:
            return _("Meeting no. %(number)s") % {"number": self.number}
        return _("Next meeting")


def build_agenda(body: Body, today: dt.date | None = None) -> Agenda:
    today = today or taipei_today()
    cases = Case.objects.for_body(body)
    last = body.meetings.exclude(date=None).order_by("-date", "-pk").first()
    agenda = Agenda(body, (last.number + 1) if last and last.number else None)
    tracked = list(cases.tracked().order_by("created_in__date", "pk"))
    progress = latest_accepted([case.pk for case in tracked])
    for case in tracked:
        reports = progress.get(case.pk, [])
        proposal = suggestion_for(reports)
        if proposal != Proposal.KEEP:
            texts = [f"{r.assignment.organisation.name}：{r.text.strip()}" for r in reports]
            agenda.delisting.append(DelistingItem(case, proposal, texts))
    proposed = cases.proposed().prefetch_related(
        Prefetch(
            "case_agencies",
            queryset=CaseAgency.objects.select_related("organisation").order_by("role", "pk"),
            to_attr="agency_rows",
        )
    )
    for case in proposed.select_related("created_in").order_by("created_in__date", "pk"):
        agenda.proposals.append(
            ProposalItem(case, [row.organisation.name for row in case.agency_rows])
        )
    overdue = (
        Assignment.objects.filter(case__body=body)
        .overdue(today)
        .select_related("case", "organisation")
        .order_by("deadline", "case__title", "organisation__name")
    )
    agenda.overdue = [OverdueItem(a, (today - a.deadline).days) for a in overdue]
    return agenda


def agenda_report(agenda: Agenda) -> Report:
    """The agenda as a document for `exports.report_to_odt` / `report_to_docx`."""
    none = _("None.")
    delisting = Section(
        _("1. Cases proposed for delisting"),
        [_("No."), _("Case"), _("Proposal"), _("Progress")],
        [
            [str(n), item.case.title, item.proposal_label, "\n".join(item.reports)]
            for n, item in enumerate(agenda.delisting, start=1)
        ],
        (1.2, 7.0, 4.5, 15.0),
        note="" if agenda.delisting else none,
    )
    proposals = Section(
        _("2. New proposals"),
        [_("No."), _("Case"), _("Agencies"), _("First raised")],
        [
            [
                str(n),
                item.case.title,
                "、".join(item.agencies),
                roc_date(item.case.created_in.date if item.case.created_in else None),
            ]
            for n, item in enumerate(agenda.proposals, start=1)
        ],
        (1.2, 12.0, 9.5, 5.0),
        note="" if agenda.proposals else none,
    )
    overdue = Section(
        _("3. Overdue items"),
        [_("No."), _("Case"), _("Agency"), _("Deadline"), _("Days overdue")],
        [
            [
                str(n),
                item.assignment.case.title,
                item.assignment.organisation.name,
                roc_date(item.assignment.deadline),
                str(item.days),
            ]
            for n, item in enumerate(agenda.overdue, start=1)
        ],
        (1.2, 10.0, 8.0, 5.0, 3.5),
        note="" if agenda.overdue else none,
    )
    return Report(agenda.title, agenda.subtitle, [delisting, proposals, overdue])
