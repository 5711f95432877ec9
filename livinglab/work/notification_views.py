"""The bell, the list of notifications and the preferences page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from livinglab.orgs.roles import roles_of
from livinglab.work import notifications
from livinglab.work.forms import PreferenceForm
from livinglab.work.models import Notification
from livinglab.work.views import _staff_only

LIST_LENGTH = 50


@never_cache
def bell(request):
    """The header's bell, fetched by htmx after the page loads (pages stay cacheable)."""
    # Every role hears about its own work now: proposers of their proposals, reviewers
    # of their reviews, officers and the secretariat of cases.
    if not request.user.is_authenticated:
        return HttpResponse("")
    count = notifications.unread_count(request.user)
    return render(request, "work/_bell.html", {"unread": count})


@login_required
@require_http_methods(["GET", "POST"])
def notification_list(request):
    """The latest notifications. Reading the list changes nothing (a GET may be a
    prefetch); "mark all as read" is a POST."""
    if request.method == "POST":
        notifications.mark_read(request.user)
        return redirect("work:notifications")
    items = list(Notification.objects.visible_to(request.user)[:LIST_LENGTH])
    context = {
        "notifications": items,
        "unread": any(n.read_at is None for n in items),
        "has_preferences": _has_preferences(request.user),
    }
    return render(request, "work/notifications.html", context)


@login_required
@require_POST
def notification_open(request, pk: int):
    """Open what a notification is about, marking it read on the way."""
    notification = get_object_or_404(Notification.objects.visible_to(request.user), pk=pk)
    notifications.mark_read(request.user, [notification])
    if notification.url and url_has_allowed_host_and_scheme(
        notification.url, allowed_hosts={request.get_host()}
    ):
        return redirect(notification.url)
    return redirect("work:notifications")


def _has_preferences(user) -> bool:
    # The preferences are of the agencies' deadline digest.
    roles = roles_of(user)
    return bool(roles.is_admin or roles.officer_org_ids or roles.secretariat_body_ids)


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
