"""The trials section of the search page (`proposals:search`), which knows no trials."""

from django import template

from livinglab.trials.models import Trial

register = template.Library()

LIMIT = 50


@register.inclusion_tag("trials/_found.html", takes_context=True)
def found_trials(context, query: str) -> dict:
    """Trials the reader may see (`Trial.objects.visible_to`) holding every word."""
    trials = (
        Trial.objects.visible_to(context["request"].user)
        .search(query)
        .select_related("agency", "site")
        .order_by("-starts_on", "-pk")[:LIMIT]
    )
    return {"trials": list(trials)}
