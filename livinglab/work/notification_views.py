"""The bell, the list of notifications and the preferences page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from livinglab.orgs.roles import roles_of
from livinglab.work import notifications
from livinglab.work.forms import PreferenceForm
from livinglab.work.models import Notification
from livinglab.work.views import _staff_only

LIST_LENGTH = 50


@never_cache
def bell(request):
    """The header's bell, fetched by htmx after the page loads (pages stay cacheable)."""
    roles = roles_of(request.user)
    if not (roles.is_admin or roles.officer_org_ids or roles.secretariat_body_ids):
        return HttpResponse("")
    count = notifications.unread_count(request.user)
    return render(request, "work/_bell.html", {"unread": count})


@login_required
def notification_list(request):
    """The latest notifications; opening the list marks them read."""
    _staff_only(request.user)
    items = list(Notification.objects.visible_to(request.user)[:LIST_LENGTH])
    notifications.mark_read(request.user, [n for n in items if n.read_at is None])
    return render(request, "work/notifications.html", {"notifications": items})


@login_required
def preferences(request):
    _staff_only(request.user)
    current = notifications.preference_of(request.user)
    form = PreferenceForm(
        initial={"email_digest": current.email_digest, "days_ahead": current.days_ahead}
    )
    if request.method == "POST":
        form = PreferenceForm(request.POST)
        if form.is_valid():
            notifications.set_preference(request.user, **form.cleaned_data)
            messages.success(request, _("Notification preferences saved."))
            return redirect("work:preferences")
    return render(request, "work/preferences.html", {"form": form})
