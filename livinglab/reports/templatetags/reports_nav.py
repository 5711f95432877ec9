from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from livinglab.orgs.roles import roles_of

register = template.Library()


@register.simple_tag(takes_context=True)
def reports_nav(context):
    """The Dashboards item of the main menu, for the secretariat and agency officers."""
    request = context.get("request")
    user = getattr(request, "user", None)
    roles = roles_of(user)
    if not (roles.is_secretariat or roles.is_officer):
        return ""
    match = getattr(request, "resolver_match", None)
    current = match is not None and match.url_name in {
        "dashboards",
        "dashboard",
        "agency_dashboard",
        "platform_dashboard",
    }
    return format_html(
        '<li><a href="{}"{}>{}</a></li>',
        reverse("reports:dashboards"),
        mark_safe(' aria-current="page"') if current else "",  # noqa: S308  (a constant)
        _("Dashboards"),
    )
