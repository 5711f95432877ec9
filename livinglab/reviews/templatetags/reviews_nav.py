"""`{% load reviews_nav %}{% reviews_nav %}`: the menu entry for reviewers and the secretariat."""

from django import template

from livinglab.orgs.roles import roles_of

register = template.Library()


@register.inclusion_tag("reviews/_nav.html", takes_context=True)
def reviews_nav(context):
    request = context.get("request")
    roles = roles_of(getattr(request, "user", None))
    return {"request": request, "show": roles.is_reviewer or roles.is_secretariat}


@register.inclusion_tag("reviews/_desk_section.html", takes_context=True)
def reviews_desk(context):
    """The desk's reviews section: reviews due for a reviewer; for the secretariat, what
    waits in the calls they run."""
    from livinglab.reviews import queue

    request = context.get("request")
    user = getattr(request, "user", None)
    roles = roles_of(user)
    due = queue.due_for(user) if roles.is_reviewer else []
    calls = queue.calls_for_secretariat(user) if roles.is_secretariat else []
    return {"request": request, "due": due, "calls": calls, "show": roles.is_reviewer or calls}
