"""`{% load pipeline %}{% pipeline_nav %}`: menu entries of the living-lab pipeline."""

from django import template

register = template.Library()


@register.inclusion_tag("needs/_nav.html", takes_context=True)
def pipeline_nav(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    match = getattr(request, "resolver_match", None)
    return {
        "signed_in": bool(user and user.is_authenticated),
        "current": (getattr(match, "app_name", ""), getattr(match, "url_name", "")),
    }


@register.inclusion_tag("needs/_home.html")
def pipeline_home():
    return {}
