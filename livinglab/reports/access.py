"""Who may read tracking tables, agendas and dashboards.

- A body's table, agenda and dashboard: its secretariat and admins (the body policy's
  "manage" action).
- An agency's dashboard: that agency's officers, any secretariat and admins; each sees
  the agency's cases they may see (`Case.objects.visible_to`).
- The platform dashboard: secretariats and admins, over every case they may see.
Proposers, reviewers and the public see none of it.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from livinglab.core.access import get_for_user
from livinglab.meetings.models import Body
from livinglab.orgs.models import Organisation
from livinglab.orgs.roles import roles_of
from livinglab.tracking.models import Case


def report_bodies(user):
    roles = roles_of(user)
    bodies = Body.objects.all()
    return bodies if roles.is_admin else bodies.filter(pk__in=roles.secretariat_body_ids)


def get_body_for_reports(user, pk) -> Body:
    return get_for_user(Body.objects, user, pk, "manage")


def report_agencies(user):
    """Agencies whose dashboard the user may open."""
    roles = roles_of(user)
    agencies = Organisation.objects.agencies()
    if roles.is_secretariat:
        return agencies
    return agencies.filter(pk__in=roles.officer_org_ids)


@dataclass
class Scope:
    """What a dashboard covers: one body, one agency or the whole platform."""

    kind: str  # "body", "agency" or "platform"
    obj: Body | Organisation | None
    cases: QuerySet

    @property
    def name(self) -> str:
        return self.obj.name if self.obj is not None else _("All bodies")

    def url(self, what: str, *args) -> str:
        """`what` is "dashboard", "chart" or "dashboard_file", then the chart or format."""
        name = {"body": "", "agency": "agency_", "platform": "platform_"}[self.kind] + what
        own = [self.obj.pk] if self.obj is not None else []
        return reverse(f"reports:{name}", args=[*own, *args])


def body_scope(user, pk) -> Scope:
    body = get_body_for_reports(user, pk)
    return Scope("body", body, Case.objects.for_body(body))


def agency_scope(user, pk) -> Scope:
    agency = get_for_user(Organisation.objects.agencies(), user, pk, "view")
    if not report_agencies(user).filter(pk=agency.pk).exists():
        raise PermissionDenied
    return Scope("agency", agency, Case.objects.for_agency(agency).visible_to(user))


def platform_scope(user) -> Scope:
    if not roles_of(user).is_secretariat:
        raise PermissionDenied
    return Scope("platform", None, Case.objects.visible_to(user))
