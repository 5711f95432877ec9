import sys

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static

from livinglab.core.waiting import waiting_for
from livinglab.orgs.models import Organisation

# How long a client should wait before it asks again while the database is away.
RETRY_AFTER_SECONDS = 30


def favicon(request):
    # Looked up per request: the collected files' manifest exists only after collectstatic.
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


def home(request):
    counts = {
        "cities": Organisation.objects.cities().count(),
        "agencies": Organisation.objects.agencies().count(),
    }
    context = {"counts": counts}
    if request.user.is_authenticated:
        context["waiting"] = waiting_for(request.user)
    return render(request, "core/home.html", context)


def error_404(request, exception=None):
    return render(request, "errors/404.html", status=404)


def error_403(request, exception=None):
    return render(request, "errors/403.html", status=403)


def error_500(request):
    # Called while the exception is being handled: a database that cannot be reached is
    # an outage the client should retry, not a bug of this page.
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        # Rendered without the request: its context processors might ask the database.
        page = render_to_string("errors/503.html")
        response = HttpResponse(page, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return render(request, "errors/500.html", status=500)
