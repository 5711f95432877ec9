"""`{% load work %}{% case_progress case %}`: a case's progress reports the user may see,
for the case page's timeline; `public_case_progress` and `with_public_progress`: the
progress anyone may see (figures, dates and kinds only; see `work.progress`) on the case
page and the registry's rows, which tracking's templates show without importing work."""

from django import template
from django.utils.html import format_html
from django.utils.translation import pgettext

from livinglab.core import roc
from livinglab.work.models import ProgressReport
from livinglab.work.progress import public_progress

register = template.Library()


@register.inclusion_tag("work/_case_progress.html", takes_context=True)
def case_progress(context, case):
    request = context.get("request")
    user = getattr(request, "user", None)
    reports = (
        ProgressReport.objects.visible_to(user)
        .filter(assignment__case=case)
        .select_related("assignment__organisation", "author", "reviewed_by")
        .prefetch_related("attachments", "revisions__actor")
    )
    return {"progress_reports": list(reports), "request": request}


@register.inclusion_tag("work/_public_progress.html")
def public_case_progress(case):
    """The case page's progress line: how far along, its latest stage, when reported."""
    return {"progress": public_progress([case.pk], whole_history=False).get(case.pk)}


@register.simple_tag
def with_public_progress(rows):
    """`{% with_public_progress page as rows %}`: registry rows (dicts), each with its
    case's public progress under `progress`, read for all the rows in a fixed number of
    queries."""
    rows = list(rows)
    states = {row["pk"]: row["state"] for row in rows}
    progress = public_progress(list(states), states, whole_history=False)
    return [{**row, "progress": progress.get(row["pk"])} for row in rows]


@register.simple_tag
def progress_bar(progress):
    """`{% progress_bar progress %}`: a case's bar, its percent and its latest stage.
    Written here rather than as an included template: the registry prints it on each of
    its 50 rows, where the include was a fifth of the page's time."""
    if progress is None:
        return ""
    bar = stage = ""
    if progress.percent is not None:
        bar = format_html(
            '<span class="case-progress-bar"><progress max="100" value="{0}"'
            ' aria-label="{1}">{0}%</progress> <span class="percent">{0}%</span></span>',
            progress.percent,
            pgettext("how far along", "Progress"),
        )
    if progress.stage:
        stage = format_html(
            '<span class="case-stage">{} · {}</span>',
            progress.stage_label,
            roc.official_date(progress.stage[0]),
        )
    return format_html("{}{}", bar, stage)


@register.inclusion_tag("work/_case_assignments.html", takes_context=True)
def case_assignments(context, case):
    """The agencies' assignments on a case with their person in charge, for those who may
    see them (the body's secretariat, the agencies' officers); nothing for others."""
    from livinglab.work.in_charge import in_charge
    from livinglab.work.models import Assignment

    request = context.get("request")
    user = getattr(request, "user", None)
    assignments = (
        Assignment.objects.visible_to(user)
        .current()
        .filter(case=case)
        .select_related("case", "organisation", "responsible")
        .order_by("role", "organisation__name")
    )
    rows = [in_charge(user, assignment) for assignment in assignments]
    return {"rows": rows, "request": request, "next": request.get_full_path() if request else ""}


@register.inclusion_tag("work/_nav.html", takes_context=True)
def work_nav(context):
    """Menu entries for agency work, shown to officers and the secretariat only."""
    from livinglab.orgs.roles import roles_of

    request = context.get("request")
    roles = roles_of(getattr(request, "user", None))
    return {
        "request": request,
        "show_work": roles.is_admin or bool(roles.officer_org_ids) or roles.is_secretariat,
        "show_tables": roles.is_secretariat,
    }
