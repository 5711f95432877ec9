"""The tracking table (列管案件辦理情形表) of a body, built from the registry.

For the next meeting (no `meeting` given) it lists the cases the body tracks now. For a
past meeting it lists the cases that were tracked going into it, and the cases closed at
that meeting with their closure: a closed case appears only on the meeting that closed it.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from livinglab.core.roc import roc_date
from livinglab.meetings.models import Body, Meeting
from livinglab.tracking.models import Case, CaseEvent, CaseLink, DecisionAgency
from livinglab.work.models import Proposal
from livinglab.work.services import latest_accepted

SUGGESTIONS = {
    Proposal.KEEP: pgettext_lazy("suggestion", "keep tracking"),
    Proposal.DELIST: pgettext_lazy("suggestion", "delist"),
    Proposal.REGULAR: pgettext_lazy("suggestion", "turn into regular exchange"),
}
_CLOSING = {
    CaseEvent.Kind.DELISTED: Proposal.DELIST,
    CaseEvent.Kind.REGULAR: Proposal.REGULAR,
    CaseEvent.Kind.MERGED: Proposal.DELIST,
}


@dataclass
class PastDecision:
    date: dt.date | None
    text: str
    mentions: list = field(default_factory=list)

    def __str__(self):
        return f"{roc_date(self.date)}：{self.text}" if self.date else self.text


@dataclass
class Row:
    number: int
    case: Case
    lead: list[str]
    supporting: list[str]
    decisions: list[PastDecision]
    progress: list[str]
    suggestion: str
    suggestion_key: str
    deadline: dt.date | None

    @property
    def cells(self) -> list[str]:
        """The row as the text of its seven columns."""
        agencies = "、".join(self.lead)
        if self.supporting:
            agencies += "\n" + _("Supporting: %(names)s") % {"names": "、".join(self.supporting)}
        return [
            str(self.number),
            self.case.title,
            agencies.strip(),
            "\n".join(str(d) for d in self.decisions),
            "\n".join(self.progress),
            self.suggestion,
            roc_date(self.deadline),
        ]


def headers(latest_only: bool = False) -> list[str]:
    return [
        _("No."),
        _("Case"),
        _("Lead / supporting agencies"),
        _("Latest decision") if latest_only else _("Past decisions"),
        _("Progress"),
        _("Suggested"),
        _("Expected completion"),
    ]


@dataclass
class TrackingTable:
    body: Body
    meeting: Meeting | None
    number: int | None
    date: dt.date | None
    rows: list[Row] = field(default_factory=list)
    latest_only: bool = False  # each case's latest decision only, not its whole history

    @property
    def file_name(self) -> str:
        """Body, meeting and date, then what the file is: 雙北工作小組_第3次會議_115-04-07_列管案件辦理情形表."""
        from livinglab.core.lists import file_name

        meeting = _("Meeting no. %(number)s") % {"number": self.number} if self.number else ""
        date = roc_date(self.date).replace("/", "-") if self.date else ""
        return file_name(self.body.short_name or self.body.name, meeting, date, _("tracking table"))

    @property
    def ascii_name(self) -> str:
        parts = [f"tracking-table-{self.body.pk}"]
        if self.number:
            parts.append(f"meeting-{self.number}")
        if self.date:
            parts.append(self.date.isoformat())
        return "_".join(parts)

    @property
    def headers(self) -> list[str]:
        return headers(self.latest_only)

    @property
    def title(self) -> str:
        return _("%(body)s tracking table") % {"body": self.body.name}

    @property
    def subtitle(self) -> str:
        parts = []
        if self.number:
            parts.append(_("Meeting no. %(number)s") % {"number": self.number})
        parts.append(roc_date(self.date) if self.date else _("date to be set"))
        return " · ".join(parts)


def next_number(body: Body) -> int | None:
    """The number of the body's next meeting: one after its last numbered one."""
    numbered = body.meetings.exclude(number=None).exclude(date=None)
    last = numbered.order_by("-date", "-number", "-pk").first()
    return last.number + 1 if last and last.number else None


def build_table(
    body: Body,
    meeting: Meeting | None = None,
    date=None,
    *,
    number: int | None = None,
    latest_only: bool = False,
) -> TrackingTable:
    """The table for `meeting`, or for the body's next meeting when none is given.

    The secretariat may set the number and date the table is for (`number`, `date`;
    by default the next meeting's number and no date, or a past meeting's own), and
    may ask for each case's latest decision only (`latest_only`).
    """
    if meeting is None:
        cases = Case.objects.for_body(body).tracked()
        number = number or next_number(body)
        table = TrackingTable(body, None, number, date, latest_only=latest_only)
        cutoff, closing = None, {}
    else:
        cases, closing = _cases_at(body, meeting)
        table = TrackingTable(
            body, meeting, number or meeting.number, date or meeting.date, latest_only=latest_only
        )
        cutoff = meeting.date
    cases = list(
        cases.prefetch_related(
            Prefetch(
                "case_agencies",
                queryset=_agencies().select_related("organisation"),
                to_attr="agency_rows",
            )
        ).order_by("created_in__date", "pk")
    )
    decisions = _decisions(cases, cutoff)
    progress = latest_accepted([c.pk for c in cases])
    for position, case in enumerate(cases, start=1):
        past = decisions.get(case.pk, [])
        shown = past[-1:] if latest_only else past
        table.rows.append(_row(position, case, shown, progress, closing))
    return table


def _agencies():
    from livinglab.tracking.models import CaseAgency

    return CaseAgency.objects.order_by("role", "organisation__name")


def _cases_at(body: Body, meeting: Meeting):
    closed = dict(
        CaseEvent.objects.filter(case__body=body, kind__in=_CLOSING, on__lte=meeting.date)
        .order_by("on", "pk")
        .values_list("case_id", "on")
    )
    closing = dict(
        CaseEvent.objects.filter(case__body=body, kind__in=_CLOSING, meeting=meeting).values_list(
            "case_id", "kind"
        )
    )
    earlier = [pk for pk, on in closed.items() if on < meeting.date and pk not in closing]
    seen = CaseLink.objects.active().filter(
        case__body=body, decision__meeting__date__lte=meeting.date
    )
    cases = (
        Case.objects.for_body(body)
        .exclude(state=Case.State.PROPOSED)
        .filter(pk__in=seen.values("case"))
        .exclude(pk__in=earlier)
    )
    return cases, closing


def _decisions(cases, cutoff) -> dict[int, list[PastDecision]]:
    links = (
        CaseLink.objects.active()
        .filter(case__in=cases, role=CaseLink.Role.SUBJECT)
        .select_related("decision__meeting")
        .order_by("decision__meeting__date", "decision__position", "pk")
    )
    if cutoff is not None:
        links = links.filter(decision__meeting__date__lte=cutoff)
    result: dict[int, list[PastDecision]] = {}
    for link in links:
        decision = link.decision
        result.setdefault(link.case_id, []).append(
            PastDecision(decision.meeting.date, decision.text.strip(), decision.agency_mentions)
        )
    return result


def _row(number, case, decisions, progress, closing) -> Row:
    lead = [a.organisation.name for a in case.agency_rows if a.role == DecisionAgency.Role.LEAD]
    supporting = [a.organisation.name for a in case.agency_rows if a.role != "lead"]
    if not case.agency_rows and decisions:
        lead = _mentioned(decisions[-1])
    reports = progress.get(case.pk, [])
    texts = [f"{r.assignment.organisation.name}：{r.text.strip()}" for r in reports]
    if case.pk in closing:
        suggestion = _CLOSING[closing[case.pk]]
    else:
        suggestion = suggestion_for(reports)
    return Row(
        number=number,
        case=case,
        lead=lead,
        supporting=supporting,
        decisions=decisions,
        progress=texts,
        suggestion=str(SUGGESTIONS[suggestion]),
        suggestion_key=suggestion,
        deadline=case.deadline,
    )


def _mentioned(decision: PastDecision) -> list[str]:
    """Agencies as the latest decision wrote them, when none matched an organisation."""
    names: list[str] = []
    for mention in decision.mentions or []:
        name = mention.get("name") or mention.get("mention")
        if name and name not in names:
            names.append(name)
    return names


def suggestion_for(reports) -> str:
    """The lead agency's accepted proposal wins; otherwise the first proposal to close."""
    for report in reports:
        if report.assignment.role == DecisionAgency.Role.LEAD:
            return report.proposal
    for report in reports:
        if report.proposal != Proposal.KEEP:
            return report.proposal
    return Proposal.KEEP
