"""Who may read a body's tracking table and dashboard: its secretariat and admins."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from livinglab.meetings.models import Body
from livinglab.orgs.roles import roles_of


def report_bodies(user):
    roles = roles_of(user)
    bodies = Body.objects.all()
    return bodies if roles.is_admin else bodies.filter(pk__in=roles.secretariat_body_ids)


def get_body_for_reports(user, pk) -> Body:
    body = get_object_or_404(Body.objects.visible_to(user), pk=pk)
    if not report_bodies(user).filter(pk=body.pk).exists():
        raise PermissionDenied
    return body
