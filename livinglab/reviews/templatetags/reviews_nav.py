"""`{% load reviews_nav %}{% reviews_nav %}`: the menu entry for reviewers and the secretariat."""

from django import template

from livinglab.orgs.roles import roles_of

register = template.Library()


@register.inclusion_tag("reviews/_nav.html", takes_context=True)
def reviews_nav(context):
    request = context.get("request")
    roles = roles_of(getattr(request, "user", None))
    return {"request": request, "show": roles.is_reviewer or roles.is_secretariat}
