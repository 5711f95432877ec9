"""Reports as files: the tracking table, the draft agenda and the dashboard.

Views and the `tracking_table` command call these; the access checks happen before
(`reports.access`), since every function here takes an object the caller may read.
Text documents (.odt/.docx) carry the dashboard charts as PNG images drawn with a CJK
font; without one they say that the charts were left out.
"""

from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from livinglab.core.roc import roc_date
from livinglab.meetings.models import Body, Meeting
from livinglab.reports import charts
from livinglab.reports.access import Scope
from livinglab.reports.agenda import agenda_report, build_agenda
from livinglab.reports.dashboard import Dashboard, build_dashboard, quarter_label
from livinglab.reports.exports import (
    Report,
    Section,
    export,
    report_to_docx,
    report_to_odt,
    to_docx,
    to_odt,
)
from livinglab.reports.tracking_table import build_table
from livinglab.tracking.models import Case, CaseAgency
from livinglab.work.models import Assignment
from livinglab.work.services import sync_assignments

TEXT_FORMATS = ("odt", "docx")


def no_cjk_font_notice() -> str:
    return _(
        "The charts are left out: no CJK font (Noto Sans CJK, Debian package "
        "fonts-noto-cjk) is installed on the server. The numbers are in the tables."
    )


def chart_images(dashboard: Dashboard) -> tuple[list[bytes], str]:
    """PNG charts for a text document, and the sentence to print above them."""
    images = charts.render_all_png(dashboard)
    if not images:
        return [], no_cjk_font_notice()
    return images, _("Charts")


def dashboard_for(cases) -> Dashboard:
    """The dashboard of `cases`, with agency assignments brought up to date first."""
    if not assignments_current(cases):
        sync_assignments(cases)
    return build_dashboard(cases)


def assignments_current(cases) -> bool:
    """Whether `work.services.sync_assignments` would change nothing, asked in two
    EXISTS queries: every responsible agency of a tracked case has its assignment in its
    role, and no assignment's deadline has drifted from its case's (unless set by hand)."""
    tracked = cases.filter(state=Case.State.TRACKED)
    matching = Assignment.objects.filter(
        case=OuterRef("case"), organisation=OuterRef("organisation"), role=OuterRef("role")
    )
    if CaseAgency.objects.filter(case__in=tracked).exclude(Exists(matching)).exists():
        return False
    case_deadline = F("case__deadline")
    drifted = Assignment.objects.filter(case__in=tracked, deadline_edited=False).filter(
        Q(deadline__lt=case_deadline)
        | Q(deadline__gt=case_deadline)
        | Q(deadline__isnull=True, case__deadline__isnull=False)
        | Q(deadline__isnull=False, case__deadline__isnull=True)
    )
    return not drifted.exists()


def dashboard_of(scope: Scope) -> Dashboard:
    """A body's or an agency's cases are few enough to bring their assignments up to date
    on the way; the platform's rely on the bodies' and agencies' views having done so."""
    if scope.kind == "platform":
        return build_dashboard(scope.cases)
    return dashboard_for(scope.cases)


def export_table(body: Body, fmt: str, meeting: Meeting | None = None) -> tuple[bytes, int]:
    """The tracking table as a file, and how many cases it lists."""
    table = build_table(body, meeting)
    if fmt not in TEXT_FORMATS:
        return export(table, fmt), len(table.rows)
    images, notice = chart_images(dashboard_for(Case.objects.for_body(body)))
    write = to_odt if fmt == "odt" else to_docx
    return write(table, images, notice), len(table.rows)


def export_agenda(body: Body, fmt: str) -> bytes:
    report = agenda_report(build_agenda(body))
    return _write(report, fmt)


def export_dashboard(scope: Scope, fmt: str) -> bytes:
    dashboard = dashboard_of(scope)
    report = dashboard_report(scope, dashboard)
    report.images, report.notice = chart_images(dashboard)
    return _write(report, fmt)


def dashboard_report(scope: Scope, dashboard: Dashboard) -> Report:
    cases = _("Cases")
    sections = [
        Section(
            _("Cases by state"),
            [_("State"), cases],
            [[label, str(n)] for _key, label, n in dashboard.states],
        ),
        Section(
            _("Tracked and closed per quarter"),
            [_("Quarter"), _("newly tracked"), _("closed")],
            [[quarter_label(q), str(t), str(c)] for q, t, c in dashboard.quarters],
        ),
        Section(
            _("Overdue by agency"),
            [_("Agency"), _("Overdue assignments")],
            [[name, str(n)] for name, n in dashboard.overdue_by_agency],
            note="" if dashboard.overdue_by_agency else _("Nothing overdue."),
        ),
        Section(
            _("How long cases stay tracked"),
            [_("Time tracked"), _("still tracked"), _("closed")],
            [[b.label, str(b.open), str(b.closed)] for b in dashboard.ageing],
        ),
    ]
    title = _("Dashboard: %(name)s") % {"name": scope.name}
    return Report(title, roc_date(timezone.localdate()), sections)


def _write(report: Report, fmt: str) -> bytes:
    if fmt not in TEXT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    return report_to_odt(report) if fmt == "odt" else report_to_docx(report)
