"""On a tracked case's page: the KPI that proposed it, and whether it is back on track."""

from django import template

from livinglab.kpis.models import OffTrackAlert

register = template.Library()


@register.inclusion_tag("kpis/_case_kpis.html")
def case_kpis(case):
    document_ids = case.links.values("decision__meeting__document_id")
    alerts = OffTrackAlert.objects.filter(draft_id__in=document_ids).select_related(
        "definition", "scope"
    )
    return {"alerts": list(alerts)}
