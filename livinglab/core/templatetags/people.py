"""`{{ report.author|person }}`: a person's display name (林書記), never their login name."""

from django import template

from livinglab.core.people import display_name

register = template.Library()


@register.filter
def person(user) -> str:
    return display_name(user) if user else ""
