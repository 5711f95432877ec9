"""Reports as files: the tracking table, the draft agenda and the dashboard.

Views and the `tracking_table` command call these; the access checks happen before
(`reports.access`), since every function here takes an object the caller may read.
Text documents (.odt/.docx) carry the dashboard charts as PNG images drawn with a CJK
font; without one they say that the charts were left out.
"""

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
from livinglab.tracking.models import Case

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


def dashboard_of(scope: Scope) -> Dashboard:
    """Assignments follow their cases when those change (`work.services.follow_cases`),
    so a dashboard only reads them."""
    return build_dashboard(scope.cases)


def export_table(
    body: Body, fmt: str, meeting: Meeting | None = None, **options
) -> tuple[bytes, int]:
    """The tracking table as a file, and how many cases it lists (`options`: the
    number, date and `latest_only` of `build_table`)."""
    data, table = table_file(body, fmt, meeting, **options)
    return data, len(table.rows)


def table_file(body: Body, fmt: str, meeting: Meeting | None = None, **options):
    """The tracking table as a file, and the table (its rows and its file name)."""
    table = build_table(body, meeting, **options)
    if fmt not in TEXT_FORMATS:
        return export(table, fmt), table
    images, notice = chart_images(build_dashboard(Case.objects.for_body(body)))
    write = to_odt if fmt == "odt" else to_docx
    return write(table, images, notice), table


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
