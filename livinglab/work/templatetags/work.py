"""`{% load work %}{% case_progress case %}`: a case's progress reports the user may see,
for the case page's timeline."""

from django import template

from livinglab.work.models import ProgressReport

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
